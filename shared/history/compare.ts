// What changed between two diagnoses of the same site, as codes with values ("Public address
// changed from … to …", "Rule inbound-media now fails (was verified)" once worded by shared/text).
// Only measured values are compared; a value one of the two runs did not measure (null) is not a
// change.
import { formatAddress } from '../address';
import { RULE_IDS, type DiagnoseReport, type RuleStatus, type SipReport, type Verdict } from '../report';
import type { ChangeMessage } from '../text/messages/history';
import { clampText } from '../text/messages/fields';

export type ChangeTopic = 'verdict' | 'nat' | 'public-address' | 'sip' | 'rule' | 'setup';
export type ChangeSeverity = 'worse' | 'better' | 'info';

export interface ReportChange {
  readonly topic: ChangeTopic;
  readonly severity: ChangeSeverity;
  readonly message: ChangeMessage;
}

const VERDICT_RANK: Record<Verdict, number> = { blocked: 0, 'action-needed': 1, incomplete: 2, ready: 3 };
const RULE_RANK: Record<RuleStatus, number> = { failed: 0, untested: 1, verified: 2 };

function direction(from: number, to: number): ChangeSeverity {
  return to > from ? 'better' : to < from ? 'worse' : 'info';
}

function compareNat(older: DiagnoseReport, newer: DiagnoseReport): ReportChange[] {
  const changes: ReportChange[] = [];
  const was = older.nat;
  const now = newer.nat;
  const supportChanged = was.supported !== now.supported && now.supported !== null;
  const supportSeverity: ChangeSeverity = !supportChanged ? 'info' : now.supported ? 'better' : 'worse';
  if (was.classic !== now.classic) {
    changes.push({ topic: 'nat', severity: supportSeverity, message: { code: 'change/nat-type', from: was.classic, to: now.classic, supported: supportChanged ? now.supported : null } });
  } else if (supportChanged && now.supported !== null) {
    changes.push({ topic: 'nat', severity: supportSeverity, message: { code: 'change/nat-support', classic: now.classic, supported: now.supported } });
  }
  if (was.mapping !== now.mapping) changes.push({ topic: 'nat', severity: 'info', message: { code: 'change/mapping', from: was.mapping, to: now.mapping } });
  if (was.filtering !== now.filtering) changes.push({ topic: 'nat', severity: 'info', message: { code: 'change/filtering', from: was.filtering, to: now.filtering } });
  if (was.portPreserved !== null && now.portPreserved !== null && was.portPreserved !== now.portPreserved) {
    changes.push({ topic: 'nat', severity: now.portPreserved ? 'better' : 'worse', message: { code: 'change/port-kept', port: newer.local.sipPort, kept: now.portPreserved } });
  }
  if (was.bindingLifetimeSec !== null && now.bindingLifetimeSec !== null && was.bindingLifetimeSec !== now.bindingLifetimeSec) {
    changes.push({
      topic: 'nat',
      severity: direction(was.bindingLifetimeSec, now.bindingLifetimeSec),
      message: { code: 'change/lifetime', from: was.bindingLifetimeSec, to: now.bindingLifetimeSec },
    });
  }
  if (was.hairpinning !== null && now.hairpinning !== null && was.hairpinning !== now.hairpinning) {
    changes.push({ topic: 'nat', severity: now.hairpinning ? 'better' : 'worse', message: { code: 'change/hairpinning', works: now.hairpinning } });
  }
  return changes;
}

function comparePublicAddress(older: DiagnoseReport, newer: DiagnoseReport): ReportChange[] {
  const was = older.publicAddress;
  const now = newer.publicAddress;
  if (was && now) {
    // A new public IP after the nightly DSL reconnect is normal; the NAT changes judge the port.
    return was.ip === now.ip && was.port === now.port ? [] : [{ topic: 'public-address', severity: 'info', message: { code: 'change/public-address', from: formatAddress(was), to: formatAddress(now) } }];
  }
  if (was) return [{ topic: 'public-address', severity: 'worse', message: { code: 'change/public-address-lost', from: formatAddress(was) } }];
  if (now) return [{ topic: 'public-address', severity: 'better', message: { code: 'change/public-address-found', to: formatAddress(now) } }];
  return [];
}

const is2xx = (sip: SipReport) => sip.status !== null && sip.status >= 200 && sip.status < 300;
const reasonOf = (sip: SipReport): string | null => (sip.status === null || !sip.reason ? null : clampText(sip.reason));

function compareSip(older: DiagnoseReport, newer: DiagnoseReport): ReportChange[] {
  const was = older.sip;
  const now = newer.sip;
  if (was === null && now === null) return [];
  if (was === null) return [{ topic: 'sip', severity: 'info', message: { code: 'change/sip-checked', to: clampText((now as SipReport).target) } }];
  if (now === null) return [{ topic: 'sip', severity: 'info', message: { code: 'change/sip-not-checked', from: clampText(was.target) } }];
  const target = clampText(now.target);
  const changes: ReportChange[] = [];
  if (was.target !== now.target) changes.push({ topic: 'sip', severity: 'info', message: { code: 'change/sip-target', from: clampText(was.target), to: target } });
  if (was.reachable && !now.reachable) changes.push({ topic: 'sip', severity: 'worse', message: { code: 'change/sip-silent', target } });
  else if (!was.reachable && now.reachable) changes.push({ topic: 'sip', severity: 'better', message: { code: 'change/sip-answers', target, status: now.status, reason: reasonOf(now) } });
  else if (was.reachable && now.reachable && was.status !== now.status) {
    const severity: ChangeSeverity = is2xx(was) === is2xx(now) ? 'info' : is2xx(now) ? 'better' : 'worse';
    changes.push({
      topic: 'sip',
      severity,
      message: { code: 'change/sip-status', target, fromStatus: was.status, fromReason: reasonOf(was), toStatus: now.status, toReason: reasonOf(now) },
    });
  }
  if (was.algSuspected !== null && now.algSuspected !== null && was.algSuspected !== now.algSuspected) {
    changes.push({ topic: 'sip', severity: now.algSuspected ? 'worse' : 'better', message: { code: 'change/sip-alg', suspected: now.algSuspected } });
  }
  const seen = (sip: SipReport) => (sip.via.received !== null && sip.via.rport !== null ? formatAddress({ ip: sip.via.received, port: sip.via.rport }) : null);
  const seenWas = seen(was);
  const seenNow = seen(now);
  if (seenWas !== null && seenNow !== null && seenWas !== seenNow) changes.push({ topic: 'sip', severity: 'info', message: { code: 'change/sip-seen-from', from: seenWas, to: seenNow } });
  return changes;
}

function compareRules(older: DiagnoseReport, newer: DiagnoseReport): ReportChange[] {
  const changes: ReportChange[] = [];
  for (const id of RULE_IDS) {
    const was = older.rules.find((rule) => rule.id === id);
    const now = newer.rules.find((rule) => rule.id === id);
    if (was === undefined || now === undefined || was.status === now.status) continue;
    changes.push({ topic: 'rule', severity: direction(RULE_RANK[was.status], RULE_RANK[now.status]), message: { code: 'change/rule', rule: id, from: was.status, to: now.status } });
  }
  return changes;
}

// Different inputs explain different results: said last, as context.
function compareSetup(older: DiagnoseReport, newer: DiagnoseReport): ReportChange[] {
  const changes: ReportChange[] = [];
  const pbx = (report: DiagnoseReport) => formatAddress({ ip: report.local.ip, port: report.local.sipPort });
  if (pbx(older) !== pbx(newer)) changes.push({ topic: 'setup', severity: 'info', message: { code: 'change/pbx-address', from: pbx(older), to: pbx(newer) } });
  if (older.local.gateway !== newer.local.gateway && older.local.gateway !== null && newer.local.gateway !== null) {
    changes.push({ topic: 'setup', severity: 'info', message: { code: 'change/gateway', from: older.local.gateway, to: newer.local.gateway } });
  }
  if (older.profile !== newer.profile) changes.push({ topic: 'setup', severity: 'info', message: { code: 'change/profile', from: clampText(older.profile), to: clampText(newer.profile) } });
  const stun = (report: DiagnoseReport) => report.stunServers.map((server) => clampText(formatAddress({ ip: server.host, port: server.port })));
  if (stun(older).join(' ') !== stun(newer).join(' ')) changes.push({ topic: 'setup', severity: 'info', message: { code: 'change/stun-servers', from: stun(older), to: stun(newer) } });
  return changes;
}

// Most important first: the verdict, the NAT, the public address, the provider, the rules, then
// what was set up differently.
export function compareReports(older: DiagnoseReport, newer: DiagnoseReport): ReportChange[] {
  const verdict: ReportChange[] =
    older.verdict === newer.verdict ? [] : [{ topic: 'verdict', severity: direction(VERDICT_RANK[older.verdict], VERDICT_RANK[newer.verdict]), message: { code: 'change/verdict', from: older.verdict, to: newer.verdict } }];
  return [...verdict, ...compareNat(older, newer), ...comparePublicAddress(older, newer), ...compareSip(older, newer), ...compareRules(older, newer), ...compareSetup(older, newer)];
}
