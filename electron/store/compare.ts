// What changed between two diagnoses of the same site, as plain sentences: "Public address
// changed from … to …", "Rule inbound-media now fails (was verified)". Only measured values are
// compared; a value one of the two runs did not measure (null) is not a change.
import { formatAddress } from '../../shared/address';
import type { DiagnoseReport, RuleId, RuleStatus, SipReport, Verdict } from '../../shared/report';
import { COMPARE_TEXT, type CompareText } from './compare-text';
import type { Language } from './settings-schema';

export type ChangeTopic = 'verdict' | 'nat' | 'public-address' | 'sip' | 'rule' | 'setup';
export type ChangeSeverity = 'worse' | 'better' | 'info';

export interface ReportChange {
  readonly topic: ChangeTopic;
  readonly severity: ChangeSeverity;
  readonly sentence: string;
}

const VERDICT_RANK: Record<Verdict, number> = { blocked: 0, incomplete: 1, ready: 2 };
const RULE_RANK: Record<RuleStatus, number> = { failed: 0, untested: 1, verified: 2 };
const RULE_ORDER: readonly RuleId[] = ['outbound-signalling', 'inbound-signalling', 'outbound-media', 'inbound-media'];

function direction(from: number, to: number): ChangeSeverity {
  return to > from ? 'better' : to < from ? 'worse' : 'info';
}

function compareNat(older: DiagnoseReport, newer: DiagnoseReport, text: CompareText): ReportChange[] {
  const changes: ReportChange[] = [];
  const was = older.nat;
  const now = newer.nat;
  const supportChanged = was.supported !== now.supported && now.supported !== null;
  const supportSeverity: ChangeSeverity = !supportChanged ? 'info' : now.supported ? 'better' : 'worse';
  if (was.classic !== now.classic) {
    changes.push({ topic: 'nat', severity: supportSeverity, sentence: text.natType(was.classic, now.classic, supportChanged ? now.supported : null) });
  } else if (supportChanged && now.supported !== null) {
    changes.push({ topic: 'nat', severity: supportSeverity, sentence: text.natSupport(now.classic, now.supported) });
  }
  if (was.mapping !== now.mapping) changes.push({ topic: 'nat', severity: 'info', sentence: text.mapping(was.mapping, now.mapping) });
  if (was.filtering !== now.filtering) changes.push({ topic: 'nat', severity: 'info', sentence: text.filtering(was.filtering, now.filtering) });
  if (was.portPreserved !== null && now.portPreserved !== null && was.portPreserved !== now.portPreserved) {
    const port = newer.local.sipPort;
    changes.push(now.portPreserved ? { topic: 'nat', severity: 'better', sentence: text.portNowKept(port) } : { topic: 'nat', severity: 'worse', sentence: text.portNoLongerKept(port) });
  }
  if (was.bindingLifetimeSec !== null && now.bindingLifetimeSec !== null && was.bindingLifetimeSec !== now.bindingLifetimeSec) {
    changes.push({ topic: 'nat', severity: direction(was.bindingLifetimeSec, now.bindingLifetimeSec), sentence: text.lifetime(was.bindingLifetimeSec, now.bindingLifetimeSec) });
  }
  if (was.hairpinning !== null && now.hairpinning !== null && was.hairpinning !== now.hairpinning) {
    changes.push({ topic: 'nat', severity: now.hairpinning ? 'better' : 'worse', sentence: text.hairpinning(now.hairpinning) });
  }
  return changes;
}

function comparePublicAddress(older: DiagnoseReport, newer: DiagnoseReport, text: CompareText): ReportChange[] {
  const was = older.publicAddress;
  const now = newer.publicAddress;
  if (was && now) {
    // A new public IP after the nightly DSL reconnect is normal; the NAT sentences judge the port.
    return was.ip === now.ip && was.port === now.port ? [] : [{ topic: 'public-address', severity: 'info', sentence: text.publicAddress(formatAddress(was), formatAddress(now)) }];
  }
  if (was) return [{ topic: 'public-address', severity: 'worse', sentence: text.publicAddressLost(formatAddress(was)) }];
  if (now) return [{ topic: 'public-address', severity: 'better', sentence: text.publicAddressFound(formatAddress(now)) }];
  return [];
}

const is2xx = (sip: SipReport) => sip.status !== null && sip.status >= 200 && sip.status < 300;

function compareSip(older: DiagnoseReport, newer: DiagnoseReport, text: CompareText): ReportChange[] {
  const was = older.sip;
  const now = newer.sip;
  if (was === null && now === null) return [];
  if (was === null) return [{ topic: 'sip', severity: 'info', sentence: text.sipNewlyChecked((now as SipReport).target) }];
  if (now === null) return [{ topic: 'sip', severity: 'info', sentence: text.sipNotChecked(was.target) }];
  const status = (sip: SipReport) => (sip.status === null ? text.noAnswer : `${sip.status}${sip.reason ? ` ${sip.reason}` : ''}`);
  const changes: ReportChange[] = [];
  if (was.target !== now.target) changes.push({ topic: 'sip', severity: 'info', sentence: text.sipTarget(was.target, now.target) });
  if (was.reachable && !now.reachable) changes.push({ topic: 'sip', severity: 'worse', sentence: text.sipNoLongerAnswers(now.target) });
  else if (!was.reachable && now.reachable) changes.push({ topic: 'sip', severity: 'better', sentence: text.sipAnswersAgain(now.target, status(now)) });
  else if (was.reachable && now.reachable && was.status !== now.status) {
    const severity: ChangeSeverity = is2xx(was) === is2xx(now) ? 'info' : is2xx(now) ? 'better' : 'worse';
    changes.push({ topic: 'sip', severity, sentence: text.sipStatus(now.target, status(was), status(now)) });
  }
  if (was.algSuspected !== null && now.algSuspected !== null && was.algSuspected !== now.algSuspected) {
    changes.push({ topic: 'sip', severity: now.algSuspected ? 'worse' : 'better', sentence: text.sipAlg(now.algSuspected) });
  }
  const seen = (sip: SipReport) => (sip.via.received !== null && sip.via.rport !== null ? formatAddress({ ip: sip.via.received, port: sip.via.rport }) : null);
  const seenWas = seen(was);
  const seenNow = seen(now);
  if (seenWas !== null && seenNow !== null && seenWas !== seenNow) changes.push({ topic: 'sip', severity: 'info', sentence: text.sipSeenFrom(seenWas, seenNow) });
  return changes;
}

function compareRules(older: DiagnoseReport, newer: DiagnoseReport, text: CompareText): ReportChange[] {
  const changes: ReportChange[] = [];
  for (const id of RULE_ORDER) {
    const was = older.rules.find((rule) => rule.id === id);
    const now = newer.rules.find((rule) => rule.id === id);
    if (was === undefined || now === undefined || was.status === now.status) continue;
    changes.push({ topic: 'rule', severity: direction(RULE_RANK[was.status], RULE_RANK[now.status]), sentence: text.rule(id, was.status, now.status) });
  }
  return changes;
}

// Different inputs explain different results: said last, as context.
function compareSetup(older: DiagnoseReport, newer: DiagnoseReport, text: CompareText): ReportChange[] {
  const changes: ReportChange[] = [];
  const pbx = (report: DiagnoseReport) => formatAddress({ ip: report.local.ip, port: report.local.sipPort });
  if (pbx(older) !== pbx(newer)) changes.push({ topic: 'setup', severity: 'info', sentence: text.pbxAddress(pbx(older), pbx(newer)) });
  if (older.local.gateway !== newer.local.gateway && older.local.gateway !== null && newer.local.gateway !== null) {
    changes.push({ topic: 'setup', severity: 'info', sentence: text.gateway(older.local.gateway, newer.local.gateway) });
  }
  if (older.profile !== newer.profile) changes.push({ topic: 'setup', severity: 'info', sentence: text.profile(older.profile, newer.profile) });
  const stun = (report: DiagnoseReport) => report.stunServers.map((server) => formatAddress({ ip: server.host, port: server.port }));
  if (stun(older).join(' ') !== stun(newer).join(' ')) changes.push({ topic: 'setup', severity: 'info', sentence: text.stunServers(stun(older), stun(newer)) });
  return changes;
}

// Most important first: the verdict, the NAT, the public address, the provider, the rules, then
// what was set up differently.
export function compareReports(older: DiagnoseReport, newer: DiagnoseReport, language: Language = 'en'): ReportChange[] {
  const text = COMPARE_TEXT[language];
  const verdict: ReportChange[] =
    older.verdict === newer.verdict ? [] : [{ topic: 'verdict', severity: direction(VERDICT_RANK[older.verdict], VERDICT_RANK[newer.verdict]), sentence: text.verdict(older.verdict, newer.verdict) }];
  return [
    ...verdict,
    ...compareNat(older, newer, text),
    ...comparePublicAddress(older, newer, text),
    ...compareSip(older, newer, text),
    ...compareRules(older, newer, text),
    ...compareSetup(older, newer, text),
  ];
}
