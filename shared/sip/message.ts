// SIP message parsing (RFC 3261 §7): start line, headers (compact forms expanded, §7.3.3),
// body cut to Content-Length. The grammar is RFC 3261 §25.1's, tested against the RFC 4475 torture
// messages. The header section is UTF-8 text; the body is octets (a MIME part may be binary,
// RFC 4475 §3.1.1.11). Like the STUN codec, it throws one typed error and nothing else.
import { toHex, utf8Decode } from '../bytes';
import { isCallId, isRequestUri, isToken, isTokenByte, MAX_CSEQ, MAX_MAX_FORWARDS, readDecimal, SIP_VERSION, splitCSeq, SUPPORTED_VERSION } from './grammar';
import { isViaValue } from './via';

export class SipError extends Error {
  readonly place: string;
  readonly detail: string;
  constructor(place: string, detail: string) {
    super(`${place}: ${detail}`);
    this.name = 'SipError';
    this.place = place;
    this.detail = detail;
  }
}

export function isSipError(error: unknown): error is SipError {
  return error instanceof SipError;
}

export interface SipHeader {
  readonly name: string; // canonical long form, e.g. "Via"
  readonly value: string;
}

export type SipStartLine =
  | { readonly kind: 'request'; readonly method: string; readonly uri: string; readonly version: string }
  | { readonly kind: 'response'; readonly version: string; readonly status: number; readonly reason: string };

export interface SipMessage {
  readonly start: SipStartLine;
  readonly headers: readonly SipHeader[];
  readonly body: Uint8Array; // octets, as Content-Length counts them (§20.14)
}

// RFC 3261 §7.3.3 and §20: compact header forms.
const COMPACT: Readonly<Record<string, string>> = {
  i: 'Call-ID', m: 'Contact', e: 'Content-Encoding', l: 'Content-Length', c: 'Content-Type', f: 'From', s: 'Subject', k: 'Supported', t: 'To', v: 'Via',
};

const CANONICAL: Readonly<Record<string, string>> = Object.fromEntries(
  ['Via', 'From', 'To', 'Call-ID', 'CSeq', 'Contact', 'Max-Forwards', 'Content-Length', 'Content-Type', 'User-Agent', 'Server', 'Allow', 'Supported', 'Accept', 'WWW-Authenticate', 'Proxy-Authenticate', 'Record-Route', 'Route'].map((name) => [name.toLowerCase(), name]),
);

export const MAX_SIP_MESSAGE_BYTES = 65_535;

// Own keys only: a header named "__proto__" or "constructor" must stay a plain name.
function canonicalName(raw: string): string {
  const lower = raw.toLowerCase();
  if (Object.hasOwn(COMPACT, lower)) return COMPACT[lower] as string;
  if (Object.hasOwn(CANONICAL, lower)) return CANONICAL[lower] as string;
  return raw;
}

// A cheap test for the decode command: does the first line begin like a request line (a token
// and a space, §25.1 Method) or a status line ("SIP/")? parseSipMessage then says what is wrong.
export function looksLikeSip(bytes: Uint8Array): boolean {
  if (!isTokenByte(bytes[0])) return false;
  let head = '';
  for (const byte of bytes.subarray(0, 64)) {
    if (byte === 0x0d || byte === 0x0a) break;
    head += String.fromCharCode(byte);
  }
  return /^(?:SIP\/|[A-Za-z0-9\-.!%*_+`'~]+ )/i.test(head);
}

// Where the header section ends: the first empty line (CRLF CRLF, or bare LF LF as lenient
// parsers accept). Found in the bytes, so the body never has to be text.
function findEmptyLine(bytes: Uint8Array): { readonly headEnd: number; readonly bodyStart: number } | undefined {
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) {
    if (bytes[i + 1] === 0x0a) return { headEnd: bytes[i - 1] === 0x0d ? i - 1 : i, bodyStart: i + 2 };
    if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) return { headEnd: bytes[i - 1] === 0x0d ? i - 1 : i, bodyStart: i + 3 };
  }
  return undefined;
}

// Header fields that hold one value (§7.3.1: only comma-separated lists may repeat). A second
// Call-ID or Content-Length makes the message ambiguous, RFC 4475 §3.3.8 and §3.3.9.
const SINGLE_VALUED = new Set(['Call-ID', 'CSeq', 'From', 'To', 'Max-Forwards', 'Content-Length']);

// The header section as text (UTF-8, §7.3.1 TEXT-UTF8). Nearly always plain ASCII, which is
// turned into a string in chunks instead of character by character.
function decodeHead(bytes: Uint8Array): string | undefined {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) return utf8Decode(bytes);
  let text = '';
  for (let i = 0; i < bytes.length; i += 4096) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096) as unknown as number[]);
  return text;
}

export function parseSipMessage(bytes: Uint8Array): SipMessage {
  if (bytes.length > MAX_SIP_MESSAGE_BYTES) throw new SipError('message/size', `${bytes.length} bytes is more than a UDP SIP message can be`);
  const split = findEmptyLine(bytes);
  const head = decodeHead(split === undefined ? bytes : bytes.subarray(0, split.headEnd));
  if (head === undefined) throw new SipError('message/encoding', 'the start line and headers are not valid UTF-8');
  const lines = head.split(/\r?\n/);
  const start = parseStartLine(lines[0] ?? '');
  const headers = parseHeaders(lines);
  checkHeaders(start, headers);
  const available = split === undefined ? new Uint8Array(0) : bytes.subarray(split.bodyStart);
  return { start, headers, body: Uint8Array.from(frameBody(headers, available)) };
}

function parseHeaders(lines: readonly string[]): SipHeader[] {
  const headers: SipHeader[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith(' ') || line.startsWith('\t')) {
      // §7.3.1 header folding: a continuation line belongs to the previous header.
      const previous = headers.pop();
      if (previous === undefined) throw new SipError('header/folding', 'a continuation line comes before any header');
      headers.push({ name: previous.name, value: `${previous.value} ${line.trim()}`.trim() });
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new SipError('header/syntax', `"${line.slice(0, 40)}" is not a header line`);
    const name = line.slice(0, colon).trim();
    if (!isToken(name)) throw new SipError('header/name', `"${name.slice(0, 40)}" is not a header name`);
    headers.push({ name: canonicalName(name), value: line.slice(colon + 1).trim() });
  }
  return headers;
}

// The headers the parser itself relies on, and the ones RFC 4475 §3.1.2 breaks on purpose.
function checkHeaders(start: SipStartLine, headers: readonly SipHeader[]): void {
  const seen = new Set<string>();
  for (const { name, value } of headers) {
    if (SINGLE_VALUED.has(name)) {
      if (seen.has(name)) throw new SipError('header/duplicate', `${name} appears more than once, but holds a single value (RFC 3261 §7.3.1)`);
      seen.add(name);
    }
    switch (name) {
      case 'Via':
        if (!isViaValue(value)) throw new SipError('header/via', `"${value.slice(0, 60)}" is not a Via value (sent-protocol sent-by *(;param), RFC 3261 §25.1)`);
        break;
      case 'Call-ID':
        if (!isCallId(value)) throw new SipError('header/call-id', `"${value.slice(0, 60)}" is not a Call-ID (word[@word], RFC 3261 §25.1)`);
        break;
      case 'CSeq':
        checkCSeq(start, value);
        break;
      case 'Max-Forwards':
        if (readDecimal(value, MAX_MAX_FORWARDS) === undefined) throw new SipError('header/max-forwards', `"${value.slice(0, 20)}" is not a Max-Forwards of 0–255 (RFC 3261 §20.22)`);
        break;
      case 'Content-Length':
        if (readDecimal(value, MAX_SIP_MESSAGE_BYTES) === undefined) throw new SipError('header/content-length', `"${value.slice(0, 20)}" is not a length in octets`);
        break;
    }
  }
}

// CSeq = 1*DIGIT LWS Method, the number below 2**31 and, in a request, the method the request's
// own (§8.1.1.5, RFC 4475 §3.1.2.4, §3.1.2.17).
function checkCSeq(start: SipStartLine, value: string): void {
  const cseq = splitCSeq(value);
  if (cseq === undefined) throw new SipError('header/cseq', `"${value.slice(0, 40)}" is not a CSeq (a number and a method)`);
  if (readDecimal(cseq.number, MAX_CSEQ) === undefined) throw new SipError('header/cseq', `sequence number ${cseq.number.slice(0, 30)} is not below 2**31 (RFC 3261 §8.1.1.5)`);
  if (start.kind === 'request' && cseq.method !== start.method) {
    throw new SipError('header/cseq', `the CSeq method ${cseq.method.slice(0, 40)} is not the request's method ${start.method.slice(0, 40)} (RFC 3261 §8.1.1.5)`);
  }
}

// The body is Content-Length octets; octets after it are ignored, fewer are an error (§18.3).
// Without Content-Length (allowed over UDP, §20.14) the body is the rest of the datagram.
function frameBody(headers: readonly SipHeader[], available: Uint8Array): Uint8Array {
  const lengthText = headers.find((header) => header.name === 'Content-Length')?.value;
  if (lengthText === undefined) return available;
  const length = readDecimal(lengthText, MAX_SIP_MESSAGE_BYTES) ?? 0; // checked by checkHeaders
  if (length > available.length) throw new SipError('body/length', `Content-Length says ${length} octets but only ${available.length} follow the headers (RFC 3261 §18.3)`);
  return available.subarray(0, length);
}

// Request-Line = Method SP Request-URI SP SIP-Version; Status-Line = SIP-Version SP Status-Code
// SP Reason-Phrase, with exactly one SP between the parts (§7.1, §7.2, §25.1). Only SIP/2.0 is
// spoken (RFC 4475 §3.1.2.16 expects 505 for SIP/7.0).
function parseStartLine(line: string): SipStartLine {
  if (/^SIP\//i.test(line)) return parseStatusLine(line);
  const parts = line.split(' ');
  if (parts.length !== 3 || parts.some((part) => part === '')) {
    throw new SipError('message/start-line', `"${line.slice(0, 60)}" is neither a SIP request line (Method SP Request-URI SP SIP-Version) nor a status line`);
  }
  const [method, uri, version] = parts as [string, string, string];
  if (!isToken(method)) throw new SipError('message/method', `"${method.slice(0, 40)}" is not a method (a token, RFC 3261 §25.1)`);
  if (!isRequestUri(uri)) throw new SipError('message/request-uri', `"${uri.slice(0, 60)}" is not a Request-URI (scheme:…, RFC 3261 §25.1)`);
  checkVersion(version);
  return { kind: 'request', method, uri, version };
}

function parseStatusLine(line: string): SipStartLine {
  const space = line.indexOf(' ');
  const version = space === -1 ? line : line.slice(0, space);
  checkVersion(version);
  const rest = space === -1 ? '' : line.slice(space + 1);
  const codeEnd = rest.indexOf(' ');
  const code = codeEnd === -1 ? rest : rest.slice(0, codeEnd);
  // Status-Code is 3DIGIT: "4294967301" is refused, not read as 429 (RFC 4475 §3.1.2.19).
  if (!/^\d{3}$/.test(code)) throw new SipError('message/status', `"${code.slice(0, 20)}" is not a three-digit status code (RFC 3261 §7.2)`);
  return { kind: 'response', version, status: Number(code), reason: codeEnd === -1 ? '' : rest.slice(codeEnd + 1) };
}

function checkVersion(version: string): void {
  if (!SIP_VERSION.test(version) || version.toUpperCase() !== SUPPORTED_VERSION) {
    throw new SipError('message/version', `"${version.slice(0, 20)}" is not ${SUPPORTED_VERSION}, the only version spoken here (RFC 3261 §7.1)`);
  }
}

export function getHeader(message: SipMessage, name: string): string | undefined {
  const wanted = canonicalName(name).toLowerCase();
  return message.headers.find((header) => header.name.toLowerCase() === wanted)?.value;
}

export function getHeaders(message: SipMessage, name: string): string[] {
  const wanted = canonicalName(name).toLowerCase();
  return message.headers.filter((header) => header.name.toLowerCase() === wanted).map((header) => header.value);
}

export function formatSipMessage(message: SipMessage): string {
  const start = message.start.kind === 'request'
    ? `SIP ${message.start.method} request to ${message.start.uri}`
    : `SIP response ${message.start.status} ${message.start.reason}`;
  const width = Math.max(0, ...message.headers.map((header) => header.name.length));
  const headerLines = message.headers.map((header) => `  ${header.name.padEnd(width)}  ${header.value}`);
  return [start, ...headerLines, ...(message.body.length > 0 ? [`  (body, ${message.body.length} bytes)`] : [])].join('\n') + '\n';
}

// The JSON form for `trunkcheck decode --json`: a body that is UTF-8 text as text, any other as hex.
export interface DescribedSipMessage {
  readonly protocol: 'sip';
  readonly start: SipStartLine;
  readonly headers: readonly SipHeader[];
  readonly bodyLength: number;
  readonly body?: string;
  readonly bodyHex?: string;
}

export function describeSipMessage(message: SipMessage): DescribedSipMessage {
  const text = utf8Decode(message.body);
  const base = { protocol: 'sip' as const, start: message.start, headers: message.headers, bodyLength: message.body.length };
  return text === undefined ? { ...base, bodyHex: toHex(message.body) } : { ...base, body: text };
}
