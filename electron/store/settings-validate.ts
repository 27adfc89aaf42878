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
const invalid = <T>(message: string): Result<T> => fail('store/invalid', message);

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
  if (!isObject(raw)) return invalid('The site profile is missing.');
  const id = raw.id === undefined || raw.id === null || raw.id === '' ? undefined : raw.id;
  if (id !== undefined && !isSiteId(id)) return invalid('The site id may only hold lower-case letters, digits, "-" and "_" (at most 64).');
  if (typeof raw.name !== 'string' || raw.name.trim() === '' || raw.name.length > MAX_SITE_FIELD) return invalid(`Give the site a name (at most ${MAX_SITE_FIELD} characters).`);
  const customer = optionalText(raw.customer, MAX_SITE_FIELD);
  const technician = optionalText(raw.technician, MAX_SITE_FIELD);
  if (customer === undefined || customer === null) return invalid(`The customer name must be text of at most ${MAX_SITE_FIELD} characters.`);
  if (technician === undefined || technician === null) return invalid(`The technician name must be text of at most ${MAX_SITE_FIELD} characters.`);
  const profile = typeof raw.pbxProfileId === 'string' ? findProfile(raw.pbxProfileId) : undefined;
  if (profile === undefined) {
    return invalid(`TrunkCheck has no PBX profile "${String(raw.pbxProfileId).slice(0, 40)}": choose swyxware, 3cx or another listed profile.`);
  }
  const providerId = raw.providerId ?? null;
  if (providerId !== null && (typeof providerId !== 'string' || !knownProviderIds.has(providerId))) {
    return invalid(`TrunkCheck has no provider "${String(providerId).slice(0, 40)}": choose one from the list or add it first.`);
  }
  const stunServers = raw.stunServers ?? [];
  if (!Array.isArray(stunServers) || stunServers.length > 10 || !stunServers.every((server) => isEndpoint(server, profile.defaultStunPort))) {
    return invalid('Each STUN server must be HOST or HOST:PORT (at most 10).');
  }
  const sipServer = raw.sipServer ?? null;
  if (sipServer !== null && !isEndpoint(sipServer, profile.defaultProviderSipPort)) return invalid('The SIP server must be HOST or HOST:PORT.');
  const localIp = raw.localIp ?? null;
  if (localIp !== null && !(typeof localIp === 'string' && (isIPv4(localIp) || isIPv6(localIp)))) return invalid('The local address must be an IPv4 or IPv6 address.');
  const sipPort = raw.sipPort ?? null;
  if (sipPort !== null && !(typeof sipPort === 'number' && isValidPort(sipPort))) return invalid('The SIP port must be a whole number from 1 to 65535.');
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
  if (!isObject(raw)) return invalid('The settings change is missing.');
  const patch: { -readonly [K in keyof AppSettings]?: AppSettings[K] } = {};
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'language':
        if (value !== null && value !== 'en' && value !== 'de') return invalid('The language must be "en", "de" or null (follow the system).');
        patch.language = value;
        break;
      case 'lastSiteId':
        if (value !== null && !isSiteId(value)) return invalid('The last site id is not a valid site id.');
        patch.lastSiteId = value;
        break;
      case 'defaultStunServer':
        if (value !== null && !isEndpoint(value, defaultProfile().defaultStunPort)) return invalid('The default STUN server must be HOST or HOST:PORT, or null.');
        patch.defaultStunServer = value === null ? null : value.trim();
        break;
      case 'qos':
        if (typeof value !== 'boolean') return invalid('QoS marking must be on (true) or off (false).');
        patch.qos = value;
        break;
      default:
        return invalid(`There is no setting "${key.slice(0, 40)}".`);
    }
  }
  return ok(patch);
}
