import { describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/bytes';
import {
  Attr,
  Method,
  buildBindingRequest,
  checkFingerprint,
  decodeMessage,
  encodeAddressValue,
  encodeChangeRequestValue,
  encodeMessage,
  encodePaddingValue,
  encodeResponsePortValue,
  encodeXorAddressValue,
  getChangeRequest,
  getErrorCode,
  getMappedAddress,
  getOtherAddress,
  getPaddingLength,
  getResponseOrigin,
  getResponsePort,
  getXorMappedAddress,
} from '../../../shared/stun';
import * as C from './fixtures/coturn-padding';
import * as F from './fixtures/legacy';
import { TID, stunErrorOf } from './helpers';

const mapped = { family: 'IPv4', ip: '203.0.113.5', port: 54321 } as const;
const origin = { family: 'IPv4', ip: '203.0.113.1', port: 3478 } as const;
const other = { family: 'IPv4', ip: '203.0.113.2', port: 3479 } as const;

function messageWith(type: number, value: Uint8Array) {
  return decodeMessage(encodeMessage({ method: Method.Binding, cls: 'request', transactionId: TID, attributes: [{ type, value }] }));
}

describe('an RFC 5780 Binding response', () => {
  const msg = decodeMessage(F.RFC5780_BINDING_RESPONSE);

  it('gives the mapped address, where it came from (RESPONSE-ORIGIN) and the other address to test against', () => {
    expect(msg.legacy).toBe(false);
    expect(getXorMappedAddress(msg)).toEqual(mapped);
    expect(getMappedAddress(msg)).toEqual(mapped);
    expect(getResponseOrigin(msg)).toEqual(origin);
    expect(getOtherAddress(msg)).toEqual(other);
  });

  it('is what our encoder builds from the same values', () => {
    const bytes = encodeMessage({
      method: Method.Binding,
      cls: 'success',
      transactionId: F.RFC5780_TRANSACTION_ID,
      attributes: [
        { type: Attr.XOR_MAPPED_ADDRESS, value: encodeXorAddressValue(mapped, F.RFC5780_TRANSACTION_ID) },
        { type: Attr.MAPPED_ADDRESS, value: encodeAddressValue(mapped) },
        { type: Attr.RESPONSE_ORIGIN, value: encodeAddressValue(origin) },
        { type: Attr.OTHER_ADDRESS, value: encodeAddressValue(other) },
      ],
    });
    expect(toHex(bytes)).toBe(toHex(F.RFC5780_BINDING_RESPONSE));
  });
});

describe('an RFC 5780 behaviour-discovery request', () => {
  const msg = decodeMessage(F.RFC5780_BINDING_REQUEST);

  it('asks for a change of IP and port, an answer to port 5000, and carries 8 bytes of padding', () => {
    expect(getChangeRequest(msg)).toEqual({ changeIp: true, changePort: true });
    expect(getResponsePort(msg)).toBe(5000);
    expect(getPaddingLength(msg)).toBe(8);
  });

  it('is what our encoder builds from the same values', () => {
    const bytes = encodeMessage({
      method: Method.Binding,
      cls: 'request',
      transactionId: F.RFC5780_TRANSACTION_ID,
      attributes: [
        { type: Attr.CHANGE_REQUEST, value: encodeChangeRequestValue(true, true) },
        { type: Attr.RESPONSE_PORT, value: encodeResponsePortValue(5000) },
        { type: Attr.PADDING, value: encodePaddingValue(8) },
      ],
    });
    expect(toHex(bytes)).toBe(toHex(F.RFC5780_BINDING_REQUEST));
  });
});

describe('CHANGE-REQUEST (RFC 5780 §7.2)', () => {
  it.each([
    [false, false, '00000000'],
    [true, false, '00000004'],
    [false, true, '00000002'],
    [true, true, '00000006'],
  ])('changeIp=%s changePort=%s encodes as %s and round-trips', (changeIp, changePort, hex) => {
    expect(toHex(encodeChangeRequestValue(changeIp, changePort))).toBe(hex);
    expect(getChangeRequest(messageWith(Attr.CHANGE_REQUEST, encodeChangeRequestValue(changeIp, changePort)))).toEqual({
      changeIp,
      changePort,
    });
  });

  it('refuses a value that is not 4 bytes', () => {
    expect(stunErrorOf(() => getChangeRequest(messageWith(Attr.CHANGE_REQUEST, Uint8Array.of(0, 6)))).place).toBe(
      'attribute/change-request',
    );
  });
});

describe('RESPONSE-PORT (RFC 5780 §7.5)', () => {
  it('encodes the port and two bytes of padding, as coturn does', () => {
    expect(toHex(encodeResponsePortValue(65002))).toBe('fdea0000');
  });

  it('also reads the 2-byte form some servers send', () => {
    expect(getResponsePort(messageWith(Attr.RESPONSE_PORT, Uint8Array.of(0x13, 0x88)))).toBe(5000);
  });

  it('refuses other sizes and ports outside 0–65535', () => {
    expect(stunErrorOf(() => getResponsePort(messageWith(Attr.RESPONSE_PORT, Uint8Array.of(1, 2, 3)))).place).toBe(
      'attribute/response-port',
    );
    expect(stunErrorOf(() => encodeResponsePortValue(70000)).place).toBe('encode/response-port');
  });
});

describe('PADDING (RFC 5780 §7.6)', () => {
  it('makes a big datagram to test fragmentation', () => {
    const msg = messageWith(Attr.PADDING, encodePaddingValue(1452));
    expect(msg.raw.length).toBe(20 + 4 + 1452);
    expect(getPaddingLength(msg)).toBe(1452);
  });

  it('is undefined when absent', () => {
    expect(getPaddingLength(messageWith(Attr.SOFTWARE, new Uint8Array(0)))).toBeUndefined();
  });

  it('pads a request past the Ethernet MTU and still ends it with a valid FINGERPRINT', () => {
    const msg = decodeMessage(buildBindingRequest({ paddingBytes: 1500 }).bytes);
    expect(msg.raw.length).toBe(20 + 4 + 1500 + 8);
    expect(getPaddingLength(msg)).toBe(1500);
    expect(checkFingerprint(msg)).toBe('valid');
  });

  it('keeps a length that is no multiple of four, the TLV padding it out to one', () => {
    const msg = decodeMessage(buildBindingRequest({ paddingBytes: 1499, fingerprint: false }).bytes);
    expect(msg.raw.length).toBe(20 + 4 + 1500);
    expect(getPaddingLength(msg)).toBe(1499);
  });

  it('carries PADDING beside RESPONSE-PORT, the pair RFC 5780 §6.1 makes a server refuse with a small 400', () => {
    const msg = decodeMessage(buildBindingRequest({ paddingBytes: 1500, responsePort: 65002 }).bytes);
    expect(getPaddingLength(msg)).toBe(1500);
    expect(getResponsePort(msg)).toBe(65002);
  });

  it('refuses padding that would take the datagram past 64 KiB (RFC 5780 §7.6)', () => {
    // 65507 bytes is the largest UDP payload over IPv4: 65535 less the IP and UDP headers.
    expect(buildBindingRequest({ paddingBytes: 65472 }).bytes.length).toBe(65504);
    expect(stunErrorOf(() => buildBindingRequest({ paddingBytes: 65480 })).place).toBe('encode/padding');
  });
});

describe("coturn's answers to PADDING (captured in the NAT lab)", () => {
  it('pads the answer to a small padded request to its MTU: 1500 bytes of PADDING, 1596 bytes in all', () => {
    const msg = decodeMessage(C.COTURN_PADDED_ANSWER);
    expect(msg.cls).toBe('success');
    expect(toHex(msg.transactionId)).toBe(toHex(C.COTURN_TRANSACTION_ID));
    expect(msg.raw.length).toBe(1596);
    expect(getPaddingLength(msg)).toBe(1500);
    expect(getXorMappedAddress(msg)).toEqual({ family: 'IPv4', ip: '203.0.113.1', port: 65002 });
    expect(getOtherAddress(msg)).toEqual({ family: 'IPv4', ip: '203.0.113.11', port: 3479 });
  });

  it('refuses PADDING with RESPONSE-PORT in a 124-byte 400', () => {
    const msg = decodeMessage(C.COTURN_PADDING_WITH_RESPONSE_PORT);
    expect(msg.cls).toBe('error');
    expect(msg.raw.length).toBe(124);
    expect(getErrorCode(msg)?.code).toBe(400);
    expect(getErrorCode(msg)?.reason).toContain('you cannot use PADDING and RESPONSE_PORT together');
    expect(getPaddingLength(msg)).toBeUndefined();
  });
});
