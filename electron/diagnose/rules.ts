// What the measurements prove about the four firewall rules of the source document, and the
// verdict over them.
import { formatAddress, type TransportAddress } from '../../shared/address';
import type { CheckId } from '../../shared/checks';
import type { RegisterReport } from '../../shared/register';
import type { BindingEvidence, RuleResult, Verdict } from '../../shared/report';
import { judgeVerdict, type VerdictFacts } from '../../shared/verdict/verdict';
import type { ErrorData } from '../../shared/result';
import { stunFailureOf, type RuleMessage } from '../../shared/text/messages/rules';
import type { SipResult } from './sip';

export const cancelledEvidence = (check: CheckId): RuleMessage => ({ code: 'check/cancelled', check });

export interface StunAttempt {
  readonly server: TransportAddress;       // where the Binding request from the SIP port went
  readonly binding: BindingEvidence | null;
  readonly error: ErrorData | null;
}

// The STUN half alone leaves a signalling rule untested; a SIP answer on the same port completes it,
// and a registration adds its own proof (withRegistration).
export function signallingRules(stun: StunAttempt, sipPort: number, sip: SipResult | 'cancelled' | null, register: RegisterReport | null = null): RuleResult[] {
  const rules = optionsRules(stun, sipPort, sip);
  return stun.binding === null || sip === null || sip === 'cancelled' || register === null ? rules : withRegistration(rules, sipPort, sip, register);
}

function optionsRules(stun: StunAttempt, sipPort: number, sip: SipResult | 'cancelled' | null): RuleResult[] {
  const { binding } = stun;
  if (binding === null) {
    // The public-address check's error code, as the reason the rule names.
    const reason = stun.error ? stunFailureOf(stun.error.code) : 'other';
    return [
      { id: 'outbound-signalling', status: 'failed', evidence: [{ code: 'signalling/stun-failed', server: formatAddress(stun.server), port: sipPort, reason }] },
      { id: 'inbound-signalling', status: 'untested', evidence: [{ code: 'signalling/inbound-not-tested' }] },
    ];
  }
  const stunOut: RuleMessage = { code: 'signalling/stun-out', port: sipPort, server: formatAddress(binding.server), at: binding.at };
  const stunIn: RuleMessage = { code: 'signalling/stun-in', port: sipPort, from: formatAddress(binding.respondedFrom) };
  if (sip === null || sip === 'cancelled') {
    const why: RuleMessage = sip === null ? { code: 'signalling/sip-not-named' } : cancelledEvidence('sip');
    return [
      { id: 'outbound-signalling', status: 'untested', evidence: [stunOut, why] },
      { id: 'inbound-signalling', status: 'untested', evidence: [stunIn, why] },
    ];
  }
  if (!sip.report?.reachable || sip.report.status === null) {
    return [
      { id: 'outbound-signalling', status: 'failed', evidence: [stunOut, sip.evidence.evidence] },
      { id: 'inbound-signalling', status: 'untested', evidence: [stunIn, { code: 'signalling/no-sip-answer-back' }] },
    ];
  }
  const answer: RuleMessage = { code: 'signalling/sip-answer-in', port: sipPort, status: sip.report.status, reason: sip.report.reason, from: sip.report.target };
  return [
    { id: 'outbound-signalling', status: 'verified', evidence: [stunOut, sip.evidence.evidence] },
    { id: 'inbound-signalling', status: 'verified', evidence: [stunIn, answer] },
  ];
}

// The registration on rules 1 and 2. A REGISTER answer went out and came back through the SIP port
// like an OPTIONS answer (some providers answer only REGISTER). The provider's own request arriving
// afterwards, unasked, through the binding is the real proof of rule 2 and of the keep-alive; none
// within the wait is no failure (many providers do not ping), the rule keeps the answers' proof.
function withRegistration(rules: RuleResult[], sipPort: number, sip: SipResult, register: RegisterReport): RuleResult[] {
  const resolved = sip.evidence.resolved;
  if (resolved === null || register.status === null) return rules;
  const target = formatAddress(resolved);
  const answered: RuleMessage = { code: 'register/answered', target, status: register.status, reason: register.reason };
  const backIn: RuleMessage = { code: 'signalling/sip-answer-in', port: sipPort, status: register.status, reason: register.reason, from: sip.report?.target ?? target };
  const inbound = register.inbound;
  const request: RuleMessage[] =
    inbound === null
      ? []
      : inbound.received && inbound.method !== null && inbound.from !== null
        ? [{ code: 'register/inbound-received', port: sipPort, method: inbound.method, from: formatAddress(inbound.from), afterMs: inbound.afterMs ?? 0 }]
        : [{ code: 'register/no-inbound', port: sipPort, waitedMs: inbound.waitedMs }];
  return rules.map((rule): RuleResult => {
    if (rule.id === 'outbound-signalling') {
      const evidence = rule.status === 'failed' ? rule.evidence.filter((message) => message.code === 'signalling/stun-out') : rule.evidence;
      return { id: rule.id, status: 'verified', evidence: [...evidence, answered] };
    }
    if (rule.id !== 'inbound-signalling') return rule;
    // The REGISTER answer came back through the binding: verified, by OPTIONS or by it.
    const evidence = rule.status === 'verified' ? rule.evidence : [...rule.evidence.filter((message) => message.code === 'signalling/stun-in'), backIn];
    return { id: rule.id, status: 'verified', evidence: [...evidence, ...request] };
  });
}

export function untestedMediaRules(evidence: RuleMessage): RuleResult[] {
  return [
    { id: 'outbound-media', status: 'untested', evidence: [evidence] },
    { id: 'inbound-media', status: 'untested', evidence: [evidence] },
  ];
}

// The verdict over the rules, the NAT, what the PBX needs and the fragments (shared/verdict/verdict.ts).
export function verdictOf(facts: VerdictFacts): Verdict {
  return judgeVerdict(facts);
}
