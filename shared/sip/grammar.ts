// Pieces of RFC 3261's grammar (§25.1) that the message parser checks. Plain regular expressions
// without nested quantifiers: linear on any input, a datagram is at most 64 KiB.

// token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")
export const TOKEN_CHARS = "A-Za-z0-9\\-.!%*_+`'~";
const TOKEN = new RegExp(`^[${TOKEN_CHARS}]+$`);

export function isToken(text: string): boolean {
  return TOKEN.test(text);
}

// The first byte of a token, the only thing a demultiplexer sees (electron/net/udp-endpoint.ts):
// a request starts with its Method, a response with "SIP/" (§7.1, §7.2).
const TOKEN_FIRST_BYTE: readonly boolean[] = Array.from({ length: 256 }, (_, byte) => byte < 0x80 && TOKEN.test(String.fromCharCode(byte)));

export function isTokenByte(byte: number | undefined): boolean {
  return byte !== undefined && TOKEN_FIRST_BYTE[byte] === true;
}

// Request-URI = SIP-URI / SIPS-URI / absoluteURI, all of them scheme ":" followed by URI
// characters: unreserved, reserved, escaped ("%" HEX HEX), and "[" "]" of an IPv6reference.
// No space, no "<" ">" (RFC 4475 §3.1.2.7), no stray "%".
const REQUEST_URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-_.!~*'();/?:@&=+$,[\]]|%[0-9A-Fa-f]{2})+$/;

export function isRequestUri(text: string): boolean {
  return REQUEST_URI.test(text);
}

// SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT; case-insensitive like every ABNF string (§7.1).
export const SIP_VERSION = /^SIP\/\d+\.\d+$/i;
export const SUPPORTED_VERSION = 'SIP/2.0';

// callid = word [ "@" word ]; word = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`"
// / "'" / "~" / "(" / ")" / "<" / ">" / ":" / "\" / DQUOTE / "/" / "[" / "]" / "?" / "{" / "}")
const WORD = "[A-Za-z0-9\\-.!%*_+`'~()<>:\\\\\"/[\\]?{}]+";
const CALL_ID = new RegExp(`^${WORD}(?:@${WORD})?$`);

export function isCallId(text: string): boolean {
  return CALL_ID.test(text);
}

// An unsigned decimal of any length (leading zeros allowed, RFC 4475 §3.1.1.1: "0009"), as a
// number when it is at most `max`, else undefined.
export function readDecimal(text: string, max: number): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const digits = text.replace(/^0+(?=\d)/, '');
  if (digits.length > 15) return undefined;
  const value = Number(digits);
  return value <= max ? value : undefined;
}

// CSeq = 1*DIGIT LWS Method; the number is below 2**31 (§8.1.1.5).
export const MAX_CSEQ = 2 ** 31 - 1;
const CSEQ = new RegExp(`^(\\d+)[ \\t]+([${TOKEN_CHARS}]+)$`);

export function splitCSeq(text: string): { readonly number: string; readonly method: string } | undefined {
  const match = CSEQ.exec(text);
  return match ? { number: match[1] as string, method: match[2] as string } : undefined;
}

// Max-Forwards = 1*DIGIT, "an integer in the range 0-255" (§20.22).
export const MAX_MAX_FORWARDS = 255;
