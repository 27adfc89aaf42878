// What the measurements prove about the four firewall rules of the source document, and the
// verdict over them.
import { formatAddress } from '../../shared/address';
import type { CheckId } from '../../shared/checks';
import type { BindingEvidence, NatReport, RuleResult, Verdict } from '../../shared/report';
import type { SipResult } from './sip';

export const CANCELLED_EVIDENCE: { readonly [C in CheckId]: string } = {
  nat: 'The NAT test was cancelled before it finished.',
  sip: 'The SIP check was cancelled before it finished.',
  media: 'The media check was cancelled before it finished, so the media ports were not tested.',
  quality: 'The line-quality measurement was cancelled before it finished.',
};

// The STUN half alone leaves a signalling rule untested; a SIP answer on the same port completes it.
export function signallingRules(binding: BindingEvidence | null, error: string | null, sipPort: number, sip: SipResult | 'cancelled' | null): RuleResult[] {
  if (binding === null) {
    return [
      { id: 'outbound-signalling', status: 'failed', evidence: error ?? 'No STUN answer.' },
      { id: 'inbound-signalling', status: 'untested', evidence: 'Nothing came back, so the inbound direction could not be tested.' },
    ];
  }
  const stunOut = `Binding request from UDP ${sipPort} to ${formatAddress(binding.server)} answered at ${binding.at}`;
  const stunIn = `the STUN answer from ${formatAddress(binding.respondedFrom)} reached UDP ${sipPort}`;
  if (sip === null || sip === 'cancelled') {
    const why = sip === null ? "SIP not tested: name the provider's SIP server." : CANCELLED_EVIDENCE.sip;
    return [
      { id: 'outbound-signalling', status: 'untested', evidence: `STUN part passed (${stunOut}). ${why}` },
      { id: 'inbound-signalling', status: 'untested', evidence: `STUN part passed (${stunIn}). ${why}` },
    ];
  }
  if (!sip.report?.reachable) {
    return [
      { id: 'outbound-signalling', status: 'failed', evidence: `STUN part passed (${stunOut}), but ${sip.evidence.evidence}` },
      { id: 'inbound-signalling', status: 'untested', evidence: `STUN part passed (${stunIn}); no SIP answer came back to test the SIP part.` },
    ];
  }
  return [
    { id: 'outbound-signalling', status: 'verified', evidence: `${stunOut}; ${sip.evidence.evidence}` },
    { id: 'inbound-signalling', status: 'verified', evidence: `${stunIn[0]?.toUpperCase()}${stunIn.slice(1)}; the SIP answer ${sip.report.status} ${sip.report.reason ?? ''} from ${sip.report.target} reached it too.` },
  ];
}

export function untestedMediaRules(evidence: string): RuleResult[] {
  return [
    { id: 'outbound-media', status: 'untested', evidence },
    { id: 'inbound-media', status: 'untested', evidence },
  ];
}

// Blocked: the trunk cannot work (unsupported NAT, signalling fails). A failed media rule alone,
// or a cancelled check, leaves the verdict incomplete: the checklist names what is missing.
export function verdictOf(rules: readonly RuleResult[], nat: NatReport, cancelled: readonly CheckId[]): Verdict {
  const signallingFailed = rules.some((rule) => rule.status === 'failed' && rule.id.endsWith('signalling'));
  if (signallingFailed || nat.supported === false) return 'blocked';
  return cancelled.length === 0 && rules.every((rule) => rule.status === 'verified') ? 'ready' : 'incomplete';
}
