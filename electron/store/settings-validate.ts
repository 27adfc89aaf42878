// Run-time checks for what the wizard or the CLI asks to save: the data arrives over IPC or from
// the command line, so every field is checked and a refusal says which one and why.
import { randomBytes } from 'node:crypto';
import { isIPv4, isIPv6, isValidPort, parseHostPort } from '../../shared/address';
import { defaultProfile, findProfile } from '../../shared/catalog/profiles';
import { MAX_SITE_FIELD } from '../../shared/limits';
import { fail, ok, type Result } from '../../shared/result';
import { SITE_ID, type AppSettings, type SiteProfile } from './settings-schema';

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

function optionalText(value: unknown, max: number): string | null | undefined {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string' || value.length > max) return undefined;
  return value.trim();
}

export function isSiteId(value: unknown): value is string {
  return typeof value === 'string' && SITE_ID.test(value);
}

// "Müller GmbH, Köln" → "muller-gmbh-koln-3f9a": readable in the history folder, unique enough.
export function newSiteId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const suffix = randomBytes(2).toString('hex');
  return slug === '' ? `site-${suffix}` : `${slug}-${suffix}`;
}

function isEndpoint(value: unknown, defaultPort: number): value is string {
  return typeof value === 'string' && value.length <= 300 && parseHostPort(value, defaultPort) !== undefined;
}

// knownProviderIds: built-in and custom providers; a site may name none (null).
export function validateSite(raw: unknown, knownProviderIds: ReadonlySet<string>): Result<SiteProfile> {
  if (!isObject(raw)) return fail('site/missing');
  const id = raw.id === undefined || raw.id === null || raw.id === '' ? undefined : raw.id;
  if (id !== undefined && !isSiteId(id)) return fail('site/bad-id');
  if (typeof raw.name !== 'string' || raw.name.trim() === '' || raw.name.length > MAX_SITE_FIELD) return fail('site/no-name', { max: MAX_SITE_FIELD });
  const customer = optionalText(raw.customer, MAX_SITE_FIELD);
  const technician = optionalText(raw.technician, MAX_SITE_FIELD);
  if (customer === undefined || customer === null) return fail('site/bad-customer', { max: MAX_SITE_FIELD });
  if (technician === undefined || technician === null) return fail('site/bad-technician', { max: MAX_SITE_FIELD });
  const profile = typeof raw.pbxProfileId === 'string' ? findProfile(raw.pbxProfileId) : undefined;
  if (profile === undefined) {
    return fail('site/unknown-profile', { profile: String(raw.pbxProfileId).slice(0, 40) });
  }
  const providerId = raw.providerId ?? null;
  if (providerId !== null && (typeof providerId !== 'string' || !knownProviderIds.has(providerId))) {
    return fail('site/unknown-provider', { provider: String(providerId).slice(0, 40) });
  }
  const stunServers = raw.stunServers ?? [];
  if (!Array.isArray(stunServers) || stunServers.length > 10 || !stunServers.every((server) => isEndpoint(server, profile.defaultStunPort))) {
    return fail('site/bad-stun-servers', { max: 10 });
  }
  const sipServer = raw.sipServer ?? null;
  if (sipServer !== null && !isEndpoint(sipServer, profile.defaultProviderSipPort)) return fail('site/bad-sip-server');
  const localIp = raw.localIp ?? null;
  if (localIp !== null && !(typeof localIp === 'string' && (isIPv4(localIp) || isIPv6(localIp)))) return fail('site/bad-local-ip');
  const sipPort = raw.sipPort ?? null;
  if (sipPort !== null && !(typeof sipPort === 'number' && isValidPort(sipPort))) return fail('site/bad-sip-port');
  return ok({
    id: id ?? newSiteId(raw.name),
    name: raw.name.trim(),
    customer,
    technician,
    pbxProfileId: profile.id,
    providerId,
    stunServers: stunServers.map((server: string) => server.trim()),
    sipServer: sipServer === null ? null : sipServer.trim(),
    localIp,
    sipPort,
  });
}

export function validateSettingsPatch(raw: unknown): Result<Partial<AppSettings>> {
  if (!isObject(raw)) return fail('settings/missing');
  const patch: { -readonly [K in keyof AppSettings]?: AppSettings[K] } = {};
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'language':
        if (value !== null && value !== 'en' && value !== 'de') return fail('settings/bad-language');
        patch.language = value;
        break;
      case 'lastSiteId':
        if (value !== null && !isSiteId(value)) return fail('settings/bad-last-site');
        patch.lastSiteId = value;
        break;
      case 'defaultStunServer':
        if (value !== null && !isEndpoint(value, defaultProfile().defaultStunPort)) return fail('settings/bad-stun-server');
        patch.defaultStunServer = value === null ? null : value.trim();
        break;
      case 'qos':
        if (typeof value !== 'boolean') return fail('settings/bad-qos');
        patch.qos = value;
        break;
      default:
        return fail('settings/unknown', { name: key.slice(0, 40) });
    }
  }
  return ok(patch);
}
