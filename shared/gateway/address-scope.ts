// Where an IPv4 address the router reports for itself belongs. A router whose own WAN address
// is not public sits behind another NAT: the provider's (RFC 6598 shared address space, carrier-
// grade NAT) or a second router of the customer's own (RFC 1918).
import { isIPv4 } from '../address';

export const ADDRESS_SCOPES = ['public', 'private', 'shared', 'unusable'] as const;
export type AddressScope = (typeof ADDRESS_SCOPES)[number];

// 'unusable': this-network, loopback, link-local (RFC 3927), multicast and class E: no router's
// WAN address. Documentation ranges (RFC 5737) count as public: the test lab's internet uses them.
export function ipv4Scope(ip: string): AddressScope | undefined {
  if (!isIPv4(ip)) return undefined;
  const [a, b] = ip.split('.').map(Number) as [number, number, number, number];
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private'; // RFC 1918 §3
  if (a === 100 && b >= 64 && b <= 127) return 'shared'; // RFC 6598 §7: 100.64.0.0/10
  if (a === 0 || a === 127 || (a === 169 && b === 254) || a >= 224) return 'unusable';
  return 'public';
}
