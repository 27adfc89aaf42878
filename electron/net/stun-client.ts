// STUN transactions on one UDP endpoint (RFC 8489 §6.2 and §6.3). A response is matched by
// transaction ID *and* source address: an answer with an unknown ID, or from an address the
// request did not expect, is ignored and counted. A timeout is an outcome, not an exception.
import { sameAddress, type TransportAddress } from '../../shared/address';
import { decodeMessage, isStunError, type StunMessage } from '../../shared/stun';
import { toHex } from '../../shared/bytes';
import { afterWaitingInput, systemClock, type Clock } from './clock';
import { RFC8489_DEFAULT, retransmitSchedule, type RetransmitPolicy, type Schedule } from './retransmit';
import type { UdpEndpoint } from './udp-endpoint';

export type StunOutcome =
  | {
      readonly kind: 'response';
      readonly message: StunMessage;
      readonly from: TransportAddress;
      readonly rttMs: number;          // from the latest send to the answer
      readonly rttExact: boolean;      // only one request went out, so rttMs is unambiguous (Karn)
      readonly firstSendToAnswerMs: number;
      readonly requestsSent: number;
      readonly at: Date;
    }
  | { readonly kind: 'timeout'; readonly requestsSent: number; readonly waitedMs: number };

export interface TransactionOptions {
  readonly policy?: RetransmitPolicy;
  readonly schedule?: Schedule; // overrides policy
  // Who may answer: the server itself (default), a list (RFC 5780 CHANGE-REQUEST answers
  // come from the alternate address), or anyone.
  readonly acceptFrom?: readonly TransportAddress[] | 'any';
  readonly signal?: AbortSignal;
}

export interface StunClientCounters {
  unknownTransaction: number;
  unexpectedSource: number;
  undecodable: number;
  duplicates: number;
  // The last few addresses that answered one of our transactions without being asked:
  // evidence of a server behind NAT or a multi-homed one.
  unexpectedSources: TransportAddress[];
}

interface Pending {
  readonly acceptFrom: readonly TransportAddress[] | 'any';
  readonly deliver: (message: StunMessage, from: TransportAddress) => void;
}

export class StunClient {
  readonly #endpoint: UdpEndpoint;
  readonly #clock: Clock;
  readonly #pending = new Map<string, Pending>();
  readonly #finished = new Set<string>();
  readonly #unsubscribe: () => void;
  readonly counters: StunClientCounters = { unknownTransaction: 0, unexpectedSource: 0, undecodable: 0, duplicates: 0, unexpectedSources: [] };

  constructor(endpoint: UdpEndpoint, clock: Clock = systemClock) {
    this.#endpoint = endpoint;
    this.#clock = clock;
    this.#unsubscribe = endpoint.onStun((data, from) => this.#receive(data, from));
  }

  get endpoint(): UdpEndpoint {
    return this.#endpoint;
  }

  #receive(data: Uint8Array, from: TransportAddress): void {
    let message: StunMessage;
    try {
      message = decodeMessage(data);
    } catch (error) {
      if (!isStunError(error)) throw error;
      this.counters.undecodable += 1;
      return;
    }
    if (message.cls !== 'success' && message.cls !== 'error') return;
    const id = toHex(message.transactionId);
    const pending = this.#pending.get(id);
    if (pending === undefined) {
      if (this.#finished.has(id)) this.counters.duplicates += 1;
      else this.counters.unknownTransaction += 1;
      return;
    }
    const expected = pending.acceptFrom === 'any' || pending.acceptFrom.some((address) => sameAddress(address, from));
    if (!expected) {
      this.counters.unexpectedSource += 1;
      if (!this.counters.unexpectedSources.some((known) => sameAddress(known, from))) this.counters.unexpectedSources.push(from);
      if (this.counters.unexpectedSources.length > 8) this.counters.unexpectedSources.shift();
      return;
    }
    pending.deliver(message, from);
  }

  // Sends `request` (already encoded, with `transactionId`) to `server` and retransmits it
  // until an acceptable response arrives or the schedule ends.
  transact(request: Uint8Array, transactionId: Uint8Array, server: TransportAddress, options: TransactionOptions = {}): Promise<StunOutcome> {
    const id = toHex(transactionId);
    const { sends, endMs } = options.schedule ?? retransmitSchedule(options.policy ?? RFC8489_DEFAULT);
    const clock = this.#clock;
    const start = clock.now();
    let lastSend = start;
    let sent = 0;
    const timers: unknown[] = [];

    return new Promise<StunOutcome>((resolve) => {
      const finish = (outcome: StunOutcome): void => {
        for (const timer of timers) clock.clearTimeout(timer);
        this.#pending.delete(id);
        this.#finished.add(id);
        if (this.#finished.size > 4096) this.#finished.clear();
        options.signal?.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      const onAbort = (): void => finish({ kind: 'timeout', requestsSent: sent, waitedMs: clock.now() - start });
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });

      this.#pending.set(id, {
        acceptFrom: options.acceptFrom ?? [server],
        deliver: (message, from) => {
          const now = clock.now();
          finish({
            kind: 'response',
            message,
            from,
            // After a retransmission nothing tells which copy was answered (Karn's problem):
            // such a sample is marked inexact and not used to derive timeouts.
            rttMs: now - lastSend,
            rttExact: sent === 1,
            firstSendToAnswerMs: now - start,
            requestsSent: sent,
            at: new Date(),
          });
        },
      });
      for (const at of sends) {
        timers.push(
          clock.setTimeout(() => {
            lastSend = clock.now();
            sent += 1;
            this.#endpoint.send(request, server);
          }, at),
        );
      }
      const timedOut = (): void => finish({ kind: 'timeout', requestsSent: sent, waitedMs: clock.now() - start });
      timers.push(clock.setTimeout(() => timers.push(afterWaitingInput(clock, timedOut)), endMs));
    });
  }

  dispose(): void {
    this.#unsubscribe();
    this.#pending.clear();
  }
}
