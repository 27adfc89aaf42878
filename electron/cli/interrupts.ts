// Ctrl-C (SIGINT) or SIGTERM while a diagnosis runs: the run is cancelled instead of the process
// dying on the spot, so what the run must undo is undone first (the test registration at the
// provider, RFC 3261 §10.2.2: REGISTER with Expires: 0), and the process then ends by that same
// signal, as it would have without us (a shell sees 130 after Ctrl-C). Our listener goes with the
// first signal, so a second one ends the process at once.
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export interface Interrupts {
  // From now on a signal cancels the returned AbortSignal instead of ending the process.
  watch(): AbortSignal;
  // The signal that came, if one did.
  readonly caught: NodeJS.Signals | null;
  // Stop listening; a signal that came is sent again, now with its default action.
  end(): void;
}

export function processInterrupts(): Interrupts {
  let caught: NodeJS.Signals | null = null;
  const controller = new AbortController();
  const listeners = new Map<NodeJS.Signals, () => void>();
  const stopListening = (): void => {
    for (const [signal, listener] of listeners) process.removeListener(signal, listener);
    listeners.clear();
  };
  return {
    watch() {
      if (listeners.size === 0 && caught === null) {
        for (const signal of SIGNALS) {
          const listener = (): void => {
            caught = signal;
            stopListening();
            controller.abort();
          };
          listeners.set(signal, listener);
          process.once(signal, listener);
        }
      }
      return controller.signal;
    },
    get caught() {
      return caught;
    },
    end() {
      stopListening();
      if (caught !== null) process.kill(process.pid, caught);
    },
  };
}
