import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../../shared/bytes';
import {
  Attr,
  MAX_TEXT_BYTES_RECEIVED,
  Method,
  decodeMessage,
  encodeMessage,
  encodeTextValue,
  getNonce,
  getRealm,
  getSoftware,
  getUsername,
} from '../../../shared/stun';
import { TID, stunErrorOf } from './helpers';

function messageWith(type: number, value: Uint8Array) {
  return decodeMessage(encodeMessage({ method: Method.Binding, cls: 'request', transactionId: TID, attributes: [{ type, value }] }));
}

describe('text attributes', () => {
  it.each([
    ['SOFTWARE', Attr.SOFTWARE, getSoftware],
    ['USERNAME', Attr.USERNAME, getUsername],
    ['REALM', Attr.REALM, getRealm],
    ['NONCE', Attr.NONCE, getNonce],
  ] as const)('%s round-trips ASCII, umlauts, katakana and emoji', (_, type, get) => {
    for (const text of ['', 'TrunkCheck 0.1.0', 'Müller:Börse', 'マトリックス', '📞 SIP']) {
      expect(get(messageWith(type, encodeTextValue(text)))).toBe(text);
    }
  });

  it('returns undefined when absent', () => {
    expect(getUsername(messageWith(Attr.SOFTWARE, encodeTextValue('x')))).toBeUndefined();
  });

  it('refuses bytes that are not UTF-8', () => {
    const error = stunErrorOf(() => getSoftware(messageWith(Attr.SOFTWARE, Uint8Array.of(0x41, 0xff, 0x42))));
    expect(error.place).toBe('attribute/software');
    expect(error.detail).toBe('not valid UTF-8');
    expect(stunErrorOf(() => getRealm(messageWith(Attr.REALM, Uint8Array.of(0xc0, 0x80)))).place).toBe('attribute/realm'); // overlong NUL
    expect(stunErrorOf(() => getNonce(messageWith(Attr.NONCE, Uint8Array.of(0xed, 0xa0, 0x80)))).place).toBe('attribute/nonce'); // surrogate
  });
});

describe('size limits are counted in UTF-8 bytes', () => {
  // RFC 8489 §14.3: a USERNAME is sent with fewer than 509 bytes, but a receiver MUST parse up to
  // 763 for RFC 5389 compatibility; REALM, NONCE (§14.9, §14.10) and SOFTWARE (§14.14) likewise.
  it('accepts a USERNAME of 763 bytes and refuses one of 764', () => {
    expect(getUsername(messageWith(Attr.USERNAME, utf8Encode('u'.repeat(763))))).toHaveLength(763);
    const error = stunErrorOf(() => getUsername(messageWith(Attr.USERNAME, utf8Encode('u'.repeat(764)))));
    expect(error.place).toBe('attribute/username');
    expect(error.detail).toContain('764 bytes');
  });

  it('counts multibyte characters by their bytes: 254 katakana (762 bytes) pass, 255 (765 bytes) do not', () => {
    expect(getUsername(messageWith(Attr.USERNAME, utf8Encode('マ'.repeat(254))))).toHaveLength(254);
    expect(stunErrorOf(() => getUsername(messageWith(Attr.USERNAME, utf8Encode('マ'.repeat(255))))).place).toBe(
      'attribute/username',
    );
  });

  it('counts 4-byte emoji as 4 bytes, not as two UTF-16 units', () => {
    const emoji = '📞'.repeat(191); // 764 bytes, 382 UTF-16 units
    expect(utf8Encode(emoji).length).toBe(764);
    expect(stunErrorOf(() => getSoftware(messageWith(Attr.SOFTWARE, utf8Encode(emoji)))).place).toBe('attribute/software');
    expect(getSoftware(messageWith(Attr.SOFTWARE, utf8Encode('📞'.repeat(190))))).toBe('📞'.repeat(190));
  });

  it.each([
    ['SOFTWARE', Attr.SOFTWARE, getSoftware],
    ['REALM', Attr.REALM, getRealm],
    ['NONCE', Attr.NONCE, getNonce],
  ] as const)('applies the %s limit of 763 bytes', (_, type, get) => {
    expect(get(messageWith(type, utf8Encode('a'.repeat(MAX_TEXT_BYTES_RECEIVED))))).toHaveLength(763);
    expect(stunErrorOf(() => get(messageWith(type, utf8Encode('a'.repeat(MAX_TEXT_BYTES_RECEIVED + 1))))).detail).toContain(
      'more than the 763 allowed',
    );
  });
});
