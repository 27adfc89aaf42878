// The non-INVITE client transaction over UDP (RFC 3261 §17.1.2) that OPTIONS and REGISTER share,
// on the UdpEndpoint that STUN uses too, so it travels through the NAT binding STUN measured.
// Timer E retransmits at T1, doubling up to T2 (T2 from the first 1xx on); Timer F ends it.
// A timeout is an outcome; datagrams that are not our answer are counted, never thrown.
import type { TransportAddress } from '../../shared/address';
import type { DatagramReading, OptionsResponse } from '../../shared/sip/options-response';
import { afterWaitingInput, type Clock } from '../net/clock';
import type { UdpEndpoint } from '../net/udp-endpoint';

export const TIMER_T1_MS = 500;   // RFC 3261 §17.1.1.1: RTT estimate
export const TIMER_T2_MS = 4000;  // RFC 3261 §17.1.2.2: maximum retransmit interval for non-INVITE

export interface TransactionCounters {
  malformed: number;    // not parseable as SIP, or a response missing what RFC 3261 §8.1.3.3 requires
  unmatched: number;    // a SIP response to another transaction (branch, Call-ID or CSeq differ)
  requests: number;     // SIP requests that arrived meanwhile (not the transaction's to answer)
  provisional: number;  // 1xx for our transaction
}

export interface TransactionTiming {
  readonly clock: Clock;
  readonly timeoutMs: number;  // Timer F: 64·T1 by §17.1.2.2, or capped by the caller (a person waits)
  readonly t1Ms?: number;
  readonly t2Ms?: number;
  readonly signal?: AbortSignal;
}

// Our answer, somebody else's, a request or garbage: shared/sip/options-response.ts reads it.
export type ResponseReader = (data: Uint8Array) => DatagramReading;

// Times are the clock's milliseconds. firstSentAt is when the transaction began (its first
// request goes out at once, unless the signal had already fired).
export type TransactionResult =
  | {
      readonly kind: 'final';
      readonly response: OptionsResponse;
      readonly from: TransportAddress;
      readonly requestsSent: number;
      readonly firstSentAt: number;
      readonly lastSentAt: number;
      readonly answeredAt: number;
      readonly provisional: readonly number[];  // the 1xx statuses seen, the first few
    }
  | {
      readonly kind: 'timeout';
      readonly aborted: boolean;
      readonly requestsSent: number;
      readonly firstSentAt: number;
      readonly lastSentAt: number;
      readonly endedAt: number;
      readonly provisional: readonly number[];
    };

const MAX_NOTED_PROVISIONAL = 8;

export function runNonInviteTransaction(
  endpoint: UdpEndpoint,
  target: TransportAddress,
  bytes: Uint8Array,
  read: ResponseReader,
  timing: TransactionTiming,
  counters: TransactionCounters,
): Promise<TransactionResult> {
  const { clock } = timing;
  const t1 = timing.t1Ms ?? TIMER_T1_MS;
  const t2 = Math.max(t1, timing.t2Ms ?? TIMER_T2_MS);
  const provisional: number[] = [];
  return new Promise((resolve) => {
    const firstSentAt = clock.now();
    let lastSentAt = firstSentAt;
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
    const timeout = (aborted: boolean): void =>
      finish({ kind: 'timeout', aborted, requestsSent, firstSentAt, lastSentAt, endedAt: clock.now(), provisional: [...provisional] });
    const onAbort = (): void => timeout(true);

    const transmit = (): void => {
      lastSentAt = clock.now();
      requestsSent += 1;
      endpoint.send(bytes, target);
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
      const reading = read(data);
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
          if (provisional.length < MAX_NOTED_PROVISIONAL) provisional.push(reading.response.status);
          if (!proceeding) {
            // §17.1.2.2: in Proceeding, retransmit every T2 from now on.
            proceeding = true;
            interval = t2;
            clock.clearTimeout(timerE);
            armTimerE();
          }
          return;
        case 'final':
          finish({ kind: 'final', response: reading.response, from, requestsSent, firstSentAt, lastSentAt, answeredAt: clock.now(), provisional: [...provisional] });
      }
    });

    // An answer already waiting in the socket counts before Timer F's verdict (electron/net/clock.ts).
    timerF = clock.setTimeout(() => (timerF = afterWaitingInput(clock, () => timeout(false))), timing.timeoutMs);
    if (timing.signal?.aborted) return onAbort();
    timing.signal?.addEventListener('abort', onAbort, { once: true });
    transmit();
    armTimerE();
  });
}
