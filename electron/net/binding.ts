// One Binding exchange turned into evidence (shared/report.ts BindingEvidence) or a precise
// failure. Every STUN-based check (public address, NAT behaviour, media ports) goes through here.
import { formatAddress, type TransportAddress } from '../../shared/address';
import type { BindingEvidence } from '../../shared/report';
import { errorOf, type ErrorData } from '../../shared/result';
import {
  buildBindingRequest,
  getChangedAddress,
  getErrorCode,
  getMappedAddress,
  getOtherAddress,
  getResponseOrigin,
  getSoftware,
  getXorMappedAddress,
  isStunError,
  type BindingRequestOptions,
} from '../../shared/stun';
import type { RetransmitPolicy, Schedule } from './retransmit';
import type { StunClient, StunOutcome } from './stun-client';

export type BindingResult =
  | { readonly ok: true; readonly evidence: BindingEvidence; readonly outcome: Extract<StunOutcome, { kind: 'response' }> }
  | { readonly ok: false; readonly error: ErrorData; readonly outcome: StunOutcome };

export interface BindingOptions {
  readonly request?: BindingRequestOptions;
  readonly policy?: RetransmitPolicy;
  readonly schedule?: Schedule;
  readonly acceptFrom?: readonly TransportAddress[] | 'any';
  readonly signal?: AbortSignal;
}

export async function sendBinding(client: StunClient, server: TransportAddress, options: BindingOptions = {}): Promise<BindingResult> {
  const { bytes, transactionId } = buildBindingRequest(options.request);
  const outcome = await client.transact(bytes, transactionId, server, {
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.schedule ? { schedule: options.schedule } : {}),
    ...(options.acceptFrom ? { acceptFrom: options.acceptFrom } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (outcome.kind === 'timeout') {
    return { ok: false, outcome, error: errorOf('stun/timeout', { server: formatAddress(server), requests: outcome.requestsSent, waitedMs: outcome.waitedMs, port: null }) };
  }
  return readBindingResponse(outcome, server, client.endpoint.local.port);
}

export function readBindingResponse(outcome: Extract<StunOutcome, { kind: 'response' }>, server: TransportAddress, localPort: number): BindingResult {
  const { message } = outcome;
  const where = formatAddress(outcome.from);
  try {
    if (message.cls === 'error') {
      const error = getErrorCode(message);
      return { ok: false, outcome, error: errorOf('stun/error-response', { server: where, status: error?.code ?? null, reason: error?.reason ?? null }) };
    }
    const xorMapped = getXorMappedAddress(message);
    const plainMapped = getMappedAddress(message) ?? null;
    const mapped = xorMapped ?? plainMapped;
    if (mapped === null) {
      return { ok: false, outcome, error: errorOf('stun/no-mapped-address', { server: where }) };
    }
    const evidence: BindingEvidence = {
      server,
      respondedFrom: outcome.from,
      localPort,
      mapped,
      plainMapped,
      otherAddress: getOtherAddress(message) ?? getChangedAddress(message) ?? null,
      responseOrigin: getResponseOrigin(message) ?? null,
      software: getSoftware(message) ?? null,
      rttMs: Math.round(outcome.rttMs * 10) / 10,
      retransmissions: outcome.requestsSent - 1,
      at: outcome.at.toISOString(),
    };
    return { ok: true, outcome, evidence };
  } catch (error) {
    if (!isStunError(error)) throw error;
    return { ok: false, outcome, error: errorOf('stun/malformed-response', { server: where, detail: error.message }) };
  }
}
