// "What to do" after a diagnosis (DESIGN.md "Command line contract"): an ordered list of fixes,
// each with the rule it serves, then the caveats (what a ready report still warns of) and notes
// (facts worth a line). Pure, from the report alone, so every surface (terminal, wizard, PDF)
// lists the same items in the same order.
//
// Behind the provider's carrier-grade NAT (RFC 6598) no item says "forward ports on the router":
// the router the customer owns is not the one that drops the traffic. What works there is a public
// IPv4 address or an IPv6 trunk from the provider, and for a PBX that sends first, its keep-alive.
import { formatAddress } from '../address';
import { checklistRules } from '../checklist/rows';
import type { CheckId } from '../checks';
import { natAdvice } from '../nat/advice';
import type { DiagnoseReport, RuleId } from '../report';
import { isIpv6Message, type Ipv6MessageOf } from '../text/messages/ipv6';
import { isLegacyText } from '../text/messages/legacy';
import { isNatMessage, type NatMessageOf } from '../text/messages/nat';
import { isFixMessage, type FixMessage, type RuleMessage } from '../text/messages/rules';
import { isVerdictMessage, type MappingServiceName, type VerdictMessage } from '../text/messages/verdict';
import { needsOf, profileOfReport } from './needs';
import { fragmentsDropped, unaskedTrafficFiltered } from './verdict';

// fix: a change that makes a rule pass; caveat: what may still go wrong on a ready line; note: a fact.
export type TodoKind = 'fix' | 'caveat' | 'note';

const NAT_FIX_CODES = ['nat-fix/symmetric-forward', 'nat-fix/symmetric-static', 'nat-fix/blocked', 'nat-fix/firewall', 'nat-fix/unknown', 'nat-fix/unknown-filtering'] as const;
type NatFixCode = (typeof NAT_FIX_CODES)[number];
const IPV6_TODO_CODES = ['ipv6-fix/firewall', 'ipv6-advice/use-ipv6'] as const;
export type TodoMessage =
  | VerdictMessage
  | Exclude<FixMessage, { code: 'legacy/text' }>
  | { [C in NatFixCode]: NatMessageOf<C> }[NatFixCode]
  | Ipv6MessageOf<'ipv6-fix/firewall'>
  | Ipv6MessageOf<'ipv6-advice/use-ipv6'>;

export const TODO_KINDS = ['fix', 'caveat', 'note'] as const satisfies readonly TodoKind[];

// The check a reader of a checklist file calls on an item's message.
export function isTodoMessage(value: unknown): value is TodoMessage {
  if (isVerdictMessage(value)) return true;
  if (isFixMessage(value)) return !isLegacyText(value);
  if (isIpv6Message(value)) return (IPV6_TODO_CODES as readonly string[]).includes(value.code);
  return isNatMessage(value) && (NAT_FIX_CODES as readonly string[]).includes(value.code);
}

export interface TodoItem {
  readonly kind: TodoKind;
  readonly rule: RuleId | null;   // the rule it serves; null: the trunk as a whole
  readonly message: TodoMessage;
}

// Codes that tell the person to forward ports on a router of theirs: never behind carrier-grade NAT.
export const FORWARD_CODES: readonly TodoMessage['code'][] = ['todo/forward', 'todo/forward-both-routers', 'nat-fix/symmetric-forward', 'nat-fix/symmetric-static', 'fix/inbound-media'];

const isNatFix = (message: { code: string }): message is TodoMessage => message.code.startsWith('nat-fix/');

export function whatToDo(report: DiagnoseReport): TodoItem[] {
  const items: TodoItem[] = [];
  const add = (kind: TodoKind, rule: RuleId | null, message: TodoMessage): void => {
    const key = JSON.stringify(message);
    if (!items.some((item) => JSON.stringify(item.message) === key)) items.push({ kind, rule, message });
  };
  const { nat } = report;
  const profile = profileOfReport(report);
  const needs = needsOf(report);
  const where = { pbxIp: report.local.ip, sipPort: report.local.sipPort, rtp: report.rtp?.range ?? needs.rtp };
  const behindCgn = nat.carrierGrade === 'yes';
  const ownSecondRouter = nat.doubleNat === 'yes' && !behindCgn;
  const rules = new Map(report.rules.map((rule) => [rule.id, rule]));

  const ipv6 = report.ipv6 ?? null;
  const address6 = ipv6?.address ?? null;
  const rules6 = new Map((ipv6?.rules ?? []).map((rule) => [rule.id, rule]));
  // Behind carrier-grade NAT an inbound IPv4 rule cannot help; a working IPv6 path can.
  const ipv6Works = address6 !== null && ipv6 !== null && ipv6.verdict !== 'blocked' && rules6.get('outbound-signalling')?.status === 'verified';
  if (behindCgn && ipv6Works) add('fix', null, { code: 'ipv6-advice/use-ipv6', address: address6 });

  // 1. What blocks the trunk as the network is.
  if (nat.classic === 'blocked') add('fix', 'outbound-signalling', { code: 'nat-fix/blocked', ...where });
  if (nat.classic === 'symmetric' && nat.supported !== true) {
    if (behindCgn) add('fix', null, { code: 'todo/cgn-public-address' });
    else for (const advice of natAdvice(nat, where)) if (isNatFix(advice)) add('fix', null, advice);
  }
  if (behindCgn && needs.inboundMedia === 'any-source') add('fix', 'inbound-media', { code: 'todo/cgn-public-address' });

  // 2. The failed rules' own fixes, with their real addresses and ports; inbound media for a PBX
  // that needs it from any address below. Behind carrier-grade NAT no forward on the router helps.
  const rows = checklistRules(report, profile);
  for (const row of rows) {
    if (row.status !== 'failed' || row.fix === null || row.fix.code === 'legacy/text') continue;
    if (row.id === 'inbound-media' && needs.inboundMedia === 'any-source') continue;
    if (nat.classic === 'blocked' && row.id === 'outbound-signalling') continue; // the blocker's fix says it
    add('fix', row.id, row.id === 'inbound-media' && behindCgn ? { code: 'todo/cgn-public-address' } : row.fix);
  }

  // 2b. The registration (issue 16): what the registrar refused, or that it did not answer while
  // OPTIONS did (without any SIP answer the signalling rule's fix says it already).
  registrationItems(report, add);

  // 3. A PBX that needs media and SIP from any address, where the NAT or firewall keeps it out.
  if (unaskedTrafficFiltered({ rules: report.rules, nat, needs }) && !behindCgn) {
    if (ownSecondRouter) add('fix', 'inbound-media', { code: 'todo/forward-both-routers', ...where });
    else if (nat.classic === 'open-internet' || nat.classic === 'symmetric-udp-firewall') add('fix', 'inbound-media', { code: 'nat-fix/firewall', ...where });
    else add('fix', 'inbound-media', { code: 'todo/forward', ...where });
  }

  // 3b. The IPv6 path (report.ipv6) when it is not ready: its failed rules' fixes came with the
  // checklist's rows above, named by the IPv6 address; a PBX that needs SIP and voice from any
  // address behind a firewall that lets in only answers needs the IPv6 rules 6 and 8.
  if (ipv6 !== null && address6 !== null && ipv6.verdict !== 'ready') {
    const nat6 = { ...nat, filtering: ipv6.filtering };
    if (unaskedTrafficFiltered({ rules: ipv6.rules, nat: nat6, needs })) add('fix', 'inbound-media', { code: 'ipv6-fix/firewall', address: address6, sipPort: where.sipPort, rtp: where.rtp });
    if (fragmentsDropped(ipv6.fragments)) add('fix', null, { code: 'todo/fragments-allow' });
  }

  // 4. IP fragments dropped: a SIP INVITE with its SDP often needs more than one UDP packet.
  if (fragmentsDropped(report.fragments)) {
    add('fix', null, { code: 'todo/fragments-allow' });
    // RFC 3261 §18.1.1: a request within 200 bytes of the path MTU must go over a congestion-controlled transport.
    add('fix', null, { code: 'todo/fragments-tcp' });
  }

  // 5. What was not tested.
  for (const check of report.cancelled ?? []) add('fix', ruleOfCheck(check), { code: 'todo/run-again', check });
  for (const rule of report.rules) {
    if (rule.status !== 'untested') continue;
    const step = untestedStep(rule.id, rule.evidence);
    if (step !== null) add('fix', rule.id, step);
  }
  if (nat.mapping === 'unknown' && nat.classic !== 'blocked' && !(report.cancelled ?? []).includes('nat')) {
    for (const advice of natAdvice(nat, where)) if (isNatFix(advice)) add('fix', null, advice);
  }

  // 6. Caveats: the PBX sends first, so the return path is enough, unless the provider's media
  // comes from elsewhere; behind carrier-grade NAT the keep-alive is what holds the way open.
  const inbound = rules.get('inbound-media');
  const unknownSourceOpen = inbound?.evidence.some((message) => message.code === 'media/inbound-open') === true;
  if (needs.inboundMedia === 'return-path' && inbound?.status === 'verified' && !unknownSourceOpen) {
    add('caveat', 'inbound-media', { code: 'caveat/one-way-audio', pbxIp: where.pbxIp, rtp: where.rtp, behindCgn });
  }
  // The same over IPv6: the return path through the IPv6 firewall, for voice from the addresses answered.
  const inbound6 = rules6.get('inbound-media');
  const open6 = inbound6?.evidence.some((message) => message.code === 'media/inbound-open') === true;
  if (address6 !== null && needs.inboundMedia === 'return-path' && inbound6?.status === 'verified' && !open6) {
    add('caveat', 'inbound-media', { code: 'caveat/one-way-audio', pbxIp: address6, rtp: where.rtp, behindCgn: false });
  }
  if (behindCgn && needs.inboundMedia === 'return-path') {
    add('caveat', null, { code: 'todo/cgn-keepalive', seconds: report.keepalive?.recommendedIntervalSec ?? profile.keepaliveSec });
  }

  // 7. Notes: a router that offers port mappings to anyone in the LAN (TrunkCheck never asks for one).
  const offered = mappingServices(report);
  if (offered.length > 0) add('note', null, { code: 'note/port-mapping-offered', services: offered });
  return items;
}

function registrationItems(report: DiagnoseReport, add: (kind: TodoKind, rule: RuleId | null, message: TodoMessage) => void): void {
  const register = report.sip?.register ?? null;
  if (register === null) return;
  const { aor } = register;
  if (register.outcome === 'wrong-credentials') add('fix', null, { code: 'fix/register-credentials', aor, status: register.status });
  if (register.outcome === 'refused' && register.status !== null) add('fix', null, { code: 'fix/register-refused', aor, status: register.status, reason: register.reason });
  const resolved = report.checks.sip?.resolved ?? null;
  if (register.outcome === 'no-answer' && report.sip?.reachable === true && resolved !== null) add('fix', null, { code: 'fix/register-no-answer', aor, target: formatAddress(resolved) });
  if (register.outcome === 'unsupported') add('fix', null, { code: 'todo/register-unsupported', aor });
  if (register.outcome !== 'registered') return;
  if (register.inbound !== null && !register.inbound.received) add('caveat', 'inbound-signalling', { code: 'caveat/no-inbound-request', seconds: Math.round(register.inbound.waitedMs / 1000) });
  if (register.unregistered === false) add('caveat', null, { code: 'caveat/register-left', seconds: register.expiresSec });
}

function ruleOfCheck(check: CheckId): RuleId | null {
  return check === 'sip' ? 'outbound-signalling' : check === 'media' ? 'inbound-media' : null;
}

// The step that would test an untested rule, from why it was not (its evidence). A cancelled
// check has its own item; a rule untested only because another failed needs nothing more.
function untestedStep(rule: RuleId, evidence: readonly RuleMessage[]): TodoMessage | null {
  const codes = new Set<string>(evidence.map((message) => message.code));
  if (codes.has('check/cancelled')) return null;
  if (codes.has('signalling/sip-not-named')) return { code: 'todo/name-sip-server' };
  if (codes.has('media/off')) return { code: 'todo/test-media' };
  // A STUN server that cannot answer from an address the port never sent to (RFC 5780 §7.2).
  if (['media/no-alternate-address', 'port/inbound-ignored', 'port/inbound-refused', 'port/inbound-wrong-source'].some((code) => codes.has(code))) return { code: 'nat-fix/unknown' };
  if (codes.has('signalling/inbound-not-tested') || codes.has('signalling/no-sip-answer-back') || codes.has('media/no-stun-answer') || codes.has('media/return-path-unproven')) return null;
  return { code: 'todo/test-rule', rule };
}

function mappingServices(report: DiagnoseReport): MappingServiceName[] {
  const mapping = report.gateway?.portMapping;
  if (mapping === undefined) return [];
  return [...(mapping.upnp === true ? (['upnp'] as const) : []), ...(mapping.natPmp === true ? (['nat-pmp'] as const) : []), ...(mapping.pcp === true ? (['pcp'] as const) : [])];
}
