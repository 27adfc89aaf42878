// SIP digest authentication (RFC 3261 §22.4, with RFC 7616's algorithms as RFC 8760 brings them
// to SIP): read a WWW-Authenticate / Proxy-Authenticate challenge, compute the response, write the
// Authorization / Proxy-Authorization value. Pure, and it never throws: a challenge that cannot
// be read or answered is a typed failure. The password only ever goes into the hash.
import { utf8Encode, toHex } from '../bytes';
import { md5 } from '../crypto/md5';
import { sha256 } from '../crypto/sha256';
import type { DigestAlgorithm } from '../register';

export interface DigestChallenge {
  readonly realm: string;
  readonly nonce: string;
  readonly opaque: string | null;
  readonly algorithm: DigestAlgorithm;
  readonly qop: 'auth' | null;       // null: RFC 2069 style, no cnonce and nc
  readonly stale: boolean;           // RFC 7616 §3.3: the nonce was old, the password right
}

// Why a challenge cannot be answered: the header is not a digest challenge, breaks the grammar,
// lacks realm or nonce, or asks for an algorithm or qop we do not speak.
export type DigestProblem = 'not-digest' | 'syntax' | 'too-long' | 'duplicate' | 'no-realm' | 'no-nonce' | 'algorithm' | 'qop';

export type ChallengeReading = { readonly ok: true; readonly challenge: DigestChallenge } | { readonly ok: false; readonly problem: DigestProblem };

const MAX_CHALLENGE_CHARS = 4096;
const MAX_PARAMS = 32;
const TOKEN = /^[A-Za-z0-9\-.!%*_+`'~]+$/;                       // RFC 3261 §25.1 token
const SCHEME_AND_REST = /^([A-Za-z0-9\-.!%*_+`'~]+)[ \t]+(.*)$/s;

// RFC 7616 §3.3: algorithm names are case-insensitive; the -sess variants and SHA-512-256 are not ours.
const ALGORITHMS: Readonly<Record<string, DigestAlgorithm>> = { md5: 'MD5', 'sha-256': 'SHA-256' };

// challenge = "Digest" LWS digest-cln *(COMMA digest-cln); digest-cln = name EQUAL (token /
// quoted-string); COMMA and EQUAL take whitespace on either side (RFC 3261 §25.1, §22.4).
function readParams(text: string): Map<string, string> | DigestProblem {
  const params = new Map<string, string>();
  let i = 0;
  const skipSpace = (): void => {
    while (text[i] === ' ' || text[i] === '\t') i++;
  };
  for (;;) {
    skipSpace();
    const nameStart = i;
    while (i < text.length && /[A-Za-z0-9\-.!%*_+`'~]/.test(text[i] as string)) i++;
    const name = text.slice(nameStart, i).toLowerCase();
    if (name === '') return 'syntax';
    skipSpace();
    if (text[i] !== '=') return 'syntax';
    i++;
    skipSpace();
    let value = '';
    if (text[i] === '"') {
      // quoted-string = DQUOTE *(qdtext / quoted-pair) DQUOTE; no control characters inside.
      i++;
      for (;;) {
        const char = text[i];
        if (char === undefined) return 'syntax';
        if (char === '"') break;
        if (char === '\\') {
          i++;
          if (text[i] === undefined) return 'syntax';
        }
        const code = (text[i] as string).charCodeAt(0);
        if (code < 0x20 && code !== 0x09) return 'syntax';
        if (code === 0x7f) return 'syntax';
        value += text[i];
        i++;
      }
      i++;
    } else {
      const start = i;
      while (i < text.length && /[A-Za-z0-9\-.!%*_+`'~]/.test(text[i] as string)) i++;
      value = text.slice(start, i);
      if (value === '') return 'syntax';
    }
    if (params.has(name)) return 'duplicate';
    params.set(name, value);
    if (params.size > MAX_PARAMS) return 'too-long';
    skipSpace();
    if (i >= text.length) return params;
    if (text[i] !== ',') return 'syntax';
    i++;
  }
}

export function parseDigestChallenge(value: string): ChallengeReading {
  const failure = (problem: DigestProblem): ChallengeReading => ({ ok: false, problem });
  if (typeof value !== 'string') return failure('syntax');
  if (value.length > MAX_CHALLENGE_CHARS) return failure('too-long');
  const match = SCHEME_AND_REST.exec(value.trim());
  if (!match) return failure(TOKEN.test(value.trim()) ? 'not-digest' : 'syntax');
  if ((match[1] as string).toLowerCase() !== 'digest') return failure('not-digest');
  const params = readParams(match[2] as string);
  if (typeof params === 'string') return failure(params);
  const realm = params.get('realm');
  const nonce = params.get('nonce');
  if (realm === undefined) return failure('no-realm');
  if (nonce === undefined || nonce === '') return failure('no-nonce');
  // RFC 7616 §3.3: without the parameter, MD5. Own keys only: "constructor" is no algorithm.
  const algorithmKey = params.get('algorithm')?.toLowerCase() ?? 'md5';
  if (!Object.hasOwn(ALGORITHMS, algorithmKey)) return failure('algorithm');
  const algorithm = ALGORITHMS[algorithmKey] as DigestAlgorithm;
  // qop-options = "qop" EQUAL LDQUOT qop-value *("," qop-value) RDQUOT (§25.1): we answer "auth";
  // a list with only auth-int cannot be answered by us.
  const qopText = params.get('qop');
  let qop: 'auth' | null = null;
  if (qopText !== undefined) {
    const offered = qopText.split(',').map((entry) => entry.trim().toLowerCase());
    if (!offered.includes('auth')) return failure('qop');
    qop = 'auth';
  }
  return {
    ok: true,
    challenge: {
      realm,
      nonce,
      opaque: params.get('opaque') ?? null,
      algorithm,
      qop,
      stale: params.get('stale')?.toLowerCase() === 'true', // RFC 7616 §3.3: anything else is false
    },
  };
}

// Several challenge headers (RFC 8760 §2.4, RFC 7616 §3.7: one per algorithm): the client may
// pick by local policy; ours is the strongest we speak, SHA-256 before MD5, then the topmost.
// With none usable, the first one's problem.
export function chooseDigestChallenge(values: readonly string[]): ChallengeReading {
  const readings = values.slice(0, 16).map(parseDigestChallenge);
  const usable = readings.flatMap((reading) => (reading.ok ? [reading.challenge] : []));
  const best = usable.find((challenge) => challenge.algorithm === 'SHA-256') ?? usable[0];
  if (best !== undefined) return { ok: true, challenge: best };
  return readings[0] ?? { ok: false, problem: 'not-digest' };
}

export interface DigestCredentials {
  readonly username: string;
  readonly password: string;
}

export interface DigestUse {
  readonly method: string;   // REGISTER
  readonly uri: string;      // the Request-URI (RFC 3261 §22.4: digest-uri is the Request-URI)
  readonly cnonce: string;   // for qop=auth
  readonly nc: number;       // nonce count, 1 for a fresh nonce
}

function hashHex(algorithm: DigestAlgorithm, text: string): string {
  const bytes = utf8Encode(text);
  return toHex(algorithm === 'SHA-256' ? sha256(bytes) : md5(bytes));
}

// RFC 7616 §3.4.6: nc is 8 hex digits.
export function formatNonceCount(nc: number): string {
  return (Math.max(1, Math.min(0xffffffff, Math.trunc(nc))) >>> 0).toString(16).padStart(8, '0');
}

// RFC 7616 §3.4.1: response = KD(H(A1), nonce:nc:cnonce:qop:H(A2)) with A1 = user:realm:password,
// A2 = method:uri (qop=auth); without qop, RFC 2069: KD(H(A1), nonce:H(A2)).
export function digestResponse(challenge: DigestChallenge, credentials: DigestCredentials, use: DigestUse): string {
  const h = (text: string): string => hashHex(challenge.algorithm, text);
  const ha1 = h(`${credentials.username}:${challenge.realm}:${credentials.password}`);
  const ha2 = h(`${use.method}:${use.uri}`);
  if (challenge.qop === null) return h(`${ha1}:${challenge.nonce}:${ha2}`);
  return h(`${ha1}:${challenge.nonce}:${formatNonceCount(use.nc)}:${use.cnonce}:${challenge.qop}:${ha2}`);
}

// quoted-string with quoted-pair for '"' and '\' (RFC 3261 §25.1).
function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

// credentials = "Digest" LWS digest-response *(COMMA dig-resp) (RFC 3261 §25.1): the challenge's
// realm, nonce, opaque and algorithm echoed (RFC 7616 §3.4; "MD5" is what an absent one means),
// qop, nc and cnonce only with qop.
export function buildAuthorization(challenge: DigestChallenge, credentials: DigestCredentials, use: DigestUse): string {
  const parts = [
    `username=${quote(credentials.username)}`,
    `realm=${quote(challenge.realm)}`,
    `nonce=${quote(challenge.nonce)}`,
    `uri=${quote(use.uri)}`,
    `response=${quote(digestResponse(challenge, credentials, use))}`,
  ];
  parts.push(`algorithm=${challenge.algorithm}`);
  if (challenge.qop !== null) parts.push(`cnonce=${quote(use.cnonce)}`, `qop=${challenge.qop}`, `nc=${formatNonceCount(use.nc)}`);
  if (challenge.opaque !== null) parts.push(`opaque=${quote(challenge.opaque)}`);
  return `Digest ${parts.join(', ')}`;
}
