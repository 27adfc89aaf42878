// `trunkcheck diagnose`: the checks without a window. The flags become the IPC contract's
// DiagnoseRequest, checked by the same validator and run by the same handler as the wizard's;
// what is the command line's own stays here: reading --from, the --out and --site destinations,
// and printing.
import { join } from 'node:path';
import { checkOutputTarget, writeOutputFile } from '../files/output-file';
import { formatAddress } from '../../shared/address';
import { defaultProfile, findProfile, type PbxProfile } from '../../shared/catalog/profiles';
import { findProvider, hostPlaceholders, type Provider } from '../../shared/catalog/providers';
import { validateRequest, type DiagnoseRequest } from '../../shared/ipc';
import { natAdvice, verdictLine } from '../../shared/nat/advice';
import type { DiagnoseReport } from '../../shared/report';
import type { ErrorData } from '../../shared/result';
import { word, wordAll, type Language } from '../../shared/text';
import { createHandlers, type HandlerContext, type Handlers } from '../handlers';
import { readReportFile } from './read-report';
import { algAdvice } from '../sip/alg';
import type { HistoryStore } from '../store/history';
import { parseArgs } from './args';
import { EXIT, type CommandResult } from './exit';
import { numberOf, rangeOf } from './flag-values';
import { refusal, usage } from './refusal';

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
  const json = parsed.ok ? parsed.flags.json === true : argv.includes('--json');
  if (!parsed.ok) return usage(parsed.message, json);
  const { flags, positional } = parsed;
  if (positional.length > 0) return usage(`diagnose takes no bare arguments ("${positional[0]?.slice(0, 40)}"): name the server with --stun HOST[:PORT].`, json);
  if (flags['rtp-full'] === true && flags['no-media'] === true) return usage('--rtp-full and --no-media contradict each other: choose one.', json);
  const site = flags.site as string | undefined;
  if (site !== undefined) {
    const siteId = validateRequest('history:list', { siteId: site });
    if (!siteId.ok) return refusal(siteId.error, json);
  }
  const built = requestOf(flags);
  if (!built.ok) return refusal(built.error, json);
  const request = validateRequest('nat:diagnose', built.request);
  if (!request.ok) return refusal(cliWording(request.error, built.provider), json);

  // A run may take minutes: where its report goes is checked before the first packet.
  const out = flags.out as string | undefined;
  if (out !== undefined) {
    const target = await checkOutputTarget(out);
    if (!target.ok) return refusal({ code: target.error.code, message: `${target.error.message.replace(/\.$/, '')}; nothing was measured.` }, json, EXIT.usage);
  }
  const store = site === undefined ? null : await openSiteHistory();
  if (store !== null && site !== undefined) {
    const usable = await store.checkSave(site);
    if (!usable.ok) {
      const message = `${usable.error.message.replace(/\.$/, '')}; nothing was measured (set TRUNKCHECK_HOME to a folder that can be written, or leave out --site).`;
      return refusal({ code: usable.error.code, message }, json, EXIT.usage);
    }
  }

  const handlers = createHandlers({ mode: 'cli', ...(store ? { storeDir: store.dir } : {}) });
  const result = await handlers['nat:diagnose'](request.value, { progress: (event) => status(event.message) });
  if (!result.ok) return refusal(result.error, json);
  const report = result.value;
  const profile = findProfile(report.profile) ?? defaultProfile();
  const reportJson = `${JSON.stringify(report, null, 2)}\n`;
  const notSaved: string[] = [];      // where the report could not go
  const notes: string[] = [];         // files of the history moved aside or left alone
  let printed = '';                   // --out /dev/stdout: the report itself, first
  let writtenTo: string | null = null;
  if (out !== undefined) {
    const written = await writeOutputFile(out, reportJson);
    if (!written.ok) notSaved.push(written.error.message);
    else if (written.value.kind === 'stdout') printed = reportJson;
    else writtenTo = out;
  }
  let historyText = '';
  if (store !== null && site !== undefined) {
    const kept = await keepInHistory(handlers, store.dir, site, report);
    historyText = kept.text;
    notes.push(...kept.problems);
    if (kept.failed !== null) notSaved.push(kept.failed);
  }
  const problem = report.checks.publicAddress.error?.message;
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

type Flags = Extract<ReturnType<typeof parseArgs>, { ok: true }>['flags'];

// The flags as the request the wizard would send. The catalog fills in what the command line
// leaves out: the provider's STUN and SIP servers.
function requestOf(flags: Flags): { ok: true; request: Record<keyof DiagnoseRequest, unknown>; provider: Provider | undefined } | { ok: false; error: ErrorData } {
  const providerId = flags.provider as string | undefined;
  const provider = providerId === undefined ? undefined : findProvider(providerId);
  const catalogStun = provider?.stun ? [`${provider.stun.host}:${provider.stun.port}`] : [];
  const catalogSip = provider?.sip && hostPlaceholders(provider.sip.host).length === 0 ? `${provider.sip.host}${provider.sip.port ? `:${provider.sip.port}` : ''}` : undefined;
  const rerun = rerunOf(flags.rerun as string | undefined, flags.from as string | undefined);
  if (!rerun.ok) return rerun;
  const request: Record<keyof DiagnoseRequest, unknown> = {
    stun: (flags.stun as string[] | undefined) ?? catalogStun,
    sip: (flags.sip as string | undefined) ?? catalogSip,
    profileId: flags.profile,
    providerId,
    localIp: flags['local-ip'],
    sipPort: numberOf(flags['sip-port'] as string | undefined),
    rtp: rangeOf(flags.rtp as string | undefined),
    media: flags['no-media'] === true ? 'off' : flags['rtp-full'] === true ? 'full' : 'sample',
    qualitySec: numberOf(flags.quality as string | undefined),
    lifetime: flags.lifetime === true,
    rerun: rerun.value,
  };
  return { ok: true, request, provider };
}

// The same code as over IPC; where the command line knows more, it says so.
function cliWording(error: ErrorData, provider: Provider | undefined): ErrorData {
  if (error.code === 'request/stun-missing' && provider !== undefined) {
    return { code: error.code, message: `The catalog knows no STUN server for ${provider.name}: name one, for example stun.sipgate.net:10000.` };
  }
  return error;
}

// Loaded only with --site: the store's schema validation costs start-up time.
async function openSiteHistory(): Promise<HistoryStore> {
  const [{ openHistory }, { defaultStoreDir }] = await Promise.all([import('../store/history'), import('../store/paths')]);
  return openHistory({ dir: defaultStoreDir() });
}

// `--rerun sip --from REPORT.json`: one check again, the others kept from the report. Which checks
// exist is the validator's to say.
function rerunOf(check: string | undefined, from: string | undefined): { ok: true; value?: { check: string; previous: DiagnoseReport } } | { ok: false; error: ErrorData } {
  if (check === undefined && from === undefined) return { ok: true };
  if (check === undefined || from === undefined) {
    return { ok: false, error: { code: 'cli/usage', message: '--rerun and --from go together: --rerun sip --from REPORT.json runs the SIP check again and keeps the rest of that report.' } };
  }
  const previous = readReportFile(from);
  return previous.ok ? { ok: true, value: { check, previous: previous.value } } : previous;
}

const yesNo = (value: boolean | null, yes: string, no: string): string => (value === null ? 'not tested' : value ? yes : no);

// The terminal report. The rules' evidence is worded in `language` (the rest of the lines follow
// when the CLI takes --lang).
export function formatReport(report: DiagnoseReport, profile: PbxProfile, language: Language = 'en'): string {
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
    lines.push(`Public address   unknown: ${check.error?.message ?? 'no answer'}`);
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
        : `SIP OPTIONS      ${report.checks.sip ? word(language, report.checks.sip.evidence) : 'no answer'}`,
    );
    for (const line of report.checks.sip?.resolution?.steps ?? []) lines.push(`  DNS            ${line}`);
    for (const probe of report.checks.sip?.transports ?? []) {
      const cert = probe.certificate ? `, certificate ${probe.certificate.subjectCN ?? probe.certificate.subjectAltNames[0] ?? '?'} valid ${probe.certificate.daysUntilExpiry} more days` : '';
      lines.push(`  ${probe.transport.toUpperCase().padEnd(14)} ${probe.target}: ${probe.outcome} in ${probe.ms} ms${cert}${probe.message ? ` (${probe.message})` : ''}`);
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
    if (report.rtp.probe.inboundUntestedReason) lines.push(`  Inbound        ${word(language, report.rtp.probe.inboundUntestedReason)}`);
  }
  if (report.keepalive) lines.push(`Keep-alive       every ${report.keepalive.recommendedIntervalSec} s: ${report.keepalive.reason}`);
  if (report.quality) {
    const q = report.quality;
    lines.push(`Line quality     ${q.verdict.overall}: loss ${q.lossOneWayPercent} % (one way), jitter ${q.jitterMs ?? '–'} ms, round trip ${q.rttMs?.avg ?? '–'} ms`);
    for (const sentence of q.sentences) lines.push(`  ${sentence}`);
  }
  lines.push('');
  lines.push('Firewall rules');
  for (const rule of report.rules) lines.push(`  ${rule.status.padEnd(9)} ${rule.id.padEnd(20)} ${wordAll(language, rule.evidence)}`);
  lines.push('');
  lines.push(`Verdict          ${report.verdict}`);
  return lines.join('\n') + '\n';
}

// Saves the report in the site's history and says what changed since the site's previous run,
// through the wizard's own history handlers: the listing's newest report before this one (never a
// damaged one, one from a newer TrunkCheck or one dated ahead of the clock; the listing names those
// in `problems`).
interface HistoryOutcome {
  readonly text: string;
  readonly problems: readonly string[];
  readonly failed: string | null;
}

async function keepInHistory(handlers: Handlers, storeDir: string, siteId: string, report: DiagnoseReport): Promise<HistoryOutcome> {
  const context: HandlerContext = { progress: () => undefined };
  const saved = await handlers['history:save']({ siteId, report }, context);
  const listing = await handlers['history:list']({ siteId }, context);
  const problems = listing.ok ? listing.value.problems : [listing.error.message];
  if (!saved.ok) return { text: '', problems, failed: saved.error.message };
  const entry = saved.value[0];
  const path = entry === undefined ? siteId : join(storeDir, entry.file);
  const reports = listing.ok ? listing.value.entries.filter((listed) => listed.kind === 'report') : [];
  if (listing.ok && reports.length === 1) return { text: `\nSaved as the first report of site ${siteId}: ${path}\n`, problems, failed: null };
  // The listing compares its two newest reports: news only when the newest is this run's.
  const previous = reports[1];
  if (!listing.ok || previous === undefined || reports[0]?.file !== entry?.file) return { text: `\nSaved: ${path}\n`, problems, failed: null };
  const list = listing.value.changes.length === 0 ? ['  Nothing changed.'] : listing.value.changes.map((change) => `  ${change}`);
  return { text: `\nSince the previous run of ${siteId} (${previous.time}):\n${list.join('\n')}\nSaved: ${path}\n`, problems, failed: null };
}
