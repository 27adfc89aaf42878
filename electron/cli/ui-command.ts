// `trunkcheck ui`: the wizard in a browser, served on 127.0.0.1 only.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkServer } from '../../shared/ipc';
import { errorOf } from '../../shared/result';
import { CLI } from '../../shared/text';
import { createHandlers } from '../handlers';
import { startUiServer } from '../ui-server/server';
import { parseArgs, parsePortFlag } from './args';
import { EXIT, type CommandResult } from './exit';
import { chooseLanguage, langFlag } from './language';
import { refusal } from './refusal';

export function rendererDir(): string {
  // Built layout: out/main/cli.js (or a chunk in out/main/chunks/) and out/renderer/ beside it.
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'renderer'), join(here, '..', '..', 'renderer')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? (candidates[0] as string);
}

export async function uiCommand(argv: readonly string[]): Promise<CommandResult> {
  const { language, refused } = chooseLanguage(argv);
  const parsed = parseArgs(argv, { port: { type: 'string' }, stun: { type: 'string' }, lang: { type: 'string' } }, 'ui');
  if (refused !== null) return refusal(refused, false, language);
  if (!parsed.ok) return refusal(parsed.error, false, language);
  const port = parsePortFlag(parsed.flags.port as string | undefined, 'port');
  if (!port.ok) return refusal(port.error, false, language);
  const stun = parsed.flags.stun as string | undefined;
  const checked = stun === undefined ? undefined : checkServer(stun, 'stun');
  // The same code and sentence as over IPC, led by the option, as diagnose and monitor say it.
  if (checked !== undefined && !checked.ok) return refusal(checked.error, false, language);
  const staticDir = rendererDir();
  if (!existsSync(join(staticDir, 'index.html'))) return refusal(errorOf('cli/ui-not-built', { folder: staticDir }), false, language, EXIT.usage);
  let server;
  try {
    server = await startUiServer({ handlers: createHandlers({ mode: 'browser', ...(stun ? { defaultStunServer: stun } : {}) }), staticDir, ...(port.port ? { port: port.port } : {}) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const failed = code === 'EADDRINUSE' ? errorOf('cli/ui-port-in-use', { port: port.port ?? 0 }) : errorOf('cli/ui-failed', { detail: String((error as Error).message).slice(0, 500) });
    return refusal(failed, false, language, EXIT.network);
  }
  // Only a --lang given on the line sets the wizard's first language; else it follows the browser.
  const url = langFlag(argv) === undefined ? server.url : `${server.url}&lang=${language}`;
  process.stdout.write(`${CLI[language].uiServing(url, server.port)}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return { code: EXIT.ok };
}
