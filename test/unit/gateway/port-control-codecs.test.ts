// NAT-PMP's public address request (RFC 6886 §3.2) and PCP's ANNOUNCE (RFC 6887 §14.1), against
// miniupnpd's real answers and against bytes no router should send.
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../shared/bytes';
import { decodePublicAddressAnswer, encodePublicAddressRequest } from '../../../shared/gateway/nat-pmp';
import { decodeAnnounceAnswer, encodeAnnounceRequest } from '../../../shared/gateway/pcp';
import { NAT_PMP_PUBLIC, NAT_PMP_RESERVED, PCP_ANNOUNCE, PCP_VERSION_3 } from './fixtures/miniupnpd';

const hex = (text: string): Uint8Array => fromHex(text.replace(/\s/g, '')) ?? new Uint8Array();

describe('NAT-PMP public address request (RFC 6886 §3.2)', () => {
  it('asks with version 0, opcode 0 and nothing else', () => {
    expect(toHex(encodePublicAddressRequest())).toBe('0000');
  });

  it('reads the public address from miniupnpd’s answer', () => {
    expect(decodePublicAddressAnswer(hex(NAT_PMP_PUBLIC))).toEqual({ ok: true, value: { kind: 'address', ip: '11.0.0.1', epoch: 1 } });
  });

  it('reads result 3, Network Failure, from a router whose own WAN address is not public (RFC 6886 §3.5)', () => {
    expect(decodePublicAddressAnswer(hex(NAT_PMP_RESERVED))).toEqual({ ok: true, value: { kind: 'refused', result: 3, epoch: 1 } });
  });

  it('takes an 8-byte error answer, the form §3.5 gives it', () => {
    expect(decodePublicAddressAnswer(hex('0080 0002 0000 0010'))).toEqual({ ok: true, value: { kind: 'refused', result: 2, epoch: 16 } });
  });

  it('calls success with 0.0.0.0 "no address"', () => {
    expect(decodePublicAddressAnswer(hex('0080 0000 0000 0005 00000000'))).toEqual({ ok: true, value: { kind: 'no-address', epoch: 5 } });
  });

  it('recognises a PCP-only server answering in version 2 (RFC 6887 §9)', () => {
    expect(decodePublicAddressAnswer(hex(PCP_VERSION_3))).toEqual({ ok: true, value: { kind: 'other-version', version: 2 } });
  });

  it.each([
    ['nothing', '', 'nat-pmp/length'],
    ['three bytes', '008000', 'nat-pmp/length'],
    ['a success cut before the address', '0080 0000 0000 0001 0b00', 'nat-pmp/length'],
    ['an error cut before the epoch', '0080 0003 0000', 'nat-pmp/length'],
    ['a request, not an answer', '0000 0000 0000 0000 0000 0000', 'nat-pmp/not-a-response'],
    ['the answer to a mapping request', '0081 0000 0000 0001 0b00 0001', 'nat-pmp/opcode'],
  ])('refuses %s', (_name, bytes, where) => {
    expect(decodePublicAddressAnswer(hex(bytes))).toEqual({ ok: false, where });
  });

  it('reads only its own bytes of a larger buffer', () => {
    const buffer = hex(`ffff${NAT_PMP_PUBLIC}ffff`);
    expect(decodePublicAddressAnswer(buffer.subarray(2, 14))).toMatchObject({ ok: true, value: { ip: '11.0.0.1' } });
  });
});

describe('PCP ANNOUNCE (RFC 6887 §14.1)', () => {
  it('asks with version 2, opcode ANNOUNCE, lifetime 0 and the client’s address IPv4-mapped (§7.1)', () => {
    const request = encodeAnnounceRequest('192.168.100.5');
    expect(request && toHex(request)).toBe('020000000000000000000000000000000000ffffc0a86405');
  });

  it('sends nothing for an address that is not IPv4', () => {
    expect(encodeAnnounceRequest('2001:db8::5')).toBeUndefined();
    expect(encodeAnnounceRequest('192.168.100.500')).toBeUndefined();
  });

  it('reads miniupnpd’s SUCCESS', () => {
    expect(decodeAnnounceAnswer(hex(PCP_ANNOUNCE))).toEqual({ ok: true, value: { kind: 'answer', result: 0, lifetime: 0, epoch: 1 } });
  });

  it('reads UNSUPP_VERSION in a version-2 answer as a refusal with result 1', () => {
    expect(decodeAnnounceAnswer(hex(PCP_VERSION_3))).toEqual({ ok: true, value: { kind: 'answer', result: 1, lifetime: 0, epoch: 1 } });
  });

  it('recognises a NAT-PMP-only server: it answers in version 0 with "Unsupported Version" (RFC 6886 §3.5, RFC 6887 §9)', () => {
    expect(decodeAnnounceAnswer(hex('0080 0001 0000 0007'))).toEqual({ ok: true, value: { kind: 'nat-pmp-only', result: 1 } });
  });

  it('recognises a server that names another PCP version', () => {
    expect(decodeAnnounceAnswer(hex(`01800001${'00'.repeat(20)}`))).toEqual({ ok: true, value: { kind: 'other-version', version: 1, result: 1 } });
  });

  it.each([
    ['nothing', '', 'pcp/length'],
    ['a header cut short', '0280000000000000', 'pcp/length'],
    ['a length that is no multiple of 4 (§7)', `${PCP_ANNOUNCE}00`, 'pcp/length'],
    ['more than 1100 octets (§7)', `${PCP_ANNOUNCE}${'00'.repeat(1100)}`, 'pcp/length'],
    ['a request echoed back', '020000000000000000000000000000000000ffffc0a86405', 'pcp/not-a-response'],
    ['the answer to a MAP request', `0281${PCP_ANNOUNCE.slice(4)}`, 'pcp/opcode'],
  ])('refuses %s', (_name, bytes, where) => {
    expect(decodeAnnounceAnswer(hex(bytes))).toEqual({ ok: false, where });
  });
});
