// The checks step's state: the provider, its SIP server, the voice-port mode and the optional
// line-quality measurement, added to the NAT test as entered on the NAT step; the running
// diagnosis with its progress, and the report (or the error).
import { parseHostPort } from '../../../../shared/address';
import type { Provider } from '../../../../shared/catalog/providers';
import { defaultProfile, findProfile, type PbxProfile } from '../../../../shared/catalog/profiles';
import { CHECK_IDS, checkOfStage, type CheckId } from '../../../../shared/checks';
import { mergeRequest, staleChecks } from '../../../../shared/stale-checks';
import type { DiagnoseRequest, TrunkcheckApi } from '../../../../shared/ipc-contract';
import { QUALITY_SEC } from '../../../../shared/limits';
import type { DiagnoseReport } from '../../../../shared/report';
import { ok } from '../../../../shared/result';
import { MeasuringState } from '../../lib/run.svelte';
import type { PortRange } from '../../../../shared/port-range';

export type MediaMode = 'sample' | 'full' | 'off';
export const MEDIA_MODES: readonly MediaMode[] = ['sample', 'full', 'off'];
export const CUSTOM_PROVIDER = 'custom';


// One row of the checks list: where the check stands, how it came out, what can be done with it.
export type CheckRowState = 'off' | 'waiting' | 'running' | 'cancelling' | 'done' | 'cancelled';
export type CheckOutcome = 'ok' | 'problem' | 'unverified';

export interface CheckRow {
  readonly id: CheckId;
  readonly state: CheckRowState;
  readonly outcome: CheckOutcome | null; // for a finished check
  readonly stale: boolean;                // measured with other settings for this check than now entered
  readonly canCancel: boolean;
  readonly canRerun: boolean;
}

// What the step needs from the NAT step: the test as entered there, read live.
export interface ChecksSource {
  readonly request: DiagnoseRequest | null;
}

export interface MeasuredChecks {
  readonly request: DiagnoseRequest;
  readonly report: DiagnoseReport;
}

// What the user entered on this step, and the last report (kept so the checklist can be reached
// again after a restart; the measurements before it are simply run again).
export interface ChecksInputs {
  readonly providerId: string;
  readonly sip: string;
  readonly media: MediaMode;
  readonly quality: boolean;
  readonly qualityText: string;
  readonly measured: MeasuredChecks | null;
}

export class ChecksState extends MeasuringState<DiagnoseRequest, MeasuredChecks> {
  #source: ChecksSource;
  #profile: PbxProfile = defaultProfile();
  #providers = $state.raw<readonly Provider[]>([]);
  #providerId = $state(CUSTOM_PROVIDER);
  #search = $state('');
  #sip = $state('');
  #media = $state<MediaMode>('sample');
  #quality = $state(false);
  #qualityText = $state('10');
  #only = $state<CheckId | null>(null);         // the one check the current run re-runs
  #cancelRequested = $state.raw<readonly (CheckId | 'all')[]>([]);

  #provider = $derived(this.#providers.find((entry) => entry.id === this.#providerId) ?? null);
  #filtered = $derived.by(() => {
    const query = this.#search.trim().toLowerCase();
    if (query === '') return this.#providers;
    return this.#providers.filter((entry) => `${entry.name} ${entry.id} ${entry.sip?.host ?? ''}`.toLowerCase().includes(query));
  });
  #sipValid = $derived(this.#sip.trim() === '' || parseHostPort(this.#sip.trim(), this.#profile.defaultProviderSipPort) !== undefined);
  #qualitySec = $derived.by((): number | null => {
    const text = this.#qualityText.trim();
    if (!/^\d{1,3}$/.test(text)) return null;
    const seconds = Number(text);
    return seconds >= QUALITY_SEC.min && seconds <= QUALITY_SEC.max ? seconds : null;
  });
  #request = $derived.by((): DiagnoseRequest | null => {
    const base = this.#source.request;
    if (base === null || !this.#sipValid || (this.#quality && this.#qualitySec === null)) return null;
    const sip = this.#sip.trim();
    return {
      ...base,
      ...(sip === '' ? {} : { sip }),
      // "sample" is the main process's default: sent only when it differs.
      ...(this.#media === 'sample' ? {} : { media: this.#media }),
      ...(this.#quality && this.#qualitySec !== null ? { qualitySec: this.#qualitySec } : {}),
      // The provider only matters for the quality thresholds.
      ...(this.#quality && this.#provider !== null ? { providerId: this.#provider.id } : {}),
    };
  });
  #stale = $derived(this.measurement.measured !== null && JSON.stringify(this.measurement.measured.request) !== JSON.stringify(this.#request));
  #staleChecks = $derived(this.measurement.measured !== null && this.#request !== null ? staleChecks(this.measurement.measured.request, this.#request) : null);
  #rows = $derived(CHECK_IDS.map((id) => this.#row(id)));

  constructor(api: TrunkcheckApi, source: ChecksSource) {
    super(api, 'nat:diagnose');
    this.#source = source;
  }

  get providers(): readonly Provider[] {
    return this.#providers;
  }

  get filteredProviders(): readonly Provider[] {
    return this.#filtered;
  }

  get provider(): Provider | null {
    return this.#provider;
  }

  get providerId(): string {
    return this.#providerId;
  }

  // Choosing a provider fills in its SIP server; "custom" leaves the field as it is.
  set providerId(id: string) {
    this.#providerId = id;
    const sip = this.#provider?.sip;
    if (sip) this.#sip = sip.port === null ? sip.host : `${sip.host}:${sip.port}`;
  }

  get search(): string {
    return this.#search;
  }

  set search(text: string) {
    this.#search = text;
  }

  get sip(): string {
    return this.#sip;
  }

  set sip(text: string) {
    this.#sip = text;
  }

  get sipValid(): boolean {
    return this.#sipValid;
  }

  // A catalogue host with a placeholder such as "{trunk}.pstn.twilio.com".
  get sipHasPlaceholder(): boolean {
    return /\{[a-z]+\}/i.test(this.#sip);
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

  // The range the checks probe: the one entered on the Network step, else the profile's.
  get rtp(): PortRange {
    const request = this.#source.request;
    return request?.rtp ?? (request?.profileId === undefined ? undefined : findProfile(request.profileId)?.rtp) ?? this.#profile.rtp;
  }

  inputs(): ChecksInputs {
    return {
      providerId: this.#providerId,
      sip: this.#sip,
      media: this.#media,
      quality: this.#quality,
      qualityText: this.#qualityText,
      measured: this.measurement.measured,
    };
  }

  restore(inputs: ChecksInputs): void {
    this.#providerId = inputs.providerId;
    this.#sip = inputs.sip;
    this.#media = inputs.media;
    this.#quality = inputs.quality;
    this.#qualityText = inputs.qualityText;
    this.measurement.restore(inputs.measured);
  }

  get report(): DiagnoseReport | null {
    return this.measurement.measured?.report ?? null;
  }

  get cancellingAll(): boolean {
    return this.measurement.running && this.#cancelRequested.includes('all');
  }

  get canRun(): boolean {
    return !this.measurement.running && this.#request !== null;
  }

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

  // Loaded once; a broken catalogue entry is skipped by the main process, the rest still show.
  async loadProviders(): Promise<void> {
    if (this.#providers.length > 0) return;
    const result = await this.api.listProviders();
    if (result.ok) this.#providers = [...result.value.providers].sort((a, b) => a.name.localeCompare(b.name));
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

  // Does the request run this check at all (the NAT test always does)?
  #enabled(check: CheckId, request: DiagnoseRequest | null): boolean {
    if (request === null) return false;
    if (check === 'sip') return request.sip !== undefined;
    if (check === 'media') return request.media !== 'off';
    if (check === 'quality') return request.qualitySec !== undefined;
    return true;
  }

  #row(id: CheckId): CheckRow {
    const running = this.measurement.running;
    const report = this.report;
    const now = this.#request;
    const stale = this.#staleChecks?.checks.includes(id) === true;
    const canRerun = !running && report !== null && this.#staleChecks?.common === false && this.#enabled(id, now);
    if (running && (this.#only === null || this.#only === id)) {
      const state = this.#runningState(id);
      const cancelling = this.#cancelRequested.includes(id) || this.#cancelRequested.includes('all');
      const active = state === 'waiting' || state === 'running';
      return { id, state: active && cancelling ? 'cancelling' : state, outcome: null, stale: false, canCancel: active && !cancelling, canRerun: false };
    }
    if (report === null || this.measurement.measured === null || !this.#enabled(id, this.measurement.measured.request)) {
      return { id, state: 'off', outcome: null, stale, canCancel: false, canRerun };
    }
    if (report.cancelled?.includes(id)) return { id, state: 'cancelled', outcome: null, stale, canCancel: false, canRerun };
    return { id, state: 'done', outcome: outcomeOf(id, report), stale, canCancel: false, canRerun };
  }

  // While all checks run, in their order: the one the progress names runs, those before it are done.
  #runningState(id: CheckId): CheckRowState {
    const request = this.measurement.lastRequest;
    if (!this.#enabled(id, request)) return 'off';
    const stage = this.measurement.progress?.message.code ?? '';
    if (this.#only === id) return checkOfStage(stage) === id ? 'running' : 'waiting';
    if (stage === 'diagnose/done') return 'done';
    const current = checkOfStage(stage);
    if (current === null) return 'waiting';
    const order = CHECK_IDS.indexOf(id) - CHECK_IDS.indexOf(current);
    return order < 0 ? 'done' : order === 0 ? 'running' : 'waiting';
  }
}

// How a finished check came out, from the report alone.
function outcomeOf(id: CheckId, report: DiagnoseReport): CheckOutcome {
  const statusOf = (ids: readonly string[]): CheckOutcome => {
    const rules = report.rules.filter((rule) => ids.includes(rule.id));
    if (rules.some((rule) => rule.status === 'failed')) return 'problem';
    return rules.length > 0 && rules.every((rule) => rule.status === 'verified') ? 'ok' : 'unverified';
  };
  switch (id) {
    case 'nat':
      return report.nat.supported === true ? 'ok' : report.nat.supported === false ? 'problem' : 'unverified';
    case 'sip':
      return statusOf(['outbound-signalling', 'inbound-signalling']);
    case 'media':
      return statusOf(['outbound-media', 'inbound-media']);
    case 'quality': {
      const overall = report.quality?.verdict.overall;
      return overall === 'pass' ? 'ok' : overall === 'fail' ? 'problem' : 'unverified';
    }
  }
}
