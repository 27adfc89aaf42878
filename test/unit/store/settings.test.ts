import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettings, type OpenedSettings } from '../../../electron/store/settings';
import { SETTINGS_FORMAT_VERSION } from '../../../electron/store/settings-schema';
import { word } from '../../../shared/text';
import type { ErrorData } from '../../../shared/result';

const said = (error: ErrorData | null): string | null => (error === null ? null : word('en', error));

let dir: string;
const fixedNow = () => new Date('2026-11-23T21:21:40.248Z');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trunkcheck-settings-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function open(): OpenedSettings {
  const opened = openSettings({ dir, now: fixedNow });
  if (!opened.ok) throw new Error(word('en', opened.error));
  return opened.value;
}

const settingsPath = () => join(dir, 'settings.json');
const onDisk = () => JSON.parse(readFileSync(settingsPath(), 'utf8')) as Record<string, unknown>;

const site = (overrides: Record<string, unknown> = {}) => ({
  id: 'mueller-koeln',
  name: 'Müller GmbH, Köln',
  customer: 'Müller GmbH',
  technician: 'A. Schmidt',
  pbxProfileId: 'swyxware',
  providerId: 'sipgate',
  stunServers: ['stun.sipgate.net:10000'],
  sipServer: 'sipconnect.sipgate.de',
  localIp: '192.168.100.5',
  sipPort: 65002,
  ...overrides,
});

describe('settings on a fresh machine', () => {
  it('starts with defaults, no warning, and records the format version', () => {
    const { store, warning } = open();
    expect(warning).toBeNull();
    expect(store.getSettings()).toEqual({ language: null, lastSiteId: null, defaultStunServer: null, qos: false });
    expect(store.listSites()).toEqual([]);
    expect(store.path).toBe(settingsPath());
    expect(onDisk().__internal__).toEqual({ migrations: { version: SETTINGS_FORMAT_VERSION } });
  });

  it('saves settings and reads them back in a new session', () => {
    const first = open().store;
    expect(first.updateSettings({ language: 'de', qos: true, defaultStunServer: 'stun.sipgate.net:10000' })).toMatchObject({ ok: true });
    expect(open().store.getSettings()).toEqual({ language: 'de', lastSiteId: null, defaultStunServer: 'stun.sipgate.net:10000', qos: true });
  });

  it.each([
    [{ language: 'fr' }, 'settings/bad-language', 'The language must be'],
    [{ qos: 'yes' }, 'settings/bad-qos', 'QoS marking'],
    [{ defaultStunServer: 'not a host:port:x' }, 'settings/bad-stun-server', 'default STUN server'],
    [{ colour: 'blue' }, 'settings/unknown', 'There is no setting "colour"'],
  ])('refuses the change %j', (patch, code, words) => {
    const result = open().store.updateSettings(patch);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(word('en', result.error)).toContain(words);
  });
});

describe('site profiles', () => {
  it('saves, updates and lists a site', () => {
    const { store } = open();
    expect(store.saveSite(site())).toMatchObject({ ok: true, value: { id: 'mueller-koeln', sipPort: 65002 } });
    expect(store.saveSite(site({ technician: 'B. Weber' }))).toMatchObject({ ok: true });
    expect(store.listSites()).toHaveLength(1);
    expect(store.getSite('mueller-koeln')?.technician).toBe('B. Weber');
  });

  it('gives a new site a readable id when it has none', () => {
    const saved = open().store.saveSite(site({ id: undefined }));
    expect(saved.ok && saved.value.id).toMatch(/^muller-gmbh-koln-[0-9a-f]{4}$/);
  });

  it.each([
    [{ id: '../etc' }, 'site/bad-id', 'site id'],
    [{ pbxProfileId: 'fritzbox' }, 'site/unknown-profile', 'no PBX profile "fritzbox"'],
    [{ providerId: 'unknown-telco' }, 'site/unknown-provider', 'no provider "unknown-telco"'],
    [{ stunServers: ['stun.example.net:99999'] }, 'site/bad-stun-servers', 'STUN server'],
    [{ localIp: '300.1.1.1' }, 'site/bad-local-ip', 'local address'],
    [{ sipPort: 0 }, 'site/bad-sip-port', 'SIP port'],
  ])('refuses the site %j', (overrides, code, words) => {
    const result = open().store.saveSite(site(overrides));
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(word('en', result.error)).toContain(words);
  });

  it('forgets the last site when it is deleted', () => {
    const { store } = open();
    store.saveSite(site());
    store.updateSettings({ lastSiteId: 'mueller-koeln' });
    expect(store.deleteSite('mueller-koeln')).toEqual({ ok: true, value: true });
    expect(store.deleteSite('mueller-koeln')).toEqual({ ok: true, value: false });
    expect(store.getSettings().lastSiteId).toBeNull();
  });
});

describe('user-added providers', () => {
  const provider = {
    id: 'stadtwerke-voip',
    name: 'Stadtwerke VoIP',
    sip: { host: 'sip.stadtwerke.example', port: 5060, transport: 'udp', outboundProxy: null, source: 'entered by A. Schmidt' },
    stun: null,
    media: null,
    networks: null,
    quality: null,
    notes: [],
  };

  it('validates, stores and offers them to site profiles', () => {
    const { store } = open();
    expect(store.saveCustomProvider(provider)).toMatchObject({ ok: true, value: { id: 'stadtwerke-voip' } });
    expect(store.saveSite(site({ providerId: 'stadtwerke-voip' }))).toMatchObject({ ok: true });
    expect(open().store.listCustomProviders()).toEqual({ providers: [expect.objectContaining({ id: 'stadtwerke-voip' })], problems: [] });
    expect(store.deleteCustomProvider('stadtwerke-voip')).toEqual({ ok: true, value: true });
  });

  it('refuses an invalid one and one that shadows the built-in catalog', () => {
    const { store } = open();
    expect(store.saveCustomProvider({ ...provider, sip: { ...provider.sip, source: '' } })).toMatchObject({ ok: false, error: { code: 'catalog/invalid-provider' } });
    expect(store.saveCustomProvider({ ...provider, id: 'sipgate' })).toMatchObject({ ok: false, error: { code: 'store/provider-exists' } });
  });

  it('skips a stored provider that was broken by hand, naming it', () => {
    open();
    writeFileSync(settingsPath(), JSON.stringify({ ...onDisk(), customProviders: [provider, { id: 'handmade', name: 'Hand made', sip: { host: 'x y' } }] }));
    const listed = open().store.listCustomProviders();
    expect(listed.providers.map((entry) => entry.id)).toEqual(['stadtwerke-voip']);
    expect(listed.problems).toEqual([{ entry: 'handmade', error: { code: 'catalog/provider-skipped', provider: 'handmade', problem: 'sip-host', note: null } }]);
    expect(listed.problems.map((problem) => word('en', problem.error))).toEqual(['Provider "handmade" has an invalid SIP host; it was skipped.']);
  });
});

describe('migrating an older settings file', () => {
  it('renames settings.stunServer (format 1.0.0) to defaultStunServer (1.1.0), keeping the rest', () => {
    const v100 = {
      settings: { language: 'de', lastSiteId: 'mueller-koeln', stunServer: 'stun.sipgate.net:10000', qos: true },
      sites: [site()],
      customProviders: [],
      __internal__: { migrations: { version: '1.0.0' } },
    };
    writeFileSync(settingsPath(), JSON.stringify(v100));
    const { store, warning } = open();
    expect(warning).toBeNull();
    expect(store.getSettings()).toEqual({ language: 'de', lastSiteId: 'mueller-koeln', defaultStunServer: 'stun.sipgate.net:10000', qos: true });
    expect(store.listSites()).toEqual([site()]);
    const written = onDisk();
    expect(written.settings).not.toHaveProperty('stunServer');
    expect(written.__internal__).toEqual({ migrations: { version: '1.1.0' } });
  });
});

describe('a damaged settings file', () => {
  const corruptFiles = () => readdirSync(dir).filter((name) => name.startsWith('settings.corrupt-'));

  it('is moved aside when it is not JSON, and TrunkCheck starts fresh with a warning', () => {
    const garbage = '{"settings": {"language": "de", "qos": tr';  // cut short by a power failure
    writeFileSync(settingsPath(), garbage);
    const { store, warning } = open();
    expect(corruptFiles()).toEqual(['settings.corrupt-20261123T212140248Z.json']);
    expect(readFileSync(join(dir, 'settings.corrupt-20261123T212140248Z.json'), 'utf8')).toBe(garbage);
    expect(warning?.code).toBe('store/settings-reset');
    expect(said(warning)).toBe(
      `The settings file ${settingsPath()} was damaged (it is not valid JSON); it was moved to ${join(dir, 'settings.corrupt-20261123T212140248Z.json')} and TrunkCheck started with fresh settings.`,
    );
    expect(store.getSettings().language).toBeNull();
    expect(store.updateSettings({ language: 'en' })).toMatchObject({ ok: true });
    expect(open().warning).toBeNull();
  });

  it('is moved aside, byte for byte, when its content breaks the schema', () => {
    const text = JSON.stringify({ settings: { language: 'fr', lastSiteId: null, defaultStunServer: null, qos: false }, sites: [], customProviders: [], __internal__: { migrations: { version: '1.1.0' } } });
    writeFileSync(settingsPath(), text);
    const { store, warning } = open();
    expect(said(warning)).toContain('does not match the settings format');
    expect(said(warning)).toContain('settings/language');
    expect(readFileSync(join(dir, corruptFiles()[0] ?? ''), 'utf8')).toBe(text);
    expect(store.getSettings().language).toBeNull();
  });

  it('is moved aside when it holds no object at all', () => {
    writeFileSync(settingsPath(), '[1, 2, 3]');
    expect(said(open().warning)).toContain('it holds no settings object');
  });

  it.each([
    [{ __internal__: { migrations: { version: 'banana' } } }],
    [{ __internal__: 5 }],
  ])('is moved aside when its format version is unreadable: %j', (content) => {
    writeFileSync(settingsPath(), JSON.stringify(content));
    expect(said(open().warning)).toContain('its format version is unreadable');
  });

  it('never overwrites an earlier corrupt copy', () => {
    writeFileSync(settingsPath(), 'first');
    open();
    writeFileSync(settingsPath(), 'second');
    open();
    const copies = corruptFiles().sort();
    expect(copies).toEqual(['settings.corrupt-20261123T212140248Z.json', 'settings.corrupt-20261123T212140249Z.json']);
    expect(copies.map((name) => readFileSync(join(dir, name), 'utf8'))).toEqual(['first', 'second']);
  });
});

describe('a settings write that was killed half-way', () => {
  // conf writes settings.json.tmp-<10 digits><6 hex> and renames it: a kill in between leaves it.
  it('leaves a temporary file that the next start removes, and keeps one still being written', () => {
    expect(open().store.updateSettings({ language: 'de' })).toMatchObject({ ok: true });
    const killed = join(dir, 'settings.json.tmp-1795468900a1b2c3');
    const writing = join(dir, 'settings.json.tmp-1795468999d4e5f6');
    writeFileSync(killed, '{"settings":{"lang');
    writeFileSync(writing, '{"settings":');
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    utimesSync(killed, twoMinutesAgo, twoMinutesAgo);

    const { store, warning } = open();
    expect(warning).toBeNull();
    expect(store.getSettings().language).toBe('de');
    expect(readdirSync(dir).sort()).toEqual(['settings.json', 'settings.json.tmp-1795468999d4e5f6']);
  });
});

describe('a settings file from a newer TrunkCheck', () => {
  it('is left unchanged, with an error that says to update', () => {
    const text = JSON.stringify({ settings: { language: 'de', futureOption: 1 }, __internal__: { migrations: { version: '2.0.0' } } });
    writeFileSync(settingsPath(), text);
    const opened = openSettings({ dir });
    expect(opened).toMatchObject({ ok: false, error: { code: 'store/settings-newer' } });
    if (!opened.ok) expect(word('en', opened.error)).toContain('format 2.0.0, this version reads 1.1.0');
    expect(readFileSync(settingsPath(), 'utf8')).toBe(text);
  });
});

describe('a settings folder that cannot be used', () => {
  it('is an error result naming the folder and the cause, not an exception', () => {
    // Root ignores permission bits, so the folder is made impossible instead: its parent is a file.
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const opened = openSettings({ dir: join(file, 'trunkcheck') });
    expect(opened).toMatchObject({ ok: false, error: { code: 'store/open-failed' } });
    if (!opened.ok) expect(word('en', opened.error)).toBe(`TrunkCheck could not open its settings in ${join(file, 'trunkcheck')}: part of the path is a file, not a folder (ENOTDIR).`);
  });

  it('is an error under /proc instead of a hang', () => {
    // procfs answers ENOENT to every mkdir; conf's recursive mkdir would spin on that forever, so
    // openSettings makes the folder itself first.
    const opened = openSettings({ dir: '/proc/self/trunkcheck' });
    expect(opened).toMatchObject({ ok: false, error: { code: 'store/open-failed' } });
    if (!opened.ok) expect(word('en', opened.error)).toBe('TrunkCheck could not open its settings in /proc/self/trunkcheck: the path does not exist (ENOENT).');
  });

  it('reports a failed save as data instead of throwing', () => {
    const { store } = open();
    // The folder disappears under the running app and a file takes its name (root ignores
    // permission bits, so this is how a write is made to fail here).
    rmSync(dir, { recursive: true });
    writeFileSync(dir, 'not a folder any more');
    const result = store.updateSettings({ qos: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'store/write-failed' } });
    if (!result.ok) expect(word('en', result.error)).toMatch(/^TrunkCheck could not save its settings in .+: .+\.$/);
  });
});
