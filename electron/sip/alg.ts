// Is a SIP ALG rewriting our signalling? Pure logic over what was sent, what the STUN server saw
// from the same socket, and the Via that came back. A SIP server copies the request's Via into
// its response and only adds `received` / `rport` (RFC 3261 §8.2.6.2, §18.2.1; RFC 3581 §4), so
// the response's top Via tells what the provider saw. An ALG in the router rewrites addresses in
// the request on the way out and in the response on the way back; where it does so
// inconsistently, or where the provider's view disagrees with STUN's, the evidence shows it.
// (The same comparison the field notes describe for ReplyCloud's and coturn's ALG checks.)
import { formatAddress, isPrivateIPv4, sameAddress, type TransportAddress } from '../../shared/address';
import type { NatBehaviour } from '../../shared/report';
import type { SipHeader } from '../../shared/sip/message';
import { formatHostPort, parseVia, sameSentBy } from '../../shared/sip/via';
import { clampText } from '../../shared/text/messages/fields';
import type { SipMessage, SipMessageOf } from '../../shared/text/messages/sip';

export interface AlgInput {
  readonly sentVia: string;                                   // the Via value as sent (SentOptions.via)
  readonly sentFromLocal: { readonly ip: string; readonly port: number }; // the socket it left from
  readonly stunMapped: TransportAddress | null;               // STUN mapped address of that socket
  // The same STUN answer's plain MAPPED-ADDRESS (RFC 3489 §11.2.1), when the server sent one.
  // Unlike XOR-MAPPED-ADDRESS (RFC 8489 §14.2) it is readable by an ALG that rewrites addresses
  // wherever they appear in a payload: the two differing shows such a device on the path.
  readonly stunPlainMapped?: TransportAddress | null;
  // From and Contact as sent (SentOptions.from/contact): a response echoes From (RFC 3261
  // §8.2.6.2), and some servers echo the request's Contact as well.
  readonly sentHeaders?: { readonly from: string; readonly contact: string };
  readonly response: { readonly topVia: string; readonly headers?: readonly SipHeader[] }; // a 'response' SipOptionsOutcome fits
  // RFC 5780 mapping behaviour when known: with address-dependent mapping the SIP server is
  // rightly given another public port than the STUN server, which is no ALG's doing.
  readonly mapping?: NatBehaviour;
}

export interface AlgAssessment {
  // true: evidence of an ALG (in `evidence`); false: the provider's view was compared with STUN's
  // and agrees; null: nothing to judge by (the provider does not say where it saw the request
  // from, or there is no STUN mapping to compare with), with the reason in `notes`.
  readonly suspected: boolean | null;
  readonly evidence: readonly SipMessage[];  // sip-alg/*: why an ALG is suspected; empty when it is not
  readonly notes: readonly SipMessage[];     // sip-alg/*: what was checked and found consistent, or could not be
}

function sameIp(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

// user@host[:port] of the first SIP URI in a name-addr or addr-spec (RFC 3261 §20.10, §20.20).
const SIP_URI = /sips?:([^@\s<>;:]+)@(\[[0-9A-Fa-f:.]+\](?::\d{1,5})?|[A-Za-z0-9.-]+(?::\d{1,5})?)/i;

function uriOf(value: string): { readonly user: string; readonly hostPort: string } | undefined {
  const match = SIP_URI.exec(value);
  return match ? { user: (match[1] as string).toLowerCase(), hostPort: (match[2] as string).toLowerCase() } : undefined;
}

// From and an echoed Contact as they came back. RFC 3261 §8.2.6.2: the response's From equals the
// request's; a Contact of our own user is ours echoed (a server's own Contact names the server).
// Our OPTIONS carries no SDP, so no answer can echo one.
function echoedHeaders(sent: NonNullable<AlgInput['sentHeaders']>, headers: readonly SipHeader[]): SipMessage[] {
  const evidence: SipMessage[] = [];
  const sentFrom = uriOf(sent.from);
  const gotFrom = headers.find((header) => header.name === 'From');
  const backFrom = gotFrom === undefined ? undefined : uriOf(gotFrom.value);
  if (sentFrom !== undefined && backFrom !== undefined && backFrom.user === sentFrom.user && backFrom.hostPort !== sentFrom.hostPort) {
    evidence.push({ code: 'sip-alg/header-rewritten', header: 'from', sent: clampText(sentFrom.hostPort), got: clampText(backFrom.hostPort) });
  }
  const sentContact = uriOf(sent.contact);
  if (sentContact !== undefined) {
    for (const header of headers) {
      if (header.name !== 'Contact') continue;
      const back = uriOf(header.value);
      if (back === undefined || back.user !== sentContact.user || back.hostPort === sentContact.hostPort) continue;
      evidence.push({ code: 'sip-alg/header-rewritten', header: 'contact', sent: clampText(sentContact.hostPort), got: clampText(back.hostPort) });
      break;
    }
  }
  return evidence;
}

export function assessAlg(input: AlgInput): AlgAssessment {
  const evidence: SipMessage[] = [];
  const notes: SipMessage[] = [];
  const mapped = input.stunMapped;
  const plain = input.stunPlainMapped ?? null;
  // Evidence that does not depend on the provider's Via.
  if (plain !== null && mapped !== null && !sameAddress(plain, mapped)) {
    evidence.push({ code: 'sip-alg/stun-rewritten', plain: formatAddress(plain), mapped: formatAddress(mapped) });
  }
  if (input.sentHeaders && input.response.headers) evidence.push(...echoedHeaders(input.sentHeaders, input.response.headers));

  const sent = parseVia(input.sentVia);
  const got = parseVia(input.response.topVia);
  if (sent === undefined || got === undefined) {
    notes.push({ code: 'sip-alg/via-unreadable' });
    return { suspected: evidence.length > 0 ? true : null, evidence, notes };
  }
  const sentBy = formatHostPort(sent.host, sent.port);
  const local = input.sentFromLocal;
  const mappingSplits = input.mapping === 'address-dependent' || input.mapping === 'address-and-port-dependent';
  const { rport } = got.params;
  // What the far end wrote: one bounded line, as a message value must be.
  const received = got.params.received === undefined ? undefined : clampText(got.params.received);
  const rportFilled = typeof rport === 'number';
  const sentByChanged = !sameSentBy(sent, got);

  // RFC 3261 §18.2.1 and RFC 3581 §4: a server says where it saw the request from by adding
  // received= and filling rport. One that does neither (it echoes the Via as it came, as some
  // SBCs and test servers do) gives no evidence either way: its Via is not judged at all.
  if (received === undefined && !rportFilled) {
    notes.push(sentByChanged ? { code: 'sip-alg/via-changed', got: clampText(formatHostPort(got.host, got.port)), sent: clampText(sentBy) } : { code: 'sip-alg/via-echoed' });
    if (mapped === null) notes.push({ code: 'sip-alg/no-stun' });
    return { suspected: evidence.length > 0 ? true : null, evidence, notes };
  }

  // RFC 3261 §18.2.2: the server returns the Via exactly as it came, plus received/rport.
  if (sentByChanged) {
    evidence.push({ code: 'sip-alg/via-rewritten', got: clampText(formatHostPort(got.host, got.port)), sent: clampText(sentBy) });
  }

  // RFC 3581 §4: a server that fills rport MUST add received as well; and by RFC 3261 §18.2.1 it
  // adds received whenever the sent-by differs from the packet's source. A private sent-by seen
  // from a public source, rport filled and no received: the server was shown a rewritten sent-by.
  if (received === undefined && rportFilled && isPrivateIPv4(sent.host) && isPrivateIPv4(local.ip) && mapped !== null && !isPrivateIPv4(mapped.ip) && mapped.family === 'IPv4') {
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

  if (rportFilled && mapped !== null && rport !== mapped.port) {
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
  // Without a STUN mapping the provider's view has nothing to be compared with.
  return { suspected: evidence.length > 0 ? true : mapped === null ? null : false, evidence, notes };
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
