import { describe, expect, it } from 'vitest';
import { fromHex } from '../../../shared/bytes';
import {
  Attr,
  decodeMessage,
  describeMessage,
  encodeErrorCodeValue,
  encodeMessage,
  encodeTextValue,
  encodeUnknownAttributesValue,
  formatDescribedMessage,
} from '../../../shared/stun';
import { SAMPLE_IPV4_RESPONSE, SAMPLE_IPV6_RESPONSE, SAMPLE_REQUEST } from './fixtures/rfc5769';
import { RFC5780_BINDING_REQUEST } from './fixtures/legacy';
import { TID } from './helpers';

describe('describing a message for `trunkcheck decode`', () => {
  it('turns the RFC 5769 IPv4 response into plain JSON-safe data', () => {
    const d = describeMessage(decodeMessage(SAMPLE_IPV4_RESPONSE));
    expect(JSON.parse(JSON.stringify(d))).toEqual({
      protocol: 'stun',
      method: 'Binding',
      cls: 'success',
      legacy: false,
      transactionId: 'b7e7a701bc34d686fa87dfae',
      length: 60,
      fingerprint: 'valid',
      attributes: [
        { type: Attr.SOFTWARE, name: 'SOFTWARE', length: 11, value: 'test vector' },
        { type: Attr.XOR_MAPPED_ADDRESS, name: 'XOR-MAPPED-ADDRESS', length: 8, value: { ip: '192.0.2.1', port: 32853, family: 'IPv4' } },
        { type: Attr.MESSAGE_INTEGRITY, name: 'MESSAGE-INTEGRITY', length: 20, value: '2b91f599fd9e90c38c7489f92af9ba53f06be7d7' },
        { type: Attr.FINGERPRINT, name: 'FINGERPRINT', length: 4, value: 'c07d4c96' },
      ],
    });
  });

  it('prints one aligned line per attribute', () => {
    expect(formatDescribedMessage(describeMessage(decodeMessage(SAMPLE_IPV4_RESPONSE)))).toBe(
      [
        'STUN Binding success response (RFC 8489)',
        '  transaction 0xb7e7a701bc34d686fa87dfae',
        '  SOFTWARE            "test vector"',
        '  XOR-MAPPED-ADDRESS  192.0.2.1:32853',
        '  MESSAGE-INTEGRITY   0x2b91f599fd9e90c38c7489f92af9ba53f06be7d7',
        '  FINGERPRINT         0xc07d4c96 (valid)',
        '',
      ].join('\n'),
    );
  });

  it('puts IPv6 addresses in brackets and names the ICE attributes of the sample request', () => {
    expect(formatDescribedMessage(describeMessage(decodeMessage(SAMPLE_IPV6_RESPONSE)))).toContain(
      'XOR-MAPPED-ADDRESS  [2001:db8:1234:5678:11:2233:4455:6677]:32853',
    );
    const text = formatDescribedMessage(describeMessage(decodeMessage(SAMPLE_REQUEST)));
    expect(text).toContain('STUN Binding request (RFC 8489)');
    expect(text).toContain('PRIORITY           0x6e0001ff');
    expect(text).toContain('USERNAME           "evtj:h6vY"');
  });

  it('describes the RFC 5780 attributes', () => {
    const text = formatDescribedMessage(describeMessage(decodeMessage(RFC5780_BINDING_REQUEST)));
    expect(text).toContain('CHANGE-REQUEST  change IP, change port');
    expect(text).toContain('RESPONSE-PORT   5000');
    expect(text).toContain('PADDING         8 bytes');
  });

  it('reports a malformed attribute in place instead of failing, and keeps going', () => {
    const msg = decodeMessage(
      encodeMessage({
        method: 0x003,
        cls: 'error',
        transactionId: TID,
        attributes: [
          { type: Attr.XOR_MAPPED_ADDRESS, value: fromHex('0003000001020304')! },
          { type: Attr.ERROR_CODE, value: encodeErrorCodeValue(420, 'Unknown Attribute') },
          { type: Attr.UNKNOWN_ATTRIBUTES, value: encodeUnknownAttributesValue([Attr.CHANGE_REQUEST, 0x7777]) },
          { type: 0x7777, value: new Uint8Array(40) },
          { type: Attr.SOFTWARE, value: encodeTextValue('') },
        ],
      }),
    );
    const d = describeMessage(msg);
    expect(d.method).toBe('0x003');
    expect(d.attributes[0]).toEqual({
      type: Attr.XOR_MAPPED_ADDRESS,
      name: 'XOR-MAPPED-ADDRESS',
      length: 8,
      value: '0003000001020304',
      error: 'unknown address family 0x03',
    });
    expect(d.attributes[1]!.value).toEqual({ code: 420, reason: 'Unknown Attribute' });
    expect(d.attributes[2]!.value).toEqual([0x0003, 0x7777]);
    expect(d.fingerprint).toBe('absent');
    const text = formatDescribedMessage(d);
    expect(text).toContain('STUN method 0x003 error response (RFC 8489)');
    expect(text).toContain('XOR-MAPPED-ADDRESS  0x0003000001020304 (malformed: unknown address family 0x03)');
    expect(text).toContain('ERROR-CODE          420 Unknown Attribute');
    expect(text).toContain('UNKNOWN-ATTRIBUTES  CHANGE-REQUEST, UNKNOWN-0x7777');
    expect(text).toContain(`UNKNOWN-0x7777      0x${'00'.repeat(32)}… (40 bytes)`);
    expect(text).toContain('SOFTWARE            ""');
  });
});
