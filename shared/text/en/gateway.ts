// What the LAN's router says of itself, in English.
import type { Catalog } from '../catalog';
import { FORMAT } from '../format';
import type { GatewayMessage } from '../messages/gateway';
import { MAPPING_SERVICE_NAMES } from '../messages/path';

const f = FORMAT.en;

const SERVICES = MAPPING_SERVICE_NAMES;

const SILENT = {
  upnp: 'the UPnP search (SSDP)',
  'nat-pmp': 'NAT-PMP',
  pcp: 'PCP',
} as const;

const CLOSED = {
  upnp: 'nothing listens on the router’s SSDP port 1900 (ICMP port unreachable): it offers no UPnP IGD.',
  'nat-pmp': 'the router does not offer NAT-PMP: its port 5351 is closed (ICMP port unreachable).',
  pcp: 'the router does not offer PCP: its port 5351 is closed (ICMP port unreachable).',
} as const;

const STEPS = { description: 'its device description', control: 'its control URL' } as const;

const PROBLEMS = {
  timeout: 'did not answer in time',
  'too-large': 'was larger than allowed',
  refused: 'refused the connection',
  status: 'answered with an HTTP error',
  elsewhere: 'points to another host than the router (not followed)',
  malformed: 'could not be read',
  'no-service': 'lists no WAN connection service',
} as const;

// RFC 6886 §3.5.
const NAT_PMP_RESULTS: Readonly<Record<number, string>> = {
  1: 'unsupported version',
  2: 'refused: the feature is switched off on the router',
  3: 'network failure: the router has no public address of its own (yet)',
  4: 'out of resources',
  5: 'unsupported opcode',
};

// RFC 6887 §7.4, by the RFC's names.
const PCP_RESULTS: Readonly<Record<number, string>> = {
  1: 'UNSUPP_VERSION',
  2: 'NOT_AUTHORIZED',
  3: 'MALFORMED_REQUEST',
  4: 'UNSUPP_OPCODE',
  5: 'UNSUPP_OPTION',
  6: 'MALFORMED_OPTION',
  7: 'NETWORK_FAILURE',
  8: 'NO_RESOURCES',
  9: 'UNSUPP_PROTOCOL',
  10: 'USER_EX_QUOTA',
  11: 'CANNOT_PROVIDE_EXTERNAL',
  12: 'ADDRESS_MISMATCH',
  13: 'EXCESSIVE_REMOTE_PEERS',
};

const NOT_PUBLIC = {
  private: 'a private one (RFC 1918): another router of your own sits between it and the internet.',
  shared: 'in the shared address space 100.64.0.0/10 (RFC 6598): the provider’s carrier-grade NAT sits beyond it.',
  unusable: 'no usable WAN address.',
} as const;

export const gatewayEn: Catalog<GatewayMessage> = {
  'gateway/not-asked': (m) =>
    m.why === 'no-gateway' ? 'The router was not asked about itself: this machine has no default route.' : 'The router was not asked about itself: the default route leads to no IPv4 router.',
  'gateway/cancelled': () => 'The questions to the router were cancelled before all its answers came.',
  'gateway/silent': (m) => (m.closed ? `${CLOSED[m.service].charAt(0).toUpperCase()}${CLOSED[m.service].slice(1)}` : `No answer from the router to ${SILENT[m.service]} in time: it does not offer it, or a firewall drops the question.`),
  'gateway/malformed': (m) => `The router’s answer to ${SERVICES[m.service]} was malformed and is ignored.`,
  'gateway/upnp-address': (m) => `The router’s UPnP IGD (${m.connection}) gives its WAN address as ${m.ip}.`,
  'gateway/upnp-no-address': (m) =>
    `The router’s UPnP IGD (${m.connection}) answered GetExternalIPAddress with no address: miniupnpd and many routers answer so when their own WAN address is not public, a sign of a further NAT beyond the router.`,
  'gateway/upnp-fault': (m) => `The router’s UPnP IGD (${m.connection}) refused GetExternalIPAddress (HTTP ${m.status}${m.upnpError === null ? '' : `, UPnP error ${m.upnpError}`}).`,
  'gateway/upnp-failed': (m) => `The router answered the UPnP search, but ${STEPS[m.step]} ${PROBLEMS[m.problem]}.`,
  'gateway/natpmp-address': (m) => `NAT-PMP: the router gives its public address as ${m.ip} (RFC 6886).`,
  'gateway/natpmp-no-address': () => 'NAT-PMP: the router answered with the address 0.0.0.0: it has none to give.',
  'gateway/natpmp-refused': (m) => `NAT-PMP: the router answered with result ${m.result}, ${NAT_PMP_RESULTS[m.result] ?? 'a code RFC 6886 does not define'} (RFC 6886 §3.5).`,
  'gateway/natpmp-other-version': (m) => `The router answered NAT-PMP in protocol version ${m.version}: it speaks ${m.version === 2 ? 'PCP' : 'another protocol version'} only.`,
  'gateway/pcp-answered': () => 'The router answers PCP (an ANNOUNCE request, RFC 6887 §14.1).',
  'gateway/pcp-refused': (m) => `The router answered PCP with result ${m.result} (${PCP_RESULTS[m.result] ?? 'a code RFC 6887 does not define'}).`,
  'gateway/pcp-nat-pmp-only': () => 'The router answered PCP in the format of NAT-PMP: it speaks NAT-PMP only.',
  'gateway/pcp-other-version': (m) => `The router answered PCP naming version ${m.version}: it does not speak PCP version 2.`,
  'gateway/external-not-public': (m) => `The WAN address the router reports, ${m.ip}, is ${NOT_PUBLIC[m.scope]}`,
  'gateway/sources-differ': (m) => `UPnP and NAT-PMP give different WAN addresses (${m.upnp} and ${m.natPmp}); the NAT-PMP one is reported.`,
  'gateway/mapping-offered': (m) =>
    `The router offers automatic port mapping (${f.list(m.services.map((s) => SERVICES[s]))}); TrunkCheck never creates a mapping. Consider switching it off unless a device needs it.`,
};
