import { describe, expect, it } from 'vitest';
import { formatAddress, isPrivateIPv4, isPrivateIPv6, parseHostPort } from '../../../shared/address';

describe('addresses', () => {
  it('parses host, host:port, IPv6 and [IPv6]:port', () => {
    expect(parseHostPort('stun.sipgate.net:10000', 3478)).toEqual({ host: 'stun.sipgate.net', port: 10000 });
    expect(parseHostPort('203.0.113.10', 3478)).toEqual({ host: '203.0.113.10', port: 3478 });
    expect(parseHostPort('2001:db8::1', 3478)).toEqual({ host: '2001:db8::1', port: 3478 });
    expect(parseHostPort('[2001:db8::1]:5060', 3478)).toEqual({ host: '2001:db8::1', port: 5060 });
    for (const bad of ['', ':3478', 'host:', 'host:0', 'host:70000', 'a b', 'http://x', '[::1]:x']) expect(parseHostPort(bad, 3478)).toBeUndefined();
  });

  it('formats IPv6 addresses in brackets', () => {
    expect(formatAddress({ ip: '2001:db8::1', port: 3478 })).toBe('[2001:db8::1]:3478');
    expect(formatAddress({ ip: '192.0.2.1', port: 32853 })).toBe('192.0.2.1:32853');
  });

  it('knows the private ranges the seed document and CGNAT use', () => {
    for (const ip of ['192.168.100.5', '10.1.2.3', '172.16.0.1', '172.31.255.255', '100.64.0.1']) expect(isPrivateIPv4(ip)).toBe(true);
    for (const ip of ['217.194.238.2', '172.32.0.1', '203.0.113.1', '100.128.0.1', 'x']) expect(isPrivateIPv4(ip)).toBe(false);
  });

  it('knows IPv6 unique local and link-local addresses are private', () => {
    for (const ip of ['fd00::2', 'fc12:3456::1', 'fe80::1', '::1']) expect(isPrivateIPv6(ip)).toBe(true);
    for (const ip of ['2001:db8::1', '2a00:1450::1', '192.168.1.1']) expect(isPrivateIPv6(ip)).toBe(false);
  });
});
