import { createHash, createHmac } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, hmacMd5, hmacSha1, hmacSha256, md5, sha1, sha256 } from '../../../shared/crypto';
import { toHex, utf8Encode } from '../../../shared/bytes';

const nodeHash = (algorithm: string, data: Uint8Array): string => createHash(algorithm).update(data).digest('hex');
const nodeHmac = (algorithm: string, key: Uint8Array, data: Uint8Array): string =>
  createHmac(algorithm, key).update(data).digest('hex');

// Lengths around the 64-byte block and the 56-byte padding boundary are where hash bugs hide.
const BOUNDARY_LENGTHS = [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000];
const bytesOf = (length: number): Uint8Array => Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff);

describe('hash functions agree with node:crypto', () => {
  it.each([
    ['md5', md5],
    ['sha1', sha1],
    ['sha256', sha256],
  ] as const)('%s on the textbook inputs', (algorithm, hash) => {
    for (const text of ['', 'abc', 'The quick brown fox jumps over the lazy dog', 'a'.repeat(1_000_000)]) {
      const data = utf8Encode(text);
      expect(toHex(hash(data))).toBe(nodeHash(algorithm, data));
    }
  });

  it.each([
    ['md5', md5],
    ['sha1', sha1],
    ['sha256', sha256],
  ] as const)('%s at every block-boundary length', (algorithm, hash) => {
    for (const length of BOUNDARY_LENGTHS) expect(toHex(hash(bytesOf(length)))).toBe(nodeHash(algorithm, bytesOf(length)));
  });

  it('all three on random inputs', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        expect(toHex(md5(data))).toBe(nodeHash('md5', data));
        expect(toHex(sha1(data))).toBe(nodeHash('sha1', data));
        expect(toHex(sha256(data))).toBe(nodeHash('sha256', data));
      }),
      { numRuns: 300 },
    );
  });

  it('hashes a view into a larger buffer by its own bytes only', () => {
    const backing = bytesOf(100);
    const view = backing.subarray(10, 30);
    expect(toHex(sha1(view))).toBe(nodeHash('sha1', Uint8Array.from(view)));
  });
});

describe('HMAC agrees with node:crypto', () => {
  it('with keys shorter than, equal to and longer than the 64-byte block', () => {
    for (const keyLength of [0, 1, 20, 63, 64, 65, 200]) {
      const key = bytesOf(keyLength).map((b) => b ^ 0x5a);
      for (const length of [0, 20, 64, 100]) {
        const data = bytesOf(length);
        expect(toHex(hmacMd5(key, data))).toBe(nodeHmac('md5', key, data));
        expect(toHex(hmacSha1(key, data))).toBe(nodeHmac('sha1', key, data));
        expect(toHex(hmacSha256(key, data))).toBe(nodeHmac('sha256', key, data));
      }
    }
  });

  it('on random keys and messages', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.uint8Array({ maxLength: 200 }), (key, data) => {
        expect(toHex(hmacSha1(key, data))).toBe(nodeHmac('sha1', key, data));
        expect(toHex(hmacSha256(key, data))).toBe(nodeHmac('sha256', key, data));
      }),
      { numRuns: 200 },
    );
  });
});

describe('CRC-32 for FINGERPRINT', () => {
  it('gives the check value 0xcbf43926 for "123456789"', () => {
    expect(crc32(utf8Encode('123456789'))).toBe(0xcbf43926);
  });

  it('is 0 for no bytes', () => {
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('of a range of bytes is the CRC of those bytes alone', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), fc.nat(), (data, a, b) => {
        const start = a % (data.length + 1);
        const end = start + (b % (data.length - start + 1));
        expect(crc32(data, start, end)).toBe(crc32(data.slice(start, end)));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with zlib on random inputs', () => {
    // The gzip trailer carries the CRC-32 of the input, little-endian, in its last 8 bytes.
    const zlibCrc = (data: Uint8Array): number => {
      const gz = gzipSync(data);
      return gz.readUInt32LE(gz.length - 8);
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        expect(crc32(data)).toBe(zlibCrc(data));
      }),
      { numRuns: 300 },
    );
  });
});
