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
import { clampText } from '../../shared/text/messages/fields';
import type { SipMessage, SipMessageOf } from '../../shared/text/messages/sip';

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
  readonly evidence: readonly SipMessage[];  // sip-alg/*: why an ALG is suspected; empty when it is not
  readonly notes: readonly SipMessage[];     // sip-alg/*: what was checked and found consistent, or could not be
}

function sameIp(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function assessAlg(input: AlgInput): AlgAssessment {
  const evidence: SipMessage[] = [];
  const notes: SipMessage[] = [];
  const sent = parseVia(input.sentVia);
  const got = parseVia(input.response.topVia);
  if (sent === undefined || got === undefined) {
    return { suspected: false, evidence, notes: [{ code: 'sip-alg/via-unreadable' }] };
  }
  const sentBy = formatHostPort(sent.host, sent.port);
  const local = input.sentFromLocal;
  const mapped = input.stunMapped;
  const mappingSplits = input.mapping === 'address-dependent' || input.mapping === 'address-and-port-dependent';
  const { rport } = got.params;
  // What the far end wrote: one bounded line, as a message value must be.
  const received = got.params.received === undefined ? undefined : clampText(got.params.received);

  // RFC 3261 §18.2.2: the server returns the Via exactly as it came, plus received/rport.
  if (!sameSentBy(sent, got)) {
    evidence.push({ code: 'sip-alg/via-rewritten', got: clampText(formatHostPort(got.host, got.port)), sent: clampText(sentBy) });
  }

  // RFC 3261 §18.2.1: a server adds received= whenever the sent-by differs from the packet's
  // source (and RFC 3581 §4 always, when rport was asked for). A private sent-by seen from a
  // public source without received= means the server was shown a rewritten sent-by.
  if (received === undefined && isPrivateIPv4(sent.host) && isPrivateIPv4(local.ip) && mapped !== null && !isPrivateIPv4(mapped.ip) && mapped.family === 'IPv4') {
    evidence.push({ code: 'sip-alg/no-received', local: local.ip, mapped: formatAddress(mapped) });
  }

  if (received !== undefined && mapped !== null && !sameIp(received, mapped.ip)) {
    if (isPrivateIPv4(received) && !isPrivateIPv4(mapped.ip)) {
      evidence.push({ code: 'sip-alg/private-received', received, mapped: mapped.ip });
    } else if (mappingSplits) {
      notes.push({ code: 'sip-alg/received-split', received, mapped: mapped.ip });
    } else {
      evidence.push({ code: 'sip-alg/received-differs', received, mapped: mapped.ip });
    }
  }

  if (typeof rport === 'number' && mapped !== null && rport !== mapped.port) {
    if (mappingSplits) {
      notes.push({ code: 'sip-alg/rport-split', rport, mapped: mapped.port });
    } else {
      evidence.push({ code: 'sip-alg/rport-differs', rport, mapped: mapped.port });
    }
  }

  if (sent.params.rport === true && rport === undefined) {
    notes.push({ code: 'sip-alg/no-rport' });
  }
  if (mapped === null) notes.push({ code: 'sip-alg/no-stun' });
  if (evidence.length === 0 && received !== undefined && mapped !== null && sameIp(received, mapped.ip) && (rport === undefined || rport === mapped.port)) {
    notes.push({ code: 'sip-alg/consistent', seen: clampText(formatHostPort(received, typeof rport === 'number' ? rport : undefined)) });
  }
  return { suspected: evidence.length > 0, evidence, notes };
}

export interface AlgAdvice {
  readonly device: string;                                // the product's own name
  readonly advice: SipMessageOf<'sip-alg/switch-off'>;   // how to switch it off, worded by shared/text
  readonly source: string;
}

// Only facts from /work/shared/reference/field-notes.md ("Router and firewall facts") or the
// vendors' own documentation, as named in `source`; the steps are in the catalog (shared/text/*/sip.ts).
const ALG_ADVICE: readonly AlgAdvice[] = [
  { device: 'FortiGate', advice: { code: 'sip-alg/switch-off', device: 'fortigate' }, source: 'field notes: community.fortinet.com 211669' },
  { device: 'AVM FRITZ!Box', advice: { code: 'sip-alg/switch-off', device: 'fritzbox' }, source: 'field notes: avm.de KB 894' },
  { device: 'MikroTik RouterOS', advice: { code: 'sip-alg/switch-off', device: 'mikrotik' }, source: 'field notes; help.mikrotik.com (IP > Firewall > Service ports)' },
  { device: 'pfSense / OPNsense', advice: { code: 'sip-alg/switch-off', device: 'pfsense' }, source: 'field notes: opnsense/core#4477; docs.netgate.com (nat/outbound)' },
  {
    device: 'Linux (iptables / nftables)',
    advice: { code: 'sip-alg/switch-off', device: 'linux' },
    source: 'Linux kernel documentation: networking/nf_conntrack-sysctl (nf_conntrack_helper)',
  },
  { device: 'Telekom CompanyFlex / DeutschlandLAN SIP-Trunk', advice: { code: 'sip-alg/switch-off', device: 'telekom' }, source: 'field notes: company-hilfe.deutschland-lan.de' },
];

export function algAdvice(): readonly AlgAdvice[] {
  return ALG_ADVICE;
}
