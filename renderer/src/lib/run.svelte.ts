// One measurement a step asks the main process for: whether it runs, its live progress, the
// last result (kept with the request it was made with) or the error. Each measuring step's state
// extends MeasuringState, which owns one and shows it, and adds what is its own: which request
// to send and how to read the answer.
import type { Channel, ProgressEvent, TrunkcheckApi } from '../../../shared/ipc-contract';
import type { ErrorData, Result } from '../../../shared/result';
import { isIpv6Stage, type ProgressMessage } from '../../../shared/text/messages/progress';

export type RunStatus = 'idle' | 'running' | 'done' | 'error';

// The stage as the main process sent it (its code is the stage id), worded where it is shown.
export interface RunProgress {
  readonly message: ProgressMessage;
  readonly fraction: number | null;
}

// What a person cancelled is not a failure: the earlier result stays (electron/diagnose/diagnose.ts).
const CANCELLED = 'checks/cancelled';

export class Run<Request, Measured extends { readonly request: unknown }> {
  readonly #channel: Channel;
  #status = $state<RunStatus>('idle');
  #progress = $state<RunProgress | null>(null);
  #ipv6Progress = $state<ProgressMessage | null>(null); // the IPv6 pass's stage, beside the bar
  #measured = $state.raw<Measured | null>(null);
  #error = $state<ErrorData | null>(null);
  #lastRequest = $state.raw<Request | null>(null);
  #cancelled = $state(false);
  // Only the newest start's answer counts.
  #attempt = 0;

  constructor(channel: Channel) {
    this.#channel = channel;
  }

  get status(): RunStatus {
    return this.#status;
  }

  get running(): boolean {
    return this.#status === 'running';
  }

  get progress(): RunProgress | null {
    return this.#progress;
  }

  // The stage of the IPv6 pass that runs beside the primary one (ipv6/…); null when none runs.
  get ipv6Progress(): ProgressMessage | null {
    return this.#ipv6Progress;
  }

  get measured(): Measured | null {
    return this.#measured;
  }

  get error(): ErrorData | null {
    return this.#error;
  }

  // The request the newest run was started with.
  get lastRequest(): Request | null {
    return this.#lastRequest;
  }

  // The newest run was cancelled by the person; what was shown before is shown again.
  get cancelled(): boolean {
    return this.#cancelled;
  }

  // A progress event from the main process: kept when it belongs to this run's channel. The IPv6
  // pass's stages have their own line: the bar and the check rows follow the primary path alone.
  onProgress(event: ProgressEvent): void {
    if (this.#status !== 'running' || event.channel !== this.#channel) return;
    if (isIpv6Stage(event.message)) this.#ipv6Progress = event.message;
    else this.#progress = { message: event.message, fraction: event.fraction };
  }

  async start(request: Request, call: () => Promise<Result<Measured>>): Promise<void> {
    if (this.#status === 'running') return;
    const attempt = ++this.#attempt;
    this.#status = 'running';
    this.#error = null;
    this.#cancelled = false;
    this.#lastRequest = request;
    this.#progress = { message: { code: 'ui/start' }, fraction: 0 };
    this.#ipv6Progress = null;
    const result = await call();
    if (attempt !== this.#attempt) return;
    this.#progress = null;
    this.#ipv6Progress = null;
    if (result.ok) {
      this.#measured = result.value;
      this.#status = 'done';
    } else if (result.error.code === CANCELLED) {
      this.#cancelled = true;
      this.#status = this.#measured === null ? 'idle' : 'done';
    } else {
      this.#error = result.error;
      this.#status = 'error';
    }
  }

  // Resuming: the saved result comes back as if just measured; a run still under way is forgotten.
  restore(measured: Measured | null): void {
    this.#attempt++;
    this.#measured = measured;
    this.#status = measured === null ? 'idle' : 'done';
    this.#progress = null;
    this.#ipv6Progress = null;
    this.#error = null;
    this.#cancelled = false;
  }
}

// What the Measure step shows of its run, in one place.
export abstract class MeasuringState<Request, Measured extends { readonly request: unknown }> {
  protected readonly api: TrunkcheckApi;
  protected readonly measurement: Run<Request, Measured>;

  constructor(api: TrunkcheckApi, channel: Channel) {
    this.api = api;
    this.measurement = new Run<Request, Measured>(channel);
  }

  get status(): RunStatus {
    return this.measurement.status;
  }

  get progress(): RunProgress | null {
    return this.measurement.progress;
  }

  get ipv6Progress(): ProgressMessage | null {
    return this.measurement.ipv6Progress;
  }

  get measured(): Measured | null {
    return this.measurement.measured;
  }

  get error(): ErrorData | null {
    return this.measurement.error;
  }

  // The request the newest run was started with (for the progress texts and the stale notes).
  get lastRequest(): Request | null {
    return this.measurement.lastRequest;
  }

  // The newest run was cancelled: the result before it is shown again.
  get cancelled(): boolean {
    return this.measurement.cancelled;
  }

  // Subscribed for the page's life (App.svelte), so the event stream is open before a run starts;
  // returns the unsubscribe function.
  listen(): () => void {
    return this.api.onProgress((event) => this.measurement.onProgress(event));
  }
}
