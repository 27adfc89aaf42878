// Which step the wizard shows, and where Next and Back lead: a transition table, not a chain
// of ifs. A step may leave forward only when its guard says what was entered is complete;
// going back is always allowed and never clears anything.
// In the order of a reseller's visit: the provider is known before anything is measured, and
// one run measures everything the checklist needs.
export const STEPS = ['welcome', 'network', 'provider', 'measure', 'checklist'] as const;
export type StepId = (typeof STEPS)[number];
export type WizardEvent = 'next' | 'back';

export const TRANSITIONS: { readonly [S in StepId]: { readonly [E in WizardEvent]?: StepId } } = {
  welcome: { next: 'network' },
  network: { back: 'welcome', next: 'provider' },
  provider: { back: 'network', next: 'measure' },
  measure: { back: 'provider', next: 'checklist' },
  checklist: { back: 'measure' },
};

// Steps that lead on with their own buttons (Start / Resume) instead of the footer's Next.
export const OWN_NEXT: readonly StepId[] = ['welcome'];

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEPS as readonly string[]).includes(value);
}

// Guards read other state objects' $state, so `canGoNext` follows them without any wiring.
export type StepGuards = { readonly [S in StepId]?: () => boolean };

export class Wizard {
  #step = $state<StepId>('welcome');
  #guards: StepGuards;

  #canGoNext = $derived(this.#allowed('next'));
  #canGoBack = $derived(this.#allowed('back'));

  constructor(guards: StepGuards = {}, start: StepId = 'welcome') {
    this.#guards = guards;
    this.#step = start;
  }

  get step(): StepId {
    return this.#step;
  }

  get index(): number {
    return STEPS.indexOf(this.#step);
  }

  get total(): number {
    return STEPS.length;
  }

  get hasNext(): boolean {
    return TRANSITIONS[this.#step].next !== undefined;
  }

  get hasBack(): boolean {
    return TRANSITIONS[this.#step].back !== undefined;
  }

  get canGoNext(): boolean {
    return this.#canGoNext;
  }

  get canGoBack(): boolean {
    return this.#canGoBack;
  }

  // A step counts as reached when it is the current one or lies behind it.
  reached(step: StepId): boolean {
    return STEPS.indexOf(step) <= this.index;
  }

  next(): boolean {
    return this.#send('next');
  }

  back(): boolean {
    return this.#send('back');
  }

  // Resuming: walk forward through the table while each guard allows it, so a saved step is
  // only reached when what it needs is there again (else the walk stops where input is missing).
  advanceTo(target: StepId): StepId {
    while (this.#step !== target && this.#send('next'));
    return this.#step;
  }

  #allowed(event: WizardEvent): boolean {
    if (TRANSITIONS[this.#step][event] === undefined) return false;
    if (event === 'back') return true;
    return this.#guards[this.#step]?.() ?? true;
  }

  #send(event: WizardEvent): boolean {
    const target = TRANSITIONS[this.#step][event];
    if (target === undefined || !this.#allowed(event)) return false;
    this.#step = target;
    return true;
  }
}
