// The wizard's provider editor over IPC: providers:save and providers:remove go through the same
// validator and the same settings file as `trunkcheck providers --add`, so what one adds the other
// lists; a bad entry is refused by name, a built-in id is not taken over, and a diagnosis finds a
// provider the user added (and refuses one nobody added) before it sends anything.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { providersCommand } from '../../../electron/cli/providers-command';
import { createHandlers, dispatch, type Handlers } from '../../../electron/handlers';
import type { Provider } from '../../../shared/catalog/providers';
import type { Channel, ProvidersListed } from '../../../shared/ipc';
import { word } from '../../../shared/text';

let dir: string;
let handlers: Handlers;
const savedHome = process.env.TRUNKCHECK_HOME;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trunkcheck-providers-'));
  handlers = createHandlers({ mode: 'browser', storeDir: dir });
});
afterEach(() => {
  if (savedHome === undefined) delete process.env.TRUNKCHECK_HOME;
  else process.env.TRUNKCHECK_HOME = savedHome;
  rmSync(dir, { recursive: true, force: true });
});

const call = (channel: Channel, request: unknown) => dispatch(handlers, channel, request, { progress: () => undefined });

async function listed(): Promise<ProvidersListed> {
  const result = await call('providers:list', null);
  if (!result.ok) throw new Error(word('en', result.error));
  return result.value as ProvidersListed;
}

const labTrunk: Provider = {
  id: 'lab-trunk',
  name: 'Lab trunk',
  sip: { host: 'sip.lab.example', alternateHosts: [], port: 5060, transport: 'udp', outboundProxy: null, source: 'entered by A. Tester' },
  stun: { host: '203.0.113.10', port: 10000, source: 'entered by A. Tester' },
  media: null,
  networks: null,
  quality: { lossPct: 1, jitterMs: 20, rttMs: 150, oneWayDelayMs: null, source: 'entered by A. Tester' },
  notes: [{ text: 'Registration every 300 s.', source: 'entered by A. Tester' }],
};

describe('adding, editing and removing a provider of ones own', () => {
  it('saves a provider, lists it beside the catalog, replaces it on edit and removes it', async () => {
    const before = await listed();
    expect(before.custom).toEqual([]);
    expect(before.providers.some((provider) => provider.id === 'sipgate')).toBe(true);

    expect(await call('providers:save', { provider: labTrunk })).toEqual({ ok: true, value: labTrunk });
    expect((await listed()).custom).toEqual([labTrunk]);

    const edited = { ...labTrunk, name: 'Lab trunk (backup line)', stun: { ...labTrunk.stun, port: 3478 } };
    expect(await call('providers:save', { provider: edited })).toMatchObject({ ok: true });
    expect((await listed()).custom).toEqual([edited]);

    expect(await call('providers:remove', { id: 'lab-trunk' })).toEqual({ ok: true, value: { removed: true } });
    expect((await listed()).custom).toEqual([]);
    expect(await call('providers:remove', { id: 'lab-trunk' })).toEqual({ ok: true, value: { removed: false } });
  });

  it('refuses a bad entry by name and keeps what was saved', async () => {
    await call('providers:save', { provider: labTrunk });
    const refused = await call('providers:save', { provider: { ...labTrunk, sip: { ...labTrunk.sip, host: 'sip lab' } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'catalog/invalid-provider', provider: 'lab-trunk', problem: 'sip-host' } });
    if (!refused.ok) expect(word('en', refused.error)).toBe('Provider "lab-trunk" has an invalid SIP host.');
    expect((await listed()).custom).toEqual([labTrunk]);
  });

  it('does not take over a built-in provider, nor remove one', async () => {
    const taken = await call('providers:save', { provider: { ...labTrunk, id: 'sipgate' } });
    expect(taken).toMatchObject({ ok: false, error: { code: 'store/provider-exists', provider: 'sipgate' } });
    expect(await call('providers:remove', { id: 'sipgate' })).toEqual({ ok: true, value: { removed: false } });
    expect((await listed()).providers.some((provider) => provider.id === 'sipgate')).toBe(true);
  });

  it('shares its store with `trunkcheck providers --add`, both ways', async () => {
    process.env.TRUNKCHECK_HOME = dir;
    await call('providers:save', { provider: labTrunk });
    const cli = providersCommand(['--json']);
    expect(JSON.parse(cli.stdout ?? '{}').providers).toContainEqual({ ...labTrunk, origin: 'custom' });

    const file = join(dir, 'other.json');
    writeFileSync(file, JSON.stringify({ ...labTrunk, id: 'other-trunk', name: 'Other trunk' }));
    expect(providersCommand(['--add', file]).code).toBe(0);
    expect((await listed()).custom.map((provider) => provider.id)).toEqual(['lab-trunk', 'other-trunk']);
  });

  it('refuses a diagnosis for a provider nobody added before anything is sent', async () => {
    const refused = await call('nat:diagnose', { stun: ['127.0.0.1:9'], providerId: 'nobody', qualitySec: 5 });
    expect(refused).toEqual({ ok: false, error: { code: 'request/unknown-provider', provider: 'nobody' } });
    if (!refused.ok) expect(word('en', refused.error)).toBe('There is no provider "nobody" in the catalog.');
  });
});
