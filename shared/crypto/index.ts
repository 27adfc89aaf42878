export { crc32 } from './crc32';
export { md5 } from './md5';
export { sha1 } from './sha1';
export { sha256 } from './sha256';
export { hmac, hmacMd5, hmacSha1, hmacSha256, type HashFunction } from './hmac';
