// The Public-address step's state: the STUN server, the running check with its progress, and
// the answer (or the error, which already says how to fix it).
import { formatAddress, parseHostPort, sameAddress } from '../../../../shared/address';
import type { ProgressEvent, PublicAddressRequest, TrunkcheckApi } from '../../../../shared/ipc';
import type { BindingEvidence, PublicAddressCheck } from '../../../../shared/report';
import type { ErrorData } from '../../../../shared/result';

export type CheckStatus = 'idle' | 'running' | 'done' | 'error';

export interface CheckProgress {
  readonly stage: string;
  readonly message: string;
  readonly fraction: number | null;
}

// What the step needs from the Network step: read live, never copied.
export interface CheckSource {
  readonly localIp: string | null;
  readonly sipPort: number | null;
  readonly info: { readonly defaults: { readonly stunServer: string } } | null;
}

export interface MeasuredCheck {
  readonly request: PublicAddressRequest;
  readonly check: PublicAddressCheck;
  readonly binding: BindingEvidence;
}

const STUN_DEFAULT_PORT = 3478; // RFC 8489 §18.6, as shared/ipc.ts assumes

export class PublicAddressState {
  #api: TrunkcheckApi;
  #source: CheckSource;
  #stunText = $state<string | null>(null);
  #status = $state<CheckStatus>('idle');
  #progress = $state<CheckProgress | null>(null);
  #measured = $state.raw<MeasuredCheck | null>(null);
  #error = $state<ErrorData | null>(null);
  #lastRequest = $state.raw<PublicAddressRequest | null>(null);
  #attempt = 0;

  #stunValid = $derived(parseHostPort(this.stun, STUN_DEFAULT_PORT) !== undefined);
  #request = $derived.by((): PublicAddressRequest | null => {
    const { localIp, sipPort } = this.#source;
    if (!this.#stunValid || localIp === null || sipPort === null) return null;
    return { stun: this.stun.trim(), localIp, sipPort };
  });
  #stale = $derived(this.#measured !== null && !sameRequest(this.#measured.request, this.#request));

  constructor(api: TrunkcheckApi, source: CheckSource) {
    this.#api = api;
    this.#source = source;
  }

  get stun(): string {
    return this.#stunText ?? this.#source.info?.defaults.stunServer ?? '';
  }

  set stun(text: string) {
    this.#stunText = text;
  }

  // The server as typed (null = the default from appInfo), saved for resuming.
  get stunInput(): string | null {
    return this.#stunText;
  }

  restore(stunText: string | null): void {
    this.#stunText = stunText;
  }

  get stunValid(): boolean {
    return this.#stunValid;
  }

  get localIp(): string | null {
    return this.#source.localIp;
  }

  get sipPort(): number | null {
    return this.#source.sipPort;
  }

  get status(): CheckStatus {
    return this.#status;
  }

  get progress(): CheckProgress | null {
    return this.#progress;
  }

  get measured(): MeasuredCheck | null {
    return this.#measured;
  }

  get error(): ErrorData | null {
    return this.#error;
  }

  // The request the last check was made with (for the progress texts and the stale note).
  get lastRequest(): PublicAddressRequest | null {
    return this.#lastRequest;
  }

  get canCheck(): boolean {
    return this.#status !== 'running' && this.#request !== null;
  }

  // The shown result was measured with other settings than the ones now entered.
  get stale(): boolean {
    return this.#stale;
  }

  // Listen for the main process's progress events; returns the unsubscribe function.
  // Subscribed while the step is shown, so the event stream is open before "Check".
  listen(): () => void {
    return this.#api.onProgress((event) => this.#onProgress(event));
  }

  async check(): Promise<void> {
    const request = this.#request;
    if (request === null || this.#status === 'running') return;
    const attempt = ++this.#attempt;
    this.#status = 'running';
    this.#error = null;
    this.#lastRequest = request;
    this.#progress = { stage: 'ui/start', message: '', fraction: 0 };
    const result = await this.#api.checkPublicAddress(request);
    if (attempt !== this.#attempt) return;
    this.#progress = null;
    if (!result.ok) return this.#fail(result.error);
    const check = result.value;
    if (!check.ok || check.binding === null) {
      return this.#fail(check.error ?? { code: 'stun/no-answer', message: 'The STUN server gave no usable answer.' });
    }
    this.#measured = { request, check, binding: check.binding };
    this.#status = 'done';
  }

  #fail(error: ErrorData): void {
    this.#error = error;
    this.#status = 'error';
  }

  #onProgress(event: ProgressEvent): void {
    if (this.#status !== 'running' || event.channel !== 'stun:public-address') return;
    this.#progress = { stage: event.stage, message: event.message, fraction: event.fraction };
  }
}

function sameRequest(a: PublicAddressRequest, b: PublicAddressRequest | null): boolean {
  return b !== null && a.stun === b.stun && a.localIp === b.localIp && a.sipPort === b.sipPort;
}

// Facts the result panel shows, computed from the evidence alone.
export function describeBinding(measured: MeasuredCheck): {
  readonly mapped: string;
  readonly local: string;
  readonly server: string;
  readonly portPreserved: boolean;
  readonly natted: boolean;
  readonly alg: { readonly plain: string; readonly mapped: string } | null;
} {
  const { binding, check } = measured;
  const plain = binding.plainMapped;
  return {
    mapped: formatAddress(binding.mapped),
    local: formatAddress(check.local),
    server: formatAddress(binding.server),
    portPreserved: binding.mapped.port === check.local.port,
    natted: binding.mapped.ip !== check.local.ip,
    alg: plain !== null && !sameAddress(plain, binding.mapped) ? { plain: formatAddress(plain), mapped: formatAddress(binding.mapped) } : null,
  };
}
