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

// A "nothing arrived" verdict taken when its timer fires waits one more turn of the event loop:
// after a stall in an I/O callback (a busy machine, a long decode) Node runs the timers whose
// time has passed before it polls the sockets again, so an answer already waiting in a socket's
// buffer would be counted as silence. A zero delay lands after that poll.
export function afterWaitingInput(clock: Clock, callback: () => void): unknown {
  return clock.setTimeout(callback, 0);
}
