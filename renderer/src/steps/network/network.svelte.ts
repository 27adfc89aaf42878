// The Network step's state: the machine's interfaces, the PBX's LAN address chosen among them,
// and its SIP port. Loaded once; kept while the user walks back and forth.
import { isValidPort } from '../../../../shared/address';
import type { AppInfo, TrunkcheckApi } from '../../../../shared/ipc';
import type { NetworkInterfaceInfo } from '../../../../shared/network';
import type { ErrorData } from '../../../../shared/result';

export type LoadStatus = 'loading' | 'ready' | 'error';
export type AddressKind = 'private' | 'public' | 'loopback';

export function interfaceKey(entry: Pick<NetworkInterfaceInfo, 'name' | 'address'>): string {
  return `${entry.name}|${entry.address}`;
}

export function addressKind(entry: NetworkInterfaceInfo): AddressKind {
  if (entry.internal) return 'loopback';
  return entry.private ? 'private' : 'public';
}

// "65002" → 65002; anything but a whole number from 1 to 65535 → null.
export function parsePort(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return null;
  const port = Number(trimmed);
  return isValidPort(port) ? port : null;
}

export class NetworkState {
  #api: TrunkcheckApi;
  #status = $state<LoadStatus>('loading');
  #error = $state<ErrorData | null>(null);
  #info = $state<AppInfo | null>(null);
  #interfaces = $state.raw<readonly NetworkInterfaceInfo[]>([]);
  #selectedKey = $state<string | null>(null);
  // null until the user types: the field then shows the profile's default from appInfo.
  #sipPortText = $state<string | null>(null);
  #advancedOpen = $state(false);

  #selected = $derived(this.#interfaces.find((entry) => interfaceKey(entry) === this.#selectedKey) ?? null);
  #sipPort = $derived(parsePort(this.sipPortText));
  #complete = $derived(this.#status === 'ready' && this.#selected !== null && this.#sipPort !== null);

  constructor(api: TrunkcheckApi) {
    this.#api = api;
  }

  get status(): LoadStatus {
    return this.#status;
  }

  get error(): ErrorData | null {
    return this.#error;
  }

  get info(): AppInfo | null {
    return this.#info;
  }

  get interfaces(): readonly NetworkInterfaceInfo[] {
    return this.#interfaces;
  }

  get selectedKey(): string | null {
    return this.#selectedKey;
  }

  get selected(): NetworkInterfaceInfo | null {
    return this.#selected;
  }

  get localIp(): string | null {
    return this.#selected?.address ?? null;
  }

  get defaultSipPort(): number | null {
    return this.#info?.defaults.sipPort ?? null;
  }

  get sipPortText(): string {
    return this.#sipPortText ?? (this.defaultSipPort === null ? '' : String(this.defaultSipPort));
  }

  set sipPortText(text: string) {
    this.#sipPortText = text;
  }

  get sipPort(): number | null {
    return this.#sipPort;
  }

  get sipPortValid(): boolean {
    return this.#sipPort !== null;
  }

  get advancedOpen(): boolean {
    return this.#advancedOpen;
  }

  set advancedOpen(open: boolean) {
    this.#advancedOpen = open;
  }

  // Ready to leave the step: an address is chosen and the port is valid.
  get complete(): boolean {
    return this.#complete;
  }

  select(key: string): void {
    if (this.#interfaces.some((entry) => interfaceKey(entry) === key)) this.#selectedKey = key;
  }

  async load(): Promise<void> {
    this.#status = 'loading';
    this.#error = null;
    const [info, list] = await Promise.all([this.#api.appInfo(), this.#api.listInterfaces()]);
    if (!info.ok || !list.ok) {
      this.#error = !info.ok ? info.error : !list.ok ? list.error : null;
      this.#status = 'error';
      return;
    }
    this.#info = info.value;
    this.#interfaces = list.value;
    // Keep an earlier choice if the interface is still there; else preselect the suggested one.
    if (this.#selected === null) {
      const suggested = list.value.find((entry) => entry.suggested) ?? list.value[0];
      this.#selectedKey = suggested ? interfaceKey(suggested) : null;
    }
    this.#status = 'ready';
  }
}
