// `trunkcheck monitor`: the keep-alive the PBX will send, live: a Binding request from the SIP
// port every N seconds (10 for SwyxWare, per the source document), with every change logged.
import { formatAddress } from '../../shared/address';
import { validateRequest } from '../../shared/ipc';
import type { MonitorEvent } from '../../shared/monitor';
import { createHandlers, type HandlerContext } from '../handlers';
import { parseArgs } from './args';
import { EXIT, type CommandResult } from './exit';
import { numberOf } from './flag-values';
import { refusal, usage } from './refusal';

// The flags become the wizard's monitor:start request, through the same validator and handler.
export async function monitorCommand(argv: readonly string[], write: (line: string) => void, until: Promise<void>): Promise<CommandResult> {
  const parsed = parseArgs(argv, {
    stun: { type: 'string' },
    profile: { type: 'string' },
    'local-ip': { type: 'string' },
    'sip-port': { type: 'string' },
    interval: { type: 'string' },
    json: { type: 'boolean' },
  });
  const json = parsed.ok ? parsed.flags.json === true : argv.includes('--json');
  if (!parsed.ok) return usage(parsed.message, json);
  const { flags } = parsed;
  const request = validateRequest('monitor:start', {
    stun: flags.stun,
    profileId: flags.profile,
    localIp: flags['local-ip'],
    sipPort: numberOf(flags['sip-port'] as string | undefined),
    intervalSec: numberOf(flags.interval as string | undefined),
  });
  if (!request.ok) return refusal(request.error, json);

  const handlers = createHandlers({ mode: 'cli' });
  const context: HandlerContext = { progress: () => undefined, monitorEvent: (event) => write(json ? JSON.stringify(event) : describeEvent(event)) };
  const started = await handlers['monitor:start'](request.value, context);
  if (!started.ok) return refusal(started.error, json);
  const { local, server, intervalSec } = started.value;
  if (!json) write(`Keeping UDP ${local.port} alive towards ${server} every ${intervalSec} s. Press Ctrl+C to stop.`);
  await until;
  const stopped = await handlers['monitor:stop'](null, context);
  const summary = stopped.ok ? stopped.value : null;
  if (summary === null) return { code: EXIT.network, stderr: 'The keep-alive monitor had already stopped.' };
  const line = `${summary.sent} keep-alives, ${summary.answered} answered, ${summary.missed} missed, ${summary.addressChanges} address changes, ${summary.bindingLost} bindings lost.`;
  return { code: summary.bindingLost > 0 || summary.addressChanges > 0 ? EXIT.failed : EXIT.ok, stdout: json ? JSON.stringify({ summary }) : line };
}

function describeEvent(event: MonitorEvent): string {
  const time = event.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  switch (event.kind) {
    case 'started':
      return `${time}  started: public address ${formatAddress(event.mapped)} (${event.rttMs.toFixed(1)} ms)`;
    case 'ok':
      return `${time}  ok: ${formatAddress(event.mapped)} (${event.rttMs.toFixed(1)} ms)`;
    case 'miss':
      return `${time}  no answer (${event.consecutive} in a row): ${event.reason}`;
    default:
      return `${time}  ${event.kind}: ${event.message}`;
  }
}
