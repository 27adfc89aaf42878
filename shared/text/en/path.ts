// What lies beyond the LAN's router, in English.
import type { Catalog } from '../catalog';
import { FORMAT } from '../format';
import type { MappingServiceName, PathMessage } from '../messages/path';

const f = FORMAT.en;
const SERVICES: { readonly [S in MappingServiceName]: string } = { upnp: 'UPnP', 'nat-pmp': 'NAT-PMP', pcp: 'PCP' };
const hop = (ttl: number, from: string): string => `hop ${ttl}, ${from}`;

export const pathEn: Catalog<PathMessage> = {
  'second-nat/no-nat': (m) => `The public address ${m.ip} is this machine’s own: there is no NAT at all, so there is no second one either.`,
  'second-nat/router-public': (m) => `The router reports ${m.externalIp} as its own WAN address, the address the STUN server saw: it is the only NAT on the way.`,
  'second-nat/router-public-differs': (m) =>
    m.mapped === null
      ? `The router reports the public address ${m.externalIp} as its own, but no STUN address was measured to compare it with.`
      : `The router reports ${m.externalIp} as its own WAN address, but the STUN server saw ${m.mapped}: another device may translate the address again, or the traffic leaves by another line.`,
  'second-nat/router-shared': (m) =>
    `The router’s own WAN address ${m.externalIp} is from 100.64.0.0/10, the providers’ shared address space for carrier-grade NAT (RFC 6598): the provider translates the address a second time.`,
  'second-nat/router-ds-lite': (m) =>
    `The router’s own WAN address ${m.externalIp} is a DS-Lite tunnel address (192.0.0.0/29, RFC 6333): IPv4 leaves through the provider’s carrier-grade NAT.`,
  'second-nat/router-private': (m) =>
    `The router’s own WAN address ${m.externalIp} is a private address (RFC 1918): it sits behind another router of your own, which translates the address a second time.`,
  'second-nat/router-no-address': (m) =>
    `The router answered over ${f.list(m.services.map((service) => SERVICES[service]))} but reported no public address for itself: its WAN address is not public, so a second NAT follows it.`,
  'second-nat/router-silent': () => 'The router did not say what its WAN address is (no answer over UPnP, NAT-PMP or PCP).',
  'second-nat/hop-shared': (m) =>
    `The next router after the LAN’s router (${hop(m.ttl, m.from)}) has an address from 100.64.0.0/10, the providers’ shared address space for carrier-grade NAT (RFC 6598).`,
  'second-nat/hop-ds-lite': (m) => `The next router after the LAN’s router (${hop(m.ttl, m.from)}) is a DS-Lite tunnel end (192.0.0.0/29, RFC 6333): the provider’s carrier-grade NAT.`,
  'second-nat/hop-private': (m) =>
    `The next router after the LAN’s router (${hop(m.ttl, m.from)}) has a private address (RFC 1918): a second router of your own stands between the LAN’s router and the internet.`,
  'second-nat/hop-provider': (m) =>
    `The next router after the LAN’s router (${hop(m.ttl, m.from)}) has a public address, so it is the provider’s: the second NAT is the provider’s carrier-grade NAT.`,
  'second-nat/hop-public': (m) =>
    `The next router after the LAN’s router (${hop(m.ttl, m.from)}) has a public address: most likely there is no second NAT, but a provider’s NAT further on cannot be ruled out.`,
  'second-nat/target-next': (m) =>
    `The STUN server ${m.target} itself answered at hop ${m.ttl}, right after the LAN’s router: no other router, and so no second NAT, lies between.`,
  'second-nat/no-hops': (m) =>
    `No router beyond the LAN’s router gave its address to the TTL-limited probe (${m.first === m.last ? `hop ${m.first}` : `hops ${m.first}–${m.last}`}).`,
  'second-nat/no-probe': () => 'The routers beyond the LAN’s router were not probed: there is no usable ping command, or the test was cancelled.',
};
