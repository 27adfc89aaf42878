// The fragment test (issue 14, DESIGN.md `fragments`): four STUN Binding requests at once, from
// the SIP socket so they cross the very NAT binding and firewall state SIP uses, to the primary
// STUN server. shared/nat/fragments.ts says why four and judges what came back.
//
// It is built to run beside the NAT tests: every request follows the no-answer schedule derived
// from the measured round trip (a short train of copies, RFC 8489 §6.2.1 retransmission made
// bounded, see noAnswerSchedule), so a healthy line answers within one round trip and a line
// that drops fragments costs a few round trips, never the RFC's 39.5 s.
import { formatAddress, type TransportAddress } from '../../shared/address';
import {
  judgeFragments,
  REQUEST_PADDING_BYTES,
  SMALL_PADDING_BYTES,
  type FragmentAnswer,
  type FragmentExchange,
  type FragmentsJudgement,
} from '../../shared/nat/fragments';
import { buildBindingRequest, getErrorCode, getPaddingLength, isStunError, type BindingRequestOptions } from '../../shared/stun';
import { noAnswerSchedule } from '../net/retransmit';
import type { StunClient, StunOutcome } from '../net/stun-client';

export interface FragmentProbeOptions {
  readonly rttMs: number;          // the round trip of the first Binding exchange with `server`
  // The public port the server saw (the STUN mapped port): the outbound request's RESPONSE-PORT.
  // RFC 5780 §6.1 makes the server refuse PADDING with RESPONSE-PORT; should one honour it
  // instead, the answer still goes where it would have gone. Default: the local port.
  readonly mappedPort?: number;
  readonly signal?: AbortSignal;
}

export interface FragmentProbeResult extends FragmentsJudgement {
  readonly ms: number;             // how long the test took, first send to verdict
}

export async function probeFragments(client: StunClient, server: TransportAddress, options: FragmentProbeOptions): Promise<FragmentProbeResult> {
  const started = performance.now();
  const schedule = noAnswerSchedule(options.rttMs);
  const exchange = async (request: BindingRequestOptions): Promise<FragmentExchange> => {
    const { bytes, transactionId } = buildBindingRequest(request);
    const outcome = await client.transact(bytes, transactionId, server, { schedule, ...(options.signal ? { signal: options.signal } : {}) });
    return { requestBytes: bytes.length, answer: answerOf(outcome) };
  };
  const responsePort = options.mappedPort ?? client.endpoint.local.port;
  const [control, outbound, inbound, both] = await Promise.all([
    exchange({}),
    exchange({ paddingBytes: REQUEST_PADDING_BYTES, responsePort }),
    exchange({ paddingBytes: SMALL_PADDING_BYTES }),
    exchange({ paddingBytes: REQUEST_PADDING_BYTES }),
  ]);
  const judgement = judgeFragments({
    server: formatAddress(server),
    family: server.family,
    cancelled: options.signal?.aborted === true,
    control,
    outbound,
    inbound,
    both,
  });
  return { ...judgement, ms: Math.round(performance.now() - started) };
}

function answerOf(outcome: StunOutcome): FragmentAnswer {
  if (outcome.kind === 'timeout') return { kind: 'none', requests: outcome.requestsSent };
  const { message } = outcome;
  const bytes = message.raw.length;
  if (message.cls === 'error') return { kind: 'error', bytes, status: readOrNull(() => getErrorCode(message)?.code) };
  return { kind: 'success', bytes, padding: readOrNull(() => getPaddingLength(message)) };
}

// A malformed attribute in an answer makes that value unknown, nothing more: the answer itself
// already proved the request arrived.
function readOrNull<T>(read: () => T | undefined): T | null {
  try {
    return read() ?? null;
  } catch (error) {
    if (!isStunError(error)) throw error;
    return null;
  }
}
