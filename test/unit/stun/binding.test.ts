import { describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/bytes';
import {
  Attr,
  Method,
  buildBindingRequest,
  checkFingerprint,
  decodeMessage,
  getChangeRequest,
  getPaddingLength,
  getResponsePort,
  getSoftware,
  looksLikeStun,
} from '../../../shared/stun';
import { stunErrorOf } from './helpers';

describe('building Binding requests', () => {
  it('makes a plain RFC 8489 request with FINGERPRINT by default, for demultiplexing with SIP', () => {
    const { bytes, transactionId } = buildBindingRequest();
    const msg = decodeMessage(bytes);
    expect(looksLikeStun(bytes)).toBe(true);
    expect([msg.method, msg.cls, msg.legacy]).toEqual([Method.Binding, 'request', false]);
    expect(toHex(msg.transactionId)).toBe(toHex(transactionId));
    expect(msg.attributes.map((a) => a.type)).toEqual([Attr.FINGERPRINT]);
    expect(checkFingerprint(msg)).toBe('valid');
  });

  it('leaves FINGERPRINT out when asked', () => {
    expect(buildBindingRequest({ fingerprint: false }).bytes.length).toBe(20);
  });

  it('uses a new transaction ID every time', () => {
    expect(toHex(buildBindingRequest().transactionId)).not.toBe(toHex(buildBindingRequest().transactionId));
  });

  it('makes the RFC 5780 filtering probes: change IP and port, change port only', () => {
    expect(getChangeRequest(decodeMessage(buildBindingRequest({ changeIp: true, changePort: true }).bytes))).toEqual({
      changeIp: true,
      changePort: true,
    });
    expect(getChangeRequest(decodeMessage(buildBindingRequest({ changePort: true }).bytes))).toEqual({
      changeIp: false,
      changePort: true,
    });
    expect(getChangeRequest(decodeMessage(buildBindingRequest({}).bytes))).toBeUndefined();
  });

  it('asks for the answer on another port, pads for a fragmentation test and names the software', () => {
    const msg = decodeMessage(buildBindingRequest({ responsePort: 55000, paddingBytes: 1400, software: 'TrunkCheck 0.1.0' }).bytes);
    expect(getResponsePort(msg)).toBe(55000);
    expect(getPaddingLength(msg)).toBe(1400);
    expect(getSoftware(msg)).toBe('TrunkCheck 0.1.0');
    expect(checkFingerprint(msg)).toBe('valid');
    expect(msg.attributes.at(-1)!.type).toBe(Attr.FINGERPRINT);
  });

  it('refuses a SOFTWARE over 763 bytes, a bad response port and a negative padding', () => {
    expect(stunErrorOf(() => buildBindingRequest({ software: 'é'.repeat(382) })).place).toBe('encode/software');
    expect(buildBindingRequest({ software: 'é'.repeat(381) }).bytes.length).toBeGreaterThan(760);
    expect(stunErrorOf(() => buildBindingRequest({ responsePort: -1 })).place).toBe('encode/response-port');
    expect(stunErrorOf(() => buildBindingRequest({ paddingBytes: -4 })).place).toBe('encode/padding');
  });
});
