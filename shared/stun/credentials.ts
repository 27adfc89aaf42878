// Keys for MESSAGE-INTEGRITY (RFC 8489 §9.1.1 short-term, §9.2.2 long-term).

import { concatBytes, utf8Encode } from '../bytes';
import { md5 } from '../crypto/md5';

// RFC 8265 OpaqueString, as RFC 8489 requires for passwords, realms and usernames: non-ASCII
// spaces become U+0020, then Unicode NFC; the result is used as UTF-8. Not implemented: the
// rejection of code points that the PRECIS FreeformClass disallows (controls and the like) —
// such a string is used as it is instead of refused.
export function opaqueString(text: string): string {
  return text.replace(/\p{Zs}/gu, ' ').normalize('NFC');
}

// RFC 4013 SASLprep, which RFC 5389 servers used instead of OpaqueString. Implemented: the mapping
// (RFC 3454 B.1 "commonly mapped to nothing" removed, C.1.2 non-ASCII spaces to U+0020) and NFKC.
// Not implemented: the prohibited-output and bidirectional checks (such strings pass unchanged).
// The class lists single code points by escape; none combines with another, whatever the lint thinks.
// eslint-disable-next-line no-misleading-character-class
const MAPPED_TO_NOTHING = /[\u00ad\u034f\u1806\u180b-\u180d\u200b-\u200d\u2060\ufe00-\ufe0f\ufeff]/g; // RFC 3454 B.1
const NON_ASCII_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g; // RFC 3454 C.1.2 (U+200B is in B.1 too)

export function saslPrep(text: string): string {
  return text.replace(MAPPED_TO_NOTHING, '').replace(NON_ASCII_SPACE, ' ').normalize('NFKC');
}

// RFC 8489 §9.1.1: the key is the OpaqueString-processed password.
export function shortTermKey(password: string): Uint8Array {
  return utf8Encode(opaqueString(password));
}

// RFC 8489 §9.2.2: MD5(username ":" OpaqueString(realm) ":" OpaqueString(password)); the username
// is OpaqueString-processed as well (§14.3). For a server that uses RFC 5389 SASLprep, pass
// saslPrep(password) — for ASCII passwords the two agree.
export function longTermKey(username: string, realm: string, password: string): Uint8Array {
  const colon = Uint8Array.of(0x3a);
  return md5(
    concatBytes(
      utf8Encode(opaqueString(username)),
      colon,
      utf8Encode(opaqueString(realm)),
      colon,
      utf8Encode(opaqueString(password)),
    ),
  );
}
