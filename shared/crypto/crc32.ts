// CRC-32 as used by STUN FINGERPRINT (RFC 8489 §14.7 names ITU-T V.42, the same CRC as ISO 3309
// and zlib): reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF.
// Slice-by-8 (Kounavis and Berry, Intel 2005): eight tables, built once, take eight bytes per step
// instead of one; the bytewise table (the first of the eight) finishes the last few bytes.

const POLYNOMIAL = 0xedb88320; // ITU-T V.42 §8.1.1.6.2, bit-reversed

// TABLES[k * 256 + n]: the CRC of byte n followed by k zero bytes. Signed, so every entry stays
// a small integer to the JIT; only the final result is made unsigned.
const TABLES = (() => {
  const tables = new Int32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? POLYNOMIAL ^ (c >>> 1) : c >>> 1;
    tables[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 8; k++) {
      const previous = tables[(k - 1) * 256 + n]!;
      tables[k * 256 + n] = (previous >>> 8) ^ tables[previous & 0xff]!;
    }
  }
  return tables;
})();

// The CRC of bytes[start, end), so a caller can checksum the front of a message without a view.
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const t = TABLES;
  if (end > bytes.length) end = bytes.length;
  let crc = ~0;
  let i = start;
  for (; i + 8 <= end; i += 8) {
    const low = crc ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    const high = bytes[i + 4]! | (bytes[i + 5]! << 8) | (bytes[i + 6]! << 16) | (bytes[i + 7]! << 24);
    crc =
      t[1792 + (low & 0xff)]! ^
      t[1536 + ((low >>> 8) & 0xff)]! ^
      t[1280 + ((low >>> 16) & 0xff)]! ^
      t[1024 + (low >>> 24)]! ^
      t[768 + (high & 0xff)]! ^
      t[512 + ((high >>> 8) & 0xff)]! ^
      t[256 + ((high >>> 16) & 0xff)]! ^
      t[high >>> 24]!;
  }
  for (; i < end; i++) crc = t[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}
