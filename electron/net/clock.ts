// Time as a dependency, so RTT-derived timeouts and retransmission schedules can be tested
// with an injected clock (this kernel has no netem to make real delay).

export interface Clock {
  now(): number; // milliseconds, monotonic
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
