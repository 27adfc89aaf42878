import { describe, expect, it } from 'vitest';
import { formatAddress, isIPv6, isPrivateIPv4, isPrivateIPv6, parseHostPort } from '../../../shared/address';

describe('addresses', () => {
  it('parses host, host:port, IPv6 and [IPv6]:port', () => {
    expect(parseHostPort('stun.sipgate.net:10000', 3478)).toEqual({ host: 'stun.sipgate.net', port: 10000 });
    expect(parseHostPort('203.0.113.10', 3478)).toEqual({ host: '203.0.113.10', port: 3478 });
    expect(parseHostPort('2001:db8::1', 3478)).toEqual({ host: '2001:db8::1', port: 3478 });
    expect(parseHostPort('[2001:db8::1]:5060', 3478)).toEqual({ host: '2001:db8::1', port: 5060 });
    for (const bad of ['', ':3478', 'host:', 'host:0', 'host:70000', 'a b', 'http://x', '[::1]:x']) expect(parseHostPort(bad, 3478)).toBeUndefined();
  });

  it('takes no IPv4 address with two ports, nor any other text with colons, for an IPv6 address', () => {
    for (const bad of ['127.0.0.1:9:9', 'host:1:2', 'stun.example:3478:1', '[127.0.0.1]:5060', '[stun.example]:3478', '1:2:3:4:5:6:7:8:9', ':1::2', '1:::2', '1::2::3', '1.2.3.4::', '12345::1', '::1.2.3']) {
      expect(parseHostPort(bad, 3478), bad).toBeUndefined();
    }
    for (const good of ['::', '::1', '1::', '2001:db8::1', '1:2:3:4:5:6:7:8', '::ffff:192.0.2.1', '64:ff9b::203.0.113.1', 'FE80::ABCD', '1:2:3:4:5:6:1.2.3.4']) expect(isIPv6(good), good).toBe(true);
    for (const bad of ['127.0.0.1:9:9', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:1.2.3.4', '1.2.3.4', ':', 'g::1', '1::2:3:4:5:6:7:8']) expect(isIPv6(bad), bad).toBe(false);
    // A bare IPv6 address takes no port; with one it is written in brackets.
    expect(parseHostPort('::1:5060', 3478)).toEqual({ host: '::1:5060', port: 3478 });
    expect(parseHostPort('[::1]:5060', 3478)).toEqual({ host: '::1', port: 5060 });
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
