import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesEqual, concatBytes, fromHex, randomBytes, toHex, utf8Decode, utf8Encode } from '../../../shared/bytes';

describe('UTF-8 without TextEncoder', () => {
  it('agrees with Node on every well-formed string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const bytes = utf8Encode(text);
        expect(Buffer.from(bytes).equals(Buffer.from(text, 'utf8'))).toBe(true);
        expect(utf8Decode(bytes)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('encodes a lone surrogate as U+FFFD like TextEncoder', () => {
    expect(toHex(utf8Encode('a\ud800b'))).toBe(toHex(new TextEncoder().encode('a\ud800b')));
  });

  it('accepts exactly what a fatal TextDecoder accepts', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const nodeDecode = (bytes: Uint8Array): string | undefined => {
      try {
        return strict.decode(bytes);
      } catch {
        return undefined;
      }
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        expect(utf8Decode(bytes)).toBe(nodeDecode(bytes));
      }),
      { numRuns: 3000 },
    );
    for (const hex of ['c080', 'e08080', 'eda080', 'f4908080', 'f0', 'e282', 'efbbbf41', 'f09f939e']) {
      expect(utf8Decode(fromHex(hex)!), hex).toBe(nodeDecode(fromHex(hex)!));
    }
  });
});

describe('hex', () => {
  it('round-trips and reads the RFC dump style', () => {
    expect(toHex(Uint8Array.of(0, 1, 0xab, 0xff))).toBe('0001abff');
    expect(toHex(fromHex('00 01\n AB ff')!)).toBe('0001abff');
    expect(toHex(fromHex('0x2112A442')!)).toBe('2112a442');
    expect(fromHex('')!.length).toBe(0);
  });

  it('returns undefined for bad input', () => {
    for (const bad of ['0', 'abc', 'zz', '0x', '12 3', '+1']) {
      if (bad === '0x') expect(fromHex(bad)!.length).toBe(0);
      else expect(fromHex(bad), bad).toBeUndefined();
    }
  });
});

describe('byte arrays', () => {
  it('concatenates and compares', () => {
    const joined = concatBytes(Uint8Array.of(1), new Uint8Array(0), Uint8Array.of(2, 3));
    expect([...joined]).toEqual([1, 2, 3]);
    expect(bytesEqual(joined, Uint8Array.of(1, 2, 3))).toBe(true);
    expect(bytesEqual(joined, Uint8Array.of(1, 2))).toBe(false);
    expect(bytesEqual(joined, Uint8Array.of(1, 2, 4))).toBe(false);
  });

  it('draws random bytes from Web Crypto', () => {
    expect(randomBytes(12).length).toBe(12);
    expect(toHex(randomBytes(16))).not.toBe(toHex(randomBytes(16)));
  });
});
