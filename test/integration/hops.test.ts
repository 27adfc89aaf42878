// The TTL probe with this machine's real ping, towards loopback only (the routers beyond a NAT are
// in test/lab/hops.lab.test.ts): it never throws, and says 'none' when it cannot probe.
import { describe, expect, it } from 'vitest';
import { probeHops } from '../../electron/net/hops';
import { runProcess } from '../support/processes';

const hasPing = (await runProcess('ping', ['-V'], { timeoutMs: 5000 })).code === 0;

describe('the TTL probe', () => {
  it('says it could not probe when there is no ping command', async () => {
    expect(await probeHops('203.0.113.10', { command: '/nonexistent/ping', platform: 'linux' })).toEqual({ target: '203.0.113.10', hops: [], method: 'none' });
    expect(await probeHops('203.0.113.10', { command: '/nonexistent/ping.exe', platform: 'win32' })).toEqual({ target: '203.0.113.10', hops: [], method: 'none' });
  });

  it('probes nothing for a target that is no IP address, on an unknown platform, or when cancelled before it starts', async () => {
    expect(await probeHops('stun.example.net')).toEqual({ target: null, hops: [], method: 'none' });
    expect(await probeHops('203.0.113.10', { platform: 'darwin' })).toEqual({ target: '203.0.113.10', hops: [], method: 'none' });
    expect(await probeHops('203.0.113.10', { signal: AbortSignal.abort() })).toEqual({ target: '203.0.113.10', hops: [], method: 'none' });
  });

  it.skipIf(!hasPing)('finds loopback itself at every TTL, with ping\'s own round trip', async () => {
    const path = await probeHops('127.0.0.1', { maxTtl: 2 });
    expect(path.method).toBe('ping');
    expect(path.hops.map(({ ttl, from }) => ({ ttl, from }))).toEqual([{ ttl: 1, from: '127.0.0.1' }, { ttl: 2, from: '127.0.0.1' }]);
    for (const hop of path.hops) expect(hop.ms).toBeGreaterThanOrEqual(0);
  });
});
