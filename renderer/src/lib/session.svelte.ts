// Resuming: the Welcome step offers the saved session (its step and time) or a new site. Until
// the user has chosen, nothing is written, so opening the wizard never overwrites what was saved.
import type { Locale } from '../i18n/locale.svelte';
import type { ChecksState } from '../steps/checks/checks.svelte';
import type { ChecklistState } from '../steps/checklist/checklist.svelte';
import type { NatState } from '../steps/nat/nat.svelte';
import type { NetworkState } from '../steps/network/network.svelte';
import type { PublicAddressState } from '../steps/public-address/public-address.svelte';
import { clearSession, nowIso, readSession, writeSession, type SavedSession } from './session-codec';
import type { Wizard } from './wizard.svelte';

export interface SessionParts {
  readonly locale: Locale;
  readonly wizard: Wizard;
  readonly network: NetworkState;
  readonly publicAddress: PublicAddressState;
  readonly nat: NatState;
  readonly checks: ChecksState;
  readonly checklist: ChecklistState;
}

const EMPTY_INPUTS = {
  network: { selectedKey: null, sipPortText: null, profileId: 'swyxware', rtpFromText: null, rtpToText: null },
  stun: null,
  nat: { second: '', lifetime: false },
  checks: { providerId: 'custom', sip: '', media: 'sample', quality: false, qualityText: '10', measured: null },
  site: { name: '', customer: '', technician: '' },
} as const satisfies Omit<SavedSession, 'version' | 'savedAt' | 'step' | 'lang'>;

export class SessionState {
  #parts: SessionParts;
  #storage: Storage | null;
  #saved = $state.raw<SavedSession | null>(null);
  #unreadable = $state(false);
  #active = $state(false);
  #resuming = $state(false);

  constructor(parts: SessionParts, storage: Storage | null) {
    this.#parts = parts;
    this.#storage = storage;
    const loaded = readSession(storage);
    if (loaded.kind === 'saved') {
      this.#saved = loaded.session;
      parts.locale.set(loaded.session.lang);
    }
    this.#unreadable = loaded.kind === 'unreadable';
  }

  // The session saved before this page opened (or by this page, once started).
  get saved(): SavedSession | null {
    return this.#saved;
  }

  // A stored value that was not ours or is broken: ignored, said in one line.
  get unreadable(): boolean {
    return this.#unreadable;
  }

  get resuming(): boolean {
    return this.#resuming;
  }

  // A new site: forget what was saved and entered, and go to the first real step.
  start(): void {
    clearSession(this.#storage);
    this.#apply({ ...EMPTY_INPUTS, step: 'network' });
    this.#saved = null;
    this.#unreadable = false;
    this.#active = true;
    this.#parts.wizard.next();
  }

  // Restore the inputs, then walk to the saved step once the interfaces are known.
  async resume(loaded: Promise<void>): Promise<void> {
    const saved = this.#saved;
    if (saved === null || this.#resuming) return;
    this.#resuming = true;
    this.#apply(saved);
    await loaded;
    this.#parts.network.restore(saved.network);
    this.#active = true;
    this.#resuming = false;
    this.#parts.wizard.advanceTo(saved.step === 'welcome' ? 'network' : saved.step);
  }

  // Called from an effect: reads every input, so it runs again whenever one changes.
  persist(): void {
    const { wizard, locale, network, publicAddress, nat, checks, checklist } = this.#parts;
    const session: SavedSession = {
      version: 1,
      savedAt: nowIso(),
      step: wizard.step,
      lang: locale.lang,
      network: network.inputs(),
      stun: publicAddress.stunInput,
      nat: nat.inputs(),
      checks: checks.inputs(),
      site: checklist.inputs(),
    };
    if (!this.#active || wizard.step === 'welcome') return;
    this.#saved = session;
    writeSession(this.#storage, session);
  }

  #apply(inputs: Omit<SavedSession, 'version' | 'savedAt' | 'lang'>): void {
    const { network, publicAddress, nat, checks, checklist } = this.#parts;
    network.restore(inputs.network);
    publicAddress.restore(inputs.stun);
    nat.restore(inputs.nat);
    checks.restore(inputs.checks);
    checklist.restore(inputs.site);
  }
}
