// Which step the wizard shows, and where Next and Back lead: a transition table, not a chain
// of ifs. A step may leave forward only when its guard says what was entered is complete;
// going back is always allowed and never clears anything.
export const STEPS = ['network', 'public-address', 'nat', 'checks', 'checklist'] as const;
export type StepId = (typeof STEPS)[number];
export type WizardEvent = 'next' | 'back';

export const TRANSITIONS: { readonly [S in StepId]: { readonly [E in WizardEvent]?: StepId } } = {
  network: { next: 'public-address' },
  'public-address': { back: 'network', next: 'nat' },
  nat: { back: 'public-address', next: 'checks' },
  checks: { back: 'nat', next: 'checklist' },
  checklist: { back: 'checks' },
};

// Guards read other state objects' $state, so `canGoNext` follows them without any wiring.
export type StepGuards = { readonly [S in StepId]?: () => boolean };

export class Wizard {
  #step = $state<StepId>('network');
  #guards: StepGuards;

  #canGoNext = $derived(this.#allowed('next'));
  #canGoBack = $derived(this.#allowed('back'));

  constructor(guards: StepGuards = {}, start: StepId = 'network') {
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
