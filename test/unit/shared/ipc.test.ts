import { describe, expect, it } from 'vitest';
import { API_METHODS, FIREWALL_IDS, isChannel, validateRequest, VALIDATORS } from '../../../shared/ipc';
import { checklistFrom } from '../export/checklists';
import { word } from '../../../shared/text';
import { MAX_STUN_SERVERS, QUALITY_SEC } from '../../../shared/limits';

describe('IPC contract validation', () => {
  it('knows exactly the channels of the API', () => {
    expect(Object.keys(VALIDATORS).sort()).toEqual(Object.values(API_METHODS).sort());
    expect(isChannel('stun:public-address')).toBe(true);
    expect(isChannel('toString')).toBe(false);
    expect(isChannel('__proto__')).toBe(false);
    expect(isChannel(42)).toBe(false);
  });

  it('accepts a well-formed public-address request', () => {
    expect(validateRequest('stun:public-address', { stun: 'stun.sipgate.net:10000', localIp: '192.168.100.5', sipPort: 65002 })).toEqual({
      ok: true,
      value: { stun: 'stun.sipgate.net:10000', localIp: '192.168.100.5', sipPort: 65002 },
    });
  });

  it.each([
    [null, 'ipc/no-request', 'needs an object'],
    [[], 'ipc/no-request', 'needs an object'],
    [{}, 'request/stun-missing', 'STUN server'],
    [{ stun: '' }, 'request/stun-missing', 'STUN server'],
    [{ stun: 'a b' }, 'request/stun-server', 'STUN server'],
    [{ stun: 'host:99999' }, 'request/stun-server', 'STUN server'],
    [{ stun: 'x'.repeat(300) }, 'request/stun-server', 'STUN server'],
    [{ stun: 'ok', sipPort: 0 }, 'request/sip-port', 'SIP port'],
    [{ stun: 'ok', sipPort: '65002' }, 'request/sip-port', 'SIP port'],
    [{ stun: 'ok', localIp: 'my-pc' }, 'request/local-ip', 'local address'],
    [{ stun: 'ok', evil: true }, 'ipc/unknown-field', 'Unknown field'],
  ])('refuses %j with %s and a sentence about the %s', (input, code, words) => {
    const result = validateRequest('stun:public-address', input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(word('en', result.error)).toContain(words);
    }
  });

  it('names the unknown field and the request it came in', () => {
    expect(validateRequest('nat:diagnose', { stun: ['a'], evil: 1 })).toEqual({ ok: false, error: { code: 'ipc/unknown-field', field: 'evil', request: 'diagnose' } });
    expect(validateRequest('nat:diagnose', { stun: ['a'], qualitySec: 0 })).toEqual({ ok: false, error: { code: 'request/quality-sec', min: 1, max: 300 } });
  });

  it('takes the IP versions to test as 4, 6 or both, and refuses anything else', () => {
    for (const family of ['4', '6', 'both']) expect(validateRequest('nat:diagnose', { stun: ['203.0.113.10'], family })).toEqual({ ok: true, value: { stun: ['203.0.113.10'], family } });
    for (const family of [4, 'ipv6', '', null]) expect(validateRequest('nat:diagnose', { stun: ['203.0.113.10'], family })).toEqual({ ok: false, error: { code: 'request/family' } });
    expect(word('de', { code: 'request/family' })).toBe('Die IP-Version muss 4, 6 oder both (beide) sein.');
  });

  it('refuses a damaged report with the code a report file gets', () => {
    expect(validateRequest('history:save', { siteId: 'buero', report: { tool: { name: 'trunkcheck' } } })).toEqual({ ok: false, error: { code: 'report/no-version', file: null } });
    const result = validateRequest('checklist:build', { report: 'x', site: {}, language: 'en' });
    expect(result).toEqual({ ok: false, error: { code: 'report/foreign', file: null } });
    if (!result.ok) expect(word('en', result.error)).toBe('The report is not a TrunkCheck report: give the file written by "trunkcheck diagnose --json" or --out.');
  });

  it('validates the NAT test request: one or two STUN servers, an optional SIP server', () => {
    expect(validateRequest('nat:diagnose', { stun: ['203.0.113.10'], sip: '203.0.113.20:5060', lifetime: true })).toEqual({
      ok: true,
      value: { stun: ['203.0.113.10'], sip: '203.0.113.20:5060', lifetime: true },
    });
    expect(validateRequest('nat:diagnose', { stun: ['203.0.113.10'], media: 'off', qualitySec: 5, providerId: 'sipgate' })).toEqual({
      ok: true,
      value: { stun: ['203.0.113.10'], media: 'off', qualitySec: 5, providerId: 'sipgate' },
    });
    expect(validateRequest('nat:diagnose', { stun: ['a'], profileId: '3cx', rtp: { from: 9000, to: 10999 } })).toMatchObject({ ok: true, value: { profileId: '3cx', rtp: { from: 9000, to: 10999 } } });
    for (const bad of [{ stun: ['a'], rtp: { from: 10, to: 5 } }, { stun: ['a'], rtp: [1, 2] }, { stun: ['a'], profileId: 'X!' }, { stun: ['a'], media: 'most' }, { stun: ['a'], qualitySec: 0 }, { stun: ['a'], qualitySec: 2.5 }, { stun: ['a'], providerId: 'No Such' }]) {
      expect(validateRequest('nat:diagnose', bad).ok).toBe(false);
    }
    for (const bad of [{ stun: [] }, { stun: ['a', 'b', 'c'] }, { stun: 'a' }, { stun: ['a'], sip: 'x y' }, { stun: ['a'], lifetime: 'yes' }, { stun: ['a'], sipPort: 0 }]) {
      expect(validateRequest('nat:diagnose', bad).ok).toBe(false);
    }
  });

  it('takes the line-quality seconds and the STUN server count from shared/limits.ts, for the wizard and the CLI alike', () => {
    expect(validateRequest('nat:diagnose', { stun: ['a'], qualitySec: QUALITY_SEC.max })).toMatchObject({ ok: true, value: { qualitySec: 300 } });
    expect(validateRequest('nat:diagnose', { stun: ['a'], qualitySec: QUALITY_SEC.max + 1 })).toMatchObject({ ok: false, error: { code: 'request/quality-sec' } });
    expect(validateRequest('nat:diagnose', { stun: ['a'], qualitySec: QUALITY_SEC.min - 1 })).toMatchObject({ ok: false, error: { code: 'request/quality-sec' } });
    expect(validateRequest('nat:diagnose', { stun: Array.from({ length: MAX_STUN_SERVERS + 1 }, () => 'a') })).toMatchObject({ ok: false, error: { code: 'request/stun-too-many' } });
  });

  it('takes a custom PBX only with its SIP port, RTP range and what it needs of inbound media', () => {
    const custom = { stun: ['a'], profileId: 'custom', sipPort: 5080, rtp: { from: 20000, to: 20999 }, inboundMedia: 'any-source' };
    expect(validateRequest('nat:diagnose', custom)).toMatchObject({ ok: true, value: { profileId: 'custom', sipPort: 5080, rtp: { from: 20000, to: 20999 }, inboundMedia: 'any-source' } });
    const missing = validateRequest('nat:diagnose', { stun: ['a'], profileId: 'custom', sipPort: 5080 });
    expect(missing).toEqual({ ok: false, error: { code: 'request/custom-profile', missing: ['rtp', 'inbound-media'] } });
    if (!missing.ok) expect(word('en', missing.error)).toContain('missing: the RTP range (--rtp), inbound media (--inbound-media)');
    expect(validateRequest('nat:diagnose', { ...custom, inboundMedia: 'both' })).toEqual({ ok: false, error: { code: 'request/inbound-media' } });
    // A catalog profile says what it needs itself, with its source.
    expect(validateRequest('nat:diagnose', { stun: ['a'], profileId: '3cx', inboundMedia: 'return-path' })).toEqual({ ok: false, error: { code: 'request/inbound-media-not-custom', profile: '3cx' } });
    expect(validateRequest('nat:diagnose', { stun: ['a'], inboundMedia: 'return-path' })).toEqual({ ok: false, error: { code: 'request/inbound-media-not-custom', profile: 'swyxware' } });
    // The monitor has no custom profile.
    expect(validateRequest('monitor:start', { stun: 'a', profileId: 'custom' })).toMatchObject({ ok: false, error: { code: 'request/unknown-profile' } });
  });

  it('knows the catalog: an unknown PBX profile or provider is refused by name', () => {
    const profile = validateRequest('nat:diagnose', { stun: ['a'], profileId: 'nope' });
    expect(profile).toMatchObject({ ok: false, error: { code: 'request/unknown-profile', profile: 'nope' } });
    if (!profile.ok) expect(word('en', profile.error)).toContain('swyxware, 3cx, asterisk, custom');
    expect(validateRequest('monitor:start', { stun: 'a', profileId: 'nope' })).toMatchObject({ ok: false, error: { code: 'request/unknown-profile' } });
    // An id that no provider can have; a well-formed unknown one may be the user's own, which the
    // main process looks up in its store (test/integration/store/providers-ipc.test.ts).
    const provider = validateRequest('nat:diagnose', { stun: ['a'], providerId: 'No Body!' });
    expect(provider).toEqual({ ok: false, error: { code: 'request/unknown-provider', provider: 'No Body!' } });
    if (!provider.ok) expect(word('en', provider.error)).toBe('There is no provider "No Body!" in the catalog.');
    expect(validateRequest('nat:diagnose', { stun: ['a'], providerId: 'my-trunk' })).toMatchObject({ ok: true, value: { providerId: 'my-trunk' } });
    const hostile = validateRequest('nat:diagnose', { stun: ['a'], providerId: 'nobody\u001b[2J' });
    if (!hostile.ok) expect(word('en', hostile.error)).toBe('There is no provider "nobody\\u001b[2J" in the catalog.');
  });

  it('refuses arguments for actions that take none', () => {
    expect(validateRequest('network:interfaces', null).ok).toBe(true);
    expect(validateRequest('network:interfaces', { x: 1 }).ok).toBe(false);
  });
});

describe('the provider editor and the site history over IPC', () => {
  const lab = { id: 'lab-trunk', name: 'Lab trunk', stun: { host: '203.0.113.1', port: 10000, source: 'entered by hand' }, sip: null, media: null, networks: null, quality: null, notes: [] };

  it('accepts a provider the catalog would accept, as it is', () => {
    expect(validateRequest('providers:save', { provider: lab })).toEqual({ ok: true, value: { provider: lab } });
  });

  it('refuses a bad provider by name, saying what is wrong with it', () => {
    const refused = validateRequest('providers:save', { provider: { ...lab, stun: { ...lab.stun, port: 70000 } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'catalog/invalid-provider', provider: 'lab-trunk', problem: 'stun-port' } });
    if (!refused.ok) {
      expect(word('en', refused.error)).toBe('Provider "lab-trunk" has an invalid STUN port.');
      expect(word('de', refused.error)).toContain('„lab-trunk“');
    }
    expect(validateRequest('providers:save', { provider: { ...lab, id: 'Lab Trunk' } })).toMatchObject({ ok: false, error: { code: 'catalog/invalid-provider', problem: 'no-id' } });
    expect(validateRequest('providers:save', { provider: { ...lab, stun: { ...lab.stun, source: '' } } })).toMatchObject({ ok: false, error: { code: 'catalog/invalid-provider', problem: 'stun-source' } });
    expect(validateRequest('providers:save', null)).toMatchObject({ ok: false, error: { code: 'ipc/no-request', request: 'provider-save' } });
    expect(validateRequest('providers:save', { provider: lab, extra: 1 })).toMatchObject({ ok: false, error: { code: 'ipc/unknown-field', field: 'extra' } });
  });

  it('removes providers by a well-formed id only', () => {
    expect(validateRequest('providers:remove', { id: 'lab-trunk' })).toEqual({ ok: true, value: { id: 'lab-trunk' } });
    for (const id of ['', '../settings', 'Lab', 42, 'x'.repeat(41)]) {
      expect(validateRequest('providers:remove', { id })).toMatchObject({ ok: false, error: { code: 'request/provider-id' } });
    }
    expect(validateRequest('providers:remove', 'lab-trunk')).toMatchObject({ ok: false, error: { code: 'ipc/no-request', request: 'provider-remove' } });
  });

  it('compares two named history files and lists the sites without arguments', () => {
    const older = 'sites/head-office/20261123T210000000Z-report.json';
    const newer = 'sites/head-office/20261124T210000000Z-report.json';
    expect(validateRequest('history:compare', { older, newer })).toEqual({ ok: true, value: { older, newer } });
    for (const bad of [{ older }, { older, newer: 7 }, { older: '', newer }, { older, newer: 'x'.repeat(301) }]) {
      expect(validateRequest('history:compare', bad)).toMatchObject({ ok: false, error: { code: 'request/history-file' } });
    }
    expect(validateRequest('history:compare', { older, newer, site: 'x' })).toMatchObject({ ok: false, error: { code: 'ipc/unknown-field', request: 'history-compare' } });
    expect(validateRequest('history:sites', null).ok).toBe(true);
    expect(validateRequest('history:sites', { all: true })).toMatchObject({ ok: false, error: { code: 'ipc/no-arguments' } });
  });
});

describe('the export request\'s firewall syntaxes (checklist:export)', () => {
  const checklist = checklistFrom('masquerade');

  it('passes the firewalls chosen for a PDF or Markdown appendix, each once, and none when not given', () => {
    const chosen = validateRequest('checklist:export', { checklist, format: 'pdf', firewalls: ['fortigate', 'nftables', 'fortigate'] });
    expect(chosen.ok && chosen.value.firewalls).toEqual(['fortigate', 'nftables']);
    const none = validateRequest('checklist:export', { checklist, format: 'md' });
    expect(none.ok && 'firewalls' in none.value).toBe(false);
  });

  it.each([
    [{ format: 'pdf', firewalls: ['checkpoint'] }, { code: 'request/firewall', firewall: 'checkpoint', firewalls: FIREWALL_IDS }],
    [{ format: 'pdf', firewalls: 'nftables' }, { code: 'request/firewall', firewall: 'nftables', firewalls: FIREWALL_IDS }],
    [{ format: 'md', firewalls: [42] }, { code: 'request/firewall', firewall: '42', firewalls: FIREWALL_IDS }],
    [{ format: 'json', firewalls: ['nftables'] }, { code: 'request/firewall-not-document', format: 'json' }],
    [{ format: 'nftables', firewalls: ['windows'] }, { code: 'request/firewall-not-document', format: 'nftables' }],
  ])('refuses %j with the code and its values, worded in both languages', (request, error) => {
    const refused = validateRequest('checklist:export', { checklist, ...request });
    expect(refused).toEqual({ ok: false, error });
    if (!refused.ok) for (const language of ['en', 'de'] as const) expect(word(language, refused.error)).not.toMatch(/^\[/);
  });
});
