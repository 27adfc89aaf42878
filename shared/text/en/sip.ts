// The SIP check's DNS steps, SIP ALG findings and switch-off advice in English.
import type { Catalog } from '../catalog';
import type { AddressLookup, SipMessage } from '../messages/sip';

const LABEL = { udp: 'UDP', tcp: 'TCP', tls: 'TLS' } as const;
const HEADER_EN = { from: 'the From header', contact: 'TrunkCheck\'s own Contact header' } as const;
const NOT_FOUND = { nxdomain: 'the name does not exist (NXDOMAIN)', nodata: 'no such record (NODATA)', failed: 'failed' } as const;
const outcome = (kind: keyof typeof NOT_FOUND, rcode: string | null): string => (kind === 'failed' ? `failed (${rcode ?? 'unknown'})` : NOT_FOUND[kind]);
const lookup = (host: string) => (l: AddressLookup): string => `${l.type} ${host}: ${l.outcome === 'found' ? l.ips.join(', ') : outcome(l.outcome, l.rcode)}`;

const SWITCH_OFF = {
  fortigate:
    'The SIP ALG is on by default (proxy-based). Switch VoIP handling to the kernel helper and remove the SIP session helper: ' +
    'config system settings / set default-voip-alg-mode kernel-helper-based / end, then ' +
    'config system session-helper / show (note the number of the entry named sip) / delete <that number> / end. ' +
    'Alternatively apply a VoIP profile with SIP disabled to the PBX’s policy. The default UDP session TTL is 180 s.',
  fritzbox:
    'No switch for a SIP ALG is documented in our sources. What is known: the box opens UDP 5060 itself when IP telephone numbers are configured on it, so do not let the PBX use 5060 there. ' +
    'DS-Lite lines have no public IPv4 address, so nothing reaches the PBX over IPv4 from outside. Port sharing can be automatic via PCP/UPnP.',
  mikrotik: 'The SIP helper is a firewall “service port”; disable it with /ip firewall service-port disable sip (IP > Firewall > Service Ports).',
  pfsense:
    'Neither has a SIP ALG in the base system; OPNsense has no SIP helper at all: open the RTP range statically. ' +
    'pfSense rewrites source ports on outbound NAT by default: use Hybrid Outbound NAT with a Static Port rule for the PBX.',
  linux:
    'The SIP ALG is the conntrack helper nf_conntrack_sip with nf_nat_sip. Since Linux 4.7 it acts only where a rule assigns it (nf_conntrack_helper defaults to 0). ' +
    'Remove the “ct helper set” (nftables) or “-j CT --helper sip” (iptables) rule for the SIP port. ' +
    'On older kernels with automatic assignment, unload it: modprobe -r nf_nat_sip nf_conntrack_sip (and blacklist both in /etc/modprobe.d/).',
  telekom: 'The provider requires that no SIP ALG is in the path.',
} as const;

export const sipEn: Catalog<SipMessage> = {
  'dns/ip-literal': (m) => `${m.host} is an IP address, so no DNS lookup: RFC 3263 §4.1 sends UDP to port ${m.port}.`,
  'dns/port-given': (m) => `${m.host}:${m.port} names a port, so RFC 3263 §4.2 skips NAPTR and SRV and looks up the address only.`,
  'dns/tcp-tls-too': (m) => `TCP is checked on port ${m.tcpPort} too, and TLS on its default port ${m.tlsPort}.`,
  'dns/naptr-none': (m) => `NAPTR ${m.domain}: ${outcome(m.outcome, m.rcode)}, so SRV is asked directly (RFC 3263 §4.1).`,
  'dns/naptr': (m) =>
    `NAPTR ${m.domain}: ${m.records.map((r) => `${r.service} (order ${r.order}, preference ${r.preference}) → ${r.replacement || '.'}`).join('; ')}.`,
  'dns/naptr-ignored': (m) => `Ignored as not SIP over UDP, TCP or TLS with flag "s": ${m.services.join(', ')}.`,
  'dns/naptr-unusable': (m) => `No usable NAPTR record for ${m.domain}, so SRV is asked directly (RFC 3263 §4.1).`,
  'dns/prefers': (m) => `The provider prefers ${LABEL[m.transport]} (lowest NAPTR order): a PBX that follows RFC 3263 uses ${LABEL[m.transport]}, not UDP.`,
  'dns/naptr-no-udp': () => 'The NAPTR records offer no UDP (SIP+D2U): this provider expects TCP or TLS.',
  'dns/naptr-no-targets': () => 'None of the SRV names the NAPTR records point to has a target (RFC 3263 §4.2).',
  'dns/srv-fallback': (m) => `No SRV target for ${m.domain}: RFC 3263 §4.2 falls back to the domain's own address on the default port (${m.udpPort}, TLS ${m.tlsPort}).`,
  'dns/srv-none': (m) => `SRV ${m.name}: ${outcome(m.outcome, m.rcode)}.`,
  'dns/srv-not-offered': (m) => `SRV ${m.name}: target "." says ${LABEL[m.transport]} is not offered (RFC 2782).`,
  'dns/srv': (m) => `SRV ${m.name}: ${m.records.map((r) => `${r.target}:${r.port} (priority ${r.priority}, weight ${r.weight})`).join(', ')}.`,
  'dns/addresses': (m) => `${m.lookups.map(lookup(m.host)).join('; ')}.`,

  'sip-alg/via-rewritten': (m) => `The provider's answer carries the Via address ${m.got}, but TrunkCheck sent ${m.sent}: a device on the path (a SIP ALG) rewrote the Via header.`,
  'sip-alg/no-received': (m) =>
    `The request left from the private address ${m.local} and STUN sees it as ${m.mapped}, yet the provider's answer names no "received" address: ` +
    'the provider was shown a Via that already matched the public source, so a SIP ALG rewrote it (or the provider ignores RFC 3261 §18.2.1).',
  'sip-alg/private-received': (m) =>
    `The provider's answer says it received the request from ${m.received}, a private address no server on the internet can see, while STUN sees ${m.mapped}: the router's SIP ALG rewrote the answer on its way back.`,
  'sip-alg/received-split': (m) => `The provider saw the request from ${m.received}, STUN from ${m.mapped}: expected, as this NAT maps each destination separately.`,
  'sip-alg/received-differs': (m) => `The provider saw the request coming from ${m.received}, but STUN saw ${m.mapped} for the same socket: something on the path rewrites SIP addresses.`,
  'sip-alg/rport-split': (m) => `The provider saw the request from port ${m.rport}, STUN from port ${m.mapped}: expected, as this NAT gives each destination its own port.`,
  'sip-alg/rport-differs': (m) =>
    `The provider saw the request coming from port ${m.rport}, but STUN saw port ${m.mapped} for the same socket: ` +
    'either the NAT gives the SIP server another port than the STUN server, or a SIP ALG rewrote the rport parameter.',
  'sip-alg/no-rport': () => 'The provider did not fill in rport (RFC 3581): it answers to the port written in Via, which works only where the NAT keeps the port.',
  'sip-alg/no-stun': () => "No STUN mapping to compare the provider's view with.",
  'sip-alg/consistent': (m) => `The provider saw the request from ${m.seen}, as STUN did, and returned the Via unchanged: no sign of a SIP ALG.`,
  'sip-alg/via-unreadable': () => 'The Via header could not be read, so the SIP ALG check was not made.',
  'sip-alg/via-echoed': () =>
    'The provider returned the Via as it was sent, without "received" or "rport" (it does not follow RFC 3261 §18.2.1 and RFC 3581 §4): ' +
    'its answer does not say where it saw the request come from, so it shows neither a SIP ALG nor its absence.',
  'sip-alg/via-changed': (m) =>
    `The provider's answer carries the Via address ${m.got} where TrunkCheck sent ${m.sent}, but no "received" or "rport": ` +
    'a provider that ignores RFC 3261 §18.2.1 and RFC 3581 §4 may change the Via itself, so this alone does not show a SIP ALG.',
  'sip-alg/header-rewritten': (m) =>
    `The provider's answer carries ${HEADER_EN[m.header]} with ${m.got}, but TrunkCheck sent ${m.sent}: a device on the path (a SIP ALG) rewrote it.`,
  'sip-alg/stun-rewritten': (m) =>
    `The STUN answer's MAPPED-ADDRESS says ${m.plain}, its XOR-MAPPED-ADDRESS ${m.mapped}: a device on the path rewrites addresses inside packets, as a SIP ALG does.`,
  'sip-alg/switch-off': (m) => SWITCH_OFF[m.device],
};
