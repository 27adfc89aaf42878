import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TransportAddress } from '../../../shared/address';
import { fromHex, toHex } from '../../../shared/bytes';
import {
  Attr,
  Method,
  decodeMessage,
  encodeAddressValue,
  encodeMessage,
  encodeXorAddressValue,
  getAlternateServer,
  getMappedAddress,
  getXorMappedAddress,
} from '../../../shared/stun';
import { formatIPv6, parseIPv6 } from '../../../shared/stun/ip';
import { TID, stunErrorOf } from './helpers';

function responseWith(type: number, value: Uint8Array) {
  return decodeMessage(encodeMessage({ method: Method.Binding, cls: 'success', transactionId: TID, attributes: [{ type, value }] }));
}

const v4: TransportAddress = { family: 'IPv4', ip: '217.194.238.2', port: 65002 };
const v6: TransportAddress = { family: 'IPv6', ip: '2001:db8::5', port: 3478 };

describe('MAPPED-ADDRESS form (RFC 8489 §14.1)', () => {
  it('round-trips an IPv4 and an IPv6 address', () => {
    expect(getMappedAddress(responseWith(Attr.MAPPED_ADDRESS, encodeAddressValue(v4)))).toEqual(v4);
    expect(getMappedAddress(responseWith(Attr.MAPPED_ADDRESS, encodeAddressValue(v6)))).toEqual(v6);
  });

  it('lays out reserved byte, family, port and address', () => {
    expect(toHex(encodeAddressValue(v4))).toBe('0001fdead9c2ee02');
    expect(toHex(encodeAddressValue(v6))).toBe('00020d9620010db8000000000000000000000005');
  });

  it('serves ALTERNATE-SERVER with the same codec', () => {
    expect(getAlternateServer(responseWith(Attr.ALTERNATE_SERVER, encodeAddressValue(v4)))).toEqual(v4);
  });

  it('returns undefined when the attribute is absent', () => {
    expect(getMappedAddress(responseWith(Attr.SOFTWARE, new Uint8Array(4)))).toBeUndefined();
  });
});

describe('XOR-MAPPED-ADDRESS (RFC 8489 §14.2)', () => {
  it('round-trips IPv4 and IPv6', () => {
    expect(getXorMappedAddress(responseWith(Attr.XOR_MAPPED_ADDRESS, encodeXorAddressValue(v4, TID)))).toEqual(v4);
    expect(getXorMappedAddress(responseWith(Attr.XOR_MAPPED_ADDRESS, encodeXorAddressValue(v6, TID)))).toEqual(v6);
  });

  it('XORs the port with the top of the cookie and IPv4 with the cookie', () => {
    const value = encodeXorAddressValue({ family: 'IPv4', ip: '0.0.0.0', port: 0 }, TID);
    expect(toHex(value)).toBe('000121122112a442');
  });

  it('XORs IPv6 with cookie and transaction ID', () => {
    const value = encodeXorAddressValue({ family: 'IPv6', ip: '::', port: 0 }, TID);
    expect(toHex(value)).toBe(`00022112${'2112a442'}${toHex(TID)}`);
  });

  it('is not the same value as MAPPED-ADDRESS (an ALG rewriting one would show)', () => {
    expect(toHex(encodeXorAddressValue(v4, TID))).not.toBe(toHex(encodeAddressValue(v4)));
  });
});

describe('malformed addresses throw StunError naming the attribute', () => {
  it('an unknown family', () => {
    const error = stunErrorOf(() => getXorMappedAddress(responseWith(Attr.XOR_MAPPED_ADDRESS, fromHex('0003000001020304')!)));
    expect(error.place).toBe('attribute/xor-mapped-address');
    expect(error.detail).toContain('family 0x03');
  });

  it('an IPv4 value of the wrong size, an IPv6 value of the wrong size, a value too short to hold a port', () => {
    expect(stunErrorOf(() => getMappedAddress(responseWith(Attr.MAPPED_ADDRESS, fromHex('000100010102030405')!))).place).toBe(
      'attribute/mapped-address',
    );
    expect(stunErrorOf(() => getMappedAddress(responseWith(Attr.MAPPED_ADDRESS, fromHex('0002000101020304')!))).detail).toContain(
      '20 bytes',
    );
    expect(stunErrorOf(() => getXorMappedAddress(responseWith(Attr.XOR_MAPPED_ADDRESS, fromHex('0001')!))).detail).toContain(
      'too short',
    );
  });

  it('the encoder refuses a family mismatch, a bad literal and a port out of range', () => {
    expect(stunErrorOf(() => encodeAddressValue({ family: 'IPv4', ip: '::1', port: 1 })).place).toBe('encode/address');
    expect(stunErrorOf(() => encodeAddressValue({ family: 'IPv6', ip: '1.2.3.4', port: 1 })).place).toBe('encode/address');
    expect(stunErrorOf(() => encodeAddressValue({ family: 'IPv4', ip: '256.1.1.1', port: 1 })).place).toBe('encode/address');
    expect(stunErrorOf(() => encodeAddressValue({ family: 'IPv4', ip: '1.2.3.4', port: 65536 })).place).toBe('encode/address');
    expect(stunErrorOf(() => encodeAddressValue({ family: 'IPv4', ip: '1.2.3.4', port: 1.5 })).place).toBe('encode/address');
  });

  it('the XOR encoder refuses a transaction ID of the wrong size', () => {
    expect(stunErrorOf(() => encodeXorAddressValue(v4, new Uint8Array(8))).place).toBe('encode/address');
  });
});

describe('IPv6 text form (RFC 5952)', () => {
  const format = (text: string): string | undefined => {
    const bytes = parseIPv6(text);
    return bytes && formatIPv6(bytes);
  };

  it('compresses the longest run of zero groups, the first one on a tie, and never a single group', () => {
    expect(format('2001:0DB8:0000:0000:0001:0000:0000:0001')).toBe('2001:db8::1:0:0:1');
    expect(format('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1');
    expect(format('2001:0:0:1:0:0:0:1')).toBe('2001:0:0:1::1');
    expect(format('0:0:0:0:0:0:0:0')).toBe('::');
    expect(format('0:0:0:0:0:0:0:1')).toBe('::1');
    expect(format('1:0:0:0:0:0:0:0')).toBe('1::');
  });

  it('agrees with the WHATWG URL serializer, which follows the same rules, on random addresses', () => {
    // Groups drawn mostly from 0 and short values, so zero runs, ties and leading zeros all occur.
    const group = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xff }), fc.integer({ min: 0, max: 0xffff }));
    fc.assert(
      fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), (groups) => {
        fc.pre(!(groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff)); // IPv4-mapped: our own form, above
        const bytes = Uint8Array.from(groups.flatMap((g) => [g >> 8, g & 0xff]));
        const text = formatIPv6(bytes);
        expect(`[${text}]`).toBe(new URL(`http://[${groups.map((g) => g.toString(16)).join(':')}]/`).hostname);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes IPv4-mapped addresses as Node reports them', () => {
    expect(format('::ffff:c000:0201')).toBe('::ffff:192.0.2.1');
    expect(format('::ffff:192.0.2.1')).toBe('::ffff:192.0.2.1');
  });

  it('rejects what is not an IPv6 literal', () => {
    for (const bad of ['', ':', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '1::2::3', '12345::', 'g::', '1.2.3.4', '::1.2.3', '1:2:3:4:5:6:7::8', 'fe80::1%eth0']) {
      expect(parseIPv6(bad), bad).toBeUndefined();
    }
  });

  it('accepts the other legal forms', () => {
    expect(format('1:2:3:4:5:6:7::')).toBe('1:2:3:4:5:6:7:0');
    expect(format('::2:3:4:5:6:7:8')).toBe('0:2:3:4:5:6:7:8');
    expect(format('64:ff9b::192.0.2.33')).toBe('64:ff9b::c000:221');
  });
});
