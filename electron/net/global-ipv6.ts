// The PBX's global IPv6 address (issue 14): the one the IPv6 checks bind the SIP port to. Not
// link-local (fe80::/10) or unique local (fc00::/7, RFC 4193): neither reaches a provider; the
// documentation prefix 2001:db8::/32 (RFC 3849) counts as global, as the lab uses it.
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { isIPv6, isPrivateIPv6 } from '../../shared/address';

export function isGlobalIpv6(ip: string): boolean {
  const lower = ip.toLowerCase();
  // Unspecified, IPv4-mapped (RFC 4291 §2.5.5.2) and multicast (ff00::/8) addresses are no unicast source.
  return isIPv6(lower) && !isPrivateIPv6(lower) && lower !== '::' && !lower.startsWith('::ffff:') && !lower.startsWith('ff');
}

// The first global IPv6 address of an interface that is up, or null.
export function globalIpv6Address(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string | null {
  for (const entries of Object.values(interfaces)) {
    const found = (entries ?? []).find((entry) => entry.family === 'IPv6' && !entry.internal && isGlobalIpv6(entry.address));
    if (found) return found.address;
  }
  return null;
}

// One spelling per address (RFC 5952), so a STUN mapping compares with the interface's address.
export function canonicalIpv6(ip: string): string {
  try {
    return new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  } catch {
    return ip.toLowerCase();
  }
}
