// The Public-address step's state: the STUN server, the running check with its progress, and
// the answer (or the error, which already says how to fix it).
import { formatAddress, parseHostPort, sameAddress } from '../../../../shared/address';
import { defaultProfile } from '../../../../shared/catalog/profiles';
import type { PublicAddressRequest, TrunkcheckApi } from '../../../../shared/ipc-contract';
import type { BindingEvidence, PublicAddressCheck } from '../../../../shared/report';
import { fail, ok } from '../../../../shared/result';
import { MeasuringState } from '../../lib/run.svelte';

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


export class PublicAddressState extends MeasuringState<PublicAddressRequest, MeasuredCheck> {
  #source: CheckSource;
  #stunText = $state<string | null>(null);

  // The main process reads this request with the default profile's STUN port.
  #stunValid = $derived(parseHostPort(this.stun, defaultProfile().defaultStunPort) !== undefined);
  #request = $derived.by((): PublicAddressRequest | null => {
    const { localIp, sipPort } = this.#source;
    if (!this.#stunValid || localIp === null || sipPort === null) return null;
    return { stun: this.stun.trim(), localIp, sipPort };
  });
  #stale = $derived(this.measurement.measured !== null && !sameRequest(this.measurement.measured.request, this.#request));

  constructor(api: TrunkcheckApi, source: CheckSource) {
    super(api, 'stun:public-address');
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

  get canCheck(): boolean {
    return !this.measurement.running && this.#request !== null;
  }

  // The shown result was measured with other settings than the ones now entered.
  get stale(): boolean {
    return this.#stale;
  }

  async check(): Promise<void> {
    const request = this.#request;
    if (request === null) return;
    await this.measurement.start(request, async () => {
      const result = await this.api.checkPublicAddress(request);
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
