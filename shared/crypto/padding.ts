// Merkle–Damgård padding shared by MD5 (RFC 1321 §3.1–3.2, little-endian bit length) and
// SHA-1/SHA-256 (FIPS 180-4 §5.1.1, big-endian bit length): 0x80, zeros, the 64-bit length.

export function padMessage(message: Uint8Array, littleEndian: boolean): Uint8Array {
  const blocks = Math.ceil((message.length + 9) / 64);
  const padded = new Uint8Array(blocks * 64);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  const bits = message.length * 8;
  const high = Math.floor(bits / 0x100000000);
  const low = bits >>> 0;
  if (littleEndian) {
    view.setUint32(padded.length - 8, low, true);
    view.setUint32(padded.length - 4, high, true);
  } else {
    view.setUint32(padded.length - 8, high, false);
    view.setUint32(padded.length - 4, low, false);
  }
  return padded;
}
