import { describe, expect, it } from 'vitest';
import { formatSipMessage, getHeader, getHeaders, isSipError, parseSipMessage } from '../../../shared/sip/message';

const encoder = new TextEncoder();

describe('SIP message parsing (RFC 3261 §7)', () => {
  it('reads a response with compact headers, folding and a body cut to Content-Length', () => {
    const message = parseSipMessage(
      encoder.encode('SIP/2.0 200 OK\r\nv: SIP/2.0/UDP 192.168.100.5:65002;branch=z9hG4bK1;rport=40001;received=198.51.100.7\r\nVia: SIP/2.0/UDP proxy\r\nSubject: a\r\n long\r\ni: abc@x\r\nl: 4\r\n\r\nbodyEXTRA'),
    );
    expect(message.start).toEqual({ kind: 'response', version: 'SIP/2.0', status: 200, reason: 'OK' });
    expect(getHeaders(message, 'Via')).toHaveLength(2);
    expect(getHeader(message, 'v')).toContain('received=198.51.100.7');
    expect(getHeader(message, 'Subject')).toBe('a long');
    expect(getHeader(message, 'call-id')).toBe('abc@x');
    expect(message.body).toEqual(encoder.encode('body')); // octets (RFC 3261 §20.14)
  });

  it('keeps header names like __proto__ and constructor as plain names (found by fuzzing)', () => {
    const message = parseSipMessage(encoder.encode('OPTIONS sip:127.0.0.1 SIP/2.0\r\n__proto__:\r\nconstructor: x\r\n\r\n'));
    expect(message.headers.map((header) => header.name)).toEqual(['__proto__', 'constructor']);
    expect(formatSipMessage(message)).toContain('__proto__');
  });

  it('reads a request line', () => {
    expect(parseSipMessage(encoder.encode('OPTIONS sip:sip.example.net SIP/2.0\r\nMax-Forwards: 70\r\n\r\n')).start).toEqual({
      kind: 'request', method: 'OPTIONS', uri: 'sip:sip.example.net', version: 'SIP/2.0',
    });
  });

  it.each(['HELLO', 'SIP/2.0 abc', 'OPTIONS sip:x SIP/2.0\r\n bad fold', 'OPTIONS sip:x SIP/2.0\r\nno colon', 'SIP/2.0 200 OK\r\nContent-Length: -1\r\n\r\n'])(
    'rejects %j with the one typed error',
    (text) => {
      let caught: unknown;
      try {
        parseSipMessage(encoder.encode(text));
      } catch (error) {
        caught = error;
      }
      expect(isSipError(caught)).toBe(true);
    },
  );
});
