// The Network step's state: the machine's interfaces, the PBX's LAN address chosen among them,
// and its SIP port. Loaded once; kept while the user walks back and forth.
import { isValidPort } from '../../../../shared/address';
import type { AppInfo, TrunkcheckApi } from '../../../../shared/ipc-contract';
import type { NetworkInterfaceInfo } from '../../../../shared/network';
import type { ErrorData } from '../../../../shared/result';
import type { PortRange } from '../../../../shared/port-range';

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

export const CUSTOM_PROFILE = 'custom';
const DEFAULT_PROFILE = 'swyxware'; // shared/catalog/profiles.ts DEFAULT_PROFILE_ID, as appInfo's defaults

type ProfileInfo = AppInfo['profiles'][number];

// What the user entered on this step, as saved for resuming (texts as typed, null = default).
export interface NetworkInputs {
  readonly selectedKey: string | null;
  readonly sipPortText: string | null;
  readonly profileId: string;
  readonly rtpFromText: string | null;
  readonly rtpToText: string | null;
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
  #profileId = $state(DEFAULT_PROFILE);
  // Custom profile only: the RTP range as typed; null shows the last profile's range.
  #rtpFromText = $state<string | null>(null);
  #rtpToText = $state<string | null>(null);

  #profile = $derived(this.#info?.profiles.find((entry) => entry.id === this.#profileId) ?? null);
  #baseRtp = $derived(this.#profile?.rtp ?? this.#info?.defaults.rtp ?? null);
  #rtp = $derived.by((): PortRange | null => {
    const from = parsePort(this.rtpFromText);
    const to = parsePort(this.rtpToText);
    return from !== null && to !== null && from <= to ? { from, to } : null;
  });

  #selected = $derived(this.#interfaces.find((entry) => interfaceKey(entry) === this.#selectedKey) ?? null);
  #sipPort = $derived(parsePort(this.sipPortText));
  #complete = $derived(this.#status === 'ready' && this.#selected !== null && this.#sipPort !== null && this.#rtp !== null);

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
    return this.#profile?.sipPort ?? this.#info?.defaults.sipPort ?? null;
  }

  get profiles(): AppInfo['profiles'] {
    return this.#info?.profiles ?? [];
  }

  // The chosen PBX profile; null for "custom".
  get profile(): ProfileInfo | null {
    return this.#profile;
  }

  get profileId(): string {
    return this.#profileId;
  }

  // A profile brings its SIP port and RTP range; "custom" starts from the ones shown and opens
  // the fields to edit them.
  set profileId(id: string) {
    if (id === CUSTOM_PROFILE) {
      this.#rtpFromText = this.rtpFromText;
      this.#rtpToText = this.rtpToText;
      this.#sipPortText = this.sipPortText;
      this.#advancedOpen = true;
    } else {
      this.#rtpFromText = null;
      this.#rtpToText = null;
      this.#sipPortText = null;
    }
    this.#profileId = id;
  }

  get isCustom(): boolean {
    return this.#profileId === CUSTOM_PROFILE;
  }

  get rtpFromText(): string {
    return this.#rtpFromText ?? (this.#baseRtp === null ? '' : String(this.#baseRtp.from));
  }

  set rtpFromText(text: string) {
    this.#rtpFromText = text;
  }

  get rtpToText(): string {
    return this.#rtpToText ?? (this.#baseRtp === null ? '' : String(this.#baseRtp.to));
  }

  set rtpToText(text: string) {
    this.#rtpToText = text;
  }

  get rtp(): PortRange | null {
    return this.#rtp;
  }

  get rtpValid(): boolean {
    return this.#rtp !== null;
  }

  get keepaliveSec(): number | null {
    return this.#profile?.keepaliveSec ?? this.#info?.defaults.keepaliveSec ?? null;
  }

  // What the measurement adds for the profile: nothing for the default one, so its request stays
  // as before. "custom" measures with the default profile and the range entered here.
  get profileRequest(): { readonly profileId?: string; readonly rtp?: PortRange } {
    const rtp = this.#rtp;
    const profile = this.#profile;
    const profileRtp = profile?.rtp ?? this.#info?.defaults.rtp;
    return {
      ...(profile !== null && profile.id !== DEFAULT_PROFILE ? { profileId: profile.id } : {}),
      ...(rtp !== null && (profileRtp === undefined || rtp.from !== profileRtp.from || rtp.to !== profileRtp.to) ? { rtp } : {}),
    };
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

  inputs(): NetworkInputs {
    return {
      selectedKey: this.#selectedKey,
      sipPortText: this.#sipPortText,
      profileId: this.#profileId,
      rtpFromText: this.#rtpFromText,
      rtpToText: this.#rtpToText,
    };
  }

  // A saved choice of interface counts only if this machine still has it.
  restore(inputs: NetworkInputs): void {
    if (this.#status !== 'ready' || this.#interfaces.some((entry) => interfaceKey(entry) === inputs.selectedKey)) {
      this.#selectedKey = inputs.selectedKey;
    }
    this.#profileId = inputs.profileId;
    this.#sipPortText = inputs.sipPortText;
    this.#rtpFromText = inputs.rtpFromText;
    this.#rtpToText = inputs.rtpToText;
    this.#advancedOpen = inputs.sipPortText !== null || inputs.profileId === CUSTOM_PROFILE;
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
