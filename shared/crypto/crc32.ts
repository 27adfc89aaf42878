// CRC-32 as used by STUN FINGERPRINT (RFC 8489 §14.7 names ITU-T V.42, the same CRC as ISO 3309
// and zlib): reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF.

const POLYNOMIAL = 0xedb88320; // ITU-T V.42 §8.1.1.6.2, bit-reversed

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? POLYNOMIAL ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
