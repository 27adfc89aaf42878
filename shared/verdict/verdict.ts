// The verdict of a diagnosis (DESIGN.md "Command line contract"), from what was measured and what
// the PBX needs. Pure: the diagnosis calls it on a fresh report, tests on tiny ones.
//   blocked        the PBX cannot work here as the network is: UDP blocked (no STUN answer),
//                  symmetric NAT for a PBX that needs a stable mapping, or a PBX that needs unasked
//                  inbound traffic behind the provider's carrier-grade NAT (no forward can help)
//   action-needed  a rule the PBX needs failed, or the NAT filters what it needs from any address,
//                  or IP fragments are dropped: a change the user can make fixes it
//   incomplete     nothing failed, but something the PBX needs was not tested (a cancelled check,
//                  an untested rule, a mapping behaviour not measured)
//   ready          every rule the PBX needs is verified
// A registration asked for (issue 16) counts too: refused credentials or account, or no answer to
// REGISTER, need action; a challenge TrunkCheck cannot answer leaves it untested (incomplete).
import type { CheckId } from '../checks';
import type { FragmentsReport } from '../path';
import { RULE_IDS, type DiagnoseReport, type NatReport, type PbxNeeds, type RuleResult, type Verdict } from '../report';
import type { RegisterReport } from '../register';
import { needsOf } from './needs';

export interface VerdictFacts {
  readonly rules: readonly RuleResult[];
  readonly nat: NatReport;
  readonly needs: Pick<PbxNeeds, 'inboundMedia'>;
  readonly fragments: FragmentsReport | null;
  readonly cancelled: readonly CheckId[];
  readonly register?: RegisterReport | null;   // absent or null: no registration asked for
}

// The registration failed in a way the person can act on (credentials, account, the provider's
// acceptance of this address); RFC 3261 §10.3 / §22.2.
export function registrationFailed(register: RegisterReport | null | undefined): boolean {
  return register?.outcome === 'wrong-credentials' || register?.outcome === 'refused' || register?.outcome === 'no-answer';
}

// RFC 4787 §5: a NAT whose filtering depends on the far address lets in only what the PBX asked for.
const FILTERS_UNASKED = new Set<NatReport['filtering']>(['address-dependent', 'address-and-port-dependent']);

// A PBX that needs media and SIP from any address, where the NAT or firewall keeps it out.
export function unaskedTrafficFiltered(facts: Pick<VerdictFacts, 'rules' | 'nat' | 'needs'>): boolean {
  if (facts.needs.inboundMedia !== 'any-source') return false;
  const inbound = facts.rules.find((rule) => rule.id === 'inbound-media');
  return inbound?.status === 'failed' || FILTERS_UNASKED.has(facts.nat.filtering);
}

export function fragmentsDropped(fragments: FragmentsReport | null): boolean {
  return fragments !== null && (fragments.outbound === 'dropped' || fragments.inbound === 'dropped');
}

export function judgeVerdict(facts: VerdictFacts): Verdict {
  const { nat, rules, needs } = facts;
  if (nat.classic === 'blocked') return 'blocked';
  if (nat.classic === 'symmetric' && nat.supported !== true) return 'blocked';
  if (nat.carrierGrade === 'yes' && needs.inboundMedia === 'any-source') return 'blocked';
  if (rules.some((rule) => rule.status === 'failed') || unaskedTrafficFiltered(facts) || fragmentsDropped(facts.fragments) || registrationFailed(facts.register)) return 'action-needed';
  // A mapping not measured could be symmetric: the STUN mappings the PBX announces would then be wrong.
  const verified = (id: (typeof RULE_IDS)[number]): boolean => rules.find((rule) => rule.id === id)?.status === 'verified';
  if (facts.cancelled.length > 0 || !RULE_IDS.every(verified) || nat.mapping === 'unknown' || facts.register?.outcome === 'unsupported') return 'incomplete';
  return 'ready';
}

// The verdict of a whole report, as the diagnosis judged it (a report read back judges the same).
export function judgeReport(report: Pick<DiagnoseReport, 'rules' | 'nat' | 'fragments' | 'cancelled' | 'profile' | 'pbx' | 'local' | 'sip'>): Verdict {
  return judgeVerdict({ rules: report.rules, nat: report.nat, needs: needsOf(report), fragments: report.fragments, cancelled: report.cancelled ?? [], register: report.sip?.register ?? null });
}
