// `trunkcheck monitor`: the keep-alive the PBX will send, live: a Binding request from the SIP
// port every N seconds (10 for SwyxWare, per the source document), with every change logged.
import { FORMAT, TERMINAL, word, type Language } from '../../shared/text';
import { chooseLanguage } from './language';
import { validateRequest } from '../../shared/ipc';
import type { MonitorEvent } from '../../shared/monitor';
import { createHandlers, type HandlerContext } from '../handlers';
import { parseArgs } from './args';
import { EXIT, type CommandResult } from './exit';
import { numberOf } from './flag-values';
import { refusal } from './refusal';
import { errorOf } from '../../shared/result';

// The flags become the wizard's monitor:start request, through the same validator and handler.
export async function monitorCommand(argv: readonly string[], write: (line: string) => void, until: Promise<void>): Promise<CommandResult> {
  const { language, refused } = chooseLanguage(argv);
  const parsed = parseArgs(argv, {
    stun: { type: 'string' },
    profile: { type: 'string' },
    'local-ip': { type: 'string' },
    'sip-port': { type: 'string' },
    interval: { type: 'string' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
  }, 'monitor');
  const json = parsed.ok ? parsed.flags.json === true : argv.includes('--json');
  if (refused !== null) return refusal(refused, json, language);
  if (!parsed.ok) return refusal(parsed.error, json, language);
  const { flags } = parsed;
  const t = TERMINAL[language];
  const request = validateRequest('monitor:start', {
    stun: flags.stun,
    profileId: flags.profile,
    localIp: flags['local-ip'],
    sipPort: numberOf(flags['sip-port'] as string | undefined),
    intervalSec: numberOf(flags.interval as string | undefined),
  });
  if (!request.ok) return refusal(request.error, json, language);

  const handlers = createHandlers({ mode: 'cli' });
  const context: HandlerContext = { progress: () => undefined, monitorEvent: (event) => write(json ? JSON.stringify(event) : describeEvent(event, language)) };
  const started = await handlers['monitor:start'](request.value, context);
  if (!started.ok) return refusal(started.error, json, language);
  const { local, server, intervalSec } = started.value;
  if (!json) write(t.keeping(local.port, server, intervalSec));
  await until;
  const stopped = await handlers['monitor:stop'](null, context);
  const summary = stopped.ok ? stopped.value : null;
  if (summary === null) return refusal(stopped.ok ? errorOf('cli/monitor-stopped') : stopped.error, json, language, EXIT.network);
  const line = t.monitorSummary(summary.sent, summary.answered, summary.missed, summary.addressChanges, summary.bindingLost);
  return { code: summary.bindingLost > 0 || summary.addressChanges > 0 ? EXIT.failed : EXIT.ok, stdout: json ? JSON.stringify({ summary }) : line };
}

// One log line: the time (UTC, to the second) and what happened.
function describeEvent(event: MonitorEvent, language: Language): string {
  return `${FORMAT[language].time(event.at)}  ${word(language, event.message)}`;
}
