// Cancelling a running diagnosis, all of it or one check: each check listens to its own signal,
// which also fires when the whole run is cancelled (or the caller's signal fires, e.g. the
// browser closed the request).
import { CHECK_IDS, type CheckId } from '../../shared/checks';

export class CheckCancellation {
  readonly #all = new AbortController();
  readonly #each = new Map<CheckId, AbortController>(CHECK_IDS.map((check) => [check, new AbortController()]));
  readonly #signals = new Map<CheckId, AbortSignal>();

  constructor(outer?: AbortSignal) {
    if (outer?.aborted) this.#all.abort();
    else outer?.addEventListener('abort', () => this.#all.abort(), { once: true });
    for (const [check, controller] of this.#each) this.#signals.set(check, AbortSignal.any([this.#all.signal, controller.signal]));
  }

  // The whole run: fires only when everything is cancelled.
  get signal(): AbortSignal {
    return this.#all.signal;
  }

  signalFor(check: CheckId): AbortSignal {
    return this.#signals.get(check) ?? this.#all.signal;
  }

  // Cancelled on its own, while the run goes on.
  isCancelled(check: CheckId): boolean {
    return this.#each.get(check)?.signal.aborted === true && !this.#all.signal.aborted;
  }

  cancel(check: CheckId | 'all'): void {
    (check === 'all' ? this.#all : this.#each.get(check))?.abort();
  }
}
