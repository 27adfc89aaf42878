// `trunkcheck monitor`: the keep-alive the PBX will send, live: a Binding request from the SIP
// port every N seconds (10 for SwyxWare, per the source document), with every change logged.
import { formatAddress } from '../../shared/address';
import { findProfile, PBX_PROFILES } from '../../shared/catalog/profiles';
import { checkServer } from '../../shared/ipc';
import { openMonitor, type MonitorEvent } from '../monitor/keepalive';
import { resolveTarget } from '../net/resolve';
import { parseArgs, parsePortFlag } from './args';
import { EXIT, type CommandResult } from './exit';
import { errorLine } from './error-line';

export async function monitorCommand(argv: readonly string[], write: (line: string) => void, until: Promise<void>): Promise<CommandResult> {
  const parsed = parseArgs(argv, {
    stun: { type: 'string' },
    profile: { type: 'string' },
    'local-ip': { type: 'string' },
    'sip-port': { type: 'string' },
    interval: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (!parsed.ok) return { code: EXIT.usage, stderr: parsed.message };
  const { flags } = parsed;
  const profile = findProfile((flags.profile as string | undefined) ?? 'swyxware');
  if (profile === undefined) return { code: EXIT.usage, stderr: `There is no PBX profile "${String(flags.profile).slice(0, 40)}": choose one of ${PBX_PROFILES.map((p) => p.id).join(', ')}.` };
  const stun = flags.stun as string | undefined;
  if (stun === undefined) return { code: EXIT.usage, stderr: 'Name the STUN server to keep the binding alive with: --stun HOST[:PORT].' };
  const checked = checkServer(stun, 'stun');
  if (!checked.ok) return { code: EXIT.usage, stderr: errorLine(checked.error) };
  const sipPort = parsePortFlag(flags['sip-port'] as string | undefined, 'sip-port');
  if (!sipPort.ok) return { code: EXIT.usage, stderr: sipPort.message };
  const intervalText = (flags.interval as string | undefined) ?? String(profile.keepaliveSec);
  const intervalSec = Number(intervalText);
  if (!/^\d+(\.\d+)?$/.test(intervalText) || intervalSec < 0.2 || intervalSec > 3600) return { code: EXIT.usage, stderr: `--interval takes seconds from 0.2 to 3600, not "${intervalText.slice(0, 20)}".` };
  const localIp = flags['local-ip'] as string | undefined;
  const server = await resolveTarget(stun, profile.defaultStunPort, localIp?.includes(':') ? 6 : 4);
  if (!server.ok) return { code: server.error.code.startsWith('target/') ? EXIT.usage : EXIT.network, stderr: errorLine(server.error) };

  const json = flags.json === true;
  const monitor = await openMonitor({
    port: sipPort.port ?? profile.sipPort,
    ...(localIp ? { localIp } : {}),
    server: server.value,
    intervalSec,
    onEvent: (event) => write(json ? JSON.stringify(event) : describeEvent(event)),
  });
  if (!monitor.ok) return { code: EXIT.network, stderr: errorLine(monitor.error) };
  if (!json) write(`Keeping UDP ${monitor.value.local.port} alive towards ${formatAddress(server.value)} every ${intervalSec} s. Press Ctrl+C to stop.`);
  await until;
  const summary = await monitor.value.stop();
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
      return `${time}  no answer (${event.consecutive} in a row): ${errorLine(event.reason)}`;
    default:
      return `${time}  ${event.kind}: ${event.message}`;
  }
}
