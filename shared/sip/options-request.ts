// The OPTIONS request TrunkCheck sends to the SIP provider (RFC 3261 §11.1, headers per §8.1.1),
// over UDP from the PBX's SIP port, so it uses the very NAT binding STUN measured.
import { isIPv4, isIPv6, isValidPort } from '../address';
import { randomBytes, toHex, utf8Encode } from '../bytes';
import { fail, ok, type Result } from '../result';
import { BRANCH_MAGIC_COOKIE, formatHostPort } from './via';

export { parseVia, type Via, type ViaParams } from './via';

export const SIP_DEFAULT_PORT = 5060; // RFC 3261 §19.1.2
export const MAX_FORWARDS = 70;       // RFC 3261 §8.1.1.6

export interface OptionsRequestInput {
  readonly requestUri: { readonly host: string; readonly port?: number };
  // The address the request leaves from, as the PBX would write it (its LAN address and SIP port).
  readonly localSentBy: { readonly ip: string; readonly port: number };
  readonly version: string;            // User-Agent: TrunkCheck/<version>
  readonly cseq?: number;              // default 1
  // RFC 3581 §3: ask the server to answer to the source port and name it. Off only to test
  // servers that force it (force_rport) without being asked.
  readonly rport?: boolean;
  // Fixed values for tests; random by default.
  readonly branch?: string;
  readonly callId?: string;
  readonly fromTag?: string;
}

export interface OptionsRequest {
  readonly text: string;
  readonly bytes: Uint8Array;
  readonly branch: string;
  readonly callId: string;
  readonly cseq: number;
  readonly fromTag: string;
  readonly via: string;        // the Via header value as sent
  readonly from: string;       // the From and Contact values as sent: an ALG rewrites them too
  readonly contact: string;
  readonly requestUri: string;
}

// RFC 3261 §25.1 hostname: labels of letters, digits and inner hyphens; the top label starts
// with a letter (so "999.1.1.1" is neither an address nor a name).
const HOSTNAME = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?$/;
const TOKEN = /^[A-Za-z0-9.!%*_+`'~-]{1,128}$/;

export function isSipHost(host: string): boolean {
  return isIPv4(host) || isIPv6(host) || HOSTNAME.test(host);
}

export function buildOptionsRequest(input: OptionsRequestInput): Result<OptionsRequest> {
  const { requestUri, localSentBy } = input;
  if (!isSipHost(requestUri.host)) return fail('sip/bad-uri-host', { host: requestUri.host.slice(0, 80) });
  if (requestUri.port !== undefined && !isValidPort(requestUri.port)) return fail('sip/bad-port', { port: requestUri.port });
  // The sent-by is where responses come back to (RFC 3261 §18.2.2), so it must be an address.
  if (!isIPv4(localSentBy.ip) && !isIPv6(localSentBy.ip)) return fail('sip/bad-sent-by', { ip: localSentBy.ip.slice(0, 80) });
  if (!isValidPort(localSentBy.port)) return fail('sip/bad-port', { port: localSentBy.port });
  const cseq = input.cseq ?? 1;
  // RFC 3261 §8.1.1.5: a 32-bit unsigned integer below 2**31.
  if (!Number.isInteger(cseq) || cseq < 0 || cseq >= 2 ** 31) return fail('sip/bad-cseq', { cseq });
  for (const [name, value] of [['branch', input.branch], ['Call-ID', input.callId], ['tag', input.fromTag]] as const) {
    if (value !== undefined && !TOKEN.test(value)) return fail('sip/bad-token', { value: value.slice(0, 40), token: name });
  }
  if (input.branch !== undefined && !input.branch.startsWith(BRANCH_MAGIC_COOKIE)) return fail('sip/bad-branch', { cookie: BRANCH_MAGIC_COOKIE });
  if (!TOKEN.test(input.version)) return fail('sip/bad-version', { version: input.version.slice(0, 40) });

  // §8.1.1.7: the magic cookie marks a branch unique across space and time.
  const branch = input.branch ?? `${BRANCH_MAGIC_COOKIE}${toHex(randomBytes(10))}`;
  // §8.1.1.4: a random Call-ID without "@host": some ALGs rewrite addresses wherever they appear,
  // and a rewritten Call-ID would keep us from recognising the answer.
  const callId = input.callId ?? toHex(randomBytes(16));
  const fromTag = input.fromTag ?? toHex(randomBytes(6)); // §19.3: at least 32 bits of randomness
  const uri = `sip:${formatHostPort(requestUri.host, requestUri.port)}`;
  const sentBy = formatHostPort(localSentBy.ip, localSentBy.port);
  const via = `SIP/2.0/UDP ${sentBy};branch=${branch}${input.rport === false ? '' : ';rport'}`;
  // The LAN address in From and Contact, as a PBX behind NAT writes it: this is what an ALG rewrites.
  const from = `"TrunkCheck" <sip:trunkcheck@${formatHostPort(localSentBy.ip)}>;tag=${fromTag}`;
  const contact = `<sip:trunkcheck@${sentBy}>`;
  const lines = [
    `OPTIONS ${uri} SIP/2.0`,
    `Via: ${via}`,
    `Max-Forwards: ${MAX_FORWARDS}`,
    `From: ${from}`,
    `To: <${uri}>`,
    `Call-ID: ${callId}`,
    `CSeq: ${cseq} OPTIONS`,
    `Contact: ${contact}`,
    `User-Agent: TrunkCheck/${input.version}`,
    'Accept: application/sdp', // §11.1: the body types we would understand
    'Content-Length: 0',
  ];
  const text = `${lines.join('\r\n')}\r\n\r\n`;
  return ok({ text, bytes: utf8Encode(text), branch, callId, cseq, fromTag, via, from, contact, requestUri: uri });
}
