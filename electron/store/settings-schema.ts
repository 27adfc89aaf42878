// The settings file: its shape, its JSON schema (checked by conf on every read and write), its
// format version and the migrations between versions. The version is the file format's, not
// the app's: it changes only when the layout does.
import type Conf from 'conf';
import type { Schema } from 'conf';
import { SITE_ID } from '../../shared/limits';

export type Language = 'en' | 'de';

export interface AppSettings {
  readonly language: Language | null;          // null: follow the system
  readonly lastSiteId: string | null;
  readonly defaultStunServer: string | null;   // HOST[:PORT]; null: ask, or take the profile/provider's
  readonly qos: boolean;                       // add DSCP EF marking for RTP in the exported rules
}

export interface SiteProfile {
  readonly id: string;                         // also the folder name of the site's history
  readonly name: string;
  readonly customer: string;
  readonly technician: string;
  readonly pbxProfileId: string;
  readonly providerId: string | null;
  readonly stunServers: readonly string[];     // HOST[:PORT]
  readonly sipServer: string | null;           // HOST[:PORT]
  readonly localIp: string | null;
  readonly sipPort: number | null;             // null: the PBX profile's
}

// conf wants an index signature, so a type alias rather than an interface.
export type SettingsFile = {
  settings: AppSettings;
  sites: SiteProfile[];
  customProviders: unknown[];                  // each checked with validateProvider when read
};

// 1.0.0: the first layout. 1.1.0: settings.stunServer became settings.defaultStunServer, as
// "stunServer" read like one of a site's stunServers.
export const SETTINGS_FORMAT_VERSION = '1.1.0';

export const DEFAULT_SETTINGS: AppSettings = { language: null, lastSiteId: null, defaultStunServer: null, qos: false };

// The one pattern of a site id (shared/limits.ts): what the IPC validators and the CLI accept.
export { SITE_ID };

const nullableString = (maxLength: number) => ({ type: ['string', 'null'], maxLength }) as const;

export const SETTINGS_SCHEMA: Schema<SettingsFile> = {
  settings: {
    type: 'object',
    additionalProperties: false,
    required: ['language', 'lastSiteId', 'defaultStunServer', 'qos'],
    properties: {
      language: { enum: ['en', 'de', null] },
      lastSiteId: nullableString(64),
      defaultStunServer: nullableString(300),
      qos: { type: 'boolean' },
    },
  },
  sites: {
    type: 'array',
    maxItems: 1000,
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'name', 'customer', 'technician', 'pbxProfileId', 'providerId', 'stunServers', 'sipServer', 'localIp', 'sipPort'],
      properties: {
        id: { type: 'string', pattern: SITE_ID.source },
        name: { type: 'string', minLength: 1, maxLength: 200 },
        customer: { type: 'string', maxLength: 200 },
        technician: { type: 'string', maxLength: 200 },
        pbxProfileId: { type: 'string', pattern: '^[a-z0-9-]{1,40}$' },
        providerId: { type: ['string', 'null'], pattern: '^[a-z0-9][a-z0-9-]{0,39}$' },
        stunServers: { type: 'array', maxItems: 10, items: { type: 'string', minLength: 1, maxLength: 300 } },
        sipServer: nullableString(300),
        localIp: nullableString(64),
        sipPort: { type: ['integer', 'null'], minimum: 1, maximum: 65535 },
      },
    },
  },
  customProviders: {
    type: 'array',
    maxItems: 200,
    items: { type: 'object', required: ['id', 'name'] },
  },
};

export const SETTINGS_DEFAULTS: SettingsFile = { settings: DEFAULT_SETTINGS, sites: [], customProviders: [] };

// conf runs every migration above the file's recorded version, on a fresh file too, so each
// must tolerate data that is already in the new shape.
export const SETTINGS_MIGRATIONS: Record<string, (store: Conf<SettingsFile>) => void> = {
  '1.1.0': (store) => {
    const settings = store.get('settings') as unknown as Record<string, unknown> | undefined;
    if (settings === undefined || !('stunServer' in settings)) return;
    const { stunServer, ...rest } = settings;
    store.set('settings', { ...DEFAULT_SETTINGS, ...rest, defaultStunServer: (rest.defaultStunServer ?? stunServer ?? null) as string | null });
  },
};

// "1.10.0" > "1.9.0"; anything that is not x.y.z reads as unknown (null).
export function compareVersions(a: string, b: string): number | null {
  const parse = (text: string) => (/^\d+\.\d+\.\d+$/.test(text) ? text.split('.').map(Number) : null);
  const left = parse(a);
  const right = parse(b);
  if (left === null || right === null) return null;
  for (let index = 0; index < 3; index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}
