// `trunkcheck ui`: the wizard in a browser, served on 127.0.0.1 only.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkServer } from '../../shared/ipc';
import { createHandlers } from '../handlers';
import { startUiServer } from '../ui-server/server';
import { parseArgs, parsePortFlag } from './args';
import { EXIT, type CommandResult } from './exit';
import { refusal } from './refusal';

export function rendererDir(): string {
  // Built layout: out/main/cli.js (or a chunk in out/main/chunks/) and out/renderer/ beside it.
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'renderer'), join(here, '..', '..', 'renderer')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? (candidates[0] as string);
}

export async function uiCommand(argv: readonly string[]): Promise<CommandResult> {
  const parsed = parseArgs(argv, { port: { type: 'string' }, stun: { type: 'string' } });
  if (!parsed.ok) return { code: EXIT.usage, stderr: parsed.message };
  const port = parsePortFlag(parsed.flags.port as string | undefined, 'port');
  if (!port.ok) return { code: EXIT.usage, stderr: port.message };
  const stun = parsed.flags.stun as string | undefined;
  const checked = stun === undefined ? undefined : checkServer(stun, 'stun');
  // The same code and sentence as over IPC, led by the option, as diagnose and monitor say it.
  if (checked !== undefined && !checked.ok) return refusal(checked.error, false);
  const staticDir = rendererDir();
  if (!existsSync(join(staticDir, 'index.html'))) {
    return { code: EXIT.usage, stderr: `The wizard is not built (${staticDir} has no index.html): run "npm run build" first.` };
  }
  let server;
  try {
    server = await startUiServer({ handlers: createHandlers({ mode: 'browser', ...(stun ? { defaultStunServer: stun } : {}) }), staticDir, ...(port.port ? { port: port.port } : {}) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { code: EXIT.network, stderr: code === 'EADDRINUSE' ? `TCP port ${port.port} on 127.0.0.1 is in use: choose another with --port, or leave it out for a free one.` : `The browser UI could not start: ${(error as Error).message}.` };
  }
  process.stdout.write(`TrunkCheck wizard: ${server.url}\nOpen it in a browser on this machine (or through an SSH tunnel: ssh -L ${server.port}:127.0.0.1:${server.port} …). Press Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return { code: EXIT.ok };
}
