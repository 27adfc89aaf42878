// Faults of the machine rather than the network path: DNS down, no network interface at all,
// a full or read-only disk when saving. Each ends in a typed result and one clear sentence.
import { canUnshareMounts } from '../../support/unshare';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { resolveTarget, type Lookup } from '../../../electron/net/resolve';
import { listInterfaces } from '../../../electron/net/interfaces';
import { resolveSipServer, type SipDnsResolver } from '../../../electron/sip/resolve/rfc3263';
import { word } from '../../../shared/text';

const interfacesSource = vi.hoisted(() => ({ value: undefined as undefined | Record<string, never[]> }));
vi.mock('node:os', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:os')>();
  return { ...actual, networkInterfaces: () => interfacesSource.value ?? actual.networkInterfaces() };
});

const dir = mkdtempSync(join(tmpdir(), 'trunkcheck-env-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dnsError = (code: string) => Object.assign(new Error(`queryA ${code} provider.test`), { code });

describe('fault: DNS down', () => {
  it.each([['ECONNREFUSED'], ['ETIMEOUT'], ['ESERVFAIL'], ['EAI_AGAIN']])('a lookup failing with %s is dns/failed with the fix, not an exception', async (code) => {
    const failing: Lookup = async () => {
      throw dnsError(code);
    };
    const result = await resolveTarget('stun.provider.test:3478', 3478, 4, failing);
    expect(result).toMatchObject({ ok: false, error: { code: 'dns/failed' } });
    if (!result.ok) expect(word('en', result.error)).toContain('working DNS server');
  });

  it('a name that does not exist is dns/not-found', async () => {
    const result = await resolveTarget('stun.provider.test', 3478, 4, async () => {
      throw dnsError('ENOTFOUND');
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'dns/not-found' } });
  });

  it('a lookup that never answers is not awaited forever by the SIP resolver either: every query failing gives ok:false and a reason', async () => {
    const down: SipDnsResolver = {
      resolveNaptr: async () => Promise.reject(dnsError('ECONNREFUSED')),
      resolveSrv: async () => Promise.reject(dnsError('ECONNREFUSED')),
      resolve4: async () => Promise.reject(dnsError('ECONNREFUSED')),
      resolve6: async () => Promise.reject(dnsError('ECONNREFUSED')),
    };
    for (const target of ['sip.provider.test', 'sip.provider.test:5060']) {
      const resolution = await resolveSipServer(target, down);
      expect(resolution.ok, target).toBe(false);
      expect(resolution.targets.every((entry) => entry.ips.length === 0)).toBe(true);
      expect(resolution.error ? word('en', resolution.error).length : 0, target).toBeGreaterThan(10);
    }
  });

  it('an IP address needs no DNS at all, so a dead resolver does not matter', async () => {
    const never: Lookup = () => new Promise(() => undefined);
    expect(await resolveTarget('127.0.0.1:3478', 3478, 4, never)).toMatchObject({ ok: true, value: { ip: '127.0.0.1' } });
  });
});

describe('fault: no network interface', () => {
  it('listInterfaces of an empty source is an empty list with no suggestion', () => {
    expect(listInterfaces({})).toEqual([]);
    expect(listInterfaces({ eth0: [] })).toEqual([]);
    expect(listInterfaces({ eth0: undefined })).toEqual([]);
  });

  it('the wizard handler returns an empty list, not a crash', async () => {
    interfacesSource.value = {};
    try {
      const { createHandlers, dispatch } = await import('../../../electron/handlers');
      const handlers = createHandlers({ mode: 'browser', storeDir: join(dir, 'store') });
      expect(await dispatch(handlers, 'network:interfaces', null, { progress: () => undefined })).toEqual({ ok: true, value: [] });
    } finally {
      interfacesSource.value = undefined;
    }
  });
});


describe.skipIf(!canUnshareMounts)('fault: disk full or read-only when saving a checklist', () => {
  const report = resolve('test/fixtures/report-masquerade.json');
  const cli = resolve('bin/trunkcheck.js');
  const script = (prepare: string) => `
set -u
mnt=${join(dir, 'mnt')}
mkdir -p "$mnt"
mount -t tmpfs -o size=64k tmpfs "$mnt"
printf 'previous checklist\\n' > "$mnt/checklist.md"
${prepare}
node ${cli} checklist --from ${report} --format md -o "$mnt/checklist.md" 2>"$mnt.err" >/dev/null
echo "exit=$?"
echo "stderr=$(cat "$mnt.err")"
echo "content=$(cat "$mnt/checklist.md")"
echo "leftovers=$(ls "$mnt" | grep -c tmp)"
`;
  const run = (prepare: string): Record<string, string> => {
    const out = execFileSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script(prepare)], { encoding: 'utf8', timeout: 30_000 });
    return Object.fromEntries(out.trim().split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
  };

  it('a full disk: exit 3, one sentence, and the previous file is intact', () => {
    const result = run('dd if=/dev/zero of="$mnt/fill" bs=4k 2>/dev/null; true');
    expect(result.exit).toBe('3');
    expect(result.stderr).toContain('the disk is full');
    expect(result.stderr).toContain('nothing else was changed');
    expect(result.content).toBe('previous checklist');
    expect(result.leftovers).toBe('0');
  });

  it('a read-only disk: exit 3, one sentence, and the previous file is intact', () => {
    const result = run('mount -o remount,ro "$mnt"');
    expect(result.exit).toBe('3');
    expect(result.stderr).toMatch(/may not be written|EROFS/);
    expect(result.content).toBe('previous checklist');
  });

  it('the same through the history store: saving into a read-only folder is a typed error', async () => {
    // The store's own tests cover ENOSPC/EACCES with injected fs; here only the shape at the handler.
    const { createHandlers, dispatch } = await import('../../../electron/handlers');
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const handlers = createHandlers({ mode: 'browser', storeDir: file });
    const saved = await dispatch(handlers, 'history:save', { siteId: 'head-office', report: JSON.parse(readFileSync(report, 'utf8')) }, { progress: () => undefined });
    expect(saved.ok).toBe(false);
    if (!saved.ok) expect(word('en', saved.error).length).toBeGreaterThan(10);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});
