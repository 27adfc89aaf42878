// SIP message parsing (RFC 3261 §7): start line, headers (compact forms expanded, §7.3.3),
// body cut to Content-Length. Like the STUN codec, it throws one typed error and nothing else.
import { utf8Decode } from '../bytes';

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
  readonly body: string;
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

export function looksLikeSip(bytes: Uint8Array): boolean {
  let head = '';
  for (const byte of bytes.subarray(0, 16)) head += String.fromCharCode(byte);
  return /^(SIP\/2\.0 \d{3}|[A-Z]{3,16} )/.test(head);
}

export function parseSipMessage(bytes: Uint8Array): SipMessage {
  if (bytes.length > MAX_SIP_MESSAGE_BYTES) throw new SipError('message/size', `${bytes.length} bytes is more than a UDP SIP message can be`);
  const text = utf8Decode(bytes);
  if (text === undefined) throw new SipError('message/encoding', 'the message is not valid UTF-8');
  const headerEnd = text.search(/\r?\n\r?\n/);
  const head: string = headerEnd === -1 ? text : text.slice(0, headerEnd);
  const afterHead = headerEnd === -1 ? '' : text.slice(headerEnd).replace(/^\r?\n\r?\n/, '');
  const lines = head.split(/\r?\n/);
  const startText = lines.shift() ?? '';
  const start = parseStartLine(startText);
  const headers: SipHeader[] = [];
  for (const line of lines) {
    if (/^[ \t]/.test(line)) {
      // §7.3.1 header folding: a continuation line belongs to the previous header.
      const previous = headers.pop();
      if (previous === undefined) throw new SipError('header/folding', 'a continuation line comes before any header');
      headers.push({ name: previous.name, value: `${previous.value} ${line.trim()}` });
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new SipError('header/syntax', `"${line.slice(0, 40)}" is not a header line`);
    const name = line.slice(0, colon).trim();
    if (!/^[A-Za-z0-9!%*_+`'~.-]+$/.test(name)) throw new SipError('header/name', `"${name.slice(0, 40)}" is not a header name`);
    headers.push({ name: canonicalName(name), value: line.slice(colon + 1).trim() });
  }
  const lengthHeader = headers.find((header) => header.name === 'Content-Length');
  let body = afterHead;
  if (lengthHeader !== undefined) {
    if (!/^\d{1,6}$/.test(lengthHeader.value)) throw new SipError('header/content-length', `"${lengthHeader.value.slice(0, 20)}" is not a length`);
    body = afterHead.slice(0, Number(lengthHeader.value));
  }
  return { start, headers, body };
}

function parseStartLine(line: string): SipStartLine {
  const response = /^(SIP\/2\.0) (\d{3}) ?(.*)$/.exec(line);
  if (response) return { kind: 'response', version: response[1] as string, status: Number(response[2]), reason: response[3] ?? '' };
  const request = /^([A-Za-z]{1,32}) (\S{1,1024}) (SIP\/2\.0)$/.exec(line);
  if (request) return { kind: 'request', method: request[1] as string, uri: request[2] as string, version: request[3] as string };
  throw new SipError('message/start-line', `"${line.slice(0, 60)}" is neither a SIP request line nor a status line`);
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
  return [start, ...headerLines, ...(message.body ? [`  (body, ${message.body.length} characters)`] : [])].join('\n') + '\n';
}
