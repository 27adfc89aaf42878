// RFC 3263 resolution against a real DNS server: dnsmasq on loopback with NAPTR, SRV and A
// records, queried by node's own c-ares Resolver pointed at it (never at this machine's DNS).
// SERVFAIL and silence come from two tiny UDP peers on loopback, as real DNS wire answers.
import { createSocket, type Socket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSipResolver } from '../../../electron/sip/resolve/dns-resolver';
import { firstTarget, resolveSipServer } from '../../../electron/sip/resolve/rfc3263';
import { word } from '../../../shared/text';
import { canRunDnsmasq, startDnsmasq, type Dnsmasq } from '../../support/dnsmasq';

const capability = await canRunDnsmasq();
const skipReason = capability.ok ? '' : capability.reason;
if (!capability.ok) console.warn(`[test/integration/sip-transport] dnsmasq tests skipped: ${skipReason}`);

const RECORDS = {
  localDomains: ['provider.test', 'srv-only.test', 'plain.test', 'broken.test'],
  naptr: [
    { name: 'provider.test', order: 30, preference: 10, flags: 's', service: 'SIPS+D2T', replacement: '_sips._tcp.provider.test' },
    { name: 'provider.test', order: 10, preference: 10, flags: 's', service: 'SIP+D2U', replacement: '_sip._udp.provider.test' },
    { name: 'provider.test', order: 20, preference: 10, flags: 's', service: 'SIP+D2T', replacement: '_sip._tcp.provider.test' },
  ],
  srv: [
    { name: '_sip._udp.provider.test', target: 'backup.provider.test', port: 5060, priority: 20, weight: 0 },
    { name: '_sip._udp.provider.test', target: 'sip.provider.test', port: 5060, priority: 10, weight: 100 },
    { name: '_sip._tcp.provider.test', target: 'sip.provider.test', port: 5060, priority: 10, weight: 0 },
    { name: '_sips._tcp.provider.test', target: 'sip.provider.test', port: 5061, priority: 10, weight: 0 },
    { name: '_sip._udp.srv-only.test', target: 'sip.srv-only.test', port: 5070, priority: 10, weight: 0 },
    { name: '_sip._tcp.srv-only.test' }, // RFC 2782 ".": TCP decidedly not offered
    { name: '_sip._udp.broken.test', target: 'typo.broken.test', port: 5060 },
  ],
  hosts: [
    { name: 'sip.provider.test', addresses: ['127.0.0.20', '::1'] },
    { name: 'backup.provider.test', addresses: ['127.0.0.21'] },
    { name: 'sip.srv-only.test', addresses: ['127.0.0.22'] },
    { name: 'plain.test', addresses: ['127.0.0.23'] },
  ],
};

// A DNS "server" on loopback that answers every query with the same header change: the query
// echoed with QR set and the given RCODE (RFC 1035 §4.1.1). null: never answers.
async function startUdpPeer(rcode: number | null): Promise<{ server: string; close(): void }> {
  const socket: Socket = createSocket('udp4');
  socket.on('message', (query, from) => {
    if (rcode === null || query.length < 12) return;
    const answer = Buffer.from(query);
    answer[2] = (answer[2] ?? 0) | 0x80; // QR: this is a response
    answer[3] = 0x80 | rcode; // RA, RCODE
    socket.send(answer, from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { server: `127.0.0.1:${socket.address().port}`, close: () => socket.close() };
}

describe.skipIf(!capability.ok)(`RFC 3263 against dnsmasq on loopback${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let dns: Dnsmasq;
  const resolver = () => createSipResolver({ servers: [dns.server], timeoutMs: 1000, tries: 1 });

  beforeAll(async () => {
    dns = await startDnsmasq({ records: RECORDS });
  });
  afterAll(async () => {
    await dns?.stop();
  });

  it('follows NAPTR to SRV to A/AAAA in the provider\'s order', async () => {
    const result = await resolveSipServer('provider.test', resolver());
    expect(result.ok, dns.output()).toBe(true);
    expect(result.targets.map((t) => `${t.transport} ${t.host}:${t.port} ${t.via} [${t.ips.join(' ')}]`)).toEqual([
      'udp sip.provider.test:5060 naptr [127.0.0.20 ::1]',
      'udp backup.provider.test:5060 naptr [127.0.0.21]',
      'tcp sip.provider.test:5060 naptr [127.0.0.20 ::1]',
      'tls sip.provider.test:5061 naptr [127.0.0.20 ::1]',
    ]);
    expect(result.steps.map((step) => word('en', step))[0]).toBe('NAPTR provider.test: SIP+D2U (order 10, preference 10) → _sip._udp.provider.test; SIP+D2T (order 20, preference 10) → _sip._tcp.provider.test; SIPS+D2T (order 30, preference 10) → _sips._tcp.provider.test.');
    expect(result.warnings).toEqual([]);
    expect(dns.output()).toMatch(/query\[NAPTR\] provider\.test from 127\.0\.0\.1/);
  });

  it('asks SRV directly when there is no NAPTR, and honours a "." target', async () => {
    const result = await resolveSipServer('srv-only.test', resolver(), { families: [4] });
    expect(result.targets).toEqual([
      { transport: 'udp', host: 'sip.srv-only.test', port: 5070, ips: ['127.0.0.22'], via: 'srv', record: '_sip._udp.srv-only.test. SRV 10 0 5070 sip.srv-only.test.' },
    ]);
    expect(result.steps).toContainEqual({ code: 'dns/srv-not-offered', name: '_sip._tcp.srv-only.test', transport: 'tcp' });
    expect(result.steps).toContainEqual({ code: 'dns/srv-none', name: '_sips._tcp.srv-only.test', outcome: 'nxdomain', rcode: null });
  });

  it('falls back to the A record on 5060 when the domain has neither NAPTR nor SRV', async () => {
    const result = await resolveSipServer('plain.test', resolver(), { families: [4] });
    expect(firstTarget(result, 'udp')).toEqual({ transport: 'udp', host: 'plain.test', port: 5060, ips: ['127.0.0.23'], via: 'a-fallback' });
    expect(firstTarget(result, 'tls')?.port).toBe(5061);
  });

  it('uses the A record of a name with an explicit port and skips NAPTR and SRV', async () => {
    const result = await resolveSipServer('sip.provider.test:5080', resolver(), { families: [4] });
    expect(firstTarget(result, 'udp')).toMatchObject({ port: 5080, ips: ['127.0.0.20'], via: 'explicit-port' });
    expect(dns.output()).not.toMatch(/query\[(NAPTR|SRV)\] sip\.provider\.test/);
  });

  it('names the SRV target that does not exist (NXDOMAIN)', async () => {
    const result = await resolveSipServer('broken.test', resolver(), { families: [4] });
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('dns/nxdomain');
    expect((result.error ? word('en', result.error) : undefined)).toContain('typo.broken.test');
  });

  it('reports a server that refuses names it does not serve (REFUSED)', async () => {
    const result = await resolveSipServer('elsewhere.example', resolver(), { families: [4] });
    expect(result.error?.code).toBe('dns/refused');
  });

  it('reports SERVFAIL from a failing DNS server', async () => {
    const peer = await startUdpPeer(2);
    try {
      const result = await resolveSipServer('provider.test', createSipResolver({ servers: [peer.server], timeoutMs: 1000, tries: 1 }), { families: [4] });
      expect(result.error?.code).toBe('dns/servfail');
      expect(result.warnings.map((w) => w.code)).toContain('dns/servfail');
    } finally {
      peer.close();
    }
  });

  it('reports a DNS server that never answers as a timeout, within the configured budget', async () => {
    const peer = await startUdpPeer(null);
    try {
      const started = performance.now();
      const result = await resolveSipServer('provider.test', createSipResolver({ servers: [peer.server], timeoutMs: 300, tries: 1 }), { families: [4] });
      const ms = performance.now() - started;
      expect(result.error?.code).toBe('dns/timeout');
      // NAPTR, then the three SRV queries at once, then A: three rounds of one timeout each.
      expect(ms).toBeLessThan(3000);
      console.info(`[test/integration/sip-transport] silent DNS server: dns/timeout after ${Math.round(ms)} ms`);
    } finally {
      peer.close();
    }
  });
});
