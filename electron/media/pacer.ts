// A token bucket for STUN requests, so a probe of many ports never floods a public STUN server:
// a probe takes its worst-case number of requests before it starts and gives back what it did
// not send (an answered request is not retransmitted). RFC 8489 §6.2.1 asks clients to limit
// the rate of new transactions to one server; this puts a number on it.
import type { Clock } from '../net/clock';

export class RequestPacer {
  readonly #ratePerMs: number;
  readonly #capacity: number;
  readonly #clock: Clock;
  #tokens: number;   // refilled at the rate, up to the capacity
  #credit = 0;       // given back by probes that needed fewer requests: not capped
  #at: number;

  constructor(ratePerSecond: number, capacity: number, clock: Clock) {
    this.#ratePerMs = Math.max(ratePerSecond, 0.001) / 1000;
    this.#capacity = Math.max(1, capacity);
    this.#clock = clock;
    this.#tokens = this.#capacity;
    this.#at = clock.now();
  }

  #refill(): void {
    const now = this.#clock.now();
    this.#tokens = Math.min(this.#capacity, this.#tokens + (now - this.#at) * this.#ratePerMs);
    this.#at = now;
  }

  // Resolves false if cancelled while waiting.
  async take(count: number, signal?: AbortSignal): Promise<boolean> {
    const wanted = Math.min(count, this.#capacity);
    for (;;) {
      if (signal?.aborted) return false;
      this.#refill();
      if (this.#tokens + this.#credit >= wanted - 1e-9) {
        const fromCredit = Math.min(this.#credit, wanted);
        this.#credit -= fromCredit;
        this.#tokens -= wanted - fromCredit;
        return true;
      }
      const waitMs = Math.ceil((wanted - this.#tokens - this.#credit) / this.#ratePerMs);
      await new Promise<void>((resolve) => {
        const onAbort = (): void => {
          this.#clock.clearTimeout(timer);
          resolve();
        };
        const timer = this.#clock.setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, waitMs);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    }
  }

  // Kept apart from the capped tokens: these requests were paid for in time already and never
  // sent, so spending them later keeps the long-run rate at most ratePerSecond.
  refund(count: number): void {
    this.#credit += Math.max(0, count);
  }
}
