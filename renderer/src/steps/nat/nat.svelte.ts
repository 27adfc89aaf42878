// The NAT step's state: an optional second STUN server, whether to measure the binding
// lifetime, the running test with its progress, and the report (or the error).
import { parseHostPort } from '../../../../shared/address';
import { defaultProfile, findProfile, type PbxProfile } from '../../../../shared/catalog/profiles';
import type { DiagnoseRequest, TrunkcheckApi } from '../../../../shared/ipc-contract';
import type { DiagnoseReport } from '../../../../shared/report';
import { ok } from '../../../../shared/result';
import { MeasuringState } from '../../lib/run.svelte';

// Why the second STUN server cannot be used: not an endpoint, or the first server again (asking
// one server twice would always look endpoint-independent).
export type SecondStunProblem = 'invalid' | 'same';

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

// shared/ipc.ts: the lifetime test takes 1.5 × the profile's keep-alive interval.
const LIFETIME_FACTOR = 1.5;

export class NatState extends MeasuringState<DiagnoseRequest, MeasuredNat> {
  #source: NatSource;
  // The main process's default profile (electron/handlers.ts), used when a report names none.
  #profile: PbxProfile = defaultProfile();
  #second = $state('');
  #lifetime = $state(false);
  #cancelling = $state(false);

  #secondProblem = $derived.by((): SecondStunProblem | null => {
    if (this.#second.trim() === '') return null;
    // The STUN port a server without one gets: the chosen profile's, as the main process reads it.
    const { profileId } = this.#source.profileRequest;
    const stunPort = ((profileId === undefined ? undefined : findProfile(profileId)) ?? this.#profile).defaultStunPort;
    const second = parseHostPort(this.#second, stunPort);
    if (second === undefined) return 'invalid';
    const first = parseHostPort(this.#source.stun, stunPort);
    return first !== undefined && first.host.toLowerCase() === second.host.toLowerCase() && first.port === second.port ? 'same' : null;
  });
  #secondValid = $derived(this.#secondProblem === null);
  #request = $derived.by((): DiagnoseRequest | null => {
    const { localIp, sipPort, stun, stunValid } = this.#source;
    if (!stunValid || !this.#secondValid || localIp === null || sipPort === null) return null;
    const second = this.#second.trim();
    return { stun: second === '' ? [stun.trim()] : [stun.trim(), second], localIp, sipPort, lifetime: this.#lifetime, ...this.#source.profileRequest };
  });
  #stale = $derived(this.measurement.measured !== null && !sameRequest(this.measurement.measured.request, this.#request));

  constructor(api: TrunkcheckApi, source: NatSource) {
    super(api, 'nat:diagnose');
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

  get cancelling(): boolean {
    return this.#cancelling && this.measurement.running;
  }

  // The test as now entered (null while something is missing); the checks step extends it.
  get request(): DiagnoseRequest | null {
    return this.#request;
  }

  get canRun(): boolean {
    return !this.measurement.running && this.#request !== null;
  }

  // The shown result was measured with other settings than the ones now entered.
  get stale(): boolean {
    return this.#stale;
  }

  // The profile the report was made for (its ports and name go into the verdict and the fix).
  profileOf(report: DiagnoseReport): PbxProfile {
    return findProfile(report.profile) ?? this.#profile;
  }

  async run(): Promise<void> {
    const request = this.#request;
    if (request === null) return;
    this.#cancelling = false;
    await this.measurement.start(request, async () => {
      const result = await this.api.diagnoseNat(request);
      return result.ok ? ok({ request, report: result.value }) : result;
    });
  }

  // The binding-lifetime test alone waits 15 s: a person may not want to.
  async cancel(): Promise<void> {
    if (!this.measurement.running) return;
    this.#cancelling = true;
    await this.api.cancelChecks({ check: 'all' });
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
