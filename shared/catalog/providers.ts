// SIP trunk providers: data, not code (STYLE.md habit 10). Every fact carries the source it came
// from; a fact no source states is null, never a guess. A broken entry is reported by name and
// skipped, the rest still load. The same check guards providers a user adds (validateProvider).
import { isIPv4, isIPv6, isValidPort } from '../address';
import type { QualityThresholds } from '../quality/grade';
import { errorOf, fail, ok, type Result } from '../result';
import type { PROVIDER_PROBLEMS } from '../text/messages/errors';
import type { CatalogProblem } from './profiles';
import data from './providers.json';

export type { CatalogProblem } from './profiles';

export type SipTransport = 'udp' | 'tcp' | 'tls';

export interface ProviderSip {
  readonly host: string;                      // may hold placeholders the user fills in: "{trunk}.pstn.twilio.com"
  readonly alternateHosts: readonly string[];
  readonly port: number | null;               // null: the source names none (the PBX profile's default applies)
  readonly transport: SipTransport | null;
  readonly outboundProxy: string | null;      // where SIP must be sent when the provider demands one
  readonly source: string;
}

export interface ProviderStun {
  readonly host: string;
  readonly port: number;
  readonly source: string;
}

export interface ProviderMedia {
  readonly from: number;
  readonly to: number;
  readonly networks: readonly string[];       // CIDRs media comes from; empty: the source names none
  readonly source: string;
}

// Address ranges the provider says to allow as a whole (signalling and media).
export interface ProviderNetworks {
  readonly cidrs: readonly string[];
  readonly source: string;
}

// Limits the provider demands for voice; null where it names none (the defaults apply).
export interface ProviderQuality {
  readonly lossPct: number | null;
  readonly jitterMs: number | null;
  readonly rttMs: number | null;
  readonly oneWayDelayMs: number | null;
  readonly source: string;
}

export interface ProviderNote {
  readonly text: string;
  readonly source: string;
}

export interface Provider {
  readonly id: string;
  readonly name: string;
  readonly sip: ProviderSip | null;
  readonly stun: ProviderStun | null;
  readonly media: ProviderMedia | null;
  readonly networks: ProviderNetworks | null;
  readonly quality: ProviderQuality | null;
  readonly notes: readonly ProviderNote[];
}

const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const TRANSPORTS = new Set<string>(['udp', 'tcp', 'tls']);
// A DNS label, or a placeholder label such as {trunk} that the user replaces.
const HOST_LABEL = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?|\{[a-z]{1,20}\})$/i;
const MAX_TEXT = 1000;
const MAX_LIST = 50;

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
type ProviderProblem = (typeof PROVIDER_PROBLEMS)[number];
interface Problem {
  readonly problem: ProviderProblem;
  readonly note: string | null;
}
type Check<T> = T | Problem;

const PROBLEM = Symbol('problem');
const problem = (kind: ProviderProblem, note: string | null = null): Problem => ({ problem: kind, note, [PROBLEM]: true }) as Problem;
function isProblem<T>(value: Check<T>): value is Problem {
  return typeof value === 'object' && value !== null && PROBLEM in value;
}

function isText(value: unknown, max = MAX_TEXT): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= max;
}

export function isProviderHost(value: unknown): value is string {
  if (typeof value !== 'string' || value === '' || value.length > 253) return false;
  if (isIPv4(value) || isIPv6(value)) return true;
  return value.split('.').every((label) => HOST_LABEL.test(label));
}

export function isCidr(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const [ip, bits, extra] = value.split('/');
  if (ip === undefined || bits === undefined || extra !== undefined || !/^\d{1,3}$/.test(bits)) return false;
  if (isIPv4(ip)) return Number(bits) <= 32;
  return isIPv6(ip) && Number(bits) <= 128;
}

const nullablePort = (value: unknown) => value === null || (typeof value === 'number' && isValidPort(value));
const nullableLimit = (value: unknown, max: number) => value === null || (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max);

function checkSip(raw: unknown): Check<ProviderSip | null> {
  if (raw === null) return null;
  if (!isObject(raw)) return problem('sip-section');
  if (!isProviderHost(raw.host)) return problem('sip-host');
  const alternates = raw.alternateHosts ?? [];
  if (!Array.isArray(alternates) || alternates.length > MAX_LIST || !alternates.every(isProviderHost)) return problem('alternate-hosts');
  if (!nullablePort(raw.port)) return problem('sip-port');
  if (raw.transport !== null && !(typeof raw.transport === 'string' && TRANSPORTS.has(raw.transport))) return problem('sip-transport');
  const proxy = raw.outboundProxy ?? null;
  if (proxy !== null && !isProviderHost(proxy)) return problem('outbound-proxy');
  if (!isText(raw.source)) return problem('sip-source');
  return {
    host: raw.host,
    alternateHosts: alternates,
    port: raw.port as number | null,
    transport: raw.transport as SipTransport | null,
    outboundProxy: proxy,
    source: raw.source,
  };
}

function checkStun(raw: unknown): Check<ProviderStun | null> {
  if (raw === null) return null;
  if (!isObject(raw)) return problem('stun-section');
  if (!isProviderHost(raw.host) || raw.host.includes('{')) return problem('stun-host');
  if (typeof raw.port !== 'number' || !isValidPort(raw.port)) return problem('stun-port');
  if (!isText(raw.source)) return problem('stun-source');
  return { host: raw.host, port: raw.port, source: raw.source };
}

function checkMedia(raw: unknown): Check<ProviderMedia | null> {
  if (raw === null) return null;
  if (!isObject(raw)) return problem('media-section');
  const { from, to } = raw;
  if (typeof from !== 'number' || typeof to !== 'number' || !isValidPort(from) || !isValidPort(to) || from > to) return problem('media-range');
  const networks = raw.networks ?? [];
  if (!Array.isArray(networks) || networks.length > MAX_LIST || !networks.every(isCidr)) return problem('media-networks');
  if (!isText(raw.source)) return problem('media-source');
  return { from, to, networks, source: raw.source };
}

function checkNetworks(raw: unknown): Check<ProviderNetworks | null> {
  if (raw === null) return null;
  if (!isObject(raw)) return problem('networks-section');
  if (!Array.isArray(raw.cidrs) || raw.cidrs.length === 0 || raw.cidrs.length > MAX_LIST || !raw.cidrs.every(isCidr)) {
    return problem('networks-list');
  }
  if (!isText(raw.source)) return problem('networks-source');
  return { cidrs: raw.cidrs, source: raw.source };
}

function checkQuality(raw: unknown): Check<ProviderQuality | null> {
  if (raw === null) return null;
  if (!isObject(raw)) return problem('quality-section');
  const oneWay = raw.oneWayDelayMs ?? null;
  if (!nullableLimit(raw.lossPct, 100)) return problem('loss-limit');
  if (!nullableLimit(raw.jitterMs, 10_000) || !nullableLimit(raw.rttMs, 10_000) || !nullableLimit(oneWay, 10_000)) return problem('delay-limit');
  if (!isText(raw.source)) return problem('quality-source');
  return { lossPct: raw.lossPct as number | null, jitterMs: raw.jitterMs as number | null, rttMs: raw.rttMs as number | null, oneWayDelayMs: oneWay as number | null, source: raw.source };
}

function checkNotes(raw: unknown): Check<ProviderNote[]> {
  const notes = raw ?? [];
  if (!Array.isArray(notes) || notes.length > MAX_LIST) return problem('notes-list');
  for (const note of notes) {
    if (!isObject(note) || !isText(note.text)) return problem('note-text');
    if (!isText(note.source)) return problem('note-source', note.text.slice(0, 60));
  }
  return notes.map((note: Fields) => ({ text: note.text as string, source: note.source as string }));
}

// The reason an entry is unusable (worded as the end of a sentence, "has an invalid SIP port"), or the provider.
function checkProvider(raw: unknown): Check<Provider> {
  if (!isObject(raw)) return problem('not-object');
  if (typeof raw.id !== 'string' || !ID.test(raw.id)) return problem('no-id');
  if (!isText(raw.name, 100)) return problem('no-name');
  const sip = checkSip(raw.sip ?? null);
  const stun = checkStun(raw.stun ?? null);
  const media = checkMedia(raw.media ?? null);
  const networks = checkNetworks(raw.networks ?? null);
  const quality = checkQuality(raw.quality ?? null);
  const notes = checkNotes(raw.notes);
  for (const part of [sip, stun, media, networks, quality, notes]) if (isProblem(part)) return part;
  return {
    id: raw.id,
    name: raw.name.trim(),
    sip: sip as ProviderSip | null,
    stun: stun as ProviderStun | null,
    media: media as ProviderMedia | null,
    networks: networks as ProviderNetworks | null,
    quality: quality as ProviderQuality | null,
    notes: notes as ProviderNote[],
  };
}

// A provider's id as the catalog and the store take it: "sipgate-trunking".
export function isProviderId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

function entryName(raw: unknown, index: number): string {
  const id = isObject(raw) ? raw.id : undefined;
  return typeof id === 'string' && id !== '' ? id.slice(0, 40) : `#${index + 1}`;
}

// For providers a user adds: the same rules as the built-in catalog, including a source for
// every fact (the wizard fills in "entered by <technician>" where the user has no document).
export function validateProvider(raw: unknown): Result<Provider> {
  const checked = checkProvider(raw);
  if (isProblem(checked)) return fail('catalog/invalid-provider', { provider: entryName(raw, 0), problem: checked.problem, note: checked.note });
  return ok(checked);
}

export function loadProviders(raw: unknown): { providers: Provider[]; problems: CatalogProblem[] } {
  const list = isObject(raw) ? raw.providers : undefined;
  if (!Array.isArray(list)) return { providers: [], problems: [{ entry: '(catalog)', error: errorOf('catalog/no-providers') }] };
  const providers: Provider[] = [];
  const problems: CatalogProblem[] = [];
  list.forEach((item, index) => {
    const name = entryName(item, index);
    const checked = checkProvider(item);
    if (isProblem(checked)) problems.push({ entry: name, error: errorOf('catalog/provider-skipped', { provider: name, problem: checked.problem, note: checked.note }) });
    else if (providers.some((provider) => provider.id === checked.id)) problems.push({ entry: name, error: errorOf('catalog/provider-skipped', { provider: name, problem: 'duplicate-id', note: null }) });
    else providers.push(checked);
  });
  return { providers, problems };
}

const builtIn = loadProviders(data);
export const PROVIDERS: readonly Provider[] = builtIn.providers;
// Empty unless providers.json was broken by an edit; a test keeps it empty.
export const PROVIDER_CATALOG_PROBLEMS: readonly CatalogProblem[] = builtIn.problems;

export function findProvider(id: string, catalog: readonly Provider[] = PROVIDERS): Provider | undefined {
  return catalog.find((provider) => provider.id === id);
}

// Case-insensitive substring match on the name, id and every host; an empty query lists all.
export function searchProviders(query: string, catalog: readonly Provider[] = PROVIDERS): Provider[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...catalog];
  return catalog.filter((provider) => {
    const hay = [provider.id, provider.name, provider.sip?.host, ...(provider.sip?.alternateHosts ?? []), provider.sip?.outboundProxy, provider.stun?.host];
    return hay.some((text) => typeof text === 'string' && text.toLowerCase().includes(needle));
  });
}

// A host with placeholders ({trunk}) cannot be used until the user fills them in.
export function hostPlaceholders(host: string): string[] {
  return [...host.matchAll(/\{([a-z]+)\}/gi)].map((match) => match[1] ?? '');
}

// The provider's limits in the form shared/quality/grade.ts takes; only what the provider names.
export function providerQualityThresholds(provider: Provider): Partial<QualityThresholds> {
  const quality = provider.quality;
  if (quality === null) return {};
  return {
    ...(quality.lossPct !== null ? { maxLossPercent: quality.lossPct } : {}),
    ...(quality.jitterMs !== null ? { maxJitterMs: quality.jitterMs } : {}),
    ...(quality.rttMs !== null ? { maxRttMs: quality.rttMs } : {}),
  };
}
