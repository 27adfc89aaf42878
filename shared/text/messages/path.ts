// What lies beyond the LAN's router, as codes with values (DESIGN.md "Behind a second NAT,
// forwarding on the router cannot help"): the evidence shared/path/second-nat.ts found for or
// against a second NAT and for the provider's carrier-grade NAT. Each code names one fact; the
// verdict (nat.doubleNat, nat.carrierGrade) stands beside them.
import { codesOf, guardOf, type MessageIn, type MessagesOf } from './area';
import { field, ip, list, nullable, oneOf, type Field } from './fields';

// The router's port-mapping services, as the wording names them (GatewayReport.portMapping).
export const MAPPING_SERVICES = ['upnp', 'nat-pmp', 'pcp'] as const;
export type MappingServiceName = (typeof MAPPING_SERVICES)[number];
// Their product names, the same in every language.
export const MAPPING_SERVICE_NAMES: { readonly [S in MappingServiceName]: string } = { upnp: 'UPnP IGD', 'nat-pmp': 'NAT-PMP', pcp: 'PCP' };

// A TTL, the hop it reached (RFC 791: 8 bits; TTL 0 is never sent).
const ttl: Field<number> = field((value) => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 255);

export const PATH_MESSAGES = {
  // No NAT at all: the STUN mapped address is this machine's own.
  'second-nat/no-nat': { ip },
  // What the LAN's router says its own WAN address is (UPnP IGD, NAT-PMP, PCP).
  'second-nat/router-public': { externalIp: ip },
  'second-nat/router-public-differs': { externalIp: ip, mapped: nullable(ip) },
  'second-nat/router-shared': { externalIp: ip },   // RFC 6598 100.64.0.0/10
  'second-nat/router-ds-lite': { externalIp: ip },  // RFC 6333 §5.7 192.0.0.0/29
  'second-nat/router-private': { externalIp: ip },  // RFC 1918
  'second-nat/router-no-address': { services: list(oneOf(MAPPING_SERVICES), 3) },
  'second-nat/router-silent': {},
  // The routers beyond it, found by the TTL-limited probe (RFC 792 time exceeded).
  'second-nat/hop-shared': { ttl, from: ip },
  'second-nat/hop-ds-lite': { ttl, from: ip },
  'second-nat/hop-private': { ttl, from: ip },
  'second-nat/hop-provider': { ttl, from: ip },
  'second-nat/hop-public': { ttl, from: ip },
  'second-nat/target-next': { ttl, target: ip },
  'second-nat/no-hops': { first: ttl, last: ttl },
  'second-nat/no-probe': {},
} as const;

type Table = typeof PATH_MESSAGES;
export type PathCode = keyof Table;
export type PathMessageOf<C extends PathCode> = MessageIn<Table, C>;
export type PathMessage = MessagesOf<Table>;
export const PATH_CODES = codesOf(PATH_MESSAGES);
export const isPathMessage = guardOf(PATH_MESSAGES);
