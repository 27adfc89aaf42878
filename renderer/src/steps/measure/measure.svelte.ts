// The Measure step's state: one run of every check (public address, NAT, SIP, voice ports and,
// if asked, binding lifetime and line quality) with the servers chosen on the Provider step and
// the address and profile of the Network step; each check's live state, cancelling one or all,
// running one again, and the report. The run starts when the step is entered.
import { defaultProfile, findProfile, type PbxProfile } from '../../../../shared/catalog/profiles';
import type { CheckId } from '../../../../shared/checks';
import type { DiagnoseRequest, TrunkcheckApi } from '../../../../shared/ipc-contract';
import type { RegisterRequest } from '../../../../shared/register';
import { withoutCredentials } from './credentials';
import { QUALITY_SEC } from '../../../../shared/limits';
import type { PortRange } from '../../../../shared/port-range';
import type { DiagnoseReport } from '../../../../shared/report';
import { ok } from '../../../../shared/result';
import { mergeRequest, staleChecks } from '../../../../shared/stale-checks';
import { MeasuringState } from '../../lib/run.svelte';
import { CHECK_KINDS, publicAddressOutcome, PUBLIC_ADDRESS, ROW_IDS, runningState, type CheckRow, type RowId } from './check-rows';

export type MediaMode = 'sample' | 'full' | 'off';
export const MEDIA_MODES: readonly MediaMode[] = ['sample', 'full', 'off'];

// What the step needs from the steps before it, read live, never copied.
export interface MeasureSource {
  readonly localIp: string | null;
  readonly sipPort: number | null;
  readonly profileRequest: Pick<DiagnoseRequest, 'profileId' | 'rtp'>;
  readonly keepaliveSec: number | null;
  readonly stun: string;
  readonly second: string;
  readonly sip: string;
  readonly serversValid: boolean;
  readonly providerId: string | null;
  readonly register: RegisterRequest | null;   // the trunk's credentials, in memory only
}

export interface MeasuredChecks {
  readonly request: DiagnoseRequest;
  readonly report: DiagnoseReport;
}

// What was chosen on this step, and the last report (kept so the checklist can be reached again
// after a restart; the measurements before it are simply run again).
export interface MeasureInputs {
  readonly lifetime: boolean;
  readonly media: MediaMode;
  readonly quality: boolean;
  readonly qualityText: string;
  readonly measured: MeasuredChecks | null;
}

// shared/ipc.ts: the lifetime test takes 1.5 × the profile's keep-alive interval.
const LIFETIME_FACTOR = 1.5;

export class MeasureState extends MeasuringState<DiagnoseRequest, MeasuredChecks> {
  #source: MeasureSource;
  #profile: PbxProfile = defaultProfile();
  #lifetime = $state(false);
  #media = $state<MediaMode>('sample');
  #quality = $state(false);
  #qualityText = $state('10');
  #only = $state<CheckId | null>(null);         // the one check the current run re-runs
  #cancelRequested = $state.raw<readonly (CheckId | 'all')[]>([]);

  #qualitySec = $derived.by((): number | null => {
    const text = this.#qualityText.trim();
    if (!/^\d{1,3}$/.test(text)) return null;
    const seconds = Number(text);
    return seconds >= QUALITY_SEC.min && seconds <= QUALITY_SEC.max ? seconds : null;
  });
  #request = $derived.by((): DiagnoseRequest | null => {
    const { localIp, sipPort, stun, second, sip, serversValid, providerId, profileRequest, register } = this.#source;
    if (!serversValid || localIp === null || sipPort === null || (this.#quality && this.#qualitySec === null)) return null;
    const extra = second.trim();
    return {
      stun: extra === '' ? [stun.trim()] : [stun.trim(), extra],
      localIp,
      // From an IPv4 address, the IPv6 path is measured beside it where the PBX has a global IPv6
      // address (the report's ipv6 section); an IPv6 address chosen here is the one path measured.
      ...(localIp.includes(':') ? {} : { family: 'both' as const }),
      sipPort,
      lifetime: this.#lifetime,
      ...profileRequest,
      ...(sip.trim() === '' ? {} : { sip: sip.trim() }),
      // "sample" is the main process's default: sent only when it differs.
      ...(this.#media === 'sample' ? {} : { media: this.#media }),
      ...(this.#quality && this.#qualitySec !== null ? { qualitySec: this.#qualitySec } : {}),
      // The provider only matters for the quality limits.
      ...(this.#quality && providerId !== null ? { providerId } : {}),
      ...(register !== null && sip.trim() !== '' ? { register } : {}),
    };
  });
  #staleChecks = $derived(this.measurement.measured !== null && this.#request !== null ? staleChecks(this.measurement.measured.request, this.#request) : null);
  // Field by field (a request merged after one check ran again has its fields in another order).
  #stale = $derived(this.#staleChecks !== null && (this.#staleChecks.common || this.#staleChecks.checks.length > 0));
  #rows = $derived(ROW_IDS.map((id) => this.#row(id)));

  constructor(api: TrunkcheckApi, source: MeasureSource) {
    super(api, 'nat:diagnose');
    this.#source = source;
  }

  get lifetime(): boolean {
    return this.#lifetime;
  }

  set lifetime(on: boolean) {
    this.#lifetime = on;
  }

  get keepaliveSec(): number {
    return this.#source.keepaliveSec ?? this.#profile.keepaliveSec;
  }

  // How long the lifetime test adds, in whole seconds (15 s for SwyxWare's 10 s keep-alive).
  get lifetimeSec(): number {
    return Math.ceil(this.keepaliveSec * LIFETIME_FACTOR);
  }

  get media(): MediaMode {
    return this.#media;
  }

  set media(mode: MediaMode) {
    this.#media = mode;
  }

  get quality(): boolean {
    return this.#quality;
  }

  set quality(on: boolean) {
    this.#quality = on;
  }

  get qualityText(): string {
    return this.#qualityText;
  }

  set qualityText(text: string) {
    this.#qualityText = text;
  }

  get qualityValid(): boolean {
    return !this.#quality || this.#qualitySec !== null;
  }

  // The range the voice-port check probes: the one entered on the Network step, else the profile's.
  get rtp(): PortRange {
    const { rtp, profileId } = this.#source.profileRequest;
    return rtp ?? (profileId === undefined ? undefined : findProfile(profileId)?.rtp) ?? this.#profile.rtp;
  }

  // Where the packets leave from and go to, as the run will send them.
  get localIp(): string | null {
    return this.#source.localIp;
  }

  get sipPort(): number | null {
    return this.#source.sipPort;
  }

  get request(): DiagnoseRequest | null {
    return this.#request;
  }

  inputs(): MeasureInputs {
    return { lifetime: this.#lifetime, media: this.#media, quality: this.#quality, qualityText: this.#qualityText, measured: withoutCredentials(this.measurement.measured) };
  }

  restore(inputs: MeasureInputs): void {
    this.#lifetime = inputs.lifetime;
    this.#media = inputs.media;
    this.#quality = inputs.quality;
    this.#qualityText = inputs.qualityText;
    this.measurement.restore(inputs.measured);
  }

  get report(): DiagnoseReport | null {
    return this.measurement.measured?.report ?? null;
  }

  get running(): boolean {
    return this.measurement.running;
  }

  get cancellingAll(): boolean {
    return this.measurement.running && this.#cancelRequested.includes('all');
  }

  get canRun(): boolean {
    return !this.measurement.running && this.#request !== null;
  }

  // The shown results were measured with other settings than the ones now entered.
  get stale(): boolean {
    return this.#stale;
  }

  // The STUN server, SIP port, address or profile changed: one check alone cannot follow.
  get staleForAll(): boolean {
    return this.#staleChecks?.common === true;
  }

  get rows(): readonly CheckRow[] {
    return this.#rows;
  }

  profileOf(report: DiagnoseReport): PbxProfile {
    return findProfile(report.profile) ?? this.#profile;
  }

  // Entering the step measures what is not measured yet with what is entered now: everything at
  // first (or when the address, STUN server, port or profile changed), one check alone when only
  // its own settings changed (a new SIP server, say), nothing when coming back unchanged or
  // resuming a saved report. `blocked` while the keep-alive monitor holds the SIP port.
  autoStart(blocked: boolean): void {
    if (blocked || !this.canRun) return;
    const stale = this.#staleChecks;
    if (this.measurement.measured === null || stale === null || stale.common) {
      void this.run();
      return;
    }
    const [only, ...more] = stale.checks;
    if (only === undefined) return;
    if (more.length === 0 && this.#row(only).canRerun) void this.rerun(only);
    else void this.run();
  }

  async run(): Promise<void> {
    const request = this.#request;
    if (request === null) return;
    this.#only = null;
    this.#cancelRequested = [];
    await this.measurement.start(request, async () => {
      const result = await this.api.diagnoseNat(request);
      return result.ok ? ok({ request, report: result.value }) : result;
    });
  }

  // One check again, the others kept from the shown report (the main process checks that the
  // report was made with the same STUN server, SIP port and profile).
  async rerun(check: CheckId): Promise<void> {
    const request = this.#request;
    const measured = this.measurement.measured;
    if (request === null || measured === null || !this.#row(check).canRerun) return;
    this.#only = check;
    this.#cancelRequested = [];
    await this.measurement.start(request, async () => {
      const result = await this.api.diagnoseNat({ ...request, rerun: { check, previous: measured.report } });
      return result.ok ? ok({ request: mergeRequest(measured.request, request, check), report: result.value }) : result;
    });
  }

  // One check (the others go on) or all of them; the main process confirms with the report or
  // with "cancelled", so the buttons wait for that instead of guessing.
  async cancel(check: CheckId | 'all'): Promise<void> {
    if (!this.measurement.running || this.#cancelRequested.includes(check)) return;
    this.#cancelRequested = [...this.#cancelRequested, check];
    await this.api.cancelChecks({ check });
  }

  #runs(id: RowId, request: DiagnoseRequest | null): boolean {
    if (request === null) return false;
    return id === PUBLIC_ADDRESS || CHECK_KINDS[id].runs(request);
  }

  #row(id: RowId): CheckRow {
    const running = this.measurement.running;
    const report = this.report;
    const now = this.#request;
    const check = id === PUBLIC_ADDRESS ? null : id;
    const stale = check === null ? this.#staleChecks?.common === true : this.#staleChecks?.checks.includes(check) === true;
    const canRerun = check !== null && !running && report !== null && this.#staleChecks?.common === false && this.#runs(id, now);
    if (running && (this.#only === null || this.#only === id || id === PUBLIC_ADDRESS)) {
      const state = this.#runs(id, this.measurement.lastRequest) ? runningState(id, this.measurement.progress?.message.code ?? '', this.#only) : 'off';
      const cancelling = this.#cancelRequested.includes('all') || (check !== null && this.#cancelRequested.includes(check));
      const active = state === 'waiting' || state === 'running';
      return { id, state: active && cancelling ? 'cancelling' : state, outcome: null, stale: false, canCancel: check !== null && active && !cancelling, canRerun: false };
    }
    const measured = this.measurement.measured;
    if (report === null || measured === null || !this.#runs(id, measured.request)) return { id, state: 'off', outcome: null, stale, canCancel: false, canRerun };
    if (check === null) return { id, state: 'done', outcome: publicAddressOutcome(report), stale, canCancel: false, canRerun: false };
    if (report.cancelled?.includes(check)) return { id, state: 'cancelled', outcome: null, stale, canCancel: false, canRerun };
    return { id, state: 'done', outcome: CHECK_KINDS[check].outcome(report), stale, canCancel: false, canRerun };
  }
}
