import { describe, expect, it } from 'vitest';
import {
  findProvider,
  hostPlaceholders,
  isCidr,
  isProviderHost,
  loadProviders,
  PROVIDER_CATALOG_PROBLEMS,
  PROVIDERS,
  providerQualityThresholds,
  searchProviders,
  validateProvider,
  type Provider,
} from '../../../shared/catalog/providers';
import raw from '../../../shared/catalog/providers.json';
import { word } from '../../../shared/text';

// A provider entry as a user would add it; tests break one field at a time.
const entry = (overrides: Record<string, unknown> = {}) => ({
  id: 'example-voip',
  name: 'Example VoIP',
  sip: { host: 'sip.example.net', alternateHosts: [], port: 5060, transport: 'udp', outboundProxy: null, source: 'contract appendix A' },
  stun: { host: 'stun.example.net', port: 3478, source: 'contract appendix A' },
  media: { from: 20000, to: 30000, networks: ['198.51.100.0/24'], source: 'contract appendix A' },
  networks: null,
  quality: null,
  notes: [{ text: 'Register every 300 s.', source: 'contract appendix A' }],
  ...overrides,
});

describe('the built-in provider catalog', () => {
  it('loads every entry of providers.json without a problem', () => {
    expect(PROVIDER_CATALOG_PROBLEMS).toEqual([]);
    expect(PROVIDERS.map((provider) => provider.id)).toEqual(['sipgate', 'dus-net', 'plusnet', '1und1', 'nfon', 'twilio', 'telnyx', 'telekom-companyflex']);
  });

  it('knows sipgate: SIP sipconnect.sipgate.de:5060, STUN stun.sipgate.net:10000', () => {
    const sipgate = findProvider('sipgate');
    expect(sipgate?.sip).toMatchObject({ host: 'sipconnect.sipgate.de', port: 5060 });
    expect(sipgate?.stun).toMatchObject({ host: 'stun.sipgate.net', port: 10000 });
  });

  it('gives a source for every fact', () => {
    for (const provider of PROVIDERS) {
      const facts = [provider.sip, provider.stun, provider.media, provider.networks, provider.quality, ...provider.notes].filter((fact) => fact !== null);
      expect(facts.length, provider.id).toBeGreaterThan(0);
      for (const fact of facts) expect(fact.source.trim(), `${provider.id}: ${JSON.stringify(fact)}`).not.toBe('');
    }
  });

  it('leaves what the sources do not say empty instead of guessing', () => {
    expect(findProvider('nfon')?.sip).toBeNull();
    expect(findProvider('nfon')?.networks?.cidrs).toEqual(['109.68.96.0/21']);
    expect(findProvider('plusnet')?.sip).toMatchObject({ host: 'sip.plusnet.de', port: null, outboundProxy: '92.197.176.16' });
    expect(findProvider('telekom-companyflex')?.sip).toBeNull();
  });

  it('carries the media ranges the providers publish', () => {
    expect(findProvider('twilio')?.media).toMatchObject({ from: 10000, to: 60000, networks: ['168.86.128.0/18'] });
    expect(findProvider('telnyx')?.media).toMatchObject({ from: 16384, to: 32768, networks: [] });
    expect(findProvider('dus-net')?.media).toMatchObject({ from: 10000, to: 65535 });
  });

  it('turns the Telekom CompanyFlex quality targets into grading limits (≤ 1 % loss, ≤ 20 ms jitter)', () => {
    const telekom = findProvider('telekom-companyflex') as Provider;
    expect(telekom.quality).toMatchObject({ lossPct: 1, jitterMs: 20, oneWayDelayMs: 50, rttMs: null });
    expect(providerQualityThresholds(telekom)).toEqual({ maxLossPercent: 1, maxJitterMs: 20 });
    expect(providerQualityThresholds(findProvider('sipgate') as Provider)).toEqual({});
  });

  it('names the placeholders in a templated host (Twilio)', () => {
    const twilio = findProvider('twilio') as Provider;
    expect(hostPlaceholders(twilio.sip?.host ?? '')).toEqual(['trunk']);
    expect(hostPlaceholders(twilio.sip?.alternateHosts[0] ?? '')).toEqual(['trunk', 'edge']);
  });
});

describe('loading a catalog with broken entries', () => {
  it('skips a broken entry, names it, and keeps the rest', () => {
    const result = loadProviders({
      providers: [
        entry(),
        entry({ id: 'bad-port', sip: { host: 'sip.example.org', port: 70000, transport: 'udp', source: 'x' } }),
        { name: 'No id at all' },
        entry({ id: 'no-source', stun: { host: 'stun.example.org', port: 3478 } }),
        entry(),
      ],
    });
    expect(result.providers.map((provider) => provider.id)).toEqual(['example-voip']);
    expect(result.problems.map(({ entry, error }) => ({ entry, message: word('en', error) }))).toEqual([
      { entry: 'bad-port', message: 'Provider "bad-port" has an invalid SIP port; it was skipped.' },
      { entry: '#3', message: 'Provider "#3" has no valid id (lower-case letters, digits and dashes); it was skipped.' },
      { entry: 'no-source', message: 'Provider "no-source" names no source for its STUN server; it was skipped.' },
      { entry: 'example-voip', message: 'Provider "example-voip" has the same id as an earlier entry; it was skipped.' },
    ]);
    expect(result.problems[0]?.error).toEqual({ code: 'catalog/provider-skipped', provider: 'bad-port', problem: 'sip-port', note: null });
  });

  it('reports a catalog without a providers list', () => {
    expect(loadProviders({ profiles: [] })).toEqual({ providers: [], problems: [{ entry: '(catalog)', error: { code: 'catalog/no-providers' } }] });
    expect(loadProviders(null).problems).toHaveLength(1);
  });

  it('still loads the shipped JSON when one of its entries is damaged', () => {
    const damaged = { providers: raw.providers.map((provider) => (provider.id === 'telnyx' ? { ...provider, media: { from: 40000, to: 30000, source: 'x' } } : provider)) };
    const result = loadProviders(damaged);
    expect(result.providers).toHaveLength(PROVIDERS.length - 1);
    expect(result.problems).toEqual([{ entry: 'telnyx', error: { code: 'catalog/provider-skipped', provider: 'telnyx', problem: 'media-range', note: null } }]);
    expect(word('en', result.problems[0]?.error ?? { code: 'catalog/no-providers' })).toBe('Provider "telnyx" has an invalid media port range; it was skipped.');
  });
});

describe('validating a provider a user adds', () => {
  it('accepts a complete entry', () => {
    const result = validateProvider(entry());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.sip?.host).toBe('sip.example.net');
  });

  it.each([
    [{ id: 'Has Spaces' }, 'has no valid id'],
    [{ name: '' }, 'has no name'],
    [{ sip: { host: 'bad host', port: 5060, transport: 'udp', source: 'x' } }, 'has an invalid SIP host'],
    [{ sip: { host: 'sip.example.net', port: 5060, transport: 'sctp', source: 'x' } }, 'invalid SIP transport'],
    [{ sip: { host: 'sip.example.net', port: 5060, transport: 'udp', source: '' } }, 'names no source for its SIP server'],
    [{ stun: { host: '{trunk}.example.net', port: 3478, source: 'x' } }, 'has an invalid STUN host'],
    [{ media: { from: 1, to: 2, networks: ['10.0.0.0/33'], source: 'x' } }, 'invalid list of media networks'],
    [{ networks: { cidrs: [], source: 'x' } }, 'invalid list of networks'],
    [{ quality: { lossPct: 150, jitterMs: null, rttMs: null, source: 'x' } }, 'invalid loss limit'],
    [{ quality: { lossPct: 1, jitterMs: 20, rttMs: null } }, 'names no source for its quality limits'],
    [{ notes: [{ text: 'Keep-alive every 30 s.' }] }, 'names no source for the note "Keep-alive every 30 s."'],
    [{ notes: 'free text' }, 'has an invalid notes list'],
  ])('refuses %j: %s', (overrides, words) => {
    const result = validateProvider(entry(overrides));
    expect(result).toMatchObject({ ok: false, error: { code: 'catalog/invalid-provider' } });
    if (!result.ok) expect(word('en', result.error)).toContain(words);
  });

  it('refuses something that is not an object', () => {
    const result = validateProvider('sipgate');
    expect(result).toEqual({ ok: false, error: { code: 'catalog/invalid-provider', provider: '#1', problem: 'not-object', note: null } });
    if (!result.ok) expect(word('en', result.error)).toBe('Provider "#1" is not an object.');
  });

  it('accepts IP literals and CIDRs of both families', () => {
    expect(isProviderHost('92.197.176.16')).toBe(true);
    expect(isProviderHost('2001:db8::5')).toBe(true);
    expect(isProviderHost('-bad.example')).toBe(false);
    expect(isCidr('168.86.128.0/18')).toBe(true);
    expect(isCidr('2001:db8::/32')).toBe(true);
    expect(isCidr('168.86.128.0')).toBe(false);
    expect(isCidr('168.86.128.0/18/2')).toBe(false);
  });
});

describe('searching providers', () => {
  it('matches names case-insensitively', () => {
    expect(searchProviders('SIPGATE').map((provider) => provider.id)).toEqual(['sipgate']);
    expect(searchProviders('telekom').map((provider) => provider.id)).toEqual(['telekom-companyflex']);
  });

  it('matches SIP, alternate, proxy and STUN hosts', () => {
    expect(searchProviders('sip-eu').map((provider) => provider.id)).toEqual(['telnyx']);
    expect(searchProviders('92.197.176').map((provider) => provider.id)).toEqual(['plusnet']);
    expect(searchProviders('stun.dus').map((provider) => provider.id)).toEqual(['dus-net']);
    expect(searchProviders('twilio.com').map((provider) => provider.id)).toEqual(['twilio']);
  });

  it('lists everything for an empty query and nothing for an unknown one', () => {
    expect(searchProviders('  ')).toHaveLength(PROVIDERS.length);
    expect(searchProviders('no such provider')).toEqual([]);
  });

  it('searches a catalog that includes user-added providers', () => {
    const custom = validateProvider(entry());
    if (!custom.ok) throw new Error(word('en', custom.error));
    const catalog = [...PROVIDERS, custom.value];
    expect(searchProviders('example.net', catalog).map((provider) => provider.id)).toEqual(['example-voip']);
    expect(findProvider('example-voip', catalog)?.name).toBe('Example VoIP');
    expect(findProvider('example-voip')).toBeUndefined();
  });
});
