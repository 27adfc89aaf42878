// Framing: a decoded message is its raw bytes plus the raw attribute records cut out of them.
// Typed values are parsed on demand by the attribute codecs (address.ts, text.ts, …).

import { ATTRIBUTE_HEADER_LENGTH, HEADER_LENGTH, MAGIC_COOKIE, Method, SHARED_SECRET_METHOD } from './constants';
import { StunError } from './errors';

export type StunClass = 'request' | 'indication' | 'success' | 'error';

export interface RawAttribute {
  readonly type: number;
  readonly value: Uint8Array;
  /** Byte offset of the attribute header in `raw`. */
  readonly offset: number;
}

export interface StunMessage {
  readonly method: number;
  readonly cls: StunClass;
  /** 12 bytes (RFC 8489), or 16 for an RFC 3489 message, whose cookie field is part of the ID. */
  readonly transactionId: Uint8Array;
  /** True when the magic cookie is absent: an RFC 3489 message. */
  readonly legacy: boolean;
  readonly attributes: readonly RawAttribute[];
  readonly raw: Uint8Array;
}

// The two class bits C1 C0, RFC 8489 §5.
const CLASSES: readonly StunClass[] = ['request', 'indication', 'success', 'error'];

export function classBits(cls: StunClass): number {
  return CLASSES.indexOf(cls);
}

// Message type layout, RFC 8489 §5 Figure 3: M11..M7 C1 M6..M4 C0 M3..M0 below two zero bits.
export function messageType(method: number, cls: StunClass): number {
  const c = classBits(cls);
  return (
    (method & 0x000f) | ((method & 0x0070) << 1) | ((method & 0x0f80) << 2) | ((c & 0b01) << 4) | ((c & 0b10) << 7)
  );
}

export function splitMessageType(type: number): { method: number; cls: StunClass } {
  const method = (type & 0x000f) | ((type & 0x00e0) >> 1) | ((type & 0x3e00) >> 2);
  const c = ((type & 0x0010) >> 4) | ((type & 0x0100) >> 7);
  return { method, cls: CLASSES[c] ?? 'request' };
}

// RFC 3489 §11.1 knows only Binding and Shared Secret requests, responses and error responses.
export function isRfc3489Type(method: number, cls: StunClass): boolean {
  return (method === Method.Binding || method === SHARED_SECRET_METHOD) && cls !== 'indication';
}

function readUint16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function readUint32(bytes: Uint8Array, at: number): number {
  return ((readUint16(bytes, at) << 16) | readUint16(bytes, at + 2)) >>> 0;
}

// Cheap demultiplexing test (RFC 7983 §7, RFC 8489 §5): STUN's first two bits are zero. So are
// those of a SIP method starting with "!", "%", a digit or another token character (RFC 3261
// §25.1), hence the length field check too, which random or SIP data rarely satisfies.
// The cookie is not required, so RFC 3489 answers pass too.
export function looksLikeStun(bytes: Uint8Array): boolean {
  if (!(bytes instanceof Uint8Array) || bytes.length < HEADER_LENGTH) return false;
  if ((bytes[0]! & 0xc0) !== 0) return false;
  const length = readUint16(bytes, 2);
  return length % 4 === 0 && length === bytes.length - HEADER_LENGTH;
}

export function decodeMessage(bytes: Uint8Array): StunMessage {
  if (!(bytes instanceof Uint8Array)) throw new StunError('message/header', 'not a byte array');
  if (bytes.length < HEADER_LENGTH) {
    throw new StunError('message/header', `${bytes.length} bytes, shorter than the 20-byte header`);
  }
  const raw = Uint8Array.from(bytes); // our own copy: socket buffers get reused
  const type = readUint16(raw, 0);
  if ((type & 0xc000) !== 0) {
    throw new StunError('message/header', `first two bits are not zero (type 0x${type.toString(16).padStart(4, '0')})`);
  }
  const length = readUint16(raw, 2);
  if (length % 4 !== 0) throw new StunError('message/length', `length ${length} is not a multiple of 4`);
  if (length !== raw.length - HEADER_LENGTH) {
    throw new StunError('message/length', `length field says ${length} but ${raw.length - HEADER_LENGTH} bytes follow the header`);
  }
  const { method, cls } = splitMessageType(type);
  const legacy = readUint32(raw, 4) !== MAGIC_COOKIE;
  if (legacy && !isRfc3489Type(method, cls)) {
    throw new StunError(
      'message/cookie',
      `no magic cookie, and type 0x${type.toString(16).padStart(4, '0')} is not an RFC 3489 message either`,
    );
  }
  const transactionId = raw.slice(legacy ? 4 : 8, HEADER_LENGTH);
  return { method, cls, transactionId, legacy, attributes: cutAttributes(raw), raw };
}

// Attribute TLVs, RFC 8489 §14: each value is padded to a multiple of 4 bytes; the padding
// content is ignored. The whole body is a multiple of 4, so an attribute header always fits.
function cutAttributes(raw: Uint8Array): RawAttribute[] {
  const attributes: RawAttribute[] = [];
  let at = HEADER_LENGTH;
  while (at + ATTRIBUTE_HEADER_LENGTH <= raw.length) {
    const type = readUint16(raw, at);
    const length = readUint16(raw, at + 2);
    const start = at + ATTRIBUTE_HEADER_LENGTH;
    const padded = (length + 3) & ~3;
    if (start + padded > raw.length) {
      const name = `0x${type.toString(16).padStart(4, '0')}`;
      throw new StunError(
        'attribute/length',
        `attribute ${name} at offset ${at} needs ${padded} bytes (value ${length} plus padding), only ${raw.length - start} left`,
      );
    }
    attributes.push({ type, value: raw.subarray(start, start + length), offset: at });
    at = start + padded;
  }
  if (at !== raw.length) throw new StunError('attribute/length', `${raw.length - at} stray bytes after the last attribute`);
  return attributes;
}

export function getAttribute(msg: StunMessage, type: number): RawAttribute | undefined {
  return msg.attributes.find((attribute) => attribute.type === type);
}
