// HMAC (RFC 2104) over our pure hash functions.

import { md5 } from './md5';
import { sha1 } from './sha1';
import { sha256 } from './sha256';

export type HashFunction = (message: Uint8Array) => Uint8Array;

const BLOCK_SIZE = 64; // bytes, for MD5, SHA-1 and SHA-256 alike (RFC 2104 §2, B = 64)
const IPAD = 0x36; // RFC 2104 §2
const OPAD = 0x5c; // RFC 2104 §2

export function hmac(hash: HashFunction, key: Uint8Array, message: Uint8Array): Uint8Array {
  const k = new Uint8Array(BLOCK_SIZE);
  k.set(key.length > BLOCK_SIZE ? hash(key) : key);
  const inner = new Uint8Array(BLOCK_SIZE + message.length);
  for (let i = 0; i < BLOCK_SIZE; i++) inner[i] = k[i]! ^ IPAD;
  inner.set(message, BLOCK_SIZE);
  const innerHash = hash(inner);
  const outer = new Uint8Array(BLOCK_SIZE + innerHash.length);
  for (let i = 0; i < BLOCK_SIZE; i++) outer[i] = k[i]! ^ OPAD;
  outer.set(innerHash, BLOCK_SIZE);
  return hash(outer);
}

export const hmacMd5 = (key: Uint8Array, message: Uint8Array): Uint8Array => hmac(md5, key, message);
export const hmacSha1 = (key: Uint8Array, message: Uint8Array): Uint8Array => hmac(sha1, key, message);
export const hmacSha256 = (key: Uint8Array, message: Uint8Array): Uint8Array => hmac(sha256, key, message);
