// The machine's network interfaces, for the Network step: which address is the PBX's LAN side.
import { networkInterfaces, type NetworkInterfaceInfo as OsInterface } from 'node:os';
import { isPrivateIPv4, isPrivateIPv6 } from '../../shared/address';
import type { NetworkInterfaceInfo } from '../../shared/network';

export function listInterfaces(source: NodeJS.Dict<OsInterface[]> = networkInterfaces()): NetworkInterfaceInfo[] {
  const list: NetworkInterfaceInfo[] = [];
  for (const [name, entries] of Object.entries(source)) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv6' && entry.address.toLowerCase().startsWith('fe80')) continue; // link-local: not for SIP
      list.push({
        name,
        address: entry.address,
        family: entry.family === 'IPv6' ? 'IPv6' : 'IPv4',
        netmask: entry.netmask,
        cidr: entry.cidr ?? null,
        mac: entry.mac,
        internal: entry.internal,
        private: !entry.internal && (entry.family === 'IPv4' ? isPrivateIPv4(entry.address) : isPrivateIPv6(entry.address)),
        suggested: false,
      });
    }
  }
  // The PBX's SIP trunk address: the first external IPv4 address, a private one first
  // (the seed document's case: the PBX sits behind a NAT router).
  const suggested =
    list.find((entry) => !entry.internal && entry.family === 'IPv4' && entry.private) ??
    list.find((entry) => !entry.internal && entry.family === 'IPv4') ??
    list.find((entry) => entry.family === 'IPv4');
  return list
    .map((entry) => (entry === suggested ? { ...entry, suggested: true } : entry))
    .sort((a, b) => Number(b.suggested) - Number(a.suggested) || Number(a.internal) - Number(b.internal) || a.family.localeCompare(b.family));
}
