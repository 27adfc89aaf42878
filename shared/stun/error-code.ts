// ERROR-CODE (RFC 8489 §14.8) and UNKNOWN-ATTRIBUTES (RFC 8489 §14.13), which a 420 answer carries.

import { utf8Encode } from '../bytes';
import { Attr, MAX_TEXT_BYTES_SENT } from './constants';
import { StunError } from './errors';
import { getAttribute, type StunMessage } from './message';
import { decodeTextValue } from './text';

export interface ErrorCode {
  readonly code: number;
  readonly reason: string;
}

// RFC 8489 §14.8: 21 reserved bits, a 3-bit class (the hundreds, 3–6), an 8-bit number (0–99).
export function decodeErrorCodeValue(value: Uint8Array): ErrorCode {
  const place = 'attribute/error-code';
  if (value.length < 4) throw new StunError(place, `value of ${value.length} bytes is shorter than 4`);
  const hundreds = value[2]! & 0x07;
  const number = value[3]!;
  if (hundreds < 3 || hundreds > 6) throw new StunError(place, `class ${hundreds} is outside 3–6`);
  if (number > 99) throw new StunError(place, `number ${number} is above 99`);
  return { code: hundreds * 100 + number, reason: decodeTextValue(value.subarray(4), place) };
}

export function encodeErrorCodeValue(code: number, reason: string): Uint8Array {
  if (!Number.isInteger(code) || code < 300 || code > 699) {
    throw new StunError('encode/error-code', `code ${code} is not 300–699`); // RFC 8489 §14.8
  }
  const text = utf8Encode(reason);
  if (text.length > MAX_TEXT_BYTES_SENT) {
    throw new StunError('encode/error-code', `reason of ${text.length} bytes, more than ${MAX_TEXT_BYTES_SENT}`);
  }
  const out = new Uint8Array(4 + text.length);
  out[2] = Math.floor(code / 100);
  out[3] = code % 100;
  out.set(text, 4);
  return out;
}

export function getErrorCode(msg: StunMessage): ErrorCode | undefined {
  const attribute = getAttribute(msg, Attr.ERROR_CODE);
  return attribute && decodeErrorCodeValue(attribute.value);
}

// RFC 8489 §14.13: a list of 16-bit attribute types.
export function decodeUnknownAttributesValue(value: Uint8Array): number[] {
  if (value.length % 2 !== 0) {
    throw new StunError('attribute/unknown-attributes', `length ${value.length} is not a multiple of 2`);
  }
  const types: number[] = [];
  for (let i = 0; i < value.length; i += 2) types.push((value[i]! << 8) | value[i + 1]!);
  return types;
}

export function encodeUnknownAttributesValue(types: readonly number[]): Uint8Array {
  const out = new Uint8Array(types.length * 2);
  types.forEach((type, i) => {
    if (!Number.isInteger(type) || type < 0 || type > 0xffff) {
      throw new StunError('encode/unknown-attributes', `${type} is not a 16-bit attribute type`);
    }
    out[2 * i] = type >> 8;
    out[2 * i + 1] = type & 0xff;
  });
  return out;
}

export function getUnknownAttributes(msg: StunMessage): number[] | undefined {
  const attribute = getAttribute(msg, Attr.UNKNOWN_ATTRIBUTES);
  return attribute && decodeUnknownAttributesValue(attribute.value);
}
