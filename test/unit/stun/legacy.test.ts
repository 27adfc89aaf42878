import { describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/bytes';
import {
  Attr,
  MAGIC_COOKIE,
  Method,
  buildBindingRequest,
  decodeMessage,
  describeMessage,
  encodeAddressValue,
  encodeMessage,
  encodeXorAddressValue,
  formatDescribedMessage,
  getChangeRequest,
  getChangedAddress,
  getMappedAddress,
  getSourceAddress,
  getXorMappedAddress,
} from '../../../shared/stun';
import * as F from './fixtures/legacy';
import { LEGACY_TID, stunErrorOf } from './helpers';

describe('an RFC 3489 Binding response (no magic cookie)', () => {
  const msg = decodeMessage(F.RFC3489_BINDING_RESPONSE);

  it('is recognised as legacy with its 16-byte transaction ID', () => {
    expect(msg.legacy).toBe(true);
    expect(msg.method).toBe(Method.Binding);
    expect(msg.cls).toBe('success');
    expect(toHex(msg.transactionId)).toBe(toHex(F.RFC3489_TRANSACTION_ID));
  });

  it('gives MAPPED-ADDRESS, SOURCE-ADDRESS and CHANGED-ADDRESS', () => {
    expect(getMappedAddress(msg)).toEqual({ family: 'IPv4', ip: '203.0.113.5', port: 54321 });
    expect(getSourceAddress(msg)).toEqual({ family: 'IPv4', ip: '203.0.113.1', port: 3478 });
    expect(getChangedAddress(msg)).toEqual({ family: 'IPv4', ip: '203.0.113.2', port: 3479 });
    expect(getXorMappedAddress(msg)).toBeUndefined();
  });

  it('is described as RFC 3489', () => {
    expect(formatDescribedMessage(describeMessage(msg))).toBe(
      [
        'STUN Binding success response (RFC 3489)',
        '  transaction 0xb26c5d0e913f47a80c55e19a27d38640',
        '  MAPPED-ADDRESS   203.0.113.5:54321',
        '  SOURCE-ADDRESS   203.0.113.1:3478',
        '  CHANGED-ADDRESS  203.0.113.2:3479',
        '',
      ].join('\n'),
    );
  });

  it('is reproduced exactly by our encoder', () => {
    const bytes = encodeMessage({
      method: Method.Binding,
      cls: 'success',
      legacy: true,
      transactionId: F.RFC3489_TRANSACTION_ID,
      attributes: [
        { type: Attr.MAPPED_ADDRESS, value: encodeAddressValue({ family: 'IPv4', ip: '203.0.113.5', port: 54321 }) },
        { type: Attr.SOURCE_ADDRESS, value: encodeAddressValue({ family: 'IPv4', ip: '203.0.113.1', port: 3478 }) },
        { type: Attr.CHANGED_ADDRESS, value: encodeAddressValue({ family: 'IPv4', ip: '203.0.113.2', port: 3479 }) },
      ],
    });
    expect(toHex(bytes)).toBe(toHex(F.RFC3489_BINDING_RESPONSE));
  });
});

describe('RFC 3489 requests', () => {
  it('decodes a hand-built CHANGE-REQUEST test', () => {
    const msg = decodeMessage(F.RFC3489_CHANGE_REQUEST);
    expect(msg.legacy).toBe(true);
    expect(getChangeRequest(msg)).toEqual({ changeIp: true, changePort: true });
  });

  it('builds a minimal request: no cookie, CHANGE-REQUEST only, no SOFTWARE, no FINGERPRINT', () => {
    const { bytes, transactionId } = buildBindingRequest({ legacy: true, changeIp: true, software: 'TrunkCheck' });
    expect(transactionId.length).toBe(16);
    expect(bytes.length).toBe(20 + 8);
    expect(new DataView(bytes.buffer).getUint32(4)).not.toBe(MAGIC_COOKIE);
    const msg = decodeMessage(bytes);
    expect(msg.legacy).toBe(true);
    expect(toHex(msg.transactionId)).toBe(toHex(transactionId));
    expect(msg.attributes.map((a) => a.type)).toEqual([Attr.CHANGE_REQUEST]);
    expect(getChangeRequest(msg)).toEqual({ changeIp: true, changePort: false });
  });

  it('builds the plain test-I request with no attributes at all', () => {
    expect(buildBindingRequest({ legacy: true }).bytes.length).toBe(20);
  });

  it('refuses FINGERPRINT, RESPONSE-PORT and PADDING in an RFC 3489 request', () => {
    expect(stunErrorOf(() => buildBindingRequest({ legacy: true, fingerprint: true })).place).toBe('encode/legacy');
    expect(stunErrorOf(() => buildBindingRequest({ legacy: true, responsePort: 5000 })).place).toBe('encode/legacy');
    expect(stunErrorOf(() => buildBindingRequest({ legacy: true, paddingBytes: 100 })).place).toBe('encode/legacy');
  });
});

describe('encoding RFC 3489 messages', () => {
  it('refuses integrity and fingerprint, types RFC 3489 lacks and an ID that starts with the cookie', () => {
    const base = { method: Method.Binding, cls: 'request' as const, legacy: true, transactionId: LEGACY_TID };
    expect(stunErrorOf(() => encodeMessage({ ...base, fingerprint: true })).place).toBe('encode/legacy');
    expect(stunErrorOf(() => encodeMessage({ ...base, integrity: { key: new Uint8Array(4) } })).place).toBe('encode/legacy');
    expect(stunErrorOf(() => encodeMessage({ ...base, cls: 'indication' })).place).toBe('encode/legacy');
    expect(stunErrorOf(() => encodeMessage({ ...base, method: 0x003 })).place).toBe('encode/legacy');
    const cookieFirst = Uint8Array.of(0x21, 0x12, 0xa4, 0x42, ...new Uint8Array(12));
    expect(stunErrorOf(() => encodeMessage({ ...base, transactionId: cookieFirst })).place).toBe('encode/legacy');
    expect(stunErrorOf(() => encodeMessage({ ...base, transactionId: new Uint8Array(12) })).place).toBe('encode/transaction-id');
  });

  it('XORs addresses with the 16-byte transaction ID where the cookie would be', () => {
    const address = { family: 'IPv6', ip: '2001:db8::7', port: 4000 } as const;
    const msg = decodeMessage(
      encodeMessage({
        method: Method.Binding,
        cls: 'success',
        legacy: true,
        transactionId: LEGACY_TID,
        attributes: [{ type: Attr.XOR_MAPPED_ADDRESS, value: encodeXorAddressValue(address, LEGACY_TID) }],
      }),
    );
    expect(getXorMappedAddress(msg)).toEqual(address);
  });
});
