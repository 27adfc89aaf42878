// Building messages: header, attributes padded with zeros to 4 bytes (RFC 8489 §14), then
// MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 and FINGERPRINT in that order (§14.5–§14.7).

import { randomBytes } from '../bytes';
import { hmacSha1, hmacSha256 } from '../crypto/hmac';
import { Attr, ATTRIBUTE_HEADER_LENGTH, HEADER_LENGTH, MAGIC_COOKIE } from './constants';
import { StunError } from './errors';
import { fingerprintValue, FINGERPRINT_LENGTH, integrityInput } from './integrity';
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

// Appends TLVs into one growing buffer and patches the length field on demand.
class Writer {
  private bytes = new Uint8Array(256);
  length = 0;

  private reserve(extra: number): void {
    if (this.length + extra - HEADER_LENGTH > MAX_BODY_LENGTH) {
      throw new StunError('encode/length', `message body would exceed ${MAX_BODY_LENGTH} bytes`);
    }
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  header(type: number, transactionId: Uint8Array, legacy: boolean): void {
    this.reserve(HEADER_LENGTH);
    this.bytes[0] = type >> 8;
    this.bytes[1] = type & 0xff;
    if (!legacy) new DataView(this.bytes.buffer).setUint32(4, MAGIC_COOKIE);
    this.bytes.set(transactionId, legacy ? 4 : 8);
    this.length = HEADER_LENGTH;
  }

  attribute(type: number, value: Uint8Array): void {
    if (!Number.isInteger(type) || type < 0 || type > 0xffff) {
      throw new StunError('encode/attribute', `type ${type} is not a 16-bit number`);
    }
    if (value.length > 0xffff) throw new StunError('encode/attribute', `value of ${value.length} bytes is too long`);
    const padded = (value.length + 3) & ~3;
    this.reserve(ATTRIBUTE_HEADER_LENGTH + padded);
    const at = this.length;
    this.bytes[at] = type >> 8;
    this.bytes[at + 1] = type & 0xff;
    this.bytes[at + 2] = value.length >> 8;
    this.bytes[at + 3] = value.length & 0xff;
    this.bytes.set(value, at + ATTRIBUTE_HEADER_LENGTH);
    this.bytes.fill(0, at + ATTRIBUTE_HEADER_LENGTH + value.length, at + ATTRIBUTE_HEADER_LENGTH + padded);
    this.length = at + ATTRIBUTE_HEADER_LENGTH + padded;
    this.setLengthField(this.length - HEADER_LENGTH);
  }

  setLengthField(length: number): void {
    this.bytes[2] = length >> 8;
    this.bytes[3] = length & 0xff;
  }

  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

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

export function encodeMessage(spec: MessageSpec): Uint8Array {
  checkSpec(spec);
  const legacy = spec.legacy === true;
  const writer = new Writer();
  writer.header(messageType(spec.method, spec.cls), spec.transactionId, legacy);
  for (const attribute of spec.attributes ?? []) writer.attribute(attribute.type, attribute.value);
  if (spec.integrity && spec.integrity.sha1 !== false) {
    const mac = hmacSha1(spec.integrity.key, integrityInput(writer.view(), 20));
    writer.attribute(Attr.MESSAGE_INTEGRITY, mac);
  }
  if (spec.integrity?.sha256) {
    const mac = hmacSha256(spec.integrity.key, integrityInput(writer.view(), 32));
    writer.attribute(Attr.MESSAGE_INTEGRITY_SHA256, mac);
  }
  if (spec.fingerprint) {
    // The length field must already count the FINGERPRINT attribute when the CRC is taken (§14.7).
    writer.setLengthField(writer.length - HEADER_LENGTH + ATTRIBUTE_HEADER_LENGTH + FINGERPRINT_LENGTH);
    const crc = fingerprintValue(writer.view());
    writer.attribute(Attr.FINGERPRINT, Uint8Array.of(crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff));
  }
  return writer.result();
}

// RFC 8489 §6: 96 random bits. An RFC 3489 ID is 128 bits; its first 32 must not look like the
// magic cookie, or the answer would be read as an RFC 8489 message.
export function newTransactionId(legacy = false): Uint8Array {
  for (;;) {
    const id = randomBytes(legacy ? 16 : 12);
    if (!legacy) return id;
    if (((id[0]! << 24) | (id[1]! << 16) | (id[2]! << 8) | id[3]!) >>> 0 !== MAGIC_COOKIE) return id;
  }
}
