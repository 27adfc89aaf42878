// The wizard's saved session: what was entered and where, kept in localStorage under one
// versioned key so a restart can resume. Read defensively: anything that is not exactly this
// version's shape (an old version, another program's value, a hand edit) counts as unreadable.
import { validateRequest } from '../../../shared/ipc';
import { parseReportJson } from '../../../shared/report-file';
import { LANGUAGES, type Lang } from '../i18n/locale.svelte';
import type { SiteInputs } from '../steps/checklist/checklist.svelte';
import type { MeasureInputs, MediaMode } from '../steps/measure/measure.svelte';
import type { NetworkInputs } from '../steps/network/network.svelte';
import type { ProviderInputs } from '../steps/provider/provider.svelte';
import { isStepId, type StepId } from './wizard.svelte';

// Version 2: the steps of the visit (provider, then one measurement). A version-1 session named
// steps that no longer exist; it is left where it was and not offered.
export const SESSION_KEY = 'trunkcheck.wizard.v2';
const SESSION_VERSION = 2;
const MAX_TEXT = 300;

export interface SavedSession {
  readonly version: typeof SESSION_VERSION;
  readonly savedAt: string;
  readonly step: StepId;
  readonly lang: Lang;
  readonly network: NetworkInputs;
  readonly provider: ProviderInputs;
  readonly measure: MeasureInputs;
  readonly site: SiteInputs;
}

export type LoadedSession = { readonly kind: 'none' } | { readonly kind: 'unreadable' } | { readonly kind: 'saved'; readonly session: SavedSession };

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_TEXT;
const isTextOrNull = (value: unknown): value is string | null => value === null || isText(value);

function networkOf(value: unknown): NetworkInputs | null {
  if (!isObject(value)) return null;
  const { selectedKey, sipPortText, profileId, rtpFromText, rtpToText } = value;
  if (!isTextOrNull(selectedKey) || !isTextOrNull(sipPortText) || !isText(profileId) || !isTextOrNull(rtpFromText) || !isTextOrNull(rtpToText)) return null;
  return { selectedKey, sipPortText, profileId, rtpFromText, rtpToText };
}

function providerOf(value: unknown): ProviderInputs | null {
  if (!isObject(value)) return null;
  const { choice, stun, sip, second } = value;
  if (!isTextOrNull(choice) || !isTextOrNull(stun) || !isTextOrNull(sip) || !isText(second)) return null;
  return { choice, stun, sip, second };
}

// The last report goes through the same checks as a report file and an IPC request.
function measuredOf(value: unknown): MeasureInputs['measured'] | undefined {
  if (value === null) return null;
  if (!isObject(value)) return undefined;
  const request = validateRequest('nat:diagnose', value.request);
  const report = parseReportJson(JSON.stringify(value.report ?? null));
  return request.ok && report.ok ? { request: request.value, report: report.value } : undefined;
}

const MEDIA: readonly unknown[] = ['sample', 'full', 'off'] satisfies MediaMode[];

function measureOf(value: unknown): MeasureInputs | null {
  if (!isObject(value)) return null;
  const { lifetime, media, quality, qualityText } = value;
  const measured = measuredOf(value.measured);
  if (typeof lifetime !== 'boolean' || !MEDIA.includes(media) || typeof quality !== 'boolean' || !isText(qualityText) || measured === undefined) return null;
  return { lifetime, media: media as MediaMode, quality, qualityText, measured };
}

function siteOf(value: unknown): SiteInputs | null {
  if (!isObject(value) || !isText(value.name) || !isText(value.customer) || !isText(value.technician) || !isTextOrNull(value.firewall)) return null;
  return { name: value.name, customer: value.customer, technician: value.technician, firewall: value.firewall };
}

export function parseSession(text: string): SavedSession | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(data) || data.version !== SESSION_VERSION) return null;
  const { savedAt, step, lang } = data;
  if (!isText(savedAt) || Number.isNaN(Date.parse(savedAt)) || !isStepId(step) || !(LANGUAGES as readonly unknown[]).includes(lang)) return null;
  const network = networkOf(data.network);
  const provider = providerOf(data.provider);
  const measure = measureOf(data.measure);
  const site = siteOf(data.site);
  if (network === null || provider === null || measure === null || site === null) return null;
  return { version: SESSION_VERSION, savedAt, step, lang: lang as Lang, network, provider, measure, site };
}

// Storage can be missing or refuse access (privacy settings): then there is simply nothing saved.
export function readSession(storage: Pick<Storage, 'getItem'> | null): LoadedSession {
  let text: string | null = null;
  try {
    text = storage?.getItem(SESSION_KEY) ?? null;
  } catch {
    return { kind: 'none' };
  }
  if (text === null) return { kind: 'none' };
  const session = parseSession(text);
  return session === null ? { kind: 'unreadable' } : { kind: 'saved', session };
}

export function writeSession(storage: Pick<Storage, 'setItem'> | null, session: SavedSession): void {
  try {
    storage?.setItem(SESSION_KEY, JSON.stringify(session));
  } catch {
    // Full or forbidden storage: resuming is a convenience, the walk goes on without it.
  }
}

export function nowIso(): string {
  return new Date().toISOString();
}

export function clearSession(storage: Pick<Storage, 'removeItem'> | null): void {
  try {
    storage?.removeItem(SESSION_KEY);
  } catch {
    // as above
  }
}
