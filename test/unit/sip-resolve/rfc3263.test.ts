import { describe, expect, it } from 'vitest';
import { firstTarget, resolveSipServer, type SipTarget } from '../../../electron/sip/resolve/rfc3263';
import { word } from '../../../shared/text';
import { fakeResolver, naptr, srv } from './fake-resolver';

const DOMAIN = 'provider.test';
const brief = (targets: readonly SipTarget[]): string[] => targets.map((t) => `${t.transport} ${t.host}:${t.port} ${t.via} [${t.ips.join(' ')}]`);

describe('RFC 3263 §4 without NAPTR or SRV', () => {
  it('uses an IPv4 literal as it is, with no DNS query at all', async () => {
    const resolver = fakeResolver({});
    const result = await resolveSipServer('203.0.113.20', resolver);
    expect(result.ok).toBe(true);
    expect(resolver.queries).toEqual([]);
    expect(brief(result.targets)).toEqual([
      'udp 203.0.113.20:5060 ip-literal [203.0.113.20]',
      'tcp 203.0.113.20:5060 ip-literal [203.0.113.20]',
      'tls 203.0.113.20:5061 ip-literal [203.0.113.20]',
    ]);
  });

  it('keeps the explicit port of a bracketed IPv6 literal for UDP and TCP', async () => {
    const result = await resolveSipServer('[2001:db8::20]:5080', fakeResolver({}));
    expect(brief(result.targets)).toEqual([
      'udp 2001:db8::20:5080 ip-literal [2001:db8::20]',
      'tcp 2001:db8::20:5080 ip-literal [2001:db8::20]',
      'tls 2001:db8::20:5061 ip-literal [2001:db8::20]',
    ]);
  });

  it('looks up only A and AAAA for a name with an explicit port (§4.2)', async () => {
    const resolver = fakeResolver({ naptr: { [DOMAIN]: [naptr(10, 10, 'SIP+D2T', '_sip._tcp.provider.test')] }, a: { [DOMAIN]: ['203.0.113.20'] } });
    const result = await resolveSipServer('provider.test:5080', resolver);
    expect(resolver.queries.sort()).toEqual(['A provider.test', 'AAAA provider.test']);
    expect(firstTarget(result, 'udp')).toMatchObject({ host: DOMAIN, port: 5080, via: 'explicit-port', ips: ['203.0.113.20'] });
  });

  it('asks only for A when told to use IPv4 only', async () => {
    const resolver = fakeResolver({ a: { [DOMAIN]: ['203.0.113.20'] } });
    await resolveSipServer('provider.test:5060', resolver, { families: [4] });
    expect(resolver.queries).toEqual(['A provider.test']);
  });

  it('treats a trailing dot as the same absolute name', async () => {
    const resolver = fakeResolver({ a: { [DOMAIN]: ['203.0.113.20'] } });
    const result = await resolveSipServer('provider.test.:5060', resolver, { families: [4] });
    expect(resolver.queries).toEqual(['A provider.test']);
    expect(result.ok).toBe(true);
  });

  it('rejects text that cannot be a server', async () => {
    const result = await resolveSipServer('sip provider', fakeResolver({}));
    expect(result).toMatchObject({ ok: false, targets: [], error: { code: 'target/invalid' } });
  });
});

describe('RFC 3263 §4.1 NAPTR', () => {
  const sipHosts = { a: { 'udp.provider.test': ['203.0.113.20'], 'tcp.provider.test': ['203.0.113.21'], 'tls.provider.test': ['203.0.113.22'] } };
  const srvs = {
    '_sip._udp.provider.test': [srv('udp.provider.test', 5060)],
    '_sip._tcp.provider.test': [srv('tcp.provider.test', 5060)],
    '_sips._tcp.provider.test': [srv('tls.provider.test', 5061)],
  };

  it('orders transports by NAPTR order, then preference, and says which one a PBX will use', async () => {
    const resolver = fakeResolver({
      ...sipHosts,
      srv: srvs,
      naptr: { [DOMAIN]: [
        naptr(20, 10, 'SIPS+D2T', '_sips._tcp.provider.test'),
        naptr(10, 20, 'SIP+D2U', '_sip._udp.provider.test'),
        naptr(10, 10, 'SIP+D2T', '_sip._tcp.provider.test'),
      ] },
    });
    const result = await resolveSipServer(DOMAIN, resolver, { families: [4] });
    expect(brief(result.targets)).toEqual([
      'tcp tcp.provider.test:5060 naptr [203.0.113.21]',
      'udp udp.provider.test:5060 naptr [203.0.113.20]',
      'tls tls.provider.test:5061 naptr [203.0.113.22]',
    ]);
    expect(result.targets[1]?.record).toBe('_sip._udp.provider.test. SRV 10 0 5060 udp.provider.test.');
    expect(result.steps).toContainEqual({ code: 'dns/prefers', transport: 'tcp' });
    expect(result.steps.map((step) => word('en', step)).join('\n')).toMatch(/prefers TCP .* uses TCP, not UDP/);
    expect(firstTarget(result, 'udp')?.ips).toEqual(['203.0.113.20']);
  });

  it('ignores NAPTR records that are not SIP over UDP, TCP or TLS and asks SRV instead', async () => {
    const resolver = fakeResolver({
      ...sipHosts,
      srv: { '_sip._udp.provider.test': srvs['_sip._udp.provider.test'] },
      naptr: { [DOMAIN]: [naptr(10, 10, 'E2U+sip', '', 'u', '!^.*$!sip:info@provider.test!'), naptr(10, 20, 'SIP+D2S', '_sip._sctp.provider.test')] },
    });
    const result = await resolveSipServer(DOMAIN, resolver, { families: [4] });
    expect(brief(result.targets)).toEqual(['udp udp.provider.test:5060 srv [203.0.113.20]']);
    expect(result.steps).toContainEqual({ code: 'dns/naptr-ignored', services: ['E2U+sip', 'SIP+D2S'] });
  });

  it('notes that a provider offers no UDP when its NAPTR lists only TCP and TLS', async () => {
    const resolver = fakeResolver({ ...sipHosts, srv: srvs, naptr: { [DOMAIN]: [naptr(10, 10, 'SIP+D2T', '_sip._tcp.provider.test')] } });
    const result = await resolveSipServer(DOMAIN, resolver, { families: [4] });
    expect(result.ok).toBe(true);
    expect(firstTarget(result, 'udp')).toBeUndefined();
    expect(result.steps).toContainEqual({ code: 'dns/naptr-no-udp' });
  });

  it('falls back to the domain address for the NAPTR transports when their SRV names are empty (§4.2)', async () => {
    const resolver = fakeResolver({ a: { [DOMAIN]: ['203.0.113.20'] }, naptr: { [DOMAIN]: [naptr(10, 10, 'SIP+D2U', '_sip._udp.provider.test')] } });
    const result = await resolveSipServer(DOMAIN, resolver, { families: [4] });
    expect(brief(result.targets)).toEqual(['udp provider.test:5060 a-fallback [203.0.113.20]']);
    expect(resolver.queries).not.toContain('SRV _sip._tcp.provider.test');
  });
});

describe('RFC 3263 §4.1 SRV without NAPTR', () => {
  it('asks _sip._udp, _sip._tcp and _sips._tcp and lists UDP first', async () => {
    const resolver = fakeResolver({
      srv: {
        '_sips._tcp.provider.test': [srv('sip.provider.test', 5061)],
        '_sip._tcp.provider.test': [srv('sip.provider.test', 5060)],
        '_sip._udp.provider.test': [srv('sip.provider.test', 5060)],
      },
      a: { 'sip.provider.test': ['203.0.113.20'] },
      aaaa: { 'sip.provider.test': ['2001:db8::20'] },
    });
    const result = await resolveSipServer(DOMAIN, resolver);
    expect(brief(result.targets)).toEqual([
      'udp sip.provider.test:5060 srv [203.0.113.20 2001:db8::20]',
      'tcp sip.provider.test:5060 srv [203.0.113.20 2001:db8::20]',
      'tls sip.provider.test:5061 srv [203.0.113.20 2001:db8::20]',
    ]);
    expect(result.steps[0]).toEqual({ code: 'dns/naptr-none', domain: 'provider.test', outcome: 'nxdomain', rcode: null });
    expect(word('en', result.steps[0] ?? { code: 'dns/naptr-no-udp' })).toBe('NAPTR provider.test: the name does not exist (NXDOMAIN), so SRV is asked directly (RFC 3263 §4.1).');
    // One A/AAAA lookup per host, however many SRV records name it.
    expect(resolver.queries.filter((q) => q === 'A sip.provider.test')).toHaveLength(1);
  });

  it('orders SRV targets by priority and weight (RFC 2782)', async () => {
    const resolver = fakeResolver({
      srv: { '_sip._udp.provider.test': [srv('backup.provider.test', 5060, 20, 0), srv('light.provider.test', 5060, 10, 10), srv('heavy.provider.test', 5062, 10, 90)] },
      a: { 'backup.provider.test': ['203.0.113.30'], 'light.provider.test': ['203.0.113.21'], 'heavy.provider.test': ['203.0.113.20'] },
    });
    const result = await resolveSipServer(DOMAIN, resolver, { families: [4], random: () => 0.5 });
    expect(brief(result.targets)).toEqual([
      'udp heavy.provider.test:5062 srv [203.0.113.20]',
      'udp light.provider.test:5060 srv [203.0.113.21]',
      'udp backup.provider.test:5060 srv [203.0.113.30]',
    ]);
  });

  it('reads an SRV target of "." as "not offered" and leaves that transport out', async () => {
    const resolver = fakeResolver({
      srv: { '_sip._udp.provider.test': [srv('sip.provider.test', 5060)], '_sip._tcp.provider.test': [srv('', 0)] },
      a: { 'sip.provider.test': ['203.0.113.20'] },
    });
    const result = await resolveSipServer(DOMAIN, resolver, { families: [4] });
    expect(result.targets.map((t) => t.transport)).toEqual(['udp']);
    expect(result.steps).toContainEqual({ code: 'dns/srv-not-offered', name: '_sip._tcp.provider.test', transport: 'tcp' });
  });

  it('skips an SRV target without an address and still succeeds with the next one', async () => {
    const resolver = fakeResolver({
      srv: { '_sip._udp.provider.test': [srv('gone.provider.test', 5060, 10), srv('sip.provider.test', 5060, 20)] },
      a: { 'sip.provider.test': ['203.0.113.20'] },
    });
    const result = await resolveSipServer(DOMAIN, resolver, { families: [4] });
    expect(result.ok).toBe(true);
    expect(result.targets[0]).toMatchObject({ host: 'gone.provider.test', ips: [] });
    expect(firstTarget(result, 'udp')?.host).toBe('sip.provider.test');
  });
});

describe('RFC 3263 §4.2 fallback to A/AAAA', () => {
  it('uses the domain address on 5060 (5061 for TLS) when there is no NAPTR and no SRV', async () => {
    const resolver = fakeResolver({ a: { [DOMAIN]: ['203.0.113.20'] } });
    const result = await resolveSipServer(DOMAIN, resolver);
    expect(brief(result.targets)).toEqual([
      'udp provider.test:5060 a-fallback [203.0.113.20]',
      'tcp provider.test:5060 a-fallback [203.0.113.20]',
      'tls provider.test:5061 a-fallback [203.0.113.20]',
    ]);
    expect(result.steps).toContainEqual({
      code: 'dns/addresses',
      host: 'provider.test',
      lookups: [
        { type: 'A', outcome: 'found', ips: ['203.0.113.20'], rcode: null },
        { type: 'AAAA', outcome: 'nodata', ips: [], rcode: null },
      ],
    });
  });
});

describe('DNS failures as precise outcomes', () => {
  it.each([
    ['ENOTFOUND', 'dns/nxdomain', /does not exist in DNS \(NXDOMAIN\)/],
    ['ESERVFAIL', 'dns/servfail', /answered SERVFAIL to the A query for provider\.test/],
    ['ETIMEOUT', 'dns/timeout', /No answer came to the A query for provider\.test in time/],
    ['EREFUSED', 'dns/refused', /refused the A query/],
    ['ECONNREFUSED', 'dns/unreachable', /No DNS server listens/],
    ['EBADRESP', 'dns/query-failed', /failed \(EBADRESP\)/],
  ])('reports %s on every lookup as %s', async (code, expected, message) => {
    const resolver = fakeResolver({ fail: { [`* ${DOMAIN}`]: code, '* _sip._udp.provider.test': code, '* _sip._tcp.provider.test': code, '* _sips._tcp.provider.test': code } });
    const result = await resolveSipServer(DOMAIN, resolver);
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe(expected);
    expect((result.error ? word('en', result.error) : undefined)).toMatch(message);
    // One sentence: what failed, a colon, what to do.
    expect((result.error ? word('en', result.error) : undefined)).toMatch(/^[^:]+: [^:]+\.$/);
  });

  it('reports a name without any address (NODATA for A and AAAA) as dns/no-address', async () => {
    const resolver = fakeResolver({ naptr: { [DOMAIN]: [naptr(10, 10, 'E2U+sip', '', 'u', '!x!y!')] } });
    const result = await resolveSipServer(DOMAIN, resolver);
    expect(result.error).toEqual({ code: 'dns/no-address', name: 'provider.test', families: [4, 6] });
    expect(result.error && word('en', result.error)).toContain('no IPv4 (A) or IPv6 (AAAA) address');
  });

  it('names the SRV target that does not exist, not the domain', async () => {
    const resolver = fakeResolver({ srv: { '_sip._udp.provider.test': [srv('typo.provider.test', 5060)] } });
    const result = await resolveSipServer(DOMAIN, resolver, { families: [4] });
    expect((result.error ? word('en', result.error) : undefined)).toBe("The name typo.provider.test does not exist in DNS (NXDOMAIN): check the spelling against the provider's documentation.");
  });

  it('goes on past a NAPTR SERVFAIL and keeps it as a warning', async () => {
    const resolver = fakeResolver({
      fail: { [`NAPTR ${DOMAIN}`]: 'ESERVFAIL' },
      srv: { '_sip._udp.provider.test': [srv('sip.provider.test', 5060)] },
      a: { 'sip.provider.test': ['203.0.113.20'] },
    });
    const result = await resolveSipServer(DOMAIN, resolver, { families: [4] });
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([{ code: 'dns/servfail', type: 'NAPTR', name: 'provider.test' }]);
    expect(word('en', result.warnings[0] ?? { code: 'dns/no-target' })).toContain('NAPTR query for provider.test');
    expect(result.steps[0]).toMatchObject({ code: 'dns/naptr-none', outcome: 'failed', rcode: 'ESERVFAIL' });
  });

  it('keeps an AAAA timeout as a warning when A answered', async () => {
    const resolver = fakeResolver({ a: { 'sip.provider.test': ['203.0.113.20'] }, fail: { 'AAAA sip.provider.test': 'ETIMEOUT' } });
    const result = await resolveSipServer('sip.provider.test:5060', resolver);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.code)).toEqual(['dns/timeout']);
  });
});
