// The REGISTER TrunkCheck sends for the PBX (RFC 3261 §10.2), from the PBX's SIP port, so the
// registration and the provider's requests to the contact use the NAT binding STUN measured.
// One registration is one Call-ID and From tag for all its requests, the un-REGISTER included
// (§10.2.4 asks for the same Call-ID); each new request takes the next CSeq and a new branch.
import { isIPv4, isIPv6, isValidPort } from '../address';
import { randomBytes, toHex, utf8Encode } from '../bytes';
import { fail, ok, type Result } from '../result';
import { isSipHost, MAX_FORWARDS } from './options-request';
import { BRANCH_MAGIC_COOKIE, formatHostPort } from './via';

export interface RegisterDialog {
  readonly callId: string;
  readonly fromTag: string;
}

// §8.1.1.4 and §19.3: a random Call-ID (without "@host", which an ALG might rewrite) and tag.
export function newRegisterDialog(): RegisterDialog {
  return { callId: toHex(randomBytes(16)), fromTag: toHex(randomBytes(6)) };
}

export function newBranch(): string {
  return `${BRANCH_MAGIC_COOKIE}${toHex(randomBytes(10))}`; // §8.1.1.7
}

export interface RegisterRequestInput {
  // §10.2: the Request-URI names the registrar's domain, without user part.
  readonly requestUri: { readonly host: string; readonly port?: number };
  readonly user: string;              // the AOR's user part, as typed (escaped here)
  readonly domain: string;            // the AOR's domain
  readonly localSentBy: { readonly ip: string; readonly port: number };
  readonly dialog: RegisterDialog;
  readonly cseq: number;
  readonly branch: string;
  readonly expiresSec: number;        // 0 removes the contact (§10.2.2)
  readonly version: string;           // User-Agent: TrunkCheck/<version>
  // §22.2 / §22.3: the answer to a 401 (Authorization) or a 407 (Proxy-Authorization).
  readonly authorization?: { readonly header: 'Authorization' | 'Proxy-Authorization'; readonly value: string };
}

export interface RegisterMessage {
  readonly text: string;
  readonly bytes: Uint8Array;
  readonly branch: string;
  readonly callId: string;
  readonly cseq: number;
  readonly requestUri: string;
  readonly aor: string;
  readonly contact: string;           // the Contact URI, without angle brackets
}

export const MAX_SIP_USER_CHARS = 128;
const MAX_EXPIRES_SEC = 2 ** 32 - 1; // §20.19: delta-seconds, at most 2**32-1
const TOKEN = /^[A-Za-z0-9.!%*_+`'~-]{1,128}$/;

// user = 1*( unreserved / escaped / user-unreserved ) (RFC 3261 §25.1); anything else is
// %-escaped as UTF-8 octets, so "+49 30 1234" still makes a valid URI.
const USER_CHAR = /[A-Za-z0-9\-_.!~*'()&=+$,;?/]/;

export function escapeSipUser(user: string): string {
  let out = '';
  for (const char of user) {
    if (USER_CHAR.test(char)) out += char;
    else for (const byte of utf8Encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

// The address of record (§10.2: To and From): sip:user@domain.
export function addressOfRecord(user: string, domain: string): string {
  return `sip:${escapeSipUser(user)}@${formatHostPort(domain)}`;
}

const isControl = (char: string): boolean => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f;

function checkInput(input: RegisterRequestInput): Result<true> {
  const { requestUri, localSentBy } = input;
  if (!isSipHost(requestUri.host)) return fail('sip/bad-uri-host', { host: requestUri.host.slice(0, 80) });
  if (!isSipHost(input.domain)) return fail('sip/bad-uri-host', { host: input.domain.slice(0, 80) });
  if (requestUri.port !== undefined && !isValidPort(requestUri.port)) return fail('sip/bad-port', { port: requestUri.port });
  if (!isIPv4(localSentBy.ip) && !isIPv6(localSentBy.ip)) return fail('sip/bad-sent-by', { ip: localSentBy.ip.slice(0, 80) });
  if (!isValidPort(localSentBy.port)) return fail('sip/bad-port', { port: localSentBy.port });
  // A user part a person typed: not empty, not endless, no control characters (they would end a header line).
  if (input.user.length === 0 || input.user.length > MAX_SIP_USER_CHARS || Array.from(input.user).some(isControl)) {
    return fail('sip/bad-user', { user: Array.from(input.user.slice(0, 80), (char) => (isControl(char) ? ' ' : char)).join('') });
  }
  if (!Number.isInteger(input.cseq) || input.cseq < 0 || input.cseq >= 2 ** 31) return fail('sip/bad-cseq', { cseq: input.cseq }); // §8.1.1.5
  for (const [name, value] of [['branch', input.branch], ['Call-ID', input.dialog.callId], ['tag', input.dialog.fromTag]] as const) {
    if (!TOKEN.test(value)) return fail('sip/bad-token', { value: value.slice(0, 40), token: name });
  }
  if (!input.branch.startsWith(BRANCH_MAGIC_COOKIE)) return fail('sip/bad-branch', { cookie: BRANCH_MAGIC_COOKIE });
  if (!TOKEN.test(input.version)) return fail('sip/bad-version', { version: input.version.slice(0, 40) });
  return ok(true);
}

export function buildRegisterRequest(input: RegisterRequestInput): Result<RegisterMessage> {
  const checked = checkInput(input);
  if (!checked.ok) return checked;
  const { requestUri, localSentBy, dialog, cseq, branch } = input;
  const expires = Math.max(0, Math.min(MAX_EXPIRES_SEC, Math.trunc(input.expiresSec)));
  const uri = `sip:${formatHostPort(requestUri.host, requestUri.port)}`;
  const aor = addressOfRecord(input.user, input.domain);
  const sentBy = formatHostPort(localSentBy.ip, localSentBy.port);
  // §10.2.1: the contact is where the provider's requests must reach the PBX: its own sent-by.
  const contact = `sip:${escapeSipUser(input.user)}@${sentBy}`;
  // From buildAuthorization (shared/sip/digest.ts): its parts hold no control characters.
  const authorization = input.authorization;
  const lines = [
    `REGISTER ${uri} SIP/2.0`,
    `Via: SIP/2.0/UDP ${sentBy};branch=${branch};rport`, // RFC 3581 §3
    `Max-Forwards: ${MAX_FORWARDS}`,
    `From: <${aor}>;tag=${dialog.fromTag}`,
    `To: <${aor}>`,
    `Call-ID: ${dialog.callId}`,
    `CSeq: ${cseq} REGISTER`,
    `Contact: <${contact}>`,
    `Expires: ${expires}`,
    ...(authorization === undefined ? [] : [`${authorization.header}: ${authorization.value}`]),
    `User-Agent: TrunkCheck/${input.version}`,
    'Content-Length: 0',
  ];
  const text = `${lines.join('\r\n')}\r\n\r\n`;
  return ok({ text, bytes: utf8Encode(text), branch, callId: dialog.callId, cseq, requestUri: uri, aor, contact });
}
