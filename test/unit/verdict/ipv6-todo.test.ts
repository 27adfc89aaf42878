// What to do when the IPv6 path (the report's ipv6 section) was measured beside IPv4: the IPv6
// firewall's own fix, its caveat, and IPv6 as the way behind the provider's carrier-grade NAT.
import { describe, expect, it } from 'vitest';
import { word } from '../../../shared/text';
import { whatToDo } from '../../../shared/verdict/what-to-do';
import { ipv6Section, PBX6, STUN6 } from '../../support/ipv6-section';
import { createReport, inboundMedia, NATS, rule } from './reports';

const returnPathVerified = { id: 'inbound-media' as const, status: 'verified' as const, evidence: [{ code: 'media/needs-return-path' as const }, { code: 'media/return-path-open' as const, server: `[${STUN6}]:3478`, tested: 12, range: { from: 55000, to: 56000 } }] };

describe('the IPv6 path behind a stateful IPv6 firewall', () => {
  it('tells a 3CX to open the IPv6 rules 6 and 8 for its IPv6 address', () => {
    const report = { ...createReport({ profile: '3cx' }), ipv6: ipv6Section() };
    const fix = whatToDo(report).find((item) => item.message.code === 'ipv6-fix/firewall');
    expect(fix).toEqual({ kind: 'fix', rule: 'inbound-media', message: { code: 'ipv6-fix/firewall', address: PBX6, sipPort: 5060, rtp: { from: 9000, to: 10999 } } });
    expect(word('en', fix!.message)).toContain(`IPv6 firewall, allow UDP from any address to ${PBX6}, port 5060 and ports 9000–10999 (IPv6 rules 6 and 8)`);
    expect(word('de', fix!.message)).toContain('IPv6-Regeln 6 und 8');
  });

  it('gives a SwyxWare with a verified IPv6 return path no fix, only the one-way-audio caveat for its IPv6 address', () => {
    const ipv6 = ipv6Section({ rules: [rule('outbound-signalling', 'verified'), rule('inbound-signalling', 'verified'), rule('outbound-media', 'verified'), returnPathVerified], verdict: 'ready' });
    const items = whatToDo({ ...createReport({ profile: 'swyxware' }), ipv6 });
    expect(items.filter((item) => item.message.code.startsWith('ipv6'))).toEqual([]);
    expect(items).toContainEqual({ kind: 'caveat', rule: 'inbound-media', message: { code: 'caveat/one-way-audio', pbxIp: PBX6, rtp: { from: 55000, to: 56000 }, behindCgn: false } });
  });

  it('adds nothing for an IPv6 path that was not measured', () => {
    const plain = createReport({ profile: '3cx' });
    const ipv6 = ipv6Section({ address: null, rules: [], verdict: 'incomplete', findings: [{ code: 'ipv6/no-global-address' }] });
    expect(whatToDo({ ...plain, ipv6 })).toEqual(whatToDo(plain));
  });
});

describe('behind the provider’s carrier-grade NAT with a working IPv6 path', () => {
  it('names IPv6 as the way, with the PBX’s IPv6 address, first', () => {
    const report = { ...createReport({ profile: '3cx', nat: { ...NATS.portRestricted, carrierGrade: 'yes' }, rules: [inboundMedia('any-source', 'filtered')] }), ipv6: ipv6Section() };
    const items = whatToDo(report);
    expect(items[0]).toEqual({ kind: 'fix', rule: null, message: { code: 'ipv6-advice/use-ipv6', address: PBX6 } });
    expect(word('en', items[0]!.message)).toContain(`register the PBX with ${PBX6}`);
  });

  it('does not when the IPv6 path does not even get out', () => {
    const ipv6 = ipv6Section({ rules: [rule('outbound-signalling', 'failed')], verdict: 'blocked' });
    const report = { ...createReport({ profile: '3cx', nat: { ...NATS.portRestricted, carrierGrade: 'yes' } }), ipv6 };
    expect(whatToDo(report).some((item) => item.message.code === 'ipv6-advice/use-ipv6')).toBe(false);
  });
});
