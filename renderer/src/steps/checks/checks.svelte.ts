// The checks step's state: the provider, its SIP server, the voice-port mode and the optional
// line-quality measurement, added to the NAT test as entered on the NAT step; the running
// diagnosis with its progress, and the report (or the error).
import { parseHostPort } from '../../../../shared/address';
import type { Provider } from '../../../../shared/catalog/providers';
import { defaultProfile, findProfile, type PbxProfile } from '../../../../shared/catalog/profiles';
import type { DiagnoseRequest, ProgressEvent, TrunkcheckApi } from '../../../../shared/ipc';
import type { DiagnoseReport } from '../../../../shared/report';
import type { ErrorData } from '../../../../shared/result';

export type ChecksStatus = 'idle' | 'running' | 'done' | 'error';
export type MediaMode = 'sample' | 'full' | 'off';
export const MEDIA_MODES: readonly MediaMode[] = ['sample', 'full', 'off'];
export const CUSTOM_PROVIDER = 'custom';

const SIP_DEFAULT_PORT = 5060; // RFC 3261 §19.1.2, as shared/ipc.ts assumes
const QUALITY_MIN_SEC = 1;
const QUALITY_MAX_SEC = 60;

export interface ChecksProgress {
  readonly stage: string;
  readonly message: string;
  readonly fraction: number | null;
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

export class ChecksState {
  #api: TrunkcheckApi;
  #source: ChecksSource;
  #profile: PbxProfile = defaultProfile();
  #providers = $state.raw<readonly Provider[]>([]);
  #providerId = $state(CUSTOM_PROVIDER);
  #search = $state('');
  #sip = $state('');
  #media = $state<MediaMode>('sample');
  #quality = $state(false);
  #qualityText = $state('10');
  #status = $state<ChecksStatus>('idle');
  #progress = $state<ChecksProgress | null>(null);
  #measured = $state.raw<MeasuredChecks | null>(null);
  #error = $state<ErrorData | null>(null);
  #lastRequest = $state.raw<DiagnoseRequest | null>(null);
  #attempt = 0;

  #provider = $derived(this.#providers.find((entry) => entry.id === this.#providerId) ?? null);
  #filtered = $derived.by(() => {
    const query = this.#search.trim().toLowerCase();
    if (query === '') return this.#providers;
    return this.#providers.filter((entry) => `${entry.name} ${entry.id} ${entry.sip?.host ?? ''}`.toLowerCase().includes(query));
  });
  #sipValid = $derived(this.#sip.trim() === '' || parseHostPort(this.#sip.trim(), SIP_DEFAULT_PORT) !== undefined);
  #qualitySec = $derived.by((): number | null => {
    const text = this.#qualityText.trim();
    if (!/^\d{1,2}$/.test(text)) return null;
    const seconds = Number(text);
    return seconds >= QUALITY_MIN_SEC && seconds <= QUALITY_MAX_SEC ? seconds : null;
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
  #stale = $derived(this.#measured !== null && JSON.stringify(this.#measured.request) !== JSON.stringify(this.#request));

  constructor(api: TrunkcheckApi, source: ChecksSource) {
    this.#api = api;
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
  get rtp(): { readonly from: number; readonly to: number } {
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
      measured: this.#measured,
    };
  }

  restore(inputs: ChecksInputs): void {
    this.#providerId = inputs.providerId;
    this.#sip = inputs.sip;
    this.#media = inputs.media;
    this.#quality = inputs.quality;
    this.#qualityText = inputs.qualityText;
    this.#measured = inputs.measured;
    this.#status = inputs.measured === null ? 'idle' : 'done';
    this.#error = null;
  }

  get status(): ChecksStatus {
    return this.#status;
  }

  get progress(): ChecksProgress | null {
    return this.#progress;
  }

  get measured(): MeasuredChecks | null {
    return this.#measured;
  }

  get report(): DiagnoseReport | null {
    return this.#measured?.report ?? null;
  }

  get error(): ErrorData | null {
    return this.#error;
  }

  get lastRequest(): DiagnoseRequest | null {
    return this.#lastRequest;
  }

  get canRun(): boolean {
    return this.#status !== 'running' && this.#request !== null;
  }

  get stale(): boolean {
    return this.#stale;
  }

  profileOf(report: DiagnoseReport): PbxProfile {
    return findProfile(report.profile) ?? this.#profile;
  }

  listen(): () => void {
    return this.#api.onProgress((event) => this.#onProgress(event));
  }

  // Loaded once; a broken catalogue entry is skipped by the main process, the rest still show.
  async loadProviders(): Promise<void> {
    if (this.#providers.length > 0) return;
    const result = await this.#api.listProviders();
    if (result.ok) this.#providers = [...result.value.providers].sort((a, b) => a.name.localeCompare(b.name));
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
