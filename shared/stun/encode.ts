// Building messages: header, attributes padded with zeros to 4 bytes (RFC 8489 §14), then
// MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 and FINGERPRINT in that order (§14.5–§14.7).
// The spec is checked and measured first; then the message is written once, in place, into one
// array of its final size.

import { randomBytes } from '../bytes';
import { hmacSha1, hmacSha256 } from '../crypto/hmac';
import { Attr, ATTRIBUTE_HEADER_LENGTH, HEADER_LENGTH, MAGIC_COOKIE } from './constants';
import { StunError } from './errors';
import { fingerprintValue, FINGERPRINT_LENGTH, MESSAGE_INTEGRITY_LENGTH, MESSAGE_INTEGRITY_SHA256_LENGTH } from './integrity';
import { isRfc3489Type, messageType, type StunClass } from './message';

export interface AttributeSpec {
  type: number;
  value: Uint8Array;
}

export interface MessageSpec {
  method: number;
  cls: StunClass;
  /** 12 bytes, or 16 when legacy. */
  transactionId: Uint8Array;
  legacy?: boolean;
  attributes?: readonly AttributeSpec[];
  /** sha1 defaults to true, sha256 to false. */
  integrity?: { key: Uint8Array; sha256?: boolean; sha1?: boolean };
  fingerprint?: boolean;
}

const MAX_BODY_LENGTH = 0xffff - 3; // the 16-bit length field, kept a multiple of 4 (RFC 8489 §5)
const NO_ATTRIBUTES: readonly AttributeSpec[] = [];

function checkSpec(spec: MessageSpec): void {
  const legacy = spec.legacy === true;
  if (!Number.isInteger(spec.method) || spec.method < 0 || spec.method > 0xfff) {
    throw new StunError('encode/header', `method ${spec.method} is not a 12-bit number`); // RFC 8489 §5
  }
  const idLength = legacy ? 16 : 12;
  if (!(spec.transactionId instanceof Uint8Array) || spec.transactionId.length !== idLength) {
    throw new StunError('encode/transaction-id', `transaction ID must be ${idLength} bytes${legacy ? ' for RFC 3489' : ''}`);
  }
  if (!legacy) return;
  const id = spec.transactionId;
  if (((id[0]! << 24) | (id[1]! << 16) | (id[2]! << 8) | id[3]!) >>> 0 === MAGIC_COOKIE) {
    throw new StunError('encode/legacy', 'an RFC 3489 transaction ID must not start with the magic cookie');
  }
  if (!isRfc3489Type(spec.method, spec.cls)) {
    throw new StunError('encode/legacy', 'RFC 3489 has only Binding and Shared Secret requests and responses');
  }
  if (spec.integrity || spec.fingerprint) {
    // RFC 3489 §11.2.8 computed MESSAGE-INTEGRITY differently and had no FINGERPRINT.
    throw new StunError('encode/legacy', 'RFC 3489 messages carry neither FINGERPRINT nor RFC 8489 MESSAGE-INTEGRITY');
  }
}

// The size of the message once an attribute of `valueLength` bytes is added at `size`.
function grow(size: number, valueLength: number): number {
  const next = size + ATTRIBUTE_HEADER_LENGTH + ((valueLength + 3) & ~3);
  if (next - HEADER_LENGTH > MAX_BODY_LENGTH) {
    throw new StunError('encode/length', `message body would exceed ${MAX_BODY_LENGTH} bytes`);
  }
  return next;
}

function checkAttribute(type: number, value: Uint8Array): void {
  if (!Number.isInteger(type) || type < 0 || type > 0xffff) {
    throw new StunError('encode/attribute', `type ${type} is not a 16-bit number`);
  }
  if (value.length > 0xffff) throw new StunError('encode/attribute', `value of ${value.length} bytes is too long`);
}

function writeLengthField(out: Uint8Array, bodyLength: number): void {
  out[2] = bodyLength >> 8;
  out[3] = bodyLength & 0xff;
}

// Writes the attribute header at `at` and, unless `value` is undefined, the value; the padding
// stays zero, as the array was allocated zeroed. Returns where the next attribute starts.
function writeAttribute(out: Uint8Array, at: number, type: number, length: number, value?: Uint8Array): number {
  out[at] = type >> 8;
  out[at + 1] = type & 0xff;
  out[at + 2] = length >> 8;
  out[at + 3] = length & 0xff;
  const start = at + ATTRIBUTE_HEADER_LENGTH;
  if (value !== undefined) {
    if (length > 16) out.set(value, start);
    else for (let i = 0; i < length; i++) out[start + i] = value[i]!; // short values: cheaper than set()
  }
  return start + ((length + 3) & ~3);
}

export function encodeMessage(spec: MessageSpec): Uint8Array {
  checkSpec(spec);
  const legacy = spec.legacy === true;
  const attributes = spec.attributes ?? NO_ATTRIBUTES;
  const integrity = spec.integrity;
  const sha1 = Boolean(integrity) && integrity?.sha1 !== false;
  const sha256 = Boolean(integrity?.sha256);

  let size = HEADER_LENGTH;
  for (const attribute of attributes) {
    checkAttribute(attribute.type, attribute.value);
    size = grow(size, attribute.value.length);
  }
  if (sha1) size = grow(size, MESSAGE_INTEGRITY_LENGTH);
  if (sha256) size = grow(size, MESSAGE_INTEGRITY_SHA256_LENGTH);
  if (spec.fingerprint) size = grow(size, FINGERPRINT_LENGTH);

  const out = new Uint8Array(size);
  const type = messageType(spec.method, spec.cls);
  out[0] = type >> 8;
  out[1] = type & 0xff;
  const id = spec.transactionId;
  let at = 4;
  if (!legacy) {
    out[4] = MAGIC_COOKIE >>> 24;
    out[5] = (MAGIC_COOKIE >>> 16) & 0xff;
    out[6] = (MAGIC_COOKIE >>> 8) & 0xff;
    out[7] = MAGIC_COOKIE & 0xff;
    at = 8;
  }
  for (let i = 0; i < id.length; i++) out[at + i] = id[i]!;
  at = HEADER_LENGTH;
  for (const attribute of attributes) at = writeAttribute(out, at, attribute.type, attribute.value.length, attribute.value);

  // Each MAC is taken over the message up to its attribute, with the length field counting the
  // message up to the end of that attribute (RFC 8489 §14.5, §14.6).
  if (sha1 && integrity) {
    writeLengthField(out, at - HEADER_LENGTH + ATTRIBUTE_HEADER_LENGTH + MESSAGE_INTEGRITY_LENGTH);
    const mac = hmacSha1(integrity.key, out.subarray(0, at));
    at = writeAttribute(out, at, Attr.MESSAGE_INTEGRITY, MESSAGE_INTEGRITY_LENGTH, mac);
  }
  if (sha256 && integrity) {
    writeLengthField(out, at - HEADER_LENGTH + ATTRIBUTE_HEADER_LENGTH + MESSAGE_INTEGRITY_SHA256_LENGTH);
    const mac = hmacSha256(integrity.key, out.subarray(0, at));
    at = writeAttribute(out, at, Attr.MESSAGE_INTEGRITY_SHA256, MESSAGE_INTEGRITY_SHA256_LENGTH, mac);
  }
  writeLengthField(out, size - HEADER_LENGTH);
  if (spec.fingerprint) {
    // The length field already counts the FINGERPRINT attribute when the CRC is taken (§14.7).
    const crc = fingerprintValue(out, at);
    at = writeAttribute(out, at, Attr.FINGERPRINT, FINGERPRINT_LENGTH);
    out[at - 4] = crc >>> 24;
    out[at - 3] = (crc >>> 16) & 0xff;
    out[at - 2] = (crc >>> 8) & 0xff;
    out[at - 1] = crc & 0xff;
  }
  return out;
}

// IDs come out of a pool of CSPRNG bytes refilled 4 KiB at a time (341 IDs): a Web Crypto call
// costs microseconds whatever its size, several times the rest of a request. Each byte is handed
// out once, as a copy.
const ID_POOL_SIZE = 4096;
let idPool: Uint8Array = new Uint8Array(0);
let idPoolUsed = 0;

function randomId(length: number): Uint8Array {
  if (idPoolUsed + length > idPool.length) {
    idPool = randomBytes(ID_POOL_SIZE);
    idPoolUsed = 0;
  }
  const id = idPool.slice(idPoolUsed, idPoolUsed + length);
  idPoolUsed += length;
  return id;
}

// RFC 8489 §6: 96 random bits. An RFC 3489 ID is 128 bits; its first 32 must not look like the
// magic cookie, or the answer would be read as an RFC 8489 message.
export function newTransactionId(legacy = false): Uint8Array {
  for (;;) {
    const id = randomId(legacy ? 16 : 12);
    if (!legacy) return id;
    if (((id[0]! << 24) | (id[1]! << 16) | (id[2]! << 8) | id[3]!) >>> 0 !== MAGIC_COOKIE) return id;
  }
}
