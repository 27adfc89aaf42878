// MESSAGE-INTEGRITY (RFC 8489 §14.5), MESSAGE-INTEGRITY-SHA256 (§14.6) and FINGERPRINT (§14.7).

import { bytesEqualConstantTime } from '../bytes';
import { crc32 } from '../crypto/crc32';
import { hmacSha1, hmacSha256 } from '../crypto/hmac';
import { Attr, ATTRIBUTE_HEADER_LENGTH, FINGERPRINT_XOR, HEADER_LENGTH } from './constants';
import type { RawAttribute, StunMessage } from './message';

export type CheckResult = 'valid' | 'invalid' | 'absent';

export const MESSAGE_INTEGRITY_LENGTH = 20; // RFC 8489 §14.5, HMAC-SHA1
export const MESSAGE_INTEGRITY_SHA256_LENGTH = 32; // RFC 8489 §14.6, full HMAC-SHA256 (we send it untruncated)
const MIN_SHA256_LENGTH = 16; // RFC 8489 §14.6: at least 16 bytes, a multiple of 4, at most 32
export const FINGERPRINT_LENGTH = 4; // RFC 8489 §14.7

// The HMAC input: the message up to (not including) the integrity attribute, with the header
// length field rewritten as if the message ended right after that attribute (RFC 8489 §14.5/§14.6).
export function integrityInput(messageUpToAttribute: Uint8Array, attributeValueLength: number): Uint8Array {
  const input = new Uint8Array(messageUpToAttribute); // a copy: the received bytes stay as they came
  const length = input.length - HEADER_LENGTH + ATTRIBUTE_HEADER_LENGTH + attributeValueLength;
  input[2] = (length >> 8) & 0xff;
  input[3] = length & 0xff;
  return input;
}

// The FINGERPRINT value of the message whose FINGERPRINT attribute starts at byte `end` (the
// whole of `message` when not given); its length field must already count that attribute.
export function fingerprintValue(message: Uint8Array, end = message.length): number {
  return (crc32(message, 0, end) ^ FINGERPRINT_XOR) >>> 0;
}

// FINGERPRINT must be the last attribute (RFC 8489 §14.7); one anywhere else makes the check fail.
export function checkFingerprint(msg: StunMessage): CheckResult {
  const at = msg.find(Attr.FINGERPRINT);
  if (at < 0) return 'absent';
  if (msg.nextAfter(at) !== msg.raw.length || msg.lengthAt(at) !== FINGERPRINT_LENGTH) return 'invalid';
  const raw = msg.raw;
  const v = at + ATTRIBUTE_HEADER_LENGTH;
  const received = ((raw[v]! << 24) | (raw[v + 1]! << 16) | (raw[v + 2]! << 8) | raw[v + 3]!) >>> 0;
  return received === fingerprintValue(raw, at) ? 'valid' : 'invalid';
}

// Which integrity attributes count: agents ignore everything after MESSAGE-INTEGRITY except
// MESSAGE-INTEGRITY-SHA256 and FINGERPRINT (§14.5), and everything after MESSAGE-INTEGRITY-SHA256
// except FINGERPRINT (§14.6); nothing follows FINGERPRINT.
function integrityAttributes(msg: StunMessage): { sha1?: RawAttribute; sha256?: RawAttribute } {
  let sha1: RawAttribute | undefined;
  let sha256: RawAttribute | undefined;
  for (let at = HEADER_LENGTH; at < msg.raw.length; at = msg.nextAfter(at)) {
    const type = msg.typeAt(at);
    if (type === Attr.FINGERPRINT) break;
    if (type === Attr.MESSAGE_INTEGRITY && !sha1 && !sha256) sha1 = msg.attributeAt(at);
    else if (type === Attr.MESSAGE_INTEGRITY_SHA256 && !sha256) sha256 = msg.attributeAt(at);
  }
  return { sha1, sha256 };
}

function checkMac(
  msg: StunMessage,
  attribute: RawAttribute | undefined,
  mac: (key: Uint8Array, data: Uint8Array) => Uint8Array,
  key: Uint8Array,
  lengthOk: (length: number) => boolean,
): CheckResult {
  if (!attribute) return 'absent';
  const length = attribute.value.length;
  if (!lengthOk(length)) return 'invalid';
  const expected = mac(key, integrityInput(msg.raw.subarray(0, attribute.offset), length)).subarray(0, length);
  return bytesEqualConstantTime(expected, attribute.value) ? 'valid' : 'invalid';
}

export function checkIntegrity(msg: StunMessage, key: Uint8Array): { sha1: CheckResult; sha256: CheckResult } {
  const found = integrityAttributes(msg);
  return {
    sha1: checkMac(msg, found.sha1, hmacSha1, key, (n) => n === MESSAGE_INTEGRITY_LENGTH),
    sha256: checkMac(
      msg,
      found.sha256,
      hmacSha256,
      key,
      (n) => n >= MIN_SHA256_LENGTH && n <= MESSAGE_INTEGRITY_SHA256_LENGTH && n % 4 === 0,
    ),
  };
}
