import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { concatBytes, toHex, utf8Encode } from '../../../shared/bytes';
import {
  Attr,
  Method,
  checkFingerprint,
  checkIntegrity,
  decodeMessage,
  encodeMessage,
  encodeTextValue,
  longTermKey,
  opaqueString,
  shortTermKey,
  type AttributeSpec,
} from '../../../shared/stun';
import { TID } from './helpers';

const key = shortTermKey('s3cret');
const software: AttributeSpec = { type: Attr.SOFTWARE, value: encodeTextValue('TrunkCheck') };

function signed(options: { sha1?: boolean; sha256?: boolean; fingerprint?: boolean; attributes?: AttributeSpec[] } = {}) {
  return encodeMessage({
    method: Method.Binding,
    cls: 'success',
    transactionId: TID,
    attributes: options.attributes ?? [software],
    integrity: { key, sha1: options.sha1, sha256: options.sha256 },
    fingerprint: options.fingerprint,
  });
}

// Appends one attribute after the end and fixes the length field, as a middlebox or attacker might.
function append(bytes: Uint8Array, type: number, value: Uint8Array): Uint8Array {
  const out = concatBytes(bytes, Uint8Array.of(type >> 8, type & 0xff, 0, value.length), value);
  new DataView(out.buffer).setUint16(2, out.length - 20);
  return out;
}

describe('MESSAGE-INTEGRITY (RFC 8489 §14.5)', () => {
  it('is the HMAC-SHA1 of the message up to it, with the length pointing at its end', () => {
    const bytes = signed();
    const miAt = bytes.length - 24;
    const input = Uint8Array.from(bytes.subarray(0, miAt));
    new DataView(input.buffer).setUint16(2, miAt + 24 - 20);
    const expected = createHmac('sha1', key).update(input).digest('hex');
    expect(toHex(bytes.subarray(miAt + 4))).toBe(expected);
    expect(checkIntegrity(decodeMessage(bytes), key)).toEqual({ sha1: 'valid', sha256: 'absent' });
  });

  it('fails under another key or with a changed byte', () => {
    const bytes = signed();
    expect(checkIntegrity(decodeMessage(bytes), shortTermKey('other')).sha1).toBe('invalid');
    const tampered = Uint8Array.from(bytes);
    tampered[25] = tampered[25]! ^ 1;
    expect(checkIntegrity(decodeMessage(tampered), key).sha1).toBe('invalid');
  });

  it('ignores attributes that follow it', () => {
    const bytes = append(signed(), Attr.SOFTWARE, utf8Encode('evil'));
    expect(checkIntegrity(decodeMessage(bytes), key).sha1).toBe('valid');
  });

  it('stays valid with a FINGERPRINT after it, which is computed over it', () => {
    const msg = decodeMessage(signed({ fingerprint: true }));
    expect(checkIntegrity(msg, key).sha1).toBe('valid');
    expect(checkFingerprint(msg)).toBe('valid');
    expect(msg.attributes.map((a) => a.type)).toEqual([Attr.SOFTWARE, Attr.MESSAGE_INTEGRITY, Attr.FINGERPRINT]);
  });

  it('is invalid when its value is not 20 bytes', () => {
    const bytes = encodeMessage({
      method: 1,
      cls: 'request',
      transactionId: TID,
      attributes: [{ type: Attr.MESSAGE_INTEGRITY, value: new Uint8Array(16) }],
    });
    expect(checkIntegrity(decodeMessage(bytes), key).sha1).toBe('invalid');
  });

  it('is absent from an unsigned message', () => {
    const msg = decodeMessage(encodeMessage({ method: 1, cls: 'request', transactionId: TID }));
    expect(checkIntegrity(msg, key)).toEqual({ sha1: 'absent', sha256: 'absent' });
  });
});

describe('MESSAGE-INTEGRITY-SHA256 (RFC 8489 §14.6)', () => {
  it('verifies alone and together with MESSAGE-INTEGRITY, in the order MI, MI-SHA256, FINGERPRINT', () => {
    expect(checkIntegrity(decodeMessage(signed({ sha1: false, sha256: true })), key)).toEqual({ sha1: 'absent', sha256: 'valid' });
    const both = decodeMessage(signed({ sha256: true, fingerprint: true }));
    expect(both.attributes.map((a) => a.type)).toEqual([
      Attr.SOFTWARE,
      Attr.MESSAGE_INTEGRITY,
      Attr.MESSAGE_INTEGRITY_SHA256,
      Attr.FINGERPRINT,
    ]);
    expect(checkIntegrity(both, key)).toEqual({ sha1: 'valid', sha256: 'valid' });
  });

  it('accepts a value truncated to 16 bytes and refuses 12 or 18', () => {
    const head = encodeMessage({ method: 1, cls: 'request', transactionId: TID, attributes: [software] });
    const truncatedTo = (n: number): Uint8Array => {
      const input = Uint8Array.from(head);
      new DataView(input.buffer).setUint16(2, head.length - 20 + 4 + n);
      const mac = createHmac('sha256', key).update(input).digest().subarray(0, n);
      return append(head, Attr.MESSAGE_INTEGRITY_SHA256, Uint8Array.from(mac));
    };
    expect(checkIntegrity(decodeMessage(truncatedTo(16)), key).sha256).toBe('valid');
    expect(checkIntegrity(decodeMessage(truncatedTo(28)), key).sha256).toBe('valid');
    expect(checkIntegrity(decodeMessage(truncatedTo(12)), key).sha256).toBe('invalid');
  });

  it('makes a later MESSAGE-INTEGRITY count as absent (everything after MI-SHA256 but FINGERPRINT is ignored)', () => {
    const msg = decodeMessage(append(signed({ sha1: false, sha256: true }), Attr.MESSAGE_INTEGRITY, new Uint8Array(20)));
    expect(checkIntegrity(msg, key)).toEqual({ sha1: 'absent', sha256: 'valid' });
  });
});

describe('FINGERPRINT (RFC 8489 §14.7)', () => {
  it('is the CRC-32 of the message up to it XOR 0x5354554e', () => {
    const bytes = encodeMessage({ method: 1, cls: 'request', transactionId: TID, attributes: [software], fingerprint: true });
    expect(checkFingerprint(decodeMessage(bytes))).toBe('valid');
  });

  it('is invalid after a bit flip in the cookie, the transaction ID or an attribute value', () => {
    const bytes = encodeMessage({ method: 1, cls: 'request', transactionId: TID, attributes: [software], fingerprint: true });
    const valueBytes = [...Array(10).keys()].map((i) => 24 + i);
    for (const i of [...Array(16).keys()].map((i) => 4 + i).concat(valueBytes)) {
      const flipped = Uint8Array.from(bytes);
      flipped[i] = flipped[i]! ^ 0x10;
      expect(checkFingerprint(decodeMessage(flipped)), `byte ${i}`).toBe('invalid');
    }
  });

  it('is invalid when it is not the last attribute or not 4 bytes', () => {
    const withFp = encodeMessage({ method: 1, cls: 'request', transactionId: TID, fingerprint: true });
    expect(checkFingerprint(decodeMessage(append(withFp, Attr.SOFTWARE, utf8Encode('late'))))).toBe('invalid');
    const short = encodeMessage({ method: 1, cls: 'request', transactionId: TID, attributes: [{ type: Attr.FINGERPRINT, value: new Uint8Array(2) }] });
    expect(checkFingerprint(decodeMessage(short))).toBe('invalid');
  });

  it('is absent when not sent', () => {
    expect(checkFingerprint(decodeMessage(encodeMessage({ method: 1, cls: 'request', transactionId: TID })))).toBe('absent');
  });
});

describe('credential keys', () => {
  it('short-term: the password as UTF-8 after OpaqueString (NFC, non-ASCII spaces to U+0020)', () => {
    expect(toHex(shortTermKey('s3cret'))).toBe(toHex(utf8Encode('s3cret')));
    expect(toHex(shortTermKey('Cafe\u0301'))).toBe(toHex(utf8Encode('Caf\u00e9'))); // decomposed é composes
    expect(opaqueString('a\u00a0b\u3000c')).toBe('a b c');
  });

  it('long-term: MD5(username ":" realm ":" password)', () => {
    const expected = createHash('md5').update('alice:trunk.example.net:pa55').digest('hex');
    expect(toHex(longTermKey('alice', 'trunk.example.net', 'pa55'))).toBe(expected);
  });
});
