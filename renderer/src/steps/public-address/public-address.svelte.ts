// The Public-address step's state: the STUN server, the running check with its progress, and
// the answer (or the error, which already says how to fix it).
import { formatAddress, parseHostPort, sameAddress } from '../../../../shared/address';
import type { PublicAddressRequest, TrunkcheckApi } from '../../../../shared/ipc';
import type { BindingEvidence, PublicAddressCheck } from '../../../../shared/report';
import { fail, ok, type ErrorData } from '../../../../shared/result';
import { Run, type RunProgress, type RunStatus } from '../../lib/run.svelte';

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
  #run = new Run<PublicAddressRequest, MeasuredCheck>('stun:public-address');

  #stunValid = $derived(parseHostPort(this.stun, STUN_DEFAULT_PORT) !== undefined);
  #request = $derived.by((): PublicAddressRequest | null => {
    const { localIp, sipPort } = this.#source;
    if (!this.#stunValid || localIp === null || sipPort === null) return null;
    return { stun: this.stun.trim(), localIp, sipPort };
  });
  #stale = $derived(this.#run.measured !== null && !sameRequest(this.#run.measured.request, this.#request));

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

  get status(): RunStatus {
    return this.#run.status;
  }

  get progress(): RunProgress | null {
    return this.#run.progress;
  }

  get measured(): MeasuredCheck | null {
    return this.#run.measured;
  }

  get error(): ErrorData | null {
    return this.#run.error;
  }

  // The request the last check was made with (for the progress texts and the stale note).
  get lastRequest(): PublicAddressRequest | null {
    return this.#run.lastRequest;
  }

  get canCheck(): boolean {
    return !this.#run.running && this.#request !== null;
  }

  // The shown result was measured with other settings than the ones now entered.
  get stale(): boolean {
    return this.#stale;
  }

  // Listen for the main process's progress events; returns the unsubscribe function.
  // Subscribed while the step is shown, so the event stream is open before "Check".
  listen(): () => void {
    return this.#api.onProgress((event) => this.#run.onProgress(event));
  }

  async check(): Promise<void> {
    const request = this.#request;
    if (request === null) return;
    await this.#run.start(request, async () => {
      const result = await this.#api.checkPublicAddress(request);
      if (!result.ok) return result;
      const check = result.value;
      if (!check.ok || check.binding === null) {
        return check.error === null ? fail('stun/no-answer') : { ok: false, error: check.error };
      }
      return ok({ request, check, binding: check.binding });
    });
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
