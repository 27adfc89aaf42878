import { describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8Encode } from '../../../shared/bytes';
import {
  Attr,
  Method,
  decodeMessage,
  encodeErrorCodeValue,
  encodeMessage,
  encodeUnknownAttributesValue,
  getErrorCode,
  getUnknownAttributes,
} from '../../../shared/stun';
import { TID, stunErrorOf } from './helpers';

function errorResponse(attributes: { type: number; value: Uint8Array }[]) {
  return decodeMessage(encodeMessage({ method: Method.Binding, cls: 'error', transactionId: TID, attributes }));
}

describe('ERROR-CODE (RFC 8489 §14.8)', () => {
  it('splits the code into class and number', () => {
    expect(toHex(encodeErrorCodeValue(420, 'Unknown Attribute'))).toBe(`00000414${toHex(utf8Encode('Unknown Attribute'))}`);
  });

  it('round-trips the codes a STUN server answers with', () => {
    for (const [code, reason] of [
      [300, 'Try Alternate'],
      [400, 'Bad Request'],
      [401, 'Unauthenticated'],
      [420, 'Unknown Attribute'],
      [438, 'Stale Nonce'],
      [500, 'Server Error'],
      [699, ''],
    ] as const) {
      expect(getErrorCode(errorResponse([{ type: Attr.ERROR_CODE, value: encodeErrorCodeValue(code, reason) }]))).toEqual({
        code,
        reason,
      });
    }
  });

  it('ignores the reserved bits', () => {
    const value = fromHex('fffffb0b')!; // all 21 reserved bits set; class 3, number 11
    expect(getErrorCode(errorResponse([{ type: Attr.ERROR_CODE, value }]))).toEqual({ code: 311, reason: '' });
  });

  it('refuses a class outside 3–6, a number above 99 and a value shorter than 4 bytes', () => {
    for (const hex of ['00000200', '00000700', '00000364', '000004']) {
      const error = stunErrorOf(() => getErrorCode(errorResponse([{ type: Attr.ERROR_CODE, value: fromHex(hex)! }])));
      expect(error.place, hex).toBe('attribute/error-code');
    }
  });

  it('accepts a reason of 763 bytes and refuses 764 (RFC 8489 §14.8, receiving side)', () => {
    const value = (n: number) => Uint8Array.of(0, 0, 5, 0, ...utf8Encode('r'.repeat(n)));
    expect(getErrorCode(errorResponse([{ type: Attr.ERROR_CODE, value: value(763) }]))!.reason).toHaveLength(763);
    expect(stunErrorOf(() => getErrorCode(errorResponse([{ type: Attr.ERROR_CODE, value: value(764) }]))).place).toBe(
      'attribute/error-code',
    );
  });

  it('sends at most 509 bytes of reason and only codes 300–699', () => {
    expect(encodeErrorCodeValue(400, 'x'.repeat(509)).length).toBe(513);
    expect(stunErrorOf(() => encodeErrorCodeValue(400, 'x'.repeat(510))).place).toBe('encode/error-code');
    expect(stunErrorOf(() => encodeErrorCodeValue(299, '')).place).toBe('encode/error-code');
    expect(stunErrorOf(() => encodeErrorCodeValue(700, '')).place).toBe('encode/error-code');
  });
});

describe('UNKNOWN-ATTRIBUTES (RFC 8489 §14.13)', () => {
  it('lists the attribute types a 420 answer complains about', () => {
    const msg = errorResponse([
      { type: Attr.ERROR_CODE, value: encodeErrorCodeValue(420, 'Unknown Attribute') },
      { type: Attr.UNKNOWN_ATTRIBUTES, value: encodeUnknownAttributesValue([Attr.CHANGE_REQUEST, Attr.RESPONSE_PORT, 0x7fff]) },
    ]);
    expect(getUnknownAttributes(msg)).toEqual([0x0003, 0x0027, 0x7fff]);
  });

  it('accepts an empty list and refuses an odd length', () => {
    expect(getUnknownAttributes(errorResponse([{ type: Attr.UNKNOWN_ATTRIBUTES, value: new Uint8Array(0) }]))).toEqual([]);
    expect(
      stunErrorOf(() => getUnknownAttributes(errorResponse([{ type: Attr.UNKNOWN_ATTRIBUTES, value: Uint8Array.of(0, 3, 0) }]))).place,
    ).toBe('attribute/unknown-attributes');
  });
});
