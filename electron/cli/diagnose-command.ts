// `trunkcheck diagnose`: the checks without a window.
import { checkOutputTarget, writeOutputFile } from '../files/output-file';
import { formatAddress } from '../../shared/address';
import { findProfile, PBX_PROFILES, type PbxProfile } from '../../shared/catalog/profiles';
import { findProvider, hostPlaceholders, providerQualityThresholds } from '../../shared/catalog/providers';
import { natAdvice, verdictLine } from '../../shared/nat/advice';
import type { DiagnoseReport } from '../../shared/report';
import { isIPv4, isIPv6 } from '../../shared/address';
import { CHECK_IDS, isCheckId, type CheckId } from '../../shared/checks';
import { checkServer } from '../../shared/ipc';
import { diagnose } from '../diagnose/diagnose';
import { readReportFile } from './read-report';
import { algAdvice } from '../sip/alg';
import type { HistoryStore } from '../store/history';
import { parseArgs, parsePortFlag } from './args';
import { EXIT, type CommandResult } from './exit';
import { errorLine } from './error-line';

export const DIAGNOSE_FLAGS = {
  profile: { type: 'string' },
  stun: { type: 'string', repeat: true },
  sip: { type: 'string' },
  provider: { type: 'string' },
  'local-ip': { type: 'string' },
  'sip-port': { type: 'string' },
  json: { type: 'boolean' },
  lifetime: { type: 'boolean' },
  rtp: { type: 'string' },
  'rtp-full': { type: 'boolean' },
  'no-media': { type: 'boolean' },
  quality: { type: 'string' },
  out: { type: 'string', alias: 'o' },
  site: { type: 'string' },
  rerun: { type: 'string' },
  from: { type: 'string' },
} as const;

export async function diagnoseCommand(argv: readonly string[], status: (line: string) => void): Promise<CommandResult> {
  const parsed = parseArgs(argv, DIAGNOSE_FLAGS);
  if (!parsed.ok) return { code: EXIT.usage, stderr: parsed.message };
  const { flags, positional } = parsed;
  if (typeof flags.site === 'string' && !/^[a-z0-9][a-z0-9-]{0,59}$/.test(flags.site)) {
    return { code: EXIT.usage, stderr: '--site takes an id of lower-case letters, digits and dashes, for example head-office.' };
  }
  if (positional.length > 0) return { code: EXIT.usage, stderr: `diagnose takes no bare arguments ("${positional[0]?.slice(0, 40)}"): name the server with --stun HOST[:PORT].` };
  const profileId = (flags.profile as string | undefined) ?? 'swyxware';
  const profile = findProfile(profileId);
  if (profile === undefined) return { code: EXIT.usage, stderr: `There is no PBX profile "${profileId.slice(0, 40)}": choose one of ${PBX_PROFILES.map((p) => p.id).join(', ')}.` };
  const providerId = flags.provider as string | undefined;
  const provider = providerId === undefined ? undefined : findProvider(providerId);
  if (providerId !== undefined && provider === undefined) {
    return { code: EXIT.usage, stderr: `There is no provider "${providerId.slice(0, 40)}" in the catalog: see trunkcheck providers.` };
  }
  // The catalog fills in what the command line leaves out: the provider's STUN and SIP servers.
  const catalogStun = provider?.stun ? [`${provider.stun.host}:${provider.stun.port}`] : [];
  const stun = (flags.stun as string[] | undefined) ?? catalogStun;
  const sipServer = (flags.sip as string | undefined) ?? (provider?.sip && hostPlaceholders(provider.sip.host).length === 0 ? `${provider.sip.host}${provider.sip.port ? `:${provider.sip.port}` : ''}` : undefined);
  if (stun.length > 2) return { code: EXIT.usage, stderr: 'Name at most two STUN servers: the first for the public address and NAT tests, the second for mapping without RFC 5780.' };
  if (stun.length === 0) {
    return { code: EXIT.usage, stderr: `Name a STUN server with --stun HOST[:PORT] (for example --stun stun.sipgate.net:10000)${provider ? `: the catalog knows none for ${provider.name}` : ''}.` };
  }
  // The IPC contract's own check, before any name is looked up: "$(id)" or "127.0.0.1:9:9" is
  // refused here, not resolved or measured as an unreachable server.
  for (const [text, role] of [...stun.map((text) => [text, 'stun'] as const), ...(sipServer === undefined ? [] : [[sipServer, 'sip'] as const])]) {
    const server = checkServer(text, role);
    if (!server.ok) return { code: EXIT.usage, stderr: errorLine(server.error) };
  }
  const localIp = flags['local-ip'] as string | undefined;
  if (localIp !== undefined && !isIPv4(localIp) && !isIPv6(localIp)) return { code: EXIT.usage, stderr: `--local-ip must be an IP address of this machine, not "${localIp.slice(0, 40)}".` };
  const sipPort = parsePortFlag(flags['sip-port'] as string | undefined, 'sip-port');
  if (!sipPort.ok) return { code: EXIT.usage, stderr: sipPort.message };

  const rtp = parseRange(flags.rtp as string | undefined);
  if (!rtp.ok) return { code: EXIT.usage, stderr: rtp.message };
  if (flags['rtp-full'] === true && flags['no-media'] === true) return { code: EXIT.usage, stderr: '--rtp-full and --no-media contradict each other: choose one.' };
  const qualityText = flags.quality as string | undefined;
  if (qualityText !== undefined && !/^\d{1,3}$/.test(qualityText)) return { code: EXIT.usage, stderr: `--quality takes the seconds to measure, 1 to 300, not "${qualityText.slice(0, 20)}".` };
  const qualitySec = qualityText === undefined ? undefined : Number(qualityText);
  if (qualitySec !== undefined && (qualitySec < 1 || qualitySec > 300)) return { code: EXIT.usage, stderr: '--quality takes the seconds to measure, 1 to 300.' };
  const rerun = rerunOf(flags.rerun as string | undefined, flags.from as string | undefined);
  if (!rerun.ok) return { code: EXIT.usage, stderr: rerun.message };
  // A run may take minutes: where its report goes is checked before the first packet.
  const out = flags.out as string | undefined;
  const site = flags.site as string | undefined;
  if (out !== undefined) {
    const target = await checkOutputTarget(out);
    if (!target.ok) return { code: EXIT.usage, stderr: `${errorLine(target.error).replace(/\.$/, '')}; nothing was measured.` };
  }
  const store = site === undefined ? null : await openSiteHistory();
  if (store !== null && site !== undefined) {
    const usable = await store.checkSave(site);
    if (!usable.ok) {
      return { code: EXIT.usage, stderr: `${errorLine(usable.error).replace(/\.$/, '')}; nothing was measured (set TRUNKCHECK_HOME to a folder that can be written, or leave out --site).` };
    }
  }

  const result = await diagnose({
    profile,
    stun,
    ...(localIp ? { localIp } : {}),
    ...(sipPort.port ? { sipPort: sipPort.port } : {}),
    lifetime: flags.lifetime === true,
    media: flags['no-media'] === true ? 'off' : flags['rtp-full'] === true ? 'full' : 'sample',
    ...(rtp.range ? { rtp: rtp.range } : {}),
    ...(qualitySec ? { qualitySec } : {}),
    ...(sipServer ? { sip: sipServer } : {}),
    ...(provider ? { qualityThresholds: providerQualityThresholds(provider) } : {}),
    ...(rerun.value ? { rerun: rerun.value } : {}),
    progress: (_stage, message) => status(message),
  });
  if (!result.ok) {
    const code = result.error.code.startsWith('target/') || result.error.code === 'checks/rerun-mismatch' ? EXIT.usage : EXIT.network;
    return { code, stderr: errorLine(result.error) };
  }
  const report = result.value;
  const reportJson = `${JSON.stringify(report, null, 2)}\n`;
  const notSaved: string[] = [];      // where the report could not go
  const notes: string[] = [];         // files of the history moved aside or left alone
  let printed = '';                   // --out /dev/stdout: the report itself, first
  let writtenTo: string | null = null;
  if (out !== undefined) {
    const written = await writeOutputFile(out, reportJson);
    if (!written.ok) notSaved.push(errorLine(written.error));
    else if (written.value.kind === 'stdout') printed = reportJson;
    else writtenTo = out;
  }
  let historyText = '';
  if (store !== null && site !== undefined) {
    const kept = await keepInHistory(store, site, report);
    historyText = kept.text;
    notes.push(...kept.problems);
    if (kept.failed !== null) notSaved.push(kept.failed);
  }
  const json = flags.json === true;
  const problem = report.checks.publicAddress.error ? errorLine(report.checks.publicAddress.error) : undefined;
  if (notSaved.length > 0) {
    // Minutes of measuring are not thrown away: the report goes where it always can.
    const alsoIn = writtenTo === null ? 'The' : `It was written to ${writtenTo}, and the`;
    return { code: EXIT.network, stdout: reportJson, stderr: [...notes, ...notSaved, `${alsoIn} report follows on standard output as JSON: redirect it to a file to keep it.`].join('\n') };
  }
  const code = report.verdict === 'blocked' || report.rules.some((rule) => rule.status === 'failed') ? EXIT.failed : EXIT.ok;
  const stderr = [...notes, ...(problem && json ? [problem] : [])];
  return {
    code,
    stdout: printed + (json ? reportJson : formatReport(report, profile) + historyText),
    ...(stderr.length > 0 ? { stderr: stderr.join('\n') } : {}),
  };
}

// Loaded only with --site: the store's schema validation costs start-up time.
async function openSiteHistory(): Promise<HistoryStore> {
  const [{ openHistory }, { defaultStoreDir }] = await Promise.all([import('../store/history'), import('../store/paths')]);
  return openHistory({ dir: defaultStoreDir() });
}

// `--rerun sip --from REPORT.json`: one check again, the others kept from the report.
function rerunOf(check: string | undefined, from: string | undefined): { ok: true; value?: { check: CheckId; previous: DiagnoseReport } } | { ok: false; message: string } {
  if (check === undefined && from === undefined) return { ok: true };
  if (check === undefined || from === undefined) return { ok: false, message: '--rerun and --from go together: --rerun sip --from REPORT.json runs the SIP check again and keeps the rest of that report.' };
  if (!isCheckId(check)) return { ok: false, message: `--rerun takes one of ${CHECK_IDS.join(', ')}, not "${check.slice(0, 20)}".` };
  const previous = readReportFile(from);
  return previous.ok ? { ok: true, value: { check, previous: previous.value } } : { ok: false, message: errorLine(previous.error) };
}

const yesNo = (value: boolean | null, yes: string, no: string): string => (value === null ? 'not tested' : value ? yes : no);

export function formatReport(report: DiagnoseReport, profile: PbxProfile): string {
  const lines: string[] = [];
  const check = report.checks.publicAddress;
  const natEvidence = report.checks.nat;
  const nat = report.nat;
  lines.push(`TrunkCheck ${report.tool.version} · ${profile.name} · SIP port ${report.local.sipPort}`);
  lines.push('');
  lines.push(verdictLine(nat, profile.name));
  for (const advice of natAdvice(nat, profile, report.local.ip)) lines.push(`  ${advice}`);
  lines.push('');
  if (check.binding) {
    const b = check.binding;
    const preserved = b.mapped.port === report.local.sipPort ? 'port preserved' : `port changed from ${report.local.sipPort}`;
    lines.push(`Public address   ${formatAddress(b.mapped)}  (${preserved})`);
    lines.push(`STUN server      ${formatAddress(b.server)}, ${b.rttMs} ms${b.retransmissions ? ` after ${b.retransmissions} retransmissions` : ''}${b.software ? `, ${b.software}` : ''}`);
  } else {
    lines.push(`Public address   unknown: ${check.error ? errorLine(check.error) : 'no answer'}`);
  }
  if (natEvidence) {
    lines.push(`Mapping          ${nat.mapping}: ${natEvidence.mappingReason}`);
    lines.push(`Filtering        ${nat.filtering}: ${natEvidence.filteringReason}`);
    lines.push(`Hairpinning      ${yesNo(nat.hairpinning, 'yes', 'no')}`);
    if (natEvidence.server && !natEvidence.server.rfc5780) lines.push(`STUN server note ${natEvidence.server.problems.join(' ')}`);
    if (natEvidence.alg.suspected) lines.push(`Warning          ${natEvidence.alg.evidence}`);
    if (natEvidence.lifetime) {
      const l = natEvidence.lifetime;
      const advice = l.keepaliveEnough === true ? `the ${l.keepaliveSec} s keep-alive is enough` : l.recommendedKeepaliveSec !== null ? `send keep-alives at least every ${l.recommendedKeepaliveSec} s` : 'no advice';
      lines.push(`Binding lifetime ${l.reason} So ${advice}.`);
    }
    lines.push(`Measured in      ${natEvidence.durationMs} ms (round trip ${natEvidence.rttMs} ms)`);
  }
  if (report.sip) {
    const sip = report.sip;
    lines.push(
      sip.reachable
        ? `SIP OPTIONS      ${sip.target}: ${sip.status} ${sip.reason ?? ''} in ${sip.rttMs} ms; the provider saw ${sip.via.received ?? '(no received)'}:${sip.via.rport ?? '?'}`
        : `SIP OPTIONS      ${report.checks.sip?.evidence ?? 'no answer'}`,
    );
    for (const line of report.checks.sip?.resolution?.steps ?? []) lines.push(`  DNS            ${line}`);
    for (const probe of report.checks.sip?.transports ?? []) {
      const cert = probe.certificate ? `, certificate ${probe.certificate.subjectCN ?? probe.certificate.subjectAltNames[0] ?? '?'} valid ${probe.certificate.daysUntilExpiry} more days` : '';
      lines.push(`  ${probe.transport.toUpperCase().padEnd(14)} ${probe.target}: ${probe.outcome} in ${probe.ms} ms${cert}${probe.message ? ` (${errorLine(probe.message)})` : ''}`);
    }
    for (const line of report.checks.sip?.algEvidence ?? []) lines.push(`  SIP ALG        ${line}`);
    if (sip.algSuspected) for (const advice of algAdvice()) lines.push(`  Switch it off  ${advice.device}: ${advice.steps.join(' ')}`);
  }
  if (report.rtp?.probe) {
    const m = report.rtp.probe.summary;
    lines.push(
      `RTP ports        ${report.rtp.range.from}–${report.rtp.range.to}: ${m.probed} tested (${report.rtp.mode}), outbound ${m.outboundVerified}/${m.probed}, ` +
        `port kept ${m.portPreserved}/${m.probed}, inbound from unknown ${m.inboundVerified}/${m.probed}` +
        (m.taken.length ? `; held by other programs: ${m.taken.slice(0, 8).join(', ')}${m.taken.length > 8 ? ' …' : ''}` : ''),
    );
    if (report.rtp.probe.inboundUntestedReason) lines.push(`  Inbound        ${report.rtp.probe.inboundUntestedReason}`);
  }
  if (report.keepalive) lines.push(`Keep-alive       every ${report.keepalive.recommendedIntervalSec} s: ${report.keepalive.reason}`);
  if (report.quality) {
    const q = report.quality;
    lines.push(`Line quality     ${q.verdict.overall}: loss ${q.lossOneWayPercent} % (one way), jitter ${q.jitterMs ?? '–'} ms, round trip ${q.rttMs?.avg ?? '–'} ms`);
    for (const sentence of q.sentences) lines.push(`  ${sentence}`);
  }
  lines.push('');
  lines.push('Firewall rules');
  for (const rule of report.rules) lines.push(`  ${rule.status.padEnd(9)} ${rule.id.padEnd(20)} ${rule.evidence}`);
  lines.push('');
  lines.push(`Verdict          ${report.verdict}`);
  return lines.join('\n') + '\n';
}

function parseRange(text: string | undefined): { ok: true; range: { from: number; to: number } | undefined } | { ok: false; message: string } {
  if (text === undefined) return { ok: true, range: undefined };
  const match = /^(\d{1,5})-(\d{1,5})$/.exec(text);
  const from = Number(match?.[1]);
  const to = Number(match?.[2]);
  if (!match || from < 1 || to > 65535 || from > to) return { ok: false, message: `--rtp must be a port range FROM-TO such as 55000-56000, not "${text.slice(0, 20)}".` };
  return { ok: true, range: { from, to } };
}

// Saves the report in the site's history and says what changed since the site's previous run:
// the newest report the listing accepts (never a damaged one, one from a newer TrunkCheck or one
// dated ahead of the clock; the listing names those in `problems`).
interface HistoryOutcome {
  readonly text: string;
  readonly problems: readonly string[];
  readonly failed: string | null;
}

async function keepInHistory(store: HistoryStore, siteId: string, report: DiagnoseReport): Promise<HistoryOutcome> {
  const { compareReports } = await import('../store/compare');
  const before = await store.listHistory(siteId);
  const problems = before.ok ? before.value.problems.map((problem) => errorLine(problem)) : [errorLine(before.error)];
  const saved = await store.saveReport(siteId, report);
  if (!saved.ok) return { text: '', problems, failed: errorLine(saved.error) };
  const previous = before.ok ? before.value.entries.find((entry) => entry.kind === 'report') : undefined;
  if (previous === undefined) return { text: `\nSaved as the first report of site ${siteId}: ${saved.value.path}\n`, problems, failed: null };
  const loaded = await store.loadEntry(previous.file);
  if (!loaded.ok || loaded.value.document.kind !== 'report') return { text: `\nSaved: ${saved.value.path}\n`, problems, failed: null };
  const changes = compareReports(loaded.value.document.report, report);
  const list = changes.length === 0 ? ['  Nothing changed.'] : changes.map((change) => `  ${change.sentence}`);
  return { text: `\nSince the previous run of ${siteId} (${previous.time}):\n${list.join('\n')}\nSaved: ${saved.value.path}\n`, problems, failed: null };
}
