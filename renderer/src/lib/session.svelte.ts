// Resuming: the Welcome step offers the saved session (its step and time) or a new site. Until
// the user has chosen, nothing is written, so opening the wizard never overwrites what was saved.
import type { Locale } from '../i18n/locale.svelte';
import type { ChecklistState } from '../steps/checklist/checklist.svelte';
import type { MeasureState } from '../steps/measure/measure.svelte';
import type { NetworkState } from '../steps/network/network.svelte';
import type { ProviderState } from '../steps/provider/provider.svelte';
import { clearSession, nowIso, readSession, writeSession, type SavedSession } from './session-codec';
import type { Wizard } from './wizard.svelte';

export interface SessionParts {
  readonly locale: Locale;
  readonly wizard: Wizard;
  readonly network: NetworkState;
  readonly provider: ProviderState;
  readonly measure: MeasureState;
  readonly checklist: ChecklistState;
}

const EMPTY_INPUTS = {
  network: { selectedKey: null, sipPortText: null, profileId: 'swyxware', rtpFromText: null, rtpToText: null },
  provider: { choice: null, stun: null, sip: null, second: '' },
  measure: { lifetime: false, media: 'sample', quality: false, qualityText: '10', measured: null },
  site: { name: '', customer: '', technician: '', firewall: null },
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

  // A new visit: forget what was saved and entered, and go to the first real step. A site chosen
  // from the history keeps its name (and so its history), and the customer's firewall.
  start(site: { readonly name: string; readonly customer: string; readonly firewall: string | null } | null = null): void {
    clearSession(this.#storage);
    this.#apply({ ...EMPTY_INPUTS, site: site === null ? EMPTY_INPUTS.site : { ...EMPTY_INPUTS.site, ...site }, step: 'network' });
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
    const { wizard, locale, network, provider, measure, checklist } = this.#parts;
    const session: SavedSession = {
      version: 2,
      savedAt: nowIso(),
      step: wizard.step,
      lang: locale.lang,
      network: network.inputs(),
      provider: provider.inputs(),
      measure: measure.inputs(),
      site: checklist.inputs(),
    };
    if (!this.#active || wizard.step === 'welcome') return;
    this.#saved = session;
    writeSession(this.#storage, session);
  }

  #apply(inputs: Omit<SavedSession, 'version' | 'savedAt' | 'lang'>): void {
    const { network, provider, measure, checklist } = this.#parts;
    network.restore(inputs.network);
    provider.restore(inputs.provider);
    measure.restore(inputs.measure);
    checklist.restore(inputs.site);
  }
}
