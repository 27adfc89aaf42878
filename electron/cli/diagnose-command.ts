// `trunkcheck diagnose`: the checks without a window.
import { writeFileAtomically } from '../files/atomic-write';
import { formatAddress } from '../../shared/address';
import { findProfile, PBX_PROFILES, type PbxProfile } from '../../shared/catalog/profiles';
import { findProvider, hostPlaceholders, providerQualityThresholds } from '../../shared/catalog/providers';
import { compareReports } from '../../shared/history/compare';
import { meaningMessage, natAdvice, verdictMessage } from '../../shared/nat/advice';
import type { DiagnoseReport } from '../../shared/report';
import { TERMINAL, word, wordAll, type Language } from '../../shared/text';
import { isIPv4, isIPv6 } from '../../shared/address';
import { CHECK_IDS, isCheckId, type CheckId } from '../../shared/checks';
import { diagnose } from '../diagnose/diagnose';
import { readReportFile } from './read-report';
import { algAdvice } from '../sip/alg';
import { ok, type Result } from '../../shared/result';
import { parseArgs, parsePortFlag } from './args';
import { EXIT, type CommandResult } from './exit';
import { chooseLanguage } from './language';

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
  lang: { type: 'string' },
} as const;

export async function diagnoseCommand(argv: readonly string[], status: (line: string) => void): Promise<CommandResult> {
  const parsed = parseArgs(argv, DIAGNOSE_FLAGS);
  if (!parsed.ok) return { code: EXIT.usage, stderr: parsed.message };
  const { flags, positional } = parsed;
  if (typeof flags.site === 'string' && !/^[a-z0-9][a-z0-9-]{0,59}$/.test(flags.site)) {
    return { code: EXIT.usage, stderr: '--site takes an id of lower-case letters, digits and dashes, for example head-office.' };
  }
  const lang = chooseLanguage(flags.lang as string | undefined);
  if (!lang.ok) return { code: EXIT.usage, stderr: lang.message };
  const { language } = lang;
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
    progress: (message) => status(word(language, message)),
  });
  if (!result.ok) {
    const code = result.error.code.startsWith('target/') || result.error.code === 'checks/rerun-mismatch' ? EXIT.usage : EXIT.network;
    return { code, stderr: result.error.message };
  }
  const report = result.value;
  const out = flags.out as string | undefined;
  if (out !== undefined) {
    const written = writeFileAtomically(out, JSON.stringify(report, null, 2) + '\n');
    if (!written.ok) return { code: EXIT.network, stderr: written.error.message };
  }
  const code = report.verdict === 'blocked' || report.rules.some((rule) => rule.status === 'failed') ? EXIT.failed : EXIT.ok;
  const site = flags.site as string | undefined;
  const history = site === undefined ? null : await keepInHistory(site, report, language);
  if (history !== null && !history.ok) return { code: EXIT.network, stderr: history.error.message };
  const json = flags.json === true;
  const problem = report.checks.publicAddress.error?.message;
  return {
    code,
    stdout: json ? JSON.stringify(report, null, 2) : formatReport(report, profile, language) + (history?.ok ? history.value : ''),
    ...(problem && !json ? {} : problem ? { stderr: problem } : {}),
  };
}

// `--rerun sip --from REPORT.json`: one check again, the others kept from the report.
function rerunOf(check: string | undefined, from: string | undefined): { ok: true; value?: { check: CheckId; previous: DiagnoseReport } } | { ok: false; message: string } {
  if (check === undefined && from === undefined) return { ok: true };
  if (check === undefined || from === undefined) return { ok: false, message: '--rerun and --from go together: --rerun sip --from REPORT.json runs the SIP check again and keeps the rest of that report.' };
  if (!isCheckId(check)) return { ok: false, message: `--rerun takes one of ${CHECK_IDS.join(', ')}, not "${check.slice(0, 20)}".` };
  const previous = readReportFile(from);
  return previous.ok ? { ok: true, value: { check, previous: previous.value } } : { ok: false, message: previous.error.message };
}

// The terminal report, every line in `language`: the frame from TERMINAL, the domain's findings
// from the message catalog.
export function formatReport(report: DiagnoseReport, profile: PbxProfile, language: Language = 'en'): string {
  const t = TERMINAL[language];
  const say = (message: Parameters<typeof word>[1]): string => word(language, message);
  const width = Math.max(...Object.values(t.labels).map((label) => label.length)) + 1;
  const subWidth = Math.max(...Object.values(t.sublabels).map((label) => label.length)) + 1;
  const row = (label: keyof typeof t.labels, value: string): string => `${t.labels[label].padEnd(width)}${value}`;
  const sub = (label: keyof typeof t.sublabels, value: string): string => `  ${t.sublabels[label].padEnd(subWidth)}${value}`;
  const yesNo = (value: boolean | null): string => (value === null ? t.notTested : value ? t.yes : t.no);

  const lines: string[] = [];
  const check = report.checks.publicAddress;
  const natEvidence = report.checks.nat;
  const nat = report.nat;
  lines.push(t.header(report.tool.version, profile.name, report.local.sipPort));
  lines.push('');
  lines.push(say(verdictMessage(nat, profile.name)));
  if (nat.supported !== true) lines.push(`  ${say(meaningMessage(nat, report.local.sipPort))}`);
  for (const advice of natAdvice(nat, { pbxIp: report.local.ip, sipPort: report.local.sipPort, rtp: report.rtp?.range ?? profile.rtp })) lines.push(sub('fix', say(advice)));
  lines.push('');
  if (check.binding) {
    const b = check.binding;
    const preserved = b.mapped.port === report.local.sipPort ? t.portPreserved : t.portChanged(report.local.sipPort);
    lines.push(row('publicAddress', `${formatAddress(b.mapped)}  (${preserved})`));
    lines.push(row('stunServer', t.stunAnswer(formatAddress(b.server), b.rttMs, b.retransmissions, b.software)));
  } else {
    lines.push(row('publicAddress', t.publicAddressUnknown));
  }
  if (natEvidence) {
    lines.push(row('mapping', `${say({ code: 'nat/behaviour', behaviour: nat.mapping })}: ${say(natEvidence.mappingReason)}`));
    const filtering = nat.filtering === 'none' ? t.nothingFilters : say({ code: 'nat/behaviour', behaviour: nat.filtering });
    lines.push(row('filtering', `${filtering}: ${say(natEvidence.filteringReason)}`));
    lines.push(row('hairpinning', yesNo(nat.hairpinning)));
    if (natEvidence.server && !natEvidence.server.rfc5780) lines.push(row('serverNote', wordAll(language, natEvidence.server.problems)));
    if (natEvidence.alg.suspected && natEvidence.alg.evidence) lines.push(row('alg', say(natEvidence.alg.evidence)));
    if (natEvidence.lifetime) {
      const l = natEvidence.lifetime;
      const advice =
        l.keepaliveEnough === true
          ? say({ code: 'lifetime/keepalive-enough', keepalive: l.keepaliveSec })
          : l.recommendedKeepaliveSec !== null
            ? say({ code: 'lifetime/keepalive-too-slow', keepalive: l.keepaliveSec, recommended: l.recommendedKeepaliveSec })
            : null;
      lines.push(row('lifetime', advice === null ? say(l.reason) : `${say(l.reason)} ${advice}`));
    }
    lines.push(row('measuredIn', t.measuredIn(natEvidence.durationMs, natEvidence.rttMs)));
  }
  if (report.sip) {
    const sip = report.sip;
    const evidence = report.checks.sip;
    lines.push(
      row(
        'sipOptions',
        sip.reachable ? t.sipAnswered(sip.target, sip.status, sip.reason, sip.rttMs, sip.via.received, sip.via.rport) : evidence ? say(evidence.evidence) : t.notTested,
      ),
    );
    for (const step of evidence?.resolution?.steps ?? []) lines.push(sub('dns', say(step)));
    for (const warning of evidence?.resolution?.warnings ?? []) lines.push(sub('dnsWarning', warning));
    for (const probe of evidence?.transports ?? []) {
      const certificate = probe.certificate ? { name: probe.certificate.subjectCN ?? probe.certificate.subjectAltNames[0] ?? '?', days: probe.certificate.daysUntilExpiry } : null;
      lines.push(`  ${probe.transport.toUpperCase().padEnd(subWidth)}${t.transport(probe.target, probe.outcome, probe.ms, certificate)}${probe.message ? ` (${probe.message})` : ''}`);
    }
    for (const finding of evidence?.algEvidence ?? []) lines.push(sub('sipAlg', say(finding)));
    for (const note of evidence?.algNotes ?? []) lines.push(sub('algNote', say(note)));
    if (sip.algSuspected) for (const advice of algAdvice()) lines.push(sub('switchOff', `${advice.device}: ${say(advice.advice)}`));
  }
  if (report.rtp?.probe) {
    const m = report.rtp.probe.summary;
    lines.push(row('rtpPorts', t.rtpSummary(report.rtp.range, m.probed, report.rtp.mode === 'full', m.outboundVerified, m.portPreserved, m.inboundVerified, m.taken)));
    if (report.rtp.probe.inboundUntestedReason) lines.push(sub('inbound', say(report.rtp.probe.inboundUntestedReason)));
  }
  if (report.keepalive) lines.push(row('keepalive', `${t.keepaliveEvery(report.keepalive.recommendedIntervalSec)}: ${say(report.keepalive.reason)}`));
  if (report.quality) {
    const q = report.quality;
    lines.push(row('quality', t.qualitySummary(q.verdict.overall, q.lossOneWayPercent, q.jitterMs, q.rttMs?.avg ?? null)));
    for (const finding of q.findings) lines.push(`  ${say(finding)}`);
  }
  lines.push('');
  lines.push(t.rulesTitle);
  const statusWidth = Math.max(...Object.values(t.ruleStatus).map((status) => status.length)) + 1;
  const nameWidth = Math.max(...Object.values(t.ruleName).map((name) => name.length)) + 1;
  for (const rule of report.rules) lines.push(`  ${t.ruleStatus[rule.status].padEnd(statusWidth)}${t.ruleName[rule.id].padEnd(nameWidth)}${wordAll(language, rule.evidence)}`);
  lines.push('');
  lines.push(row('verdict', t.verdict[report.verdict]));
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

// Saves the report in the site's history and says what changed since the site's previous run.
async function keepInHistory(siteId: string, report: DiagnoseReport, language: Language): Promise<Result<string>> {
  const t = TERMINAL[language];
  // Loaded only with --site: the store's schema validation costs start-up time.
  const [{ openHistory }, { defaultStoreDir }] = await Promise.all([import('../store/history'), import('../store/paths')]);
  const store = openHistory({ dir: defaultStoreDir() });
  const before = await store.listHistory(siteId);
  const saved = await store.saveReport(siteId, report);
  if (!saved.ok) return saved;
  const previous = before.ok ? before.value.entries.find((entry) => entry.kind === 'report') : undefined;
  if (previous === undefined) return ok(`\n${t.savedFirst(siteId, saved.value.path)}\n`);
  const loaded = await store.loadEntry(previous.file);
  if (!loaded.ok || loaded.value.document.kind !== 'report') return ok(`\n${t.saved(saved.value.path)}\n`);
  const changes = compareReports(loaded.value.document.report, report);
  const list = changes.length === 0 ? [`  ${t.nothingChanged}`] : changes.map((change) => `  ${word(language, change.message)}`);
  return ok(`\n${t.since(siteId, previous.time)}\n${list.join('\n')}\n${t.saved(saved.value.path)}\n`);
}
