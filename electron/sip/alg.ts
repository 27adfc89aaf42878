// Is a SIP ALG rewriting our signalling? Pure logic over what was sent, what the STUN server saw
// from the same socket, and the Via that came back. A SIP server copies the request's Via into
// its response and only adds `received` / `rport` (RFC 3261 §8.2.6.2, §18.2.1; RFC 3581 §4), so
// the response's top Via tells what the provider saw. An ALG in the router rewrites addresses in
// the request on the way out and in the response on the way back; where it does so
// inconsistently, or where the provider's view disagrees with STUN's, the evidence shows it.
// (The same comparison the field notes describe for ReplyCloud's and coturn's ALG checks.)
import { formatAddress, isPrivateIPv4, type TransportAddress } from '../../shared/address';
import type { NatBehaviour } from '../../shared/report';
import { formatHostPort, parseVia, sameSentBy } from '../../shared/sip/via';

export interface AlgInput {
  readonly sentVia: string;                                   // the Via value as sent (SentOptions.via)
  readonly sentFromLocal: { readonly ip: string; readonly port: number }; // the socket it left from
  readonly stunMapped: TransportAddress | null;               // STUN mapped address of that socket
  readonly response: { readonly topVia: string };             // a 'response' SipOptionsOutcome fits
  // RFC 5780 mapping behaviour when known: with address-dependent mapping the SIP server is
  // rightly given another public port than the STUN server, which is no ALG's doing.
  readonly mapping?: NatBehaviour;
}

export interface AlgAssessment {
  readonly suspected: boolean;
  readonly evidence: readonly string[];  // why an ALG is suspected; empty when it is not
  readonly notes: readonly string[];     // what was checked and found consistent, or could not be
}

function sameIp(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function assessAlg(input: AlgInput): AlgAssessment {
  const evidence: string[] = [];
  const notes: string[] = [];
  const sent = parseVia(input.sentVia);
  const got = parseVia(input.response.topVia);
  if (sent === undefined || got === undefined) {
    return { suspected: false, evidence, notes: ['The Via header could not be read, so the SIP ALG check was not made.'] };
  }
  const sentBy = formatHostPort(sent.host, sent.port);
  const local = input.sentFromLocal;
  const mapped = input.stunMapped;
  const mappingSplits = input.mapping === 'address-dependent' || input.mapping === 'address-and-port-dependent';
  const { received, rport } = got.params;

  // RFC 3261 §18.2.2: the server returns the Via exactly as it came, plus received/rport.
  if (!sameSentBy(sent, got)) {
    evidence.push(
      `The provider's answer carries the Via address ${formatHostPort(got.host, got.port)}, but TrunkCheck sent ${sentBy}: a device on the path (a SIP ALG) rewrote the Via header.`,
    );
  }

  // RFC 3261 §18.2.1: a server adds received= whenever the sent-by differs from the packet's
  // source (and RFC 3581 §4 always, when rport was asked for). A private sent-by seen from a
  // public source without received= means the server was shown a rewritten sent-by.
  if (received === undefined && isPrivateIPv4(sent.host) && isPrivateIPv4(local.ip) && mapped !== null && !isPrivateIPv4(mapped.ip) && mapped.family === 'IPv4') {
    evidence.push(
      `The request left from the private address ${local.ip} and STUN sees it as ${formatAddress(mapped)}, yet the provider's answer names no "received" address: ` +
        `the provider was shown a Via that already matched the public source, so a SIP ALG rewrote it (or the provider ignores RFC 3261 §18.2.1).`,
    );
  }

  if (received !== undefined && mapped !== null && !sameIp(received, mapped.ip)) {
    if (isPrivateIPv4(received) && !isPrivateIPv4(mapped.ip)) {
      evidence.push(
        `The provider's answer says it received the request from ${received}, a private address no server on the internet can see, while STUN sees ${mapped.ip}: the router's SIP ALG rewrote the answer on its way back.`,
      );
    } else if (mappingSplits) {
      notes.push(`The provider saw the request from ${received}, STUN from ${mapped.ip}: expected, as this NAT maps each destination separately.`);
    } else {
      evidence.push(`The provider saw the request coming from ${received}, but STUN saw ${mapped.ip} for the same socket: something on the path rewrites SIP addresses.`);
    }
  }

  if (typeof rport === 'number' && mapped !== null && rport !== mapped.port) {
    if (mappingSplits) {
      notes.push(`The provider saw the request from port ${rport}, STUN from port ${mapped.port}: expected, as this NAT gives each destination its own port.`);
    } else {
      evidence.push(
        `The provider saw the request coming from port ${rport}, but STUN saw port ${mapped.port} for the same socket: ` +
          `either the NAT gives the SIP server another port than the STUN server, or a SIP ALG rewrote the rport parameter.`,
      );
    }
  }

  if (sent.params.rport === true && rport === undefined) {
    notes.push('The provider did not fill in rport (RFC 3581): it answers to the port written in Via, which works only where the NAT keeps the port.');
  }
  if (mapped === null) notes.push('No STUN mapping to compare the provider\'s view with.');
  if (evidence.length === 0 && received !== undefined && mapped !== null && sameIp(received, mapped.ip) && (rport === undefined || rport === mapped.port)) {
    notes.push(`The provider saw the request from ${formatHostPort(received, typeof rport === 'number' ? rport : undefined)}, as STUN did, and returned the Via unchanged: no sign of a SIP ALG.`);
  }
  return { suspected: evidence.length > 0, evidence, notes };
}

export interface AlgAdvice {
  readonly device: string;
  readonly steps: readonly string[];
  readonly source: string;
}

// Only facts from /work/shared/reference/field-notes.md ("Router and firewall facts") or the
// vendors' own documentation, as named in `source`. English; the renderer translates.
const ALG_ADVICE: readonly AlgAdvice[] = [
  {
    device: 'FortiGate',
    steps: [
      'The SIP ALG is on by default (proxy-based). Switch VoIP handling to the kernel helper and remove the SIP session helper:',
      'config system settings / set default-voip-alg-mode kernel-helper-based / end',
      'config system session-helper / show (note the number of the entry named sip) / delete <that number> / end',
      'Alternatively apply a VoIP profile with SIP disabled to the PBX\'s policy. The default UDP session TTL is 180 s.',
    ],
    source: 'field notes: community.fortinet.com 211669',
  },
  {
    device: 'AVM FRITZ!Box',
    steps: [
      'No switch for a SIP ALG is documented in our sources. What is known: the box opens UDP 5060 itself when IP telephone numbers are configured on it, so do not let the PBX use 5060 there.',
      'DS-Lite lines have no public IPv4 address, so nothing reaches the PBX over IPv4 from outside. Port sharing can be automatic via PCP/UPnP.',
    ],
    source: 'field notes: avm.de KB 894',
  },
  {
    device: 'MikroTik RouterOS',
    steps: ['The SIP helper is a firewall "service port"; disable it: /ip firewall service-port disable sip'],
    source: 'field notes; help.mikrotik.com (IP > Firewall > Service ports)',
  },
  {
    device: 'pfSense / OPNsense',
    steps: [
      'Neither has a SIP ALG in the base system; OPNsense has no SIP helper at all: open the RTP range statically.',
      'pfSense rewrites source ports on outbound NAT by default: use Hybrid Outbound NAT with a Static Port rule for the PBX.',
    ],
    source: 'field notes: opnsense/core#4477; docs.netgate.com (nat/outbound)',
  },
  {
    device: 'Linux (iptables / nftables)',
    steps: [
      'The SIP ALG is the conntrack helper nf_conntrack_sip with nf_nat_sip. Since Linux 4.7 it acts only where a rule assigns it (nf_conntrack_helper defaults to 0).',
      'Remove the "ct helper set" (nftables) or "-j CT --helper sip" (iptables) rule for the SIP port.',
      'On older kernels with automatic assignment, unload it: modprobe -r nf_nat_sip nf_conntrack_sip (and blacklist both in /etc/modprobe.d/).',
    ],
    source: 'Linux kernel documentation: networking/nf_conntrack-sysctl (nf_conntrack_helper)',
  },
  {
    device: 'Telekom CompanyFlex / DeutschlandLAN SIP-Trunk',
    steps: ['The provider requires that no SIP ALG is in the path.'],
    source: 'field notes: company-hilfe.deutschland-lan.de',
  },
];

export function algAdvice(): readonly AlgAdvice[] {
  return ALG_ADVICE;
}
