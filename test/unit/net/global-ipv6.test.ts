// Which of this machine's IPv6 addresses the IPv6 checks may bind to: a global one only.
import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { canonicalIpv6, globalIpv6Address, isGlobalIpv6 } from '../../../electron/net/global-ipv6';

const v6 = (address: string, internal = false): NetworkInterfaceInfo => ({ address, family: 'IPv6', internal, netmask: 'ffff:ffff:ffff:ffff::', mac: '00:00:00:00:00:00', cidr: null, scopeid: 0 });

describe('the PBX’s global IPv6 address', () => {
  it('counts global unicast and the documentation prefix, not link-local, unique local, loopback or mapped addresses', () => {
    expect(['2001:db8:100::5', '2a02:8106:1:2::5', '2003:e1::1'].filter(isGlobalIpv6)).toHaveLength(3);
    expect(['fe80::1', 'fd00::5', 'fc12::1', '::1', '::', '::ffff:192.0.2.1', 'ff02::1', '192.0.2.1'].filter(isGlobalIpv6)).toEqual([]);
  });

  it('picks the first global address of an interface, past link-local and unique local ones', () => {
    expect(globalIpv6Address({ lo: [v6('::1', true)], eth0: [v6('fe80::1'), v6('fd00::5'), v6('2001:db8:100::5')] })).toBe('2001:db8:100::5');
    expect(globalIpv6Address({ lo: [v6('::1', true)], eth0: [v6('fe80::1')] })).toBeNull();
  });

  it('spells an address one way, so a STUN mapping compares with the interface', () => {
    expect(canonicalIpv6('2001:0DB8:0100:0000:0000:0000:0000:0005')).toBe('2001:db8:100::5');
  });
});
