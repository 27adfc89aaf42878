// Framing: a decoded message is its raw bytes, whose attribute records (type, length, value; as
// pion/stun cuts them) decoding has checked end to end. Nothing is copied, parsed or even listed
// until asked for: the records are read where they are in `raw`, and typed values are parsed on
// demand by the attribute codecs (address.ts, text.ts, …).

import { ATTRIBUTE_HEADER_LENGTH, HEADER_LENGTH, MAGIC_COOKIE, Method, SHARED_SECRET_METHOD } from './constants';
import { StunError } from './errors';

export type StunClass = 'request' | 'indication' | 'success' | 'error';

export interface RawAttribute {
  readonly type: number;
  readonly value: Uint8Array;
  /** Byte offset of the attribute header in `raw`. */
  readonly offset: number;
}

export class StunMessage {
  readonly method: number;
  readonly cls: StunClass;
  /** True when the magic cookie is absent: an RFC 3489 message. */
  readonly legacy: boolean;
  readonly raw: Uint8Array;
  #transactionId: Uint8Array | undefined;
  #attributes: readonly RawAttribute[] | undefined;

  /** Use decodeMessage(): this constructor trusts that the attribute records of `raw` are sound. */
  constructor(method: number, cls: StunClass, legacy: boolean, raw: Uint8Array) {
    this.method = method;
    this.cls = cls;
    this.legacy = legacy;
    this.raw = raw;
  }

  /** 12 bytes (RFC 8489), or 16 for an RFC 3489 message, whose cookie field is part of the ID. */
  get transactionId(): Uint8Array {
    return (this.#transactionId ??= this.raw.slice(this.legacy ? 4 : 8, HEADER_LENGTH));
  }

  /** Every attribute in message order, each value a view into `raw`. Built on first use. */
  get attributes(): readonly RawAttribute[] {
    if (this.#attributes === undefined) {
      const attributes: RawAttribute[] = [];
      for (let at = HEADER_LENGTH; at < this.raw.length; at = this.nextAfter(at)) attributes.push(this.attributeAt(at));
      this.#attributes = attributes;
    }
    return this.#attributes;
  }

  // Attributes by the offset of their header in raw: the first at 20, the end at raw.length.

  /** Offset of the first attribute of this type, or -1. */
  find(type: number): number {
    const raw = this.raw;
    for (let at = HEADER_LENGTH; at < raw.length; at = this.nextAfter(at)) {
      if (((raw[at]! << 8) | raw[at + 1]!) === type) return at;
    }
    return -1;
  }

  typeAt(at: number): number {
    return (this.raw[at]! << 8) | this.raw[at + 1]!;
  }

  /** The value length, without padding; the value starts 4 bytes after `at`. */
  lengthAt(at: number): number {
    return (this.raw[at + 2]! << 8) | this.raw[at + 3]!;
  }

  /** Offset of the next attribute, raw.length after the last one. */
  nextAfter(at: number): number {
    return at + ATTRIBUTE_HEADER_LENGTH + ((this.lengthAt(at) + 3) & ~3);
  }

  attributeAt(at: number): RawAttribute {
    const start = at + ATTRIBUTE_HEADER_LENGTH;
    return { type: this.typeAt(at), value: this.raw.subarray(start, start + this.lengthAt(at)), offset: at };
  }
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

// A message owns its bytes, since socket buffers may be reused. Datagram-sized copies come out of
// a shared slab, as Node's Buffer pool does: a separate ArrayBuffer per datagram costs more than
// the whole decode. A slab is never written twice; it is freed with the last message that uses it.
const SLAB_SIZE = 8192;
const MAX_SLAB_COPY = 1024;
let slab = new ArrayBuffer(SLAB_SIZE);
let slabUsed = 0;

function ownCopy(bytes: Uint8Array): Uint8Array {
  const length = bytes.length;
  if (length > MAX_SLAB_COPY) return new Uint8Array(bytes);
  if (slabUsed + length > SLAB_SIZE) {
    slab = new ArrayBuffer(SLAB_SIZE);
    slabUsed = 0;
  }
  const copy = new Uint8Array(slab, slabUsed, length);
  copy.set(bytes);
  slabUsed += (length + 7) & ~7; // keep views 8-byte aligned
  return copy;
}

const hexType = (type: number): string => `0x${type.toString(16).padStart(4, '0')}`;

export function decodeMessage(bytes: Uint8Array): StunMessage {
  if (!(bytes instanceof Uint8Array)) throw new StunError('message/header', 'not a byte array');
  if (bytes.length < HEADER_LENGTH) {
    throw new StunError('message/header', `${bytes.length} bytes, shorter than the 20-byte header`);
  }
  const raw = ownCopy(bytes); // checked after the copy, so what was checked is what is kept
  const type = (raw[0]! << 8) | raw[1]!;
  if ((type & 0xc000) !== 0) throw new StunError('message/header', `first two bits are not zero (type ${hexType(type)})`);
  const length = (raw[2]! << 8) | raw[3]!;
  if (length % 4 !== 0) throw new StunError('message/length', `length ${length} is not a multiple of 4`);
  if (length !== raw.length - HEADER_LENGTH) {
    throw new StunError('message/length', `length field says ${length} but ${raw.length - HEADER_LENGTH} bytes follow the header`);
  }
  // Message type layout, RFC 8489 §5 Figure 3, as in splitMessageType.
  const method = (type & 0x000f) | ((type & 0x00e0) >> 1) | ((type & 0x3e00) >> 2);
  const cls = CLASSES[((type & 0x0010) >> 4) | ((type & 0x0100) >> 7)]!;
  const cookie = ((raw[4]! << 24) | (raw[5]! << 16) | (raw[6]! << 8) | raw[7]!) >>> 0;
  const legacy = cookie !== MAGIC_COOKIE;
  if (legacy && !isRfc3489Type(method, cls)) {
    throw new StunError('message/cookie', `no magic cookie, and type ${hexType(type)} is not an RFC 3489 message either`);
  }
  checkAttributes(raw);
  return new StunMessage(method, cls, legacy, raw);
}

// Attribute TLVs, RFC 8489 §14: each value is padded to a multiple of 4 bytes; the padding
// content is ignored. The whole body is a multiple of 4, so an attribute header always fits.
function checkAttributes(raw: Uint8Array): void {
  const end = raw.length;
  let at = HEADER_LENGTH;
  while (at + ATTRIBUTE_HEADER_LENGTH <= end) {
    const type = (raw[at]! << 8) | raw[at + 1]!;
    const length = (raw[at + 2]! << 8) | raw[at + 3]!;
    const start = at + ATTRIBUTE_HEADER_LENGTH;
    const padded = (length + 3) & ~3;
    if (start + padded > end) {
      throw new StunError(
        'attribute/length',
        `attribute ${hexType(type)} at offset ${at} needs ${padded} bytes (value ${length} plus padding), only ${end - start} left`,
      );
    }
    at = start + padded;
  }
  if (at !== end) throw new StunError('attribute/length', `${end - at} stray bytes after the last attribute`);
}

export function getAttribute(msg: StunMessage, type: number): RawAttribute | undefined {
  const at = msg.find(type);
  return at < 0 ? undefined : msg.attributeAt(at);
}
