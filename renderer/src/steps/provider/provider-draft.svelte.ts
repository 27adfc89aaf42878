// A provider of one's own as typed in the editor, turned into the catalog's shape
// (shared/catalog/providers.ts) and saved by the main process, which checks it with the catalog's
// own validator. What the editor does not show (alternate hosts, media networks, …) is kept from
// the provider being edited. A refused entry comes back by name with what is wrong with it; the
// field it is about is marked.
import type { Provider, ProviderNote, SipTransport } from '../../../../shared/catalog/providers';
import type { PROVIDER_PROBLEMS } from '../../../../shared/text/messages/errors';
import type { ErrorData, Result } from '../../../../shared/result';
import { hostPort } from './provider.svelte';

export type DraftField = 'name' | 'id' | 'stun' | 'sip' | 'transport' | 'loss' | 'jitter' | 'rtt' | 'notes' | 'source';
export const TRANSPORTS: readonly SipTransport[] = ['udp', 'tcp', 'tls'];

type ProviderProblem = (typeof PROVIDER_PROBLEMS)[number];
// The editor field a refusal is about.
const FIELD_OF: { readonly [P in ProviderProblem]?: DraftField } = {
  'no-id': 'id',
  'no-name': 'name',
  'duplicate-id': 'id',
  'sip-host': 'sip',
  'sip-port': 'sip',
  'sip-transport': 'transport',
  'sip-source': 'source',
  'stun-host': 'stun',
  'stun-port': 'stun',
  'stun-source': 'source',
  'loss-limit': 'loss',
  'delay-limit': 'jitter',
  'quality-source': 'source',
  'note-text': 'notes',
  'note-source': 'source',
};

const STUN_PORT = 3478; // RFC 8489 §18.6: the STUN port when the entry names none
const MAX_ID = 40;

// "Müller Telekom GmbH" → "muller-telekom-gmbh": what the catalog takes as an id.
export function providerIdOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_ID)
    .replace(/-+$/, '');
}

// A limit as typed: a number when it reads as one, else the text itself, so the main process
// refuses it by name instead of it turning into "no limit" (JSON carries NaN as null).
function limitOf(text: string): number | string | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : text;
}

// "host:port" as typed, split without judging it: a port that is not a number stays text, so the
// main process names the problem ("has an invalid STUN port") rather than a vaguer one.
function splitServer(text: string): { host: string; port: number | null } {
  const portOf = (port: string | undefined): number | null => (port === undefined || port === '' ? null : ((/^\d{1,6}$/.test(port) ? Number(port) : port) as unknown as number));
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(text);
  if (bracketed) return { host: bracketed[1] ?? '', port: portOf(bracketed[2]) };
  if ((text.match(/:/g) ?? []).length !== 1) return { host: text, port: null };
  const at = text.lastIndexOf(':');
  return { host: text.slice(0, at), port: portOf(text.slice(at + 1)) };
}

const limitText = (value: number | null | undefined): string => (value === null || value === undefined ? '' : String(value));

export class ProviderDraft {
  readonly #original: Provider | null;
  readonly #taken: readonly string[];
  #name = $state('');
  #idText = $state<string | null>(null);
  #stun = $state('');
  #sip = $state('');
  #transport = $state<SipTransport | ''>('');
  #loss = $state('');
  #jitter = $state('');
  #rtt = $state('');
  #notes = $state('');
  #source = $state<string | null>(null);        // null: the default, in the wizard's language
  readonly #defaultSource: () => string;
  #saving = $state(false);
  #error = $state<ErrorData | null>(null);

  constructor(original: Provider | null, defaultSource: () => string, taken: readonly string[]) {
    this.#original = original;
    this.#taken = taken;
    this.#defaultSource = defaultSource;
    this.#source = original?.sip?.source ?? original?.stun?.source ?? original?.quality?.source ?? original?.notes[0]?.source ?? null;
    if (original === null) return;
    this.#name = original.name;
    this.#stun = hostPort(original.stun);
    this.#sip = hostPort(original.sip);
    this.#transport = original.sip?.transport ?? '';
    this.#loss = limitText(original.quality?.lossPct);
    this.#jitter = limitText(original.quality?.jitterMs);
    this.#rtt = limitText(original.quality?.rttMs);
    this.#notes = original.notes.map((note) => note.text).join('\n');
  }

  // Editing keeps the id: a new one would be another provider.
  get editing(): boolean {
    return this.#original !== null;
  }

  get name(): string {
    return this.#name;
  }

  set name(text: string) {
    this.#name = text;
  }

  // Follows the name until typed.
  get id(): string {
    return this.#original?.id ?? this.#idText ?? providerIdOf(this.#name);
  }

  set id(text: string) {
    if (this.#original === null) this.#idText = text;
  }

  // A new provider would replace one of the user's own, or is refused for a built-in one.
  get idTaken(): boolean {
    return !this.editing && this.#taken.includes(this.id);
  }

  get stun(): string {
    return this.#stun;
  }

  set stun(text: string) {
    this.#stun = text;
  }

  get sip(): string {
    return this.#sip;
  }

  set sip(text: string) {
    this.#sip = text;
  }

  get transport(): SipTransport | '' {
    return this.#transport;
  }

  set transport(value: SipTransport | '') {
    this.#transport = value;
  }

  get loss(): string {
    return this.#loss;
  }

  set loss(text: string) {
    this.#loss = text;
  }

  get jitter(): string {
    return this.#jitter;
  }

  set jitter(text: string) {
    this.#jitter = text;
  }

  get rtt(): string {
    return this.#rtt;
  }

  set rtt(text: string) {
    this.#rtt = text;
  }

  get notes(): string {
    return this.#notes;
  }

  set notes(text: string) {
    this.#notes = text;
  }

  get source(): string {
    return this.#source ?? this.#defaultSource();
  }

  set source(text: string) {
    this.#source = text;
  }

  get saving(): boolean {
    return this.#saving;
  }

  get error(): ErrorData | null {
    return this.#error;
  }

  // The field the refusal is about, to mark it.
  get invalidField(): DraftField | null {
    const problem = this.#error?.code === 'catalog/invalid-provider' ? (this.#error.problem as ProviderProblem) : null;
    if (this.#error?.code === 'store/provider-exists') return 'id';
    return problem === null ? null : (FIELD_OF[problem] ?? null);
  }

  // The entry as the catalog writes it; unchecked (the main process checks it).
  toProvider(): Provider {
    const original = this.#original;
    const source = this.source.trim();
    const stunText = this.#stun.trim();
    const sipText = this.#sip.trim();
    const stun = stunText === '' ? null : splitServer(stunText);
    const sip = sipText === '' ? null : splitServer(sipText);
    const limits = { lossPct: limitOf(this.#loss), jitterMs: limitOf(this.#jitter), rttMs: limitOf(this.#rtt) };
    const hasLimits = Object.values(limits).some((value) => value !== null) || (original?.quality?.oneWayDelayMs ?? null) !== null;
    const notes: ProviderNote[] = this.#notes
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((text) => ({ text, source: original?.notes.find((note) => note.text === text)?.source ?? source }));
    return {
      id: this.id,
      name: this.#name.trim(),
      sip:
        sip === null
          ? null
          : {
              host: sip.host,
              alternateHosts: original?.sip?.alternateHosts ?? [],
              port: sip.port,
              transport: this.#transport === '' ? null : this.#transport,
              outboundProxy: original?.sip?.outboundProxy ?? null,
              source,
            },
      stun: stun === null ? null : { host: stun.host, port: stun.port ?? STUN_PORT, source },
      media: original?.media ?? null,
      networks: original?.networks ?? null,
      quality: hasLimits ? { ...(limits as { lossPct: number | null; jitterMs: number | null; rttMs: number | null }), oneWayDelayMs: original?.quality?.oneWayDelayMs ?? null, source } : null,
      notes,
    };
  }

  async save(send: (provider: Provider) => Promise<Result<Provider>>): Promise<Provider | null> {
    if (this.#saving) return null;
    this.#saving = true;
    this.#error = null;
    const result = await send(this.toProvider());
    this.#saving = false;
    if (!result.ok) {
      this.#error = result.error;
      return null;
    }
    return result.value;
  }
}
