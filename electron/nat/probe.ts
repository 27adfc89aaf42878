// One NAT-discovery probe: a Binding request with its schedule, turned into evidence.
import type { TransportAddress } from '../../shared/address';
import type { ProbeEvidence } from '../../shared/report';
import type { BindingRequestOptions } from '../../shared/stun';
import type { NatMessage } from '../../shared/text/messages/nat';
import { stunFailureOf } from '../../shared/text/messages/rules';
import { sendBinding, type BindingResult } from '../net/binding';
import type { Schedule } from '../net/retransmit';
import type { StunClient } from '../net/stun-client';

export interface ProbeSpec {
  readonly name: Extract<NatMessage, { readonly code: `probe/${string}` }>;
  readonly to: TransportAddress;
  readonly request?: BindingRequestOptions;
  readonly schedule: Schedule;
  readonly acceptFrom?: readonly TransportAddress[] | 'any';
  readonly signal?: AbortSignal;
}

export interface Probe {
  readonly result: BindingResult;
  readonly evidence: ProbeEvidence;
}

export async function probe(client: StunClient, spec: ProbeSpec): Promise<Probe> {
  const started = performance.now();
  const result = await sendBinding(client, spec.to, {
    schedule: spec.schedule,
    ...(spec.request ? { request: spec.request } : {}),
    ...(spec.acceptFrom ? { acceptFrom: spec.acceptFrom } : {}),
    ...(spec.signal ? { signal: spec.signal } : {}),
  });
  const outcome = result.outcome;
  const answered = outcome.kind === 'response';
  return {
    result,
    evidence: {
      name: spec.name,
      from: { port: client.endpoint.local.port },
      to: spec.to,
      answered,
      respondedFrom: answered ? outcome.from : null,
      mapped: result.ok ? result.evidence.mapped : null,
      requestsSent: outcome.requestsSent,
      ms: Math.round(performance.now() - started),
      note: result.ok ? null : { code: 'probe/failed', reason: stunFailureOf(result.error.code) },
    },
  };
}

// A round trip only counts when one request got one answer (Karn's rule).
export function exactRtt(result: BindingResult): number | undefined {
  return result.outcome.kind === 'response' && result.outcome.rttExact ? result.outcome.rttMs : undefined;
}
