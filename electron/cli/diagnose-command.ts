// `trunkcheck diagnose`: the checks without a window. The flags become the IPC contract's
// DiagnoseRequest, checked by the same validator and run by the same handler as the wizard's;
// what is the command line's own stays here: reading --from, the --out and --site destinations,
// and printing.
import { join } from 'node:path';
import { checkOutputTarget, writeOutputFile } from '../files/output-file';
import { formatAddress } from '../../shared/address';
import type { PbxProfile } from '../../shared/catalog/profiles';
import { findProvider, hostPlaceholders, type Provider } from '../../shared/catalog/providers';
import { validateRequest, type DiagnoseRequest } from '../../shared/ipc';
import { meaningMessage } from '../../shared/nat/advice';
import { profileOfReport } from '../../shared/verdict/needs';
import { whatToDo, type TodoItem } from '../../shared/verdict/what-to-do';
import { CODECS } from '../../shared/quality/codecs';
import type { DiagnoseReport, MosEstimate } from '../../shared/report';
import type { Ipv6Section } from '../../shared/report-ipv6';
import type { ReportLabel } from '../../shared/text/terminal';
import { errorOf, type ErrorData } from '../../shared/result';
import { CLI, TERMINAL, word, wordAll, type Language } from '../../shared/text';
import { createHandlers, type HandlerContext, type Handlers } from '../handlers';
import { readReportFile } from './read-report';
import { algAdvice } from '../sip/alg';
import type { HistoryStore } from '../store/history';
import { parseArgs } from './args';
import { chooseLanguage } from './language';
import { EXIT, exitCodeOf, type CommandResult } from './exit';
import { numberOf, rangeOf } from './flag-values';
import { refusal } from './refusal';
import { errorLine } from './error-line';
import { statusLine } from './status-line';
import { readPassword, type PasswordSource, type PromptSink } from './password';
import { registrationFacts } from '../../shared/register-facts';

export const DIAGNOSE_FLAGS = {
  profile: { type: 'string' },
  stun: { type: 'string', repeat: true },
  sip: { type: 'string' },
  provider: { type: 'string' },
  'local-ip': { type: 'string' },
  family: { type: 'string' },
  'sip-port': { type: 'string' },
  json: { type: 'boolean' },
  lifetime: { type: 'boolean' },
  rtp: { type: 'string' },
  'inbound-media': { type: 'string' },
  'rtp-full': { type: 'boolean' },
  'no-media': { type: 'boolean' },
  quality: { type: 'string' },
  out: { type: 'string', alias: 'o' },
  site: { type: 'string' },
  rerun: { type: 'string' },
  from: { type: 'string' },
  lang: { type: 'string' },
  register: { type: 'string' },
  'register-domain': { type: 'string' },
  'inbound-wait': { type: 'string' },
} as const;

// Where --register reads the password and says its warning: the process's own streams. And
// `interrupts`: called as the run starts, a signal that Ctrl-C (or SIGTERM) cancels the run with,
// so a registration is withdrawn before the process ends (electron/cli/interrupts.ts).
export interface DiagnoseIo {
  readonly stdin: PasswordSource;
  readonly stderr: PromptSink;
  readonly interrupts?: () => AbortSignal;
}

// Stands in for the password while the rest of the request is checked, so a mistake in the other
// flags is named before anyone types a password; the real one replaces it before the run.
const PASSWORD_UNREAD = 'unread';

export async function diagnoseCommand(argv: readonly string[], status: (line: string) => void, io?: DiagnoseIo): Promise<CommandResult> {
  const { language, refused } = chooseLanguage(argv);
  const parsed = parseArgs(argv, DIAGNOSE_FLAGS, 'diagnose');
  const json = parsed.ok ? parsed.flags.json === true : argv.includes('--json');
  if (refused !== null) return refusal(refused, json, language);
  if (!parsed.ok) return refusal(parsed.error, json, language);
  const { flags, positional } = parsed;
  if (positional.length > 0) return refusal(errorOf('cli/diagnose-argument', { argument: (positional[0] as string).slice(0, 40) }), json, language);
  if (flags['rtp-full'] === true && flags['no-media'] === true) return refusal(errorOf('cli/options-contradict', { first: 'rtp-full', second: 'no-media' }), json, language);
  const alone = (['register-domain', 'inbound-wait'] as const).find((option) => flags[option] !== undefined && flags.register === undefined);
  if (alone !== undefined) return refusal(errorOf('cli/register-option-alone', { option: alone }), json, language);
  const site = flags.site as string | undefined;
  if (site !== undefined) {
    const siteId = validateRequest('history:list', { siteId: site });
    if (!siteId.ok) return refusal(siteId.error, json, language);
  }
  const providerId = flags.provider as string | undefined;
  const provider = providerId === undefined ? undefined : (findProvider(providerId) ?? (await customProvider(providerId)));
  if (providerId !== undefined && provider === undefined) return refusal(errorOf('request/unknown-provider', { provider: providerId.slice(0, 40) }), json, language);
  const built = requestOf(flags, provider);
  if (!built.ok) return refusal(built.error, json, language);
  const checked = validateRequest('nat:diagnose', built.request);
  if (!checked.ok) return refusal(cliWording(checked.error, built.provider), json, language);

  // A run may take minutes: where its report goes is checked before the first packet.
  const out = flags.out as string | undefined;
  if (out !== undefined) {
    const target = await checkOutputTarget(out);
    if (!target.ok) return refusal(target.error, json, language, EXIT.usage, CLI[language].nothingMeasured);
  }
  const store = site === undefined ? null : await openSiteHistory();
  if (store !== null && site !== undefined) {
    const usable = await store.checkSave(site);
    if (!usable.ok) {
      return refusal(usable.error, json, language, EXIT.usage, CLI[language].nothingMeasuredSite);
    }
  }

  // The password last, once everything else is known to be usable. The warning goes to stderr as
  // the registration starts: a run that cannot open the SIP port never registers, and says so.
  let request: DiagnoseRequest = checked.value;
  const registering = checked.value.register;
  const streams = io ?? { stdin: process.stdin, stderr: process.stderr };
  if (registering !== undefined) {
    const password = await readPassword(streams.stdin, streams.stderr, CLI[language].passwordPrompt(registering.user));
    if (!password.ok) return refusal(password.error, json, language);
    const withPassword = validateRequest('nat:diagnose', { ...checked.value, register: { ...registering, password: password.value } });
    if (!withPassword.ok) return refusal(withPassword.error, json, language);
    request = withPassword.value;
  }

  const handlers = createHandlers({ mode: 'cli', ...(store ? { storeDir: store.dir } : {}) });
  const line = statusLine(language);
  const warn = (aor: string): void => {
    const clear = (streams.stderr as { isTTY?: boolean }).isTTY === true ? '\r\x1b[2K' : '';
    streams.stderr.write(`${clear}trunkcheck: ${CLI[language].registerWarning(aor)}\n`);
  };
  // Watched from here: while the password is read, Ctrl-C still ends the process at once.
  const interrupted = io?.interrupts?.();
  let withdrawn = false; // the un-REGISTER went out
  const result = await handlers['nat:diagnose'](request, {
    progress: (event) => {
      if (event.message.code === 'register/request') warn(event.message.aor);
      if (event.message.code === 'register/unregister') withdrawn = true;
      status(line(event.message));
    },
    ...(interrupted ? { signal: interrupted } : {}),
  });
  if (!result.ok && interrupted?.aborted === true) {
    const message = CLI[language].interrupted(withdrawn);
    return { code: exitCodeOf(result.error.code), stderr: message, ...(json ? { stdout: `${JSON.stringify({ error: { ...result.error, message } })}\n` } : {}) };
  }
  // Nothing ran (the SIP port in use, a name not found): then nothing was registered either.
  if (!result.ok) return refusal(result.error, json, language, exitCodeOf(result.error.code), registering === undefined ? '' : CLI[language].registerNotAttempted);
  const report = result.value;
  const profile = profileOfReport(report);
  const reportJson = `${JSON.stringify(report, null, 2)}\n`;
  const notSaved: string[] = [];      // where the report could not go
  const notes: string[] = [];         // files of the history moved aside or left alone
  let printed = '';                   // --out /dev/stdout: the report itself, first
  let writtenTo: string | null = null;
  if (out !== undefined) {
    const written = await writeOutputFile(out, reportJson);
    if (!written.ok) notSaved.push(errorLine(written.error, language));
    else if (written.value.kind === 'stdout') printed = reportJson;
    else writtenTo = out;
  }
  let historyText = '';
  if (store !== null && site !== undefined) {
    const kept = await keepInHistory(handlers, store.dir, site, report, language);
    historyText = kept.text;
    notes.push(...kept.problems);
    if (kept.failed !== null) notSaved.push(kept.failed);
  }
  const problem = report.checks.publicAddress.error ? errorLine(report.checks.publicAddress.error, language) : undefined;
  if (notSaved.length > 0) {
    // Minutes of measuring are not thrown away: the report goes where it always can.
    return { code: EXIT.network, stdout: reportJson, stderr: [...notes, ...notSaved, CLI[language].reportFollows(writtenTo)].join('\n') };
  }
  // 0 only for ready: action needed, blocked and incomplete all leave something to do.
  const code = report.verdict === 'ready' ? EXIT.ok : EXIT.failed;
  const stderr = [...notes, ...(problem && json ? [problem] : [])];
  return {
    code,
    stdout: printed + (json ? reportJson : formatReport(report, profile, language) + historyText),
    ...(stderr.length > 0 ? { stderr: stderr.join('\n') } : {}),
  };
}

type Flags = Extract<ReturnType<typeof parseArgs>, { ok: true }>['flags'];

// A provider the user added (`trunkcheck providers --add`, or the wizard's editor); the settings
// store is opened only when the built-in catalog does not know the id.
async function customProvider(id: string): Promise<Provider | undefined> {
  const [{ openSettings }, { defaultStoreDir }] = await Promise.all([import('../store/settings'), import('../store/paths')]);
  const opened = openSettings({ dir: defaultStoreDir() });
  return opened.ok ? findProvider(id, opened.value.store.listCustomProviders().providers) : undefined;
}

// The flags as the request the wizard would send. The catalog fills in what the command line
// leaves out: the provider's STUN and SIP servers.
function requestOf(flags: Flags, provider: Provider | undefined): { ok: true; request: Record<keyof DiagnoseRequest, unknown>; provider: Provider | undefined } | { ok: false; error: ErrorData } {
  const providerId = flags.provider as string | undefined;
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
    family: flags.family,
    sipPort: numberOf(flags['sip-port'] as string | undefined),
    rtp: rangeOf(flags.rtp as string | undefined),
    inboundMedia: flags['inbound-media'],
    media: flags['no-media'] === true ? 'off' : flags['rtp-full'] === true ? 'full' : 'sample',
    qualitySec: numberOf(flags.quality as string | undefined),
    lifetime: flags.lifetime === true,
    register:
      flags.register === undefined
        ? undefined
        : {
            user: flags.register,
            password: PASSWORD_UNREAD,
            ...(flags['register-domain'] === undefined ? {} : { domain: flags['register-domain'] }),
            ...(flags['inbound-wait'] === undefined ? {} : { inboundWaitSec: numberOf(flags['inbound-wait'] as string) }),
          },
    rerun: rerun.value,
  };
  return { ok: true, request, provider };
}

// The same code as over IPC; where the command line knows more, it says so.
function cliWording(error: ErrorData, provider: Provider | undefined): ErrorData {
  if (error.code === 'request/stun-missing' && provider !== undefined) {
    return { code: error.code, provider: provider.name.slice(0, 300) };
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
    return { ok: false, error: errorOf('cli/rerun-without-from') };
  }
  const previous = readReportFile(from);
  return previous.ok ? { ok: true, value: { check, previous: previous.value } } : previous;
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
  // The headline is the verdict and nothing else; the NAT type is a fact under it, then what to do.
  lines.push(t.headline(report.verdict));
  lines.push(row('nat', say({ code: 'nat/type', classic: nat.classic })));
  lines.push(`  ${say(meaningMessage(nat, report.local.sipPort))}`);
  if (nat.doubleNat !== 'unknown' || nat.carrierGrade !== 'unknown') lines.push(row('secondNat', t.secondNat(nat.doubleNat, nat.carrierGrade)));
  lines.push(...todoLines(whatToDo(report), language, report.ipv6?.address ?? null));
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
    for (const warning of evidence?.resolution?.warnings ?? []) lines.push(sub('dnsWarning', say(warning)));
    for (const probe of evidence?.transports ?? []) {
      const certificate = probe.certificate ? { name: probe.certificate.subjectCN ?? probe.certificate.subjectAltNames[0] ?? '?', days: probe.certificate.daysUntilExpiry } : null;
      lines.push(`  ${probe.transport.toUpperCase().padEnd(subWidth)}${t.transport(probe.target, probe.outcome, probe.ms, certificate)}${probe.message ? ` (${errorLine(probe.message, language)})` : ''}`);
    }
    for (const finding of evidence?.algEvidence ?? []) lines.push(sub('sipAlg', say(finding)));
    for (const note of evidence?.algNotes ?? []) lines.push(sub('algNote', say(note)));
    if (sip.algSuspected) for (const advice of algAdvice()) lines.push(sub('switchOff', `${advice.device}: ${say(advice.advice)}`));
    if (sip.register) {
      const [outcome, ...rest] = registrationFacts(sip.register);
      if (outcome) lines.push(row('register', say(outcome)));
      for (const fact of rest) lines.push(`  ${say(fact)}`);
    }
  }
  if (report.rtp?.probe) {
    const m = report.rtp.probe.summary;
    lines.push(row('rtpPorts', t.rtpSummary(report.rtp.range, m.probed, report.rtp.mode === 'full', m.outboundVerified, m.portPreserved, m.inboundVerified, m.taken)));
    if (report.rtp.probe.inboundUntestedReason) lines.push(sub('inbound', say(report.rtp.probe.inboundUntestedReason)));
  }
  if (report.gateway) lines.push(row('router', t.router(report.gateway.ip, report.gateway.externalIp, report.gateway.portMapping)));
  if (report.fragments) lines.push(row('fragments', t.fragments(report.fragments.outbound, report.fragments.inbound)));
  if (report.keepalive) lines.push(row('keepalive', `${t.keepaliveEvery(report.keepalive.recommendedIntervalSec)}: ${say(report.keepalive.reason)}`));
  if (report.quality) {
    const q = report.quality;
    lines.push(row('quality', t.qualitySummary(q.verdict.overall, q.lossOneWayPercent, q.jitterMs, q.rttMs?.avg ?? null)));
    for (const finding of q.findings) lines.push(`  ${say(finding)}`);
    lines.push(...mosLines(q.mos ?? [], language, width));
  }
  lines.push('');
  lines.push(t.rulesTitle);
  // Two spaces between the columns: a German rule name has spaces of its own
  // ("Signalisierung ausgehend"), and one space would run it into the evidence.
  const statusWidth = Math.max(...Object.values(t.ruleStatus).map((status) => status.length)) + 2;
  const nameWidth = Math.max(...Object.values(t.ruleName).map((name) => name.length)) + 2;
  for (const rule of report.rules) lines.push(`  ${t.ruleStatus[rule.status].padEnd(statusWidth)}${t.ruleName[rule.id].padEnd(nameWidth)}${wordAll(language, rule.evidence)}`);
  lines.push(...ipv6Lines(report.ipv6 ?? null, language, width));
  return lines.join('\n') + '\n';
}

// The expected call quality per codec (quality.mos, ITU-T G.107 E-model), under the line quality:
// one line per codec, the first with the label.
function mosLines(estimates: readonly MosEstimate[], language: Language, width: number): string[] {
  const t = TERMINAL[language];
  return estimates.map((estimate, index) => {
    const { mos, r, jitterBufferMs, oneWayDelayMs } = estimate;
    const figures = mos === null || r === null || jitterBufferMs === null || oneWayDelayMs === null ? null : { mos, r, jitterBufferMs, mouthToEarMs: oneWayDelayMs };
    const text = t.mosEstimate(CODECS[estimate.codec].name, estimate.scale === 'wideband', figures, estimate.grade);
    return `${(index === 0 ? t.labels.mos : '').padEnd(width)}${text}`;
  });
}

// The IPv6 path of a dual-stack PBX (the report's ipv6 section), after the IPv4 path: its own
// verdict (the headline stays the primary path's, DESIGN.md), the PBX's IPv6 address, what STUN
// saw of it, the router's IPv6 firewall, the findings and the four rules over IPv6. Its fixes are
// in What to do already (shared/verdict/what-to-do.ts).
function ipv6Lines(section: Ipv6Section | null, language: Language, width: number): string[] {
  if (section === null) return [];
  const t = TERMINAL[language];
  const say = (message: Parameters<typeof word>[1]): string => word(language, message);
  const row = (label: ReportLabel, value: string): string => `${t.labels[label].padEnd(width)}${value}`;
  const findings = section.findings.map((finding) => `  ${say(finding)}`);
  // Without a global IPv6 address nothing was measured: the finding says why, a verdict would not.
  if (section.address === null) return ['', row('ipv6', t.ipv6NotMeasured), ...findings];
  const filtering = section.filtering === 'none' ? t.nothingFilters : say({ code: 'nat/behaviour', behaviour: section.filtering });
  const lines = [
    '',
    row('ipv6', t.verdictWord[section.verdict]),
    row('ipv6Address', section.address),
    row('translation', t.translation(section.nat.translation, section.publicAddress?.ip ?? null)),
    row('ipv6Firewall', filtering),
    ...findings,
  ];
  if (section.rules.length === 0) return lines;
  const statusWidth = Math.max(...Object.values(t.ruleStatus).map((status) => status.length)) + 2;
  const nameWidth = Math.max(...Object.values(t.ruleName).map((name) => name.length)) + 2;
  const rules = section.rules.map((rule) => `  ${t.ruleStatus[rule.status].padEnd(statusWidth)}${t.ruleName[rule.id].padEnd(nameWidth)}${wordAll(language, rule.evidence)}`);
  return [...lines, '', t.ipv6RulesTitle, ...rules];
}

// The "What to do" list (fixes, numbered, each with the rule it serves), then the caveats and notes.
// An item for the IPv6 path of a dual-stack PBX (it names the PBX's IPv6 address) says "(IPv6)"
// beside its rule, as the checklist's documents do.
function todoLines(items: readonly TodoItem[], language: Language, ipv6Address: string | null): string[] {
  const t = TERMINAL[language];
  const overIpv6 = (item: TodoItem): boolean => ipv6Address !== null && (('pbxIp' in item.message && item.message.pbxIp === ipv6Address) || item.message.code === 'ipv6-fix/firewall');
  const text = (item: TodoItem): string => `${item.rule === null ? '' : `${t.ruleName[item.rule]}${overIpv6(item) ? ' (IPv6)' : ''}: `}${word(language, item.message)}`;
  const section = (title: string, kind: TodoItem['kind'], numbered: boolean): string[] => {
    const chosen = items.filter((item) => item.kind === kind);
    return chosen.length === 0 ? [] : ['', `${title}:`, ...chosen.map((item, index) => `  ${numbered ? `${index + 1}.` : '-'} ${text(item)}`)];
  };
  return [...section(t.whatToDoTitle, 'fix', true), ...section(t.caveatsTitle, 'caveat', false), ...section(t.notesTitle, 'note', false)];
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

async function keepInHistory(handlers: Handlers, storeDir: string, siteId: string, report: DiagnoseReport, language: Language): Promise<HistoryOutcome> {
  const t = TERMINAL[language];
  const context: HandlerContext = { progress: () => undefined };
  const saved = await handlers['history:save']({ siteId, report }, context);
  const listing = await handlers['history:list']({ siteId }, context);
  const problems = (listing.ok ? listing.value.problems : [listing.error]).map((problem) => errorLine(problem, language));
  if (!saved.ok) return { text: '', problems, failed: errorLine(saved.error, language) };
  const entry = saved.value[0];
  const path = entry === undefined ? siteId : join(storeDir, entry.file);
  const reports = listing.ok ? listing.value.entries.filter((listed) => listed.kind === 'report') : [];
  if (listing.ok && reports.length === 1) return { text: `\n${t.savedFirst(siteId, path)}\n`, problems, failed: null };
  // The listing compares its two newest reports: news only when the newest is this run's.
  const previous = reports[1];
  if (!listing.ok || previous === undefined || reports[0]?.file !== entry?.file) return { text: `\n${t.saved(path)}\n`, problems, failed: null };
  const list = listing.value.changes.length === 0 ? [`  ${t.nothingChanged}`] : listing.value.changes.map((change) => `  ${word(language, change.message)}`);
  return { text: `\n${t.since(siteId, previous.time)}\n${list.join('\n')}\n${t.saved(path)}\n`, problems, failed: null };
}
