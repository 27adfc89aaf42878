// The NAT step's state: an optional second STUN server, whether to measure the binding
// lifetime, the running test with its progress, and the report (or the error).
import { parseHostPort } from '../../../../shared/address';
import { defaultProfile, findProfile, type PbxProfile } from '../../../../shared/catalog/profiles';
import type { DiagnoseRequest, ProgressEvent, TrunkcheckApi } from '../../../../shared/ipc';
import type { DiagnoseReport } from '../../../../shared/report';
import type { ErrorData } from '../../../../shared/result';

export type NatStatus = 'idle' | 'running' | 'done' | 'error';
// Why the second STUN server cannot be used: not an endpoint, or the first server again (asking
// one server twice would always look endpoint-independent).
export type SecondStunProblem = 'invalid' | 'same';

export interface NatProgress {
  readonly stage: string;
  readonly message: string;
  readonly fraction: number | null;
}

// What the step needs from the earlier steps: read live, never copied.
export interface NatSource {
  readonly localIp: string | null;
  readonly sipPort: number | null;
  readonly stun: string;
  readonly stunValid: boolean;
  // The PBX profile chosen on the Network step (nothing for the default one) and its keep-alive.
  readonly profileRequest: Pick<DiagnoseRequest, 'profileId' | 'rtp'>;
  readonly keepaliveSec: number | null;
}

export interface NatInputs {
  readonly second: string;
  readonly lifetime: boolean;
}

export interface MeasuredNat {
  readonly request: DiagnoseRequest;
  readonly report: DiagnoseReport;
}

const STUN_DEFAULT_PORT = 3478; // RFC 8489 §18.6, as shared/ipc.ts assumes
// shared/ipc.ts: the lifetime test takes 1.5 × the profile's keep-alive interval.
const LIFETIME_FACTOR = 1.5;

export class NatState {
  #api: TrunkcheckApi;
  #source: NatSource;
  // The main process's default profile (electron/handlers.ts), used when a report names none.
  #profile: PbxProfile = defaultProfile();
  #second = $state('');
  #lifetime = $state(false);
  #status = $state<NatStatus>('idle');
  #progress = $state<NatProgress | null>(null);
  #measured = $state.raw<MeasuredNat | null>(null);
  #error = $state<ErrorData | null>(null);
  #lastRequest = $state.raw<DiagnoseRequest | null>(null);
  #attempt = 0;

  #secondProblem = $derived.by((): SecondStunProblem | null => {
    if (this.#second.trim() === '') return null;
    const second = parseHostPort(this.#second, STUN_DEFAULT_PORT);
    if (second === undefined) return 'invalid';
    const first = parseHostPort(this.#source.stun, STUN_DEFAULT_PORT);
    return first !== undefined && first.host.toLowerCase() === second.host.toLowerCase() && first.port === second.port ? 'same' : null;
  });
  #secondValid = $derived(this.#secondProblem === null);
  #request = $derived.by((): DiagnoseRequest | null => {
    const { localIp, sipPort, stun, stunValid } = this.#source;
    if (!stunValid || !this.#secondValid || localIp === null || sipPort === null) return null;
    const second = this.#second.trim();
    return { stun: second === '' ? [stun.trim()] : [stun.trim(), second], localIp, sipPort, lifetime: this.#lifetime, ...this.#source.profileRequest };
  });
  #stale = $derived(this.#measured !== null && !sameRequest(this.#measured.request, this.#request));

  constructor(api: TrunkcheckApi, source: NatSource) {
    this.#api = api;
    this.#source = source;
  }

  get primaryStun(): string {
    return this.#source.stun.trim();
  }

  get primaryValid(): boolean {
    return this.#source.stunValid;
  }

  get secondStun(): string {
    return this.#second;
  }

  set secondStun(text: string) {
    this.#second = text;
  }

  get secondValid(): boolean {
    return this.#secondValid;
  }

  get secondProblem(): SecondStunProblem | null {
    return this.#secondProblem;
  }

  get lifetime(): boolean {
    return this.#lifetime;
  }

  set lifetime(on: boolean) {
    this.#lifetime = on;
  }

  // How long the lifetime test adds, in whole seconds (15 s for SwyxWare's 10 s keep-alive).
  get lifetimeSec(): number {
    return Math.ceil(this.keepaliveSec * LIFETIME_FACTOR);
  }

  get keepaliveSec(): number {
    return this.#source.keepaliveSec ?? this.#profile.keepaliveSec;
  }

  inputs(): NatInputs {
    return { second: this.#second, lifetime: this.#lifetime };
  }

  restore(inputs: NatInputs): void {
    this.#second = inputs.second;
    this.#lifetime = inputs.lifetime;
  }

  get localIp(): string | null {
    return this.#source.localIp;
  }

  get sipPort(): number | null {
    return this.#source.sipPort;
  }

  get status(): NatStatus {
    return this.#status;
  }

  get progress(): NatProgress | null {
    return this.#progress;
  }

  get measured(): MeasuredNat | null {
    return this.#measured;
  }

  get error(): ErrorData | null {
    return this.#error;
  }

  get lastRequest(): DiagnoseRequest | null {
    return this.#lastRequest;
  }

  // The test as now entered (null while something is missing); the checks step extends it.
  get request(): DiagnoseRequest | null {
    return this.#request;
  }

  get canRun(): boolean {
    return this.#status !== 'running' && this.#request !== null;
  }

  // The shown result was measured with other settings than the ones now entered.
  get stale(): boolean {
    return this.#stale;
  }

  // The profile the report was made for (its ports and name go into the verdict and the fix).
  profileOf(report: DiagnoseReport): PbxProfile {
    return findProfile(report.profile) ?? this.#profile;
  }

  // Subscribed while the step is shown, so the event stream is open before "Run".
  listen(): () => void {
    return this.#api.onProgress((event) => this.#onProgress(event));
  }

  async run(): Promise<void> {
    const request = this.#request;
    if (request === null || this.#status === 'running') return;
    const attempt = ++this.#attempt;
    this.#status = 'running';
    this.#error = null;
    this.#lastRequest = request;
    this.#progress = { stage: 'ui/start', message: '', fraction: 0 };
    const result = await this.#api.diagnoseNat(request);
    if (attempt !== this.#attempt) return;
    this.#progress = null;
    if (!result.ok) {
      this.#error = result.error;
      this.#status = 'error';
      return;
    }
    this.#measured = { request, report: result.value };
    this.#status = 'done';
  }

  #onProgress(event: ProgressEvent): void {
    if (this.#status !== 'running' || event.channel !== 'nat:diagnose') return;
    this.#progress = { stage: event.stage, message: event.message, fraction: event.fraction };
  }
}

function sameRequest(a: DiagnoseRequest, b: DiagnoseRequest | null): boolean {
  return (
    b !== null &&
    a.stun.length === b.stun.length &&
    a.stun.every((server, index) => server === b.stun[index]) &&
    a.localIp === b.localIp &&
    a.sipPort === b.sipPort &&
    a.lifetime === b.lifetime &&
    a.profileId === b.profileId &&
    a.rtp?.from === b.rtp?.from &&
    a.rtp?.to === b.rtp?.to
  );
}
