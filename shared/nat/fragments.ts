// Do IP fragments pass between the PBX and the internet? Judged from four STUN requests sent at
// once from the SIP socket to one server (electron/nat/fragments.ts sends them). An INVITE with a
// rich SDP grows past the MTU and travels as fragments; many firewalls drop them, and calls then
// fail while OPTIONS and STUN pass.
//
// The four requests tell the two directions apart, because RFC 5780 fixes what a server answers:
//   control   a plain Binding request: small out, small back. Proves the server answers right now.
//   outbound  PADDING past the MTU *and* RESPONSE-PORT: big out, and RFC 5780 §6.1 makes the server
//             refuse the pair with a small 400 (a server without RFC 5780 sends a small 420, one
//             that ignores both a small success). Any answer proves the big request arrived.
//   inbound   a small request with a few bytes of PADDING: small out, and RFC 5780 §6.1 pads the
//             answer "equal to the MTU on the outgoing interface", so it comes back as fragments.
//   both      PADDING past the MTU alone: big out, big back. A second chance for each direction
//             (a server that pads only as much as it was sent, or that drops the odd pair).
import type { IpFamily } from '../address';
import type { FragmentsReport, FragmentStatus } from '../path';
import type { FragmentDirection, FragmentMessage } from '../text/messages/fragments';

// RFC 5780 §7.6: PADDING "SHOULD be equal in length to the MTU of the outgoing interface". The
// PBX's interface MTU is not known to a socket; 1500 is Ethernet's, and with the STUN header and
// the other attributes the datagram exceeds it on every common link (1500, PPPoE's 1492).
export const REQUEST_PADDING_BYTES = 1500;
// The inbound request asks for padding without being big itself (RFC 5780 §7.6: the value does not matter).
export const SMALL_PADDING_BYTES = 4;
// The largest IP datagram that crosses an Ethernet link whole (RFC 894); anything bigger arrives
// from the internet as fragments.
export const ETHERNET_MTU = 1500;

const UDP_HEADER = 8; // RFC 768
const IP_HEADER = { IPv4: 20, IPv6: 40 } as const; // RFC 791 without options, RFC 8200 fixed header

export function ipDatagramBytes(udpPayloadBytes: number, family: IpFamily): number {
  return udpPayloadBytes + UDP_HEADER + IP_HEADER[family];
}

// Whether a UDP payload of this size crossed an Ethernet-sized path in fragments.
export function travelsAsFragments(udpPayloadBytes: number, family: IpFamily): boolean {
  return ipDatagramBytes(udpPayloadBytes, family) > ETHERNET_MTU;
}

// What one of the four requests got back. `bytes` is the STUN message (the UDP payload).
export type FragmentAnswer =
  | { readonly kind: 'none'; readonly requests: number }
  | { readonly kind: 'success'; readonly bytes: number; readonly padding: number | null }
  | { readonly kind: 'error'; readonly bytes: number; readonly status: number | null };

export interface FragmentExchange {
  readonly requestBytes: number;
  readonly answer: FragmentAnswer;
}

export interface FragmentObservations {
  readonly server: string; // formatted address
  readonly family: IpFamily;
  readonly cancelled: boolean;
  readonly control: FragmentExchange;
  readonly outbound: FragmentExchange;
  readonly inbound: FragmentExchange;
  readonly both: FragmentExchange;
}

export interface FragmentsJudgement {
  readonly report: FragmentsReport;
  readonly evidence: readonly FragmentMessage[];
}

const answered = (exchange: FragmentExchange): boolean => exchange.answer.kind !== 'none';
const requestsOf = (...exchanges: FragmentExchange[]): number =>
  exchanges.reduce((sum, exchange) => sum + (exchange.answer.kind === 'none' ? exchange.answer.requests : 0), 0);

// A padded success answer big enough to have come in as fragments.
function fragmentedAnswer(exchange: FragmentExchange, family: IpFamily): number | null {
  const answer = exchange.answer;
  return answer.kind === 'success' && answer.padding !== null && travelsAsFragments(answer.bytes, family) ? answer.bytes : null;
}

export function judgeFragments(o: FragmentObservations): FragmentsJudgement {
  const { server } = o;
  const untested = (message: FragmentMessage): FragmentsJudgement => ({ report: { outbound: 'untested', inbound: 'untested' }, evidence: [message] });

  // An answer to a big request is proof whatever else happened; silence is only evidence when
  // the server was heard at the same time and the test was not cut short.
  const outboundProof = [o.outbound, o.both].find(answered);
  const inboundBytes = fragmentedAnswer(o.inbound, o.family) ?? fragmentedAnswer(o.both, o.family);
  if (outboundProof === undefined && inboundBytes === null) {
    if (o.cancelled) return untested({ code: 'fragments/cancelled' });
    if (!answered(o.control)) return untested({ code: 'fragments/server-silent', server, requests: requestsOf(o.control, o.outbound, o.inbound, o.both) });
  }

  let outbound: FragmentStatus;
  const evidence: FragmentMessage[] = [];
  if (outboundProof !== undefined && outboundProof.answer.kind !== 'none') {
    outbound = 'passes';
    evidence.push({ code: 'fragments/outbound-passes', server, requestBytes: outboundProof.requestBytes, answerBytes: outboundProof.answer.bytes });
  } else if (o.cancelled || !answered(o.control)) {
    outbound = 'untested';
    evidence.push(o.cancelled ? { code: 'fragments/cancelled' } : { code: 'fragments/server-silent', server, requests: requestsOf(o.control) });
  } else {
    // The small answer RFC 5780 §6.1 prescribes did not come, while the server answered the
    // plain request: the big request was lost on the way out.
    outbound = 'dropped';
    evidence.push({ code: 'fragments/outbound-dropped', server, requestBytes: o.outbound.requestBytes, requests: requestsOf(o.outbound) });
  }

  const [inbound, reason] = judgeInbound(o, inboundBytes);
  evidence.push(reason);
  return { report: { outbound, inbound }, evidence };
}

function judgeInbound(o: FragmentObservations, fragmentedBytes: number | null): [FragmentStatus, FragmentMessage] {
  const { server } = o;
  if (fragmentedBytes !== null) return ['passes', { code: 'fragments/inbound-passes', server, answerBytes: fragmentedBytes }];
  // An answer to a padded request that did not prove anything says how the server treats PADDING.
  const answer = [o.inbound.answer, o.both.answer].find((candidate) => candidate.kind !== 'none');
  if (answer?.kind === 'error') return ['untested', { code: 'fragments/padding-refused', server, status: answer.status }];
  if (answer?.kind === 'success') {
    if (answer.padding === null) return ['untested', { code: 'fragments/padding-ignored', server }];
    return ['untested', { code: 'fragments/answer-too-small', server, answerBytes: answer.bytes }];
  }
  if (o.cancelled) return ['untested', { code: 'fragments/cancelled' }];
  if (!answered(o.control)) return ['untested', { code: 'fragments/server-silent', server, requests: requestsOf(o.control) }];
  // A server that ignores or refuses PADDING answers small, and small answers arrive (the
  // control did): only a padded answer can have been lost.
  return ['dropped', { code: 'fragments/inbound-dropped', server, requests: requestsOf(o.inbound, o.both) }];
}

// What to change when fragments are dropped: let them through (a rule by port cannot match them,
// as only the first fragment carries the UDP header), or keep big SIP messages off UDP, which
// RFC 3261 §18.1.1 asks for anyway.
export function fragmentsAdvice(report: FragmentsReport, pbxIp: string): FragmentMessage[] {
  const out = report.outbound === 'dropped';
  const into = report.inbound === 'dropped';
  if (!out && !into) return [];
  const direction: FragmentDirection = out && into ? 'both' : out ? 'outbound' : 'inbound';
  return [{ code: 'fragments-fix/allow', direction, pbxIp }, { code: 'fragments-fix/sip-tcp' }];
}
