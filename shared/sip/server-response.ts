// Answering a request the provider sends to the registered contact (an OPTIONS ping, a NOTIFY),
// as the PBX would: RFC 3261 §8.2.6. Pure; a request we cannot answer is `undefined`.
import { utf8Encode } from '../bytes';
import { getHeader, getHeaders, type SipMessage } from './message';
import { formatHostPort, parseVia } from './via';

// What we answer, by method. 2xx only where it creates no state we do not keep:
//   OPTIONS             200 with Allow and Accept (§11.2)
//   NOTIFY, MESSAGE     200: taken (an unsolicited MWI NOTIFY, RFC 3842; RFC 3428 §7)
//   INVITE              480: a 200 would need SDP and a dialog; no call is taken during a test (§21.4.18)
//   BYE, CANCEL         481: no dialog or transaction of ours (§15.1.2, §9.2)
//   ACK                 no response at all (§17.1.1.3)
//   anything else       405 with Allow (§8.2.1), e.g. a SUBSCRIBE, whose 200 would start a subscription
export const ANSWERED_METHODS = ['INVITE', 'ACK', 'CANCEL', 'BYE', 'OPTIONS', 'NOTIFY', 'MESSAGE'] as const;

export function answerFor(method: string): { readonly status: number; readonly reason: string } | null {
  switch (method) {
    case 'OPTIONS':
    case 'NOTIFY':
    case 'MESSAGE':
      return { status: 200, reason: 'OK' };
    case 'INVITE':
      return { status: 480, reason: 'Temporarily Unavailable' };
    case 'BYE':
    case 'CANCEL':
      return { status: 481, reason: 'Call/Transaction Does Not Exist' };
    case 'ACK':
      return null;
    default:
      return { status: 405, reason: 'Method Not Allowed' };
  }
}

function firstViaParmEnd(value: string): number {
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === '\\' && quoted) i++;
    else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) return i;
  }
  return value.length;
}

// §18.2.1: the server adds `received` when the sent-by host is not the packet's source address;
// RFC 3581 §4: a bare `rport` gets the source port, and `received` then always.
export function stampTopVia(value: string, source: { readonly ip: string; readonly port: number }): string {
  const end = firstViaParmEnd(value);
  let first = value.slice(0, end).trimEnd();
  const rest = value.slice(end);
  const via = parseVia(first);
  const bareRport = /;[ \t]*rport[ \t]*(?=;|$)/i;
  const askedRport = bareRport.test(first);
  const hasReceived = /;[ \t]*received[ \t]*=/i.test(first);
  if (askedRport) first = first.replace(bareRport, `;rport=${source.port}`);
  if (!hasReceived && (askedRport || via === undefined || via.host.toLowerCase() !== source.ip.toLowerCase())) {
    first += `;received=${source.ip.includes(':') ? formatHostPort(source.ip) : source.ip}`;
  }
  return `${first}${rest}`;
}

// §8.2.6.2: a To without tag gets ours; the tag is a parameter of the header, after the URI.
function withToTag(to: string, tag: string): string {
  const close = to.lastIndexOf('>');
  const params = close === -1 ? to.slice(Math.max(0, to.indexOf(';'))) : to.slice(close + 1);
  return /;[ \t]*tag[ \t]*=/i.test(params) ? to : `${to};tag=${tag}`;
}

export interface ResponseOptions {
  readonly status: number;
  readonly reason: string;
  readonly toTag: string;
  readonly source: { readonly ip: string; readonly port: number }; // where the request came from
  readonly server: string;                                         // Server: TrunkCheck/<version>
}

// §8.2.6.2: Via (all, in order), From, To (with a tag), Call-ID and CSeq copied from the request.
export function buildResponse(request: SipMessage, options: ResponseOptions): { readonly text: string; readonly bytes: Uint8Array } | undefined {
  if (request.start.kind !== 'request') return undefined;
  const vias = getHeaders(request, 'Via');
  const from = getHeader(request, 'From');
  const to = getHeader(request, 'To');
  const callId = getHeader(request, 'Call-ID');
  const cseq = getHeader(request, 'CSeq');
  // §8.1.1: a request without these cannot be answered in a way the sender would match.
  if (vias.length === 0 || from === undefined || to === undefined || callId === undefined || cseq === undefined) return undefined;
  const [top, ...below] = vias as [string, ...string[]];
  const lines = [
    `SIP/2.0 ${options.status} ${options.reason}`,
    `Via: ${stampTopVia(top, options.source)}`,
    ...below.map((via) => `Via: ${via}`),
    `From: ${from}`,
    `To: ${withToTag(to, options.toTag)}`,
    `Call-ID: ${callId}`,
    `CSeq: ${cseq}`,
    ...(request.start.method === 'OPTIONS' || options.status === 405 ? [`Allow: ${ANSWERED_METHODS.join(', ')}`] : []),
    ...(request.start.method === 'OPTIONS' ? ['Accept: application/sdp'] : []), // §11.2
    `Server: ${options.server}`,
    'Content-Length: 0',
  ];
  const text = `${lines.join('\r\n')}\r\n\r\n`;
  return { text, bytes: utf8Encode(text) };
}
