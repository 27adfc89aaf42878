// `trunkcheck monitor`: the keep-alive the PBX will send, live: a Binding request from the SIP
// port every N seconds (10 for SwyxWare, per the source document), with every change logged.
import { formatAddress } from '../../shared/address';
import { findProfile, PBX_PROFILES } from '../../shared/catalog/profiles';
import { FORMAT, TERMINAL, word, type Language } from '../../shared/text';
import { openMonitor, type MonitorEvent } from '../monitor/keepalive';
import { resolveTarget } from '../net/resolve';
import { parseArgs, parsePortFlag } from './args';
import { EXIT, type CommandResult } from './exit';
import { chooseLanguage } from './language';

export async function monitorCommand(argv: readonly string[], write: (line: string) => void, until: Promise<void>): Promise<CommandResult> {
  const parsed = parseArgs(argv, {
    stun: { type: 'string' },
    profile: { type: 'string' },
    'local-ip': { type: 'string' },
    'sip-port': { type: 'string' },
    interval: { type: 'string' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
  });
  if (!parsed.ok) return { code: EXIT.usage, stderr: parsed.message };
  const { flags } = parsed;
  const lang = chooseLanguage(flags.lang as string | undefined);
  if (!lang.ok) return { code: EXIT.usage, stderr: lang.message };
  const { language } = lang;
  const t = TERMINAL[language];
  const profile = findProfile((flags.profile as string | undefined) ?? 'swyxware');
  if (profile === undefined) return { code: EXIT.usage, stderr: `There is no PBX profile "${String(flags.profile).slice(0, 40)}": choose one of ${PBX_PROFILES.map((p) => p.id).join(', ')}.` };
  const stun = flags.stun as string | undefined;
  if (stun === undefined) return { code: EXIT.usage, stderr: 'Name the STUN server to keep the binding alive with: --stun HOST[:PORT].' };
  const sipPort = parsePortFlag(flags['sip-port'] as string | undefined, 'sip-port');
  if (!sipPort.ok) return { code: EXIT.usage, stderr: sipPort.message };
  const intervalText = (flags.interval as string | undefined) ?? String(profile.keepaliveSec);
  const intervalSec = Number(intervalText);
  if (!/^\d+(\.\d+)?$/.test(intervalText) || intervalSec < 0.2 || intervalSec > 3600) return { code: EXIT.usage, stderr: `--interval takes seconds from 0.2 to 3600, not "${intervalText.slice(0, 20)}".` };
  const localIp = flags['local-ip'] as string | undefined;
  const server = await resolveTarget(stun, profile.defaultStunPort, localIp?.includes(':') ? 6 : 4);
  if (!server.ok) return { code: server.error.code.startsWith('target/') ? EXIT.usage : EXIT.network, stderr: server.error.message };

  const json = flags.json === true;
  const monitor = await openMonitor({
    port: sipPort.port ?? profile.sipPort,
    ...(localIp ? { localIp } : {}),
    server: server.value,
    intervalSec,
    onEvent: (event) => write(json ? JSON.stringify(event) : describeEvent(event, language)),
  });
  if (!monitor.ok) return { code: EXIT.network, stderr: monitor.error.message };
  if (!json) write(t.keeping(monitor.value.local.port, formatAddress(server.value), intervalSec));
  await until;
  const summary = await monitor.value.stop();
  const line = t.monitorSummary(summary.sent, summary.answered, summary.missed, summary.addressChanges, summary.bindingLost);
  return { code: summary.bindingLost > 0 || summary.addressChanges > 0 ? EXIT.failed : EXIT.ok, stdout: json ? JSON.stringify({ summary }) : line };
}

// One log line: the time (UTC, to the second) and what happened.
function describeEvent(event: MonitorEvent, language: Language): string {
  return `${FORMAT[language].time(event.at)}  ${word(language, event.message)}`;
}
