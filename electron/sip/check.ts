// The SIP step of a diagnosis in one call: OPTIONS from the PBX's SIP port (the socket STUN
// used), the ALG assessment against the STUN mapping, and the report's `sip` section in the
// shape DESIGN.md fixes: sip: { target, reachable, status, reason, rttMs, via: { received, rport }, algSuspected }.
import { formatAddress, type TransportAddress } from '../../shared/address';
import type { NatBehaviour, SipReport } from '../../shared/report';
import type { RuleMessage } from '../../shared/text/messages/rules';
import type { Clock } from '../net/clock';
import type { UdpEndpoint } from '../net/udp-endpoint';
import { assessAlg, type AlgAssessment } from './alg';
import { optionsEvidence, sendOptions, type SipOptionsOutcome } from './options-client';

// DESIGN.md's sip section, declared in shared/report.ts.
export type SipSummary = SipReport;

export interface SipCheckInput {
  readonly endpoint: UdpEndpoint;
  readonly target: TransportAddress;
  readonly targetHost?: string;            // the name as configured (Request-URI); default target.ip
  readonly localSentBy: { readonly ip: string; readonly port: number }; // the PBX's LAN address, not 0.0.0.0
  readonly stunMapped: TransportAddress | null;
  readonly stunPlainMapped?: TransportAddress | null; // the same answer's MAPPED-ADDRESS, for the ALG check
  readonly mapping?: NatBehaviour;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly clock?: Clock;
}

export interface SipCheck {
  readonly outcome: SipOptionsOutcome;
  readonly alg: AlgAssessment | null;
  readonly summary: SipSummary;
  readonly evidence: RuleMessage;          // the outcome, for the rules' evidence
}

export function summarizeSip(target: string, outcome: SipOptionsOutcome, alg: AlgAssessment | null): SipSummary {
  if (outcome.kind !== 'response') {
    return { target, reachable: false, status: null, reason: null, rttMs: null, via: { received: null, rport: null }, algSuspected: null };
  }
  return {
    target,
    reachable: true,
    status: outcome.status,
    reason: outcome.reason,
    rttMs: Math.round(outcome.rttMs),
    via: outcome.via,
    algSuspected: alg?.suspected ?? null,
  };
}

export async function checkSipOptions(input: SipCheckInput): Promise<SipCheck> {
  const outcome = await sendOptions(input.endpoint, input.target, {
    requestUriHost: input.targetHost ?? input.target.ip,
    localSentBy: input.localSentBy,
    ...(input.timeoutMs === undefined ? {} : { timeoutMs: input.timeoutMs }),
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.clock ? { clock: input.clock } : {}),
  });
  const alg =
    outcome.kind === 'response'
      ? assessAlg({
          sentVia: outcome.request.via,
          sentFromLocal: input.localSentBy,
          stunMapped: input.stunMapped,
          stunPlainMapped: input.stunPlainMapped ?? null,
          sentHeaders: { from: outcome.request.from, contact: outcome.request.contact },
          response: outcome,
          ...(input.mapping ? { mapping: input.mapping } : {}),
        })
      : null;
  const target = input.targetHost ? formatAddress({ ip: input.targetHost, port: input.target.port }) : formatAddress(input.target);
  return { outcome, alg, summary: summarizeSip(target, outcome, alg), evidence: optionsEvidence(outcome, input.target) };
}
