// What the LAN's router says of itself (electron/net/gateway): its WAN address by UPnP IGD,
// NAT-PMP and PCP, what each service answered, and the security note on automatic port
// mapping. The report's gateway section carries these beside GatewayReport (shared/path.ts).
import type { AddressScope } from '../../gateway/address-scope';
import { codesOf, flag, guardOf, type MessageIn, type MessagesOf } from './area';
import { count, ip, list, nullable, oneOf, text } from './fields';

export const GATEWAY_SERVICES = ['upnp', 'nat-pmp', 'pcp'] as const;
export type GatewayService = (typeof GATEWAY_SERVICES)[number];

// Why the router was not asked at all.
export const GATEWAY_NOT_ASKED = ['no-gateway', 'not-ipv4'] as const;

// Where UPnP stopped after the router answered the search, and why.
export const UPNP_STEPS = ['description', 'control'] as const;
export const UPNP_PROBLEMS = ['timeout', 'too-large', 'refused', 'status', 'elsewhere', 'malformed', 'no-service'] as const;
export type UpnpStep = (typeof UPNP_STEPS)[number];
export type UpnpProblem = (typeof UPNP_PROBLEMS)[number];

// The scopes of a WAN address that is not public (shared/gateway/address-scope.ts).
export const NOT_PUBLIC_SCOPES = ['private', 'shared', 'unusable'] as const satisfies readonly AddressScope[];

const service = oneOf(GATEWAY_SERVICES);
const notPublic = oneOf(NOT_PUBLIC_SCOPES);

export const GATEWAY_MESSAGES = {
  'gateway/not-asked': { why: oneOf(GATEWAY_NOT_ASKED) },
  'gateway/cancelled': {},
  // No answer in time; `closed`: the router said at once that nothing listens (ICMP port unreachable).
  'gateway/silent': { service, closed: flag },
  'gateway/malformed': { service },

  // UPnP IGD: SSDP search, device description, SOAP GetExternalIPAddress. `connection` names
  // the WAN connection service asked ("WANIPConnection:2").
  'gateway/upnp-address': { ip, connection: text },
  'gateway/upnp-no-address': { connection: text },
  'gateway/upnp-fault': { connection: text, status: count, upnpError: nullable(count) },
  'gateway/upnp-failed': { step: oneOf(UPNP_STEPS), problem: oneOf(UPNP_PROBLEMS) },

  // NAT-PMP public address request, RFC 6886 §3.2; result codes §3.5.
  'gateway/natpmp-address': { ip },
  'gateway/natpmp-no-address': {},
  'gateway/natpmp-refused': { result: count },
  'gateway/natpmp-other-version': { version: count },

  // PCP ANNOUNCE, RFC 6887 §14.1; result codes §7.4; version negotiation §9.
  'gateway/pcp-answered': {},
  'gateway/pcp-refused': { result: count },
  'gateway/pcp-nat-pmp-only': {},
  'gateway/pcp-other-version': { version: count },

  // What the answers mean together.
  'gateway/external-not-public': { ip, scope: notPublic },
  'gateway/sources-differ': { upnp: ip, natPmp: ip },
  'gateway/mapping-offered': { services: list(service, GATEWAY_SERVICES.length) },
} as const;

type Table = typeof GATEWAY_MESSAGES;
export type GatewayCode = keyof Table;
export type GatewayMessageOf<C extends GatewayCode> = MessageIn<Table, C>;
export type GatewayMessage = MessagesOf<Table>;
export const GATEWAY_CODES = codesOf(GATEWAY_MESSAGES);
export const isGatewayMessage = guardOf(GATEWAY_MESSAGES);
