import { describe, expect, it } from 'vitest';
import { ipv4Scope } from '../../../shared/gateway/address-scope';

describe('where a router’s own WAN address belongs', () => {
  it.each([
    ['11.0.0.1', 'public'],
    ['203.0.113.1', 'public'], // TEST-NET-3: the lab's internet
    ['192.168.178.20', 'private'],
    ['10.0.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['172.32.0.1', 'public'],
    ['100.64.0.2', 'shared'],
    ['100.127.255.255', 'shared'],
    ['100.128.0.1', 'public'],
    ['0.0.0.0', 'unusable'],
    ['169.254.1.1', 'unusable'],
    ['239.255.255.250', 'unusable'],
  ])('%s is %s', (ip, scope) => {
    expect(ipv4Scope(ip)).toBe(scope);
  });

  it('has no answer for what is not an IPv4 address', () => {
    expect(ipv4Scope('2001:db8::1')).toBeUndefined();
  });
});
