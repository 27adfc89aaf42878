// Settings, site profiles and user-added providers in <dir>/settings.json, through conf (the same
// engine electron-store uses), so the CLI and the tests run without Electron. A damaged file
// never stops TrunkCheck: it is moved aside to settings.corrupt-<time>.json, the store starts
// fresh, and the caller gets one sentence to show.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { loadProviders, PROVIDERS, validateProvider, type CatalogProblem, type Provider } from '../../shared/catalog/providers';
import { errorOf, fail, ok, type ErrorData, type Result } from '../../shared/result';
import type { SETTINGS_DAMAGE } from '../../shared/text/messages/errors';
import { ensureFolderSync } from './folders';
import { compactTimestamp, fsCause } from './paths';
import {
  compareVersions,
  DEFAULT_SETTINGS,
  SETTINGS_DEFAULTS,
  SETTINGS_FORMAT_VERSION,
  SETTINGS_MIGRATIONS,
  SETTINGS_SCHEMA,
  type AppSettings,
  type SettingsFile,
  type SiteProfile,
} from './settings-schema';
import { validateSettingsPatch, validateSite } from './settings-validate';

export type { AppSettings, Language, SiteProfile } from './settings-schema';

export const SETTINGS_NAME = 'settings';

export interface SettingsStore {
  readonly path: string;
  getSettings(): AppSettings;
  updateSettings(patch: unknown): Result<AppSettings>;
  listSites(): SiteProfile[];
  getSite(id: string): SiteProfile | undefined;
  saveSite(site: unknown): Result<SiteProfile>;
  deleteSite(id: string): Result<boolean>;
  listCustomProviders(): { providers: Provider[]; problems: CatalogProblem[] };
  saveCustomProvider(raw: unknown): Result<Provider>;
  deleteCustomProvider(id: string): Result<boolean>;
}

export interface OpenedSettings {
  readonly store: SettingsStore;
  readonly warning: ErrorData | null;          // set when a damaged file was moved aside
}

export interface SettingsOptions {
  readonly dir: string;
  readonly now?: () => Date;
}

// conf writes through the atomically package: settings.json.tmp-<10 digits of the clock><6 hex>,
// then renames. A write takes milliseconds, so one older than a minute was killed half-way.
const CONF_TEMP = new RegExp(`^${SETTINGS_NAME}\\.json\\.tmp-\\d{10}[0-9a-f]{6}$`);
export const SETTINGS_TEMP_STALE_MS = 60_000;

function removeStaleTemps(dir: string, nowMs: number): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names.filter((entry) => CONF_TEMP.test(entry))) {
    try {
      if (nowMs - statSync(join(dir, name)).mtimeMs > SETTINGS_TEMP_STALE_MS) rmSync(join(dir, name), { force: true });
    } catch {
      // Gone meanwhile, or not removable: tried again at the next start.
    }
  }
}

type SettingsDamage = (typeof SETTINGS_DAMAGE)[number];
type Inspection = { readonly kind: 'ok' } | { readonly kind: 'damaged'; readonly reason: SettingsDamage } | { readonly kind: 'newer'; readonly version: string };

// What conf would choke on, found before conf sees the file.
function inspect(text: string): Inspection {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'damaged', reason: 'not-json' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { kind: 'damaged', reason: 'not-object' };
  const internal = (data as { __internal__?: unknown }).__internal__;
  if (internal === undefined) return { kind: 'ok' };  // written by hand, or before conf kept a version
  const version = (internal as { migrations?: { version?: unknown } } | null)?.migrations?.version;
  const order = typeof version === 'string' ? compareVersions(version, SETTINGS_FORMAT_VERSION) : null;
  if (order === null) return { kind: 'damaged', reason: 'version-unreadable' };
  return order === 1 ? { kind: 'newer', version: version as string } : { kind: 'ok' };
}

// conf's own messages for a file whose content, not the disk, is the problem.
function isContentError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return message.startsWith('Config schema violation') || message.startsWith('Something went wrong during the migration');
}

// conf lists every violation, "; "-separated: the first one and how many more.
function schemaDetail(message: string): string {
  const violations = message.replace(/^Config schema violation: /, '').split('; ');
  const first = (violations[0] ?? '').slice(0, 160);
  return violations.length > 1 ? `${first}, and ${violations.length - 1} more` : first;
}

function createConf(dir: string): Conf<SettingsFile> {
  return new Conf<SettingsFile>({
    cwd: dir,
    configName: SETTINGS_NAME,
    projectVersion: SETTINGS_FORMAT_VERSION,
    migrations: SETTINGS_MIGRATIONS,
    schema: SETTINGS_SCHEMA,
    defaults: SETTINGS_DEFAULTS,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
  });
}

// Keeps the damaged bytes exactly as they were, under a name that is never overwritten.
function moveAside(path: string, bytes: Buffer, dir: string, now: Date): string {
  let time = now.getTime();
  for (;;) {
    const aside = join(dir, `${SETTINGS_NAME}.corrupt-${compactTimestamp(new Date(time))}.json`);
    try {
      writeFileSync(aside, bytes, { flag: 'wx' });
      rmSync(path, { force: true });
      return aside;
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      time += 1;
    }
  }
}

export function openSettings(options: SettingsOptions): Result<OpenedSettings> {
  const { dir } = options;
  const now = options.now ?? (() => new Date());
  const path = join(dir, `${SETTINGS_NAME}.json`);
  const openFailed = (error: unknown): Result<OpenedSettings> => fail('store/open-failed', { folder: dir, cause: fsCause(error) });

  try {
    // Made here: conf would use a recursive mkdir, which hangs on an unusable path.
    ensureFolderSync(dir);
  } catch (error) {
    return openFailed(error);
  }
  removeStaleTemps(dir, Date.now());
  let bytes: Buffer | null = null;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') return openFailed(error);
  }

  let warning: ErrorData | null = null;
  const reset = (reason: SettingsDamage, detail: string | null = null): Result<null> => {
    try {
      const aside = moveAside(path, bytes as Buffer, dir, now());
      warning = errorOf('store/settings-reset', { file: path, reason, detail, aside });
      return ok(null);
    } catch (error) {
      return openFailed(error) as Result<null>;
    }
  };

  if (bytes !== null) {
    const found = inspect(bytes.toString('utf8'));
    if (found.kind === 'newer') {
      return fail('store/settings-newer', { file: path, version: found.version, reads: SETTINGS_FORMAT_VERSION });
    }
    if (found.kind === 'damaged') {
      const moved = reset(found.reason);
      if (!moved.ok) return moved;
    }
  }

  let conf: Conf<SettingsFile>;
  try {
    conf = createConf(dir);
  } catch (error) {
    // Valid JSON that breaks the schema or a migration: conf may have rewritten the file already,
    // so the original bytes read above are what is kept.
    if (bytes === null || warning !== null || !isContentError(error)) return openFailed(error);
    const moved = reset('schema', schemaDetail((error as Error).message));
    if (!moved.ok) return moved;
    try {
      conf = createConf(dir);
    } catch (again) {
      return openFailed(again);
    }
  }
  return ok({ store: settingsStore(conf, dir), warning });
}

function settingsStore(conf: Conf<SettingsFile>, dir: string): SettingsStore {
  // conf reads the file on every get; if another process broke it meanwhile, reads fall back to
  // the defaults and the next openSettings moves the file aside.
  const read = <K extends keyof SettingsFile>(key: K): SettingsFile[K] => {
    try {
      return conf.get(key);
    } catch {
      return SETTINGS_DEFAULTS[key];
    }
  };
  const write = <K extends keyof SettingsFile, T>(key: K, value: SettingsFile[K], result: T): Result<T> => {
    try {
      conf.set(key, value);
      return ok(result);
    } catch (error) {
      if (isContentError(error)) return fail('store/settings-invalid', { detail: (error as Error).message.slice(0, 200) });
      return fail('store/write-failed', { what: 'settings', folder: dir, cause: fsCause(error) });
    }
  };
  const customProviders = () => loadProviders({ providers: read('customProviders') });
  const knownProviderIds = () => new Set([...PROVIDERS, ...customProviders().providers].map((provider) => provider.id));

  return {
    path: conf.path,
    getSettings: () => ({ ...DEFAULT_SETTINGS, ...read('settings') }),
    updateSettings(patch) {
      const checked = validateSettingsPatch(patch);
      if (!checked.ok) return checked;
      const next = { ...DEFAULT_SETTINGS, ...read('settings'), ...checked.value };
      return write('settings', next, next);
    },
    listSites: () => [...read('sites')],
    getSite: (id) => read('sites').find((site) => site.id === id),
    saveSite(raw) {
      const checked = validateSite(raw, knownProviderIds());
      if (!checked.ok) return checked;
      const site = checked.value;
      const sites = read('sites');
      const next = sites.some((existing) => existing.id === site.id) ? sites.map((existing) => (existing.id === site.id ? site : existing)) : [...sites, site];
      return write('sites', next, site);
    },
    deleteSite(id) {
      const sites = read('sites');
      if (!sites.some((site) => site.id === id)) return ok(false);
      const removed = write('sites', sites.filter((site) => site.id !== id), true);
      if (!removed.ok || read('settings').lastSiteId !== id) return removed;
      return write('settings', { ...read('settings'), lastSiteId: null }, true);
    },
    listCustomProviders: customProviders,
    saveCustomProvider(raw) {
      const checked = validateProvider(raw);
      if (!checked.ok) return checked;
      const provider = checked.value;
      if (PROVIDERS.some((builtIn) => builtIn.id === provider.id)) {
        return fail('store/provider-exists', { provider: provider.id });
      }
      const stored = read('customProviders');
      const isSame = (entry: unknown) => (entry as { id?: unknown } | null)?.id === provider.id;
      const next = stored.some(isSame) ? stored.map((entry) => (isSame(entry) ? provider : entry)) : [...stored, provider];
      return write('customProviders', next, provider);
    },
    deleteCustomProvider(id) {
      const stored = read('customProviders');
      const others = stored.filter((entry) => (entry as { id?: unknown } | null)?.id !== id);
      if (others.length === stored.length) return ok(false);
      return write('customProviders', others, true);
    },
  };
}
