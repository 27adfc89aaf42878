// The keep-alive monitor's state: its interval, whether it runs, and the events it reported
// (newest first) with the round-trip times for the chart.
import type { MonitorStarted, TrunkcheckApi } from '../../../../shared/ipc-contract';
import type { MonitorEvent, MonitorSummary } from '../../../../shared/monitor';
import type { ErrorData } from '../../../../shared/result';

export type MonitorStatus = 'stopped' | 'starting' | 'running' | 'stopping';

// shared/ipc.ts validates the interval to this range.
const MIN_INTERVAL_SEC = 0.2;
const MAX_INTERVAL_SEC = 3600;
const MAX_EVENTS = 200;
const MAX_POINTS = 60;

export interface MonitorSource {
  readonly localIp: string | null;
  readonly sipPort: number | null;
  readonly stun: string;
  readonly stunValid: boolean;
  readonly keepaliveSec: number;
}

export interface RttPoint {
  readonly elapsedMs: number;
  readonly rttMs: number | null; // null: no answer
}

export class MonitorState {
  #api: TrunkcheckApi;
  #source: MonitorSource;
  #intervalText = $state<string | null>(null);
  #status = $state<MonitorStatus>('stopped');
  #started = $state.raw<MonitorStarted | null>(null);
  #summary = $state.raw<MonitorSummary | null>(null);
  #events = $state.raw<readonly MonitorEvent[]>([]);
  #points = $state.raw<readonly RttPoint[]>([]);
  #error = $state<ErrorData | null>(null);

  #interval = $derived.by((): number | null => {
    const value = Number(this.intervalText.trim().replace(',', '.'));
    return this.intervalText.trim() !== '' && Number.isFinite(value) && value >= MIN_INTERVAL_SEC && value <= MAX_INTERVAL_SEC ? value : null;
  });

  constructor(api: TrunkcheckApi, source: MonitorSource) {
    this.#api = api;
    this.#source = source;
  }

  get intervalText(): string {
    return this.#intervalText ?? String(this.#source.keepaliveSec);
  }

  set intervalText(text: string) {
    this.#intervalText = text;
  }

  get intervalValid(): boolean {
    return this.#interval !== null;
  }

  get status(): MonitorStatus {
    return this.#status;
  }

  // The SIP port is in use while the monitor runs: no other check may run then.
  get active(): boolean {
    return this.#status !== 'stopped';
  }

  get started(): MonitorStarted | null {
    return this.#started;
  }

  get summary(): MonitorSummary | null {
    return this.#summary;
  }

  get events(): readonly MonitorEvent[] {
    return this.#events;
  }

  get points(): readonly RttPoint[] {
    return this.#points;
  }

  get error(): ErrorData | null {
    return this.#error;
  }

  get canStart(): boolean {
    const { localIp, sipPort, stunValid } = this.#source;
    return this.#status === 'stopped' && this.#interval !== null && stunValid && localIp !== null && sipPort !== null;
  }

  listen(): () => void {
    return this.#api.onMonitorEvent((event) => this.#onEvent(event));
  }

  async start(): Promise<void> {
    const { localIp, sipPort, stun } = this.#source;
    if (!this.canStart || this.#interval === null || localIp === null || sipPort === null) return;
    this.#status = 'starting';
    this.#error = null;
    this.#summary = null;
    this.#events = [];
    this.#points = [];
    const result = await this.#api.startMonitor({ stun: stun.trim(), localIp, sipPort, intervalSec: this.#interval });
    if (!result.ok) {
      this.#error = result.error;
      this.#status = 'stopped';
      return;
    }
    this.#started = result.value;
    this.#status = 'running';
  }

  async stop(): Promise<void> {
    if (this.#status !== 'running') return;
    this.#status = 'stopping';
    const result = await this.#api.stopMonitor();
    if (result.ok) this.#summary = result.value;
    else this.#error = result.error;
    this.#status = 'stopped';
  }

  #onEvent(event: MonitorEvent): void {
    this.#events = [event, ...this.#events].slice(0, MAX_EVENTS);
    const rttMs = 'rttMs' in event ? event.rttMs : event.kind === 'miss' ? null : undefined;
    if (rttMs !== undefined) this.#points = [...this.#points, { elapsedMs: event.elapsedMs, rttMs }].slice(-MAX_POINTS);
  }
}
