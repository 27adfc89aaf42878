import { describe, expect, it } from 'vitest';
import { forwardedPublicIp, headerLines, oneLine, ruleViews } from '../../../shared/firewall/common';
import { checklistFrom, checklistIpv6, checklistWithNames } from './checklists';

describe('the rules seen from the PBX', () => {
  it('puts the PBX address and ports on the local side of all four rules of the masquerade report', () => {
    const views = ruleViews(checklistFrom('masquerade'));
    expect(views.map((view) => [view.number, view.id, view.status])).toEqual([
      [1, 'outbound-signalling', 'verified'],
      [2, 'inbound-signalling', 'verified'],
      [3, 'outbound-media', 'untested'],
      [4, 'inbound-media', 'untested'],
    ]);
    expect(views.every((view) => view.pbx === '192.168.100.5' && view.family === 4)).toBe(true);
    expect(views[0]?.pbxPorts).toEqual([{ from: 55000, to: 56000 }, { from: 65002, to: 65002 }]);
    expect(views[0]?.remote.addresses).toEqual(['203.0.113.10', '203.0.113.20']);
    expect(views[0]?.remotePorts).toEqual([{ from: 3478, to: 3478 }, { from: 5060, to: 5060 }]);
    expect(views[1]?.remotePorts).toBeNull();
    expect(views[3]?.remote.any).toBe(true);
  });

  it('lists provider names that never resolved, and keeps the resolved addresses', () => {
    const [first] = ruleViews(checklistWithNames());
    expect(first?.remote.addresses).toEqual(['203.0.113.10']);
    expect(first?.remote.unresolved).toEqual(['stun.example.net', 'sip.example.net']);
  });

  it('keeps addresses of the other IP version out of the rules', () => {
    const base = checklistFrom('masquerade');
    const mixed = { ...base, rules: base.rules.map((rule) => (rule.id === 'outbound-signalling' ? { ...rule, destination: { ...rule.destination, addresses: [...rule.destination.addresses, '2001:db8::20'] } } : rule)) };
    const [first] = ruleViews(mixed);
    expect(first?.remote.addresses).toEqual(['203.0.113.10', '203.0.113.20']);
    expect(first?.remote.otherFamily).toEqual(['2001:db8::20']);
  });
});

describe('the public address a port forward listens on', () => {
  it('is the measured public address behind NAT', () => {
    expect(forwardedPublicIp(checklistFrom('masquerade'))).toBe('203.0.113.1');
  });

  it('is absent when the PBX has the public address itself, when it is unknown, or for IPv6', () => {
    const base = checklistFrom('masquerade');
    expect(forwardedPublicIp({ ...base, network: { ...base.network, publicIp: base.network.pbxIp } })).toBeNull();
    expect(forwardedPublicIp({ ...base, network: { ...base.network, publicIp: null } })).toBeNull();
    expect(forwardedPublicIp(checklistIpv6())).toBeNull();
  });
});

describe('the header', () => {
  it('keeps evidence and site names on one comment line each', () => {
    expect(oneLine(' a\nb\r\n\tc\u0007 ')).toBe('a b c');
    const base = checklistFrom('masquerade');
    const lines = headerLines({ ...base, site: { name: 'HQ\n# injected', customer: '', technician: '' } }, 'nftables');
    expect(lines).toContain('Site: HQ # injected');
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
  });

  it('says "unknown" for a public address that was not measured', () => {
    const base = checklistFrom('masquerade');
    expect(headerLines({ ...base, network: { ...base.network, publicIp: null } }, 'x')).toContain('Public address: unknown; NAT measured: port-restricted-cone');
  });
});
