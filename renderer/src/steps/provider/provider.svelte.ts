// The Provider step's state: the catalog and the providers this user added, the one chosen (which
// brings its STUN server with its port, its SIP server and transport, its quality limits and its
// notes), the servers as they may be corrected by hand, and the editor for a provider of one's own.
// Saving and removing go to the main process, which checks and stores them like
// `trunkcheck providers --add`.
import { isServerHost, parseHostPort } from '../../../../shared/address';
import { isRegisterUser } from '../../../../shared/ipc';
import type { RegisterRequest } from '../../../../shared/register';
import { hostPlaceholders, searchProviders, type CatalogProblem, type Provider } from '../../../../shared/catalog/providers';
import type { AppInfo, TrunkcheckApi } from '../../../../shared/ipc-contract';
import type { ErrorData } from '../../../../shared/result';
import { ProviderDraft } from './provider-draft.svelte';

export type ListStatus = 'idle' | 'loading' | 'ready' | 'error';
// Why the second STUN server cannot be used: not an endpoint, or the first server again (asking
// one server twice would always look endpoint-independent).
export type SecondStunProblem = 'invalid' | 'same';
// Why the registration fields cannot be used as they are.
export type RegisterProblem = 'user' | 'password' | 'domain' | 'sip';

// What the step needs from the Network step: the STUN and SIP ports a bare host gets (the PBX
// profile's, as the main process reads the request) and the default STUN server.
export interface ProviderSource {
  readonly info: Pick<AppInfo, 'defaults'> | null;
  readonly defaultStunPort: number;
  readonly defaultSipPort: number;
}

// What was chosen and typed, as saved for resuming (null: as the provider has it).
export interface ProviderInputs {
  readonly choice: string | null;
  readonly stun: string | null;
  readonly sip: string | null;
  readonly second: string;
}

export const hostPort = (server: { readonly host: string; readonly port: number | null } | null): string =>
  server === null ? '' : server.port === null ? server.host : `${server.host}:${server.port}`;

export class ProviderState {
  #api: TrunkcheckApi;
  #source: ProviderSource;
  #status = $state<ListStatus>('idle');
  #error = $state<ErrorData | null>(null);
  #catalog = $state.raw<readonly Provider[]>([]);
  #custom = $state.raw<readonly Provider[]>([]);
  #problems = $state.raw<readonly CatalogProblem[]>([]);
  #choice = $state<string | null>(null);
  #search = $state('');
  #stunText = $state<string | null>(null);
  #sipText = $state<string | null>(null);
  #second = $state('');
  #draft = $state<ProviderDraft | null>(null);
  #removing = $state<string | null>(null);        // asked to remove, waiting for the confirmation
  #removeError = $state<ErrorData | null>(null);
  // The trunk's credentials (issue 16): in this object's memory for the visit only. They are not
  // part of inputs() (the saved session), and the main process never stores or logs them.
  #registerUser = $state('');
  #registerPassword = $state('');
  #registerDomain = $state('');

  #all = $derived([...this.#catalog, ...this.#custom]);
  #provider = $derived(this.#all.find((entry) => entry.id === this.#choice) ?? null);
  #filtered = $derived(searchProviders(this.#search, this.#all));
  #stun = $derived.by(() => this.#stunText ?? (this.#provider?.stun ? hostPort(this.#provider.stun) : (this.#source.info?.defaults.stunServer ?? '')));
  #sip = $derived(this.#sipText ?? (this.#provider?.sip ? hostPort(this.#provider.sip) : ''));
  #stunValid = $derived.by(() => parseHostPort(this.#stun.trim(), this.#source.defaultStunPort) !== undefined);
  #sipValid = $derived.by(() => this.#sip.trim() === '' || parseHostPort(this.#sip.trim(), this.#source.defaultSipPort) !== undefined);
  #secondProblem = $derived.by((): SecondStunProblem | null => {
    if (this.#second.trim() === '') return null;
    const port = this.#source.defaultStunPort;
    const second = parseHostPort(this.#second.trim(), port);
    if (second === undefined) return 'invalid';
    const first = parseHostPort(this.#stun.trim(), port);
    return first !== undefined && first.host.toLowerCase() === second.host.toLowerCase() && first.port === second.port ? 'same' : null;
  });

  constructor(api: TrunkcheckApi, source: ProviderSource) {
    this.#api = api;
    this.#source = source;
  }

  get status(): ListStatus {
    return this.#status;
  }

  get error(): ErrorData | null {
    return this.#error;
  }

  // Entries of the catalog or the user's file that were skipped, by name.
  get problems(): readonly CatalogProblem[] {
    return this.#problems;
  }

  get search(): string {
    return this.#search;
  }

  set search(text: string) {
    this.#search = text;
  }

  // What the search finds; the chosen one stays in the list even when the search hides it.
  get filtered(): readonly Provider[] {
    const chosen = this.#provider;
    return chosen === null || this.#filtered.includes(chosen) ? this.#filtered : [...this.#filtered, chosen];
  }

  isCustom(provider: Provider): boolean {
    return this.#custom.includes(provider);
  }

  get choice(): string | null {
    return this.#choice;
  }

  get provider(): Provider | null {
    return this.#provider;
  }

  // A provider brings its own servers: what was typed for the one before is dropped.
  choose(id: string): void {
    if (this.#choice === id) return;
    this.#choice = id;
    this.#stunText = null;
    this.#sipText = null;
  }

  get stun(): string {
    return this.#stun;
  }

  set stun(text: string) {
    this.#stunText = text;
  }

  get stunValid(): boolean {
    return this.#stunValid;
  }

  // Where the STUN server comes from: the provider, the wizard's default, or typed here.
  get stunOrigin(): 'provider' | 'default' | 'typed' | 'none' {
    if (this.#stunText !== null) return 'typed';
    if (this.#provider?.stun) return 'provider';
    return this.#stun === '' ? 'none' : 'default';
  }

  get sip(): string {
    return this.#sip;
  }

  set sip(text: string) {
    this.#sipText = text;
  }

  get sipValid(): boolean {
    return this.#sipValid;
  }

  // A catalog host with a placeholder such as "{trunk}.pstn.twilio.com".
  get sipHasPlaceholder(): boolean {
    return hostPlaceholders(this.#sip).length > 0;
  }

  get secondStun(): string {
    return this.#second;
  }

  set secondStun(text: string) {
    this.#second = text;
  }

  get secondProblem(): SecondStunProblem | null {
    return this.#secondProblem;
  }

  get secondValid(): boolean {
    return this.#secondProblem === null;
  }

  // The provider id the diagnosis takes for the quality limits (null: none chosen).
  get providerId(): string | null {
    return this.#provider?.id ?? null;
  }

  // Ready to measure: a STUN server, and servers that can be used as written.
  get complete(): boolean {
    return this.#stunValid && this.#sipValid && this.secondValid && this.#draft === null && this.registerProblem === null;
  }

  get registerUser(): string {
    return this.#registerUser;
  }

  set registerUser(text: string) {
    this.#registerUser = text;
  }

  get registerPassword(): string {
    return this.#registerPassword;
  }

  set registerPassword(text: string) {
    this.#registerPassword = text;
  }

  get registerDomain(): string {
    return this.#registerDomain;
  }

  set registerDomain(text: string) {
    this.#registerDomain = text;
  }

  // null: nothing to register with, or the fields are usable.
  get registerProblem(): RegisterProblem | null {
    const user = this.#registerUser.trim();
    if (user === '') return null;
    if (!isRegisterUser(user)) return 'user';
    const domain = this.#registerDomain.trim();
    if (domain !== '' && !isServerHost(domain)) return 'domain';
    if (this.#sip.trim() === '') return 'sip';
    return this.#registerPassword === '' ? 'password' : null;
  }

  // What the measurement registers with; null: no registration.
  get register(): RegisterRequest | null {
    const user = this.#registerUser.trim();
    if (user === '' || this.registerProblem !== null) return null;
    const domain = this.#registerDomain.trim();
    return { user, password: this.#registerPassword, ...(domain === '' ? {} : { domain }) };
  }

  inputs(): ProviderInputs {
    return { choice: this.#choice, stun: this.#stunText, sip: this.#sipText, second: this.#second };
  }

  restore(inputs: ProviderInputs): void {
    this.#choice = inputs.choice;
    this.#stunText = inputs.stun;
    this.#sipText = inputs.sip;
    this.#second = inputs.second;
  }

  // Loaded when the step is first shown; the editor loads again after a save or a removal.
  async load(force = false): Promise<void> {
    if (this.#status === 'loading' || (this.#status === 'ready' && !force)) return;
    this.#status = 'loading';
    const result = await this.#api.listProviders();
    if (!result.ok) {
      this.#error = result.error;
      this.#status = 'error';
      return;
    }
    const byName = (a: Provider, b: Provider): number => a.name.localeCompare(b.name);
    this.#catalog = [...result.value.providers].sort(byName);
    this.#custom = [...result.value.custom].sort(byName);
    this.#problems = result.value.problems;
    this.#error = null;
    this.#status = 'ready';
  }

  // The editor: a new provider ("Other"), or one of the user's own to change.
  get draft(): ProviderDraft | null {
    return this.#draft;
  }

  // `defaultSource`: what a fact's source says when the person names none, in the wizard's language.
  openEditor(provider: Provider | null, defaultSource: () => string): void {
    this.#removing = null;
    this.#draft = new ProviderDraft(provider, defaultSource, this.#all.map((entry) => entry.id));
  }

  closeEditor(): void {
    this.#draft = null;
  }

  // Saved by the main process: then listed, and chosen.
  async saveDraft(): Promise<boolean> {
    const draft = this.#draft;
    if (draft === null) return false;
    const saved = await draft.save((provider) => this.#api.saveProvider({ provider }));
    if (saved === null) return false;
    await this.load(true);
    this.#draft = null;
    this.#choice = null;
    this.choose(saved.id);
    return true;
  }

  get removing(): string | null {
    return this.#removing;
  }

  get removeError(): ErrorData | null {
    return this.#removeError;
  }

  askRemove(id: string | null): void {
    this.#removing = id;
    this.#removeError = null;
  }

  async remove(id: string): Promise<void> {
    const result = await this.#api.removeProvider({ id });
    if (!result.ok) {
      this.#removeError = result.error;
      return;
    }
    this.#removing = null;
    if (this.#choice === id) {
      this.#choice = null;
      this.#stunText = null;
      this.#sipText = null;
    }
    await this.load(true);
  }
}
