import { describe, expect, it } from 'vitest';
import { toHex, utf8Encode } from '../../../shared/bytes';
import {
  Attr,
  MAGIC_COOKIE,
  Method,
  StunError,
  attributeName,
  checkFingerprint,
  decodeMessage,
  encodeMessage,
  getAttribute,
  isStunError,
  looksLikeStun,
  newTransactionId,
} from '../../../shared/stun';
import { SAMPLE_IPV4_RESPONSE, SAMPLE_REQUEST } from './fixtures/rfc5769';
import { RFC3489_BINDING_RESPONSE } from './fixtures/legacy';
import { TID, stunErrorOf } from './helpers';

const SIP_OPTIONS = utf8Encode('OPTIONS sip:trunk.example.net SIP/2.0\r\nVia: SIP/2.0/UDP 192.168.100.5:65002\r\n\r\n');

describe('telling STUN from SIP on the shared port', () => {
  it('recognises the RFC 5769 messages and an RFC 3489 answer', () => {
    expect(looksLikeStun(SAMPLE_REQUEST)).toBe(true);
    expect(looksLikeStun(SAMPLE_IPV4_RESPONSE)).toBe(true);
    expect(looksLikeStun(RFC3489_BINDING_RESPONSE)).toBe(true);
  });

  it('rejects a SIP OPTIONS request, short packets and wrong length fields', () => {
    expect(looksLikeStun(SIP_OPTIONS)).toBe(false);
    expect(looksLikeStun(SAMPLE_REQUEST.subarray(0, 19))).toBe(false);
    expect(looksLikeStun(SAMPLE_REQUEST.subarray(0, SAMPLE_REQUEST.length - 4))).toBe(false);
    const odd = Uint8Array.from(SAMPLE_REQUEST);
    odd[3] = 0x57;
    expect(looksLikeStun(odd)).toBe(false);
  });
});

describe('message header', () => {
  it('encodes the class bits in the right places (RFC 8489 §5)', () => {
    const typeOf = (cls: 'request' | 'indication' | 'success' | 'error', method: number = Method.Binding): number => {
      const bytes = encodeMessage({ method, cls, transactionId: TID });
      return (bytes[0]! << 8) | bytes[1]!;
    };
    expect(typeOf('request')).toBe(0x0001);
    expect(typeOf('indication')).toBe(0x0011);
    expect(typeOf('success')).toBe(0x0101);
    expect(typeOf('error')).toBe(0x0111);
    expect(typeOf('error', 0xfff)).toBe(0x3fff);
    expect(typeOf('request', 0x003)).toBe(0x0003); // TURN Allocate
  });

  it('decodes method and class back from every type', () => {
    for (const cls of ['request', 'indication', 'success', 'error'] as const) {
      for (const method of [0x001, 0x003, 0x07f, 0x080, 0xabc, 0xfff]) {
        const msg = decodeMessage(encodeMessage({ method, cls, transactionId: TID }));
        expect([msg.method, msg.cls]).toEqual([method, cls]);
      }
    }
  });

  it('writes the magic cookie and a 12-byte transaction ID', () => {
    const bytes = encodeMessage({ method: Method.Binding, cls: 'request', transactionId: TID });
    expect(bytes.length).toBe(20);
    expect(new DataView(bytes.buffer).getUint32(4)).toBe(MAGIC_COOKIE);
    expect(toHex(decodeMessage(bytes).transactionId)).toBe(toHex(TID));
  });

  it('makes random transaction IDs of 12 bytes, or 16 without the cookie for RFC 3489', () => {
    const a = newTransactionId();
    const b = newTransactionId();
    expect(a.length).toBe(12);
    expect(toHex(a)).not.toBe(toHex(b));
    const many = Array.from({ length: 2000 }, () => newTransactionId()); // several refills of the random pool
    expect(new Set(many.map(toHex)).size).toBe(many.length);
    many[0]!.fill(0);
    expect(many.slice(1).some((id) => id.every((byte) => byte === 0))).toBe(false);
    const legacy = newTransactionId(true);
    expect(legacy.length).toBe(16);
    expect(new DataView(legacy.buffer).getUint32(0)).not.toBe(MAGIC_COOKIE);
  });
});

describe('framing errors say where decoding failed', () => {
  const good = encodeMessage({
    method: Method.Binding,
    cls: 'request',
    transactionId: TID,
    attributes: [{ type: Attr.SOFTWARE, value: utf8Encode('abc') }],
  });
  const edited = (edit: (b: Uint8Array) => void): Uint8Array => {
    const copy = Uint8Array.from(good);
    edit(copy);
    return copy;
  };

  it('a packet shorter than the header', () => {
    expect(stunErrorOf(() => decodeMessage(good.subarray(0, 19))).place).toBe('message/header');
    expect(stunErrorOf(() => decodeMessage(new Uint8Array(0))).place).toBe('message/header');
  });

  it('first two bits set (that is SIP or RTP, not STUN)', () => {
    expect(stunErrorOf(() => decodeMessage(SIP_OPTIONS)).place).toBe('message/header');
  });

  it('a length field that is not a multiple of 4', () => {
    expect(stunErrorOf(() => decodeMessage(edited((b) => (b[3] = 9)))).place).toBe('message/length');
  });

  it('a length field that disagrees with the datagram', () => {
    expect(stunErrorOf(() => decodeMessage(edited((b) => (b[3] = 4)))).place).toBe('message/length');
    expect(stunErrorOf(() => decodeMessage(good.subarray(0, good.length - 4))).place).toBe('message/length');
  });

  it('an attribute running past the end', () => {
    const error = stunErrorOf(() => decodeMessage(edited((b) => (b[23] = 9))));
    expect(error.place).toBe('attribute/length');
    expect(error).toBeInstanceOf(StunError);
    expect(error.name).toBe('StunError');
    expect(error.message).toBe(`${error.place}: ${error.detail}`);
  });

  it('an attribute value cut short by the end of the message', () => {
    // A SOFTWARE of 5 bytes announced, 4 present. (Value present but padding missing cannot
    // happen: the body and every attribute start are multiples of 4.)
    const bytes = Uint8Array.of(0x00, 0x01, 0x00, 0x08, 0x21, 0x12, 0xa4, 0x42, ...TID, 0x80, 0x22, 0x00, 0x05, 1, 2, 3, 4);
    expect(stunErrorOf(() => decodeMessage(bytes)).place).toBe('attribute/length');
  });

  it('no magic cookie and a type RFC 3489 never had (an indication)', () => {
    const bytes = edited((b) => {
      b[1] = 0x11;
      b[4] = 0;
    });
    expect(stunErrorOf(() => decodeMessage(bytes)).place).toBe('message/cookie');
  });

  it('rejects a non-byte input with a StunError too', () => {
    expect(isStunError(stunErrorOf(() => decodeMessage('0001' as unknown as Uint8Array)))).toBe(true);
  });
});

describe('attribute records', () => {
  it('keeps every attribute in order with its offset, value and a zero-copy view into raw', () => {
    const msg = decodeMessage(SAMPLE_REQUEST);
    expect(msg.attributes.map((a) => attributeName(a.type))).toEqual([
      'SOFTWARE',
      'PRIORITY',
      'ICE-CONTROLLED',
      'USERNAME',
      'MESSAGE-INTEGRITY',
      'FINGERPRINT',
    ]);
    expect(msg.attributes.map((a) => a.offset)).toEqual([20, 40, 48, 60, 76, 100]);
    expect(msg.attributes[3]!.value.length).toBe(9);
    expect(msg.attributes[3]!.value.buffer).toBe(msg.raw.buffer);
  });

  it('owns its bytes: later changes to the input buffer do not change the message', () => {
    const input = Uint8Array.from(SAMPLE_IPV4_RESPONSE);
    const msg = decodeMessage(input);
    input.fill(0);
    expect(toHex(msg.raw)).toBe(toHex(SAMPLE_IPV4_RESPONSE));
  });

  it('returns the first occurrence of a repeated attribute and keeps the rest', () => {
    const bytes = encodeMessage({
      method: Method.Binding,
      cls: 'success',
      transactionId: TID,
      attributes: [
        { type: Attr.SOFTWARE, value: utf8Encode('first') },
        { type: Attr.SOFTWARE, value: utf8Encode('second') },
      ],
    });
    const msg = decodeMessage(bytes);
    expect(getAttribute(msg, Attr.SOFTWARE)!.value).toEqual(utf8Encode('first'));
    expect(msg.attributes.length).toBe(2);
    expect(getAttribute(msg, Attr.NONCE)).toBeUndefined();
  });

  it('finds attributes where they are in raw, by type, without listing them', () => {
    const msg = decodeMessage(SAMPLE_REQUEST);
    const at = msg.find(Attr.USERNAME);
    expect(at).toBe(60);
    expect([msg.typeAt(at), msg.lengthAt(at), msg.nextAfter(at)]).toEqual([Attr.USERNAME, 9, 76]);
    expect(msg.nextAfter(msg.find(Attr.FINGERPRINT))).toBe(msg.raw.length);
    expect(msg.find(Attr.NONCE)).toBe(-1);
    expect(msg.attributeAt(at)).toEqual(msg.attributes[3]);
  });

  it('each of many decoded messages keeps its own bytes, whatever came before or after it', () => {
    // More and larger messages than one copy pool holds, all alive at once.
    const inputs = Array.from({ length: 600 }, (_, i) =>
      encodeMessage({
        method: Method.Binding,
        cls: 'success',
        transactionId: Uint8Array.from({ length: 12 }, (_, k) => (i + k) & 0xff),
        attributes: [{ type: Attr.SOFTWARE, value: new Uint8Array(i % 300).fill(i & 0xff) }],
        fingerprint: true,
      }),
    );
    const messages = inputs.map((input) => decodeMessage(input));
    for (const input of inputs) input.fill(0xee);
    messages.forEach((msg, i) => {
      expect(msg.raw.length).toBe(20 + 4 + (((i % 300) + 3) & ~3) + 8);
      expect(msg.transactionId[0]).toBe(i & 0xff);
      expect(getAttribute(msg, Attr.SOFTWARE)!.value.every((byte) => byte === (i & 0xff))).toBe(true);
      expect(checkFingerprint(msg)).toBe('valid');
    });
  });

  it('names unknown attributes by number', () => {
    expect(attributeName(Attr.XOR_MAPPED_ADDRESS)).toBe('XOR-MAPPED-ADDRESS');
    expect(attributeName(0x1234)).toBe('UNKNOWN-0x1234');
  });
});

describe('encoding attributes', () => {
  it('pads values to 4 bytes with zeros', () => {
    const bytes = encodeMessage({
      method: Method.Binding,
      cls: 'request',
      transactionId: TID,
      attributes: [{ type: Attr.SOFTWARE, value: Uint8Array.of(0xaa) }],
    });
    expect(toHex(bytes.subarray(2, 4))).toBe('0008');
    expect(toHex(bytes.subarray(20))).toBe('80220001aa000000');
  });

  it('accepts an empty value', () => {
    const bytes = encodeMessage({ method: 1, cls: 'request', transactionId: TID, attributes: [{ type: 0x8000, value: new Uint8Array(0) }] });
    expect(decodeMessage(bytes).attributes[0]!.value.length).toBe(0);
  });

  it('refuses a wrong transaction ID length, a method above 12 bits, a value over 65535 bytes and an oversize message', () => {
    expect(stunErrorOf(() => encodeMessage({ method: 1, cls: 'request', transactionId: new Uint8Array(16) })).place).toBe(
      'encode/transaction-id',
    );
    expect(stunErrorOf(() => encodeMessage({ method: 0x1000, cls: 'request', transactionId: TID })).place).toBe('encode/header');
    const huge = { type: Attr.PADDING, value: new Uint8Array(0x10000) };
    expect(stunErrorOf(() => encodeMessage({ method: 1, cls: 'request', transactionId: TID, attributes: [huge] })).place).toBe(
      'encode/attribute',
    );
    const big = { type: Attr.PADDING, value: new Uint8Array(40_000) };
    expect(stunErrorOf(() => encodeMessage({ method: 1, cls: 'request', transactionId: TID, attributes: [big, big] })).place).toBe(
      'encode/length',
    );
  });

  it('builds the largest message the length field allows', () => {
    const value = new Uint8Array(0xfffc - 4);
    const bytes = encodeMessage({ method: 1, cls: 'request', transactionId: TID, attributes: [{ type: Attr.PADDING, value }] });
    expect(bytes.length).toBe(20 + 0xfffc);
    expect(decodeMessage(bytes).attributes[0]!.value.length).toBe(value.length);
  });
});
