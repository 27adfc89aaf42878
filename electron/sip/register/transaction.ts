// One non-INVITE client transaction over UDP (RFC 3261 §17.1.2), for REGISTER: send, retransmit
// on Timer E (T1 doubling up to T2, T2 once a 1xx came), end on the final response or Timer F.
// Like electron/sip/options-client.ts, on the shared UdpEndpoint; datagrams that are not our
// answer are counted, never thrown.
import type { TransportAddress } from '../../../shared/address';
import { readResponseDatagram, type OptionsResponse } from '../../../shared/sip/options-response';
import { afterWaitingInput, type Clock } from '../../net/clock';
import type { UdpEndpoint } from '../../net/udp-endpoint';
import { TIMER_T1_MS, TIMER_T2_MS } from '../options-client';

export interface RegisterCounters {
  malformed: number;    // not SIP, or a response without what RFC 3261 §8.1.3.3 requires
  unmatched: number;    // a response to another transaction (branch, Call-ID or CSeq differ)
  requests: number;     // requests that arrived while a REGISTER was open (the responder answers them)
  provisional: number;  // 1xx for our REGISTERs
  foreign: number;      // requests not from the provider during the inbound wait, left unanswered
  answered: number;     // requests from the provider we answered (retransmissions included)
}

export function newRegisterCounters(): RegisterCounters {
  return { malformed: 0, unmatched: 0, requests: 0, provisional: 0, foreign: 0, answered: 0 };
}

export interface SentRequest {
  readonly bytes: Uint8Array;
  readonly branch: string;
  readonly callId: string;
  readonly cseq: number;
}

export interface TransactionTiming {
  readonly clock: Clock;
  readonly timeoutMs: number;  // Timer F, capped by the caller (a person waits)
  readonly t1Ms?: number;
  readonly t2Ms?: number;
  readonly signal?: AbortSignal;
}

export type TransactionResult =
  | { readonly kind: 'final'; readonly response: OptionsResponse; readonly from: TransportAddress; readonly sentAt: number; readonly answeredAt: number; readonly requestsSent: number }
  | { readonly kind: 'timeout'; readonly aborted: boolean; readonly requestsSent: number; readonly sentAt: number };

export function runClientTransaction(
  endpoint: UdpEndpoint,
  target: TransportAddress,
  request: SentRequest,
  method: string,
  timing: TransactionTiming,
  counters: RegisterCounters,
): Promise<TransactionResult> {
  const { clock } = timing;
  const t1 = timing.t1Ms ?? TIMER_T1_MS;
  const t2 = Math.max(t1, timing.t2Ms ?? TIMER_T2_MS);
  return new Promise((resolve) => {
    const sentAt = clock.now();
    let requestsSent = 0;
    let interval = t1;
    let proceeding = false;
    let finished = false;
    let timerE: unknown;
    let timerF: unknown;

    const finish = (result: TransactionResult): void => {
      if (finished) return;
      finished = true;
      clock.clearTimeout(timerE);
      clock.clearTimeout(timerF);
      unsubscribe();
      timing.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = (): void => finish({ kind: 'timeout', aborted: true, requestsSent, sentAt });
    const transmit = (): void => {
      requestsSent += 1;
      endpoint.send(request.bytes, target);
    };
    // Timer E (§17.1.2.2): min(2·E, T2) in Trying, T2 in Proceeding.
    const armTimerE = (): void => {
      timerE = clock.setTimeout(() => {
        transmit();
        interval = proceeding ? t2 : Math.min(2 * interval, t2);
        armTimerE();
      }, interval);
    };

    const unsubscribe = endpoint.onSip((data, from) => {
      if (finished) return;
      const reading = readResponseDatagram(data, request, method);
      switch (reading.kind) {
        case 'malformed':
          counters.malformed += 1;
          return;
        case 'unmatched':
          counters.unmatched += 1;
          return;
        case 'request':
          counters.requests += 1;
          return;
        case 'provisional':
          counters.provisional += 1;
          if (!proceeding) {
            proceeding = true;
            interval = t2;
            clock.clearTimeout(timerE);
            armTimerE();
          }
          return;
        case 'final':
          finish({ kind: 'final', response: reading.response, from, sentAt, answeredAt: clock.now(), requestsSent });
      }
    });

    // An answer already waiting in the socket counts before Timer F's verdict (electron/net/clock.ts).
    timerF = clock.setTimeout(() => (timerF = afterWaitingInput(clock, () => finish({ kind: 'timeout', aborted: false, requestsSent, sentAt }))), timing.timeoutMs);
    if (timing.signal?.aborted) return onAbort();
    timing.signal?.addEventListener('abort', onAbort, { once: true });
    transmit();
    armTimerE();
  });
}
