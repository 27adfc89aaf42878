// The SIP part of a diagnosis: resolve the provider's server, send OPTIONS from the SIP port
// (the socket STUN used, so through the same NAT binding) and judge the answer for an ALG.
import { formatAddress, type TransportAddress } from '../../shared/address';
import type { NatBehaviour, SipEvidence, SipReport } from '../../shared/report';
import { resolveTarget } from '../net/resolve';
import type { UdpEndpoint } from '../net/udp-endpoint';
import { checkSipOptions } from '../sip/check';
import type { ProgressSink } from './progress';

export interface SipResult {
  readonly report: SipReport | null;
  readonly evidence: SipEvidence;
}

export interface SipStepInput {
  readonly target: string;
  readonly defaultPort: number;
  readonly family: 4 | 6;
  readonly endpoint: UdpEndpoint;
  readonly localSentBy: { readonly ip: string; readonly port: number };
  readonly stunMapped: TransportAddress | null;
  readonly mapping: NatBehaviour;
  readonly progress: ProgressSink;
  readonly signal?: AbortSignal;
}

// A person waits: timer F capped at 8 s (requests at 0, 0.5, 1.5, 3.5 and 7.5 s).
const SIP_TIMEOUT_MS = 8000;

export async function checkSip(input: SipStepInput): Promise<SipResult> {
  input.progress('sip/resolve', `Looking up ${input.target}`, 0.85);
  const resolved = await resolveTarget(input.target, input.defaultPort, input.family);
  if (!resolved.ok) {
    return { report: null, evidence: { resolved: null, evidence: resolved.error.message, algEvidence: [], algNotes: [], error: resolved.error } };
  }
  input.progress('sip/options', `Sending SIP OPTIONS from port ${input.localSentBy.port} to ${formatAddress(resolved.value)}`, 0.9);
  const check = await checkSipOptions({
    endpoint: input.endpoint,
    target: resolved.value,
    targetHost: resolved.value.host,
    localSentBy: input.localSentBy,
    stunMapped: input.stunMapped,
    mapping: input.mapping,
    timeoutMs: SIP_TIMEOUT_MS,
    ...(input.signal ? { signal: input.signal } : {}),
  });
  return {
    report: check.summary,
    evidence: {
      resolved: resolved.value,
      evidence: check.evidence,
      algEvidence: check.alg?.evidence ?? [],
      algNotes: check.alg?.notes ?? [],
      error: null,
    },
  };
}
