// The parser against RFC 3261's grammar (§7, §25.1), one rule at a time. The RFC 4475 messages
// exercise the same rules in their own combinations (rfc4475.test.ts).
import { describe, expect, it } from 'vitest';
import { concatBytes, utf8Encode } from '../../../shared/bytes';
import { getHeader, isSipError, parseSipMessage, type SipError } from '../../../shared/sip/message';

const HEADERS = 'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\nCall-ID: a@b\r\nMax-Forwards: 70\r\n';
const request = (method: string, extra = '', cseqMethod = method) => `${method} sip:x@example.com SIP/2.0\r\n${HEADERS}CSeq: 1 ${cseqMethod}\r\n${extra}Content-Length: 0\r\n\r\n`;
const parse = (text: string) => parseSipMessage(utf8Encode(text));

function refusal(text: string | Uint8Array): SipError {
  try {
    parseSipMessage(typeof text === 'string' ? utf8Encode(text) : text);
  } catch (error) {
    expect(isSipError(error), String(error)).toBe(true);
    return error as SipError;
  }
  throw new Error('expected a SipError, but the message was accepted');
}

describe('request line (RFC 3261 §7.1, §25.1)', () => {
  it.each(['!interesting-Method0123456789_*+`.%indeed\'~', 'RE%47IST%45R', 'NEWMETHOD', 'x'])('takes any token as a method: %s', (method) => {
    expect(parse(request(method)).start).toEqual({ kind: 'request', method, uri: 'sip:x@example.com', version: 'SIP/2.0' });
  });

  it('keeps methods case-sensitive and escapes unresolved (RE%47IST%45R is not REGISTER, RFC 4475 §3.1.1.5)', () => {
    expect(parse(request('RE%47IST%45R')).start).toMatchObject({ method: 'RE%47IST%45R' });
    expect(refusal(request('register', '', 'REGISTER')).place).toBe('header/cseq');
  });

  it.each([
    ['INV(ITE', 'message/method'],
    ['INVITE  sip:x@example.com SIP/2.0', 'message/start-line'],
    ['INVITE sip:x@example.com SIP/2.0 ', 'message/start-line'],
    ['INVITE sip:x@example.com; lr SIP/2.0', 'message/start-line'],
    ['INVITE <sip:x@example.com> SIP/2.0', 'message/request-uri'],
    ['INVITE sip:x%4@example.com SIP/2.0', 'message/request-uri'],
    ['OPTIONS sip:x@example.com SIP/7.0', 'message/version'],
    ['OPTIONS sip:x@example.com HTTP/1.1', 'message/version'],
  ])('refuses %j (%s)', (line, place) => {
    const text = line.includes(' ') ? `${line}\r\n\r\n` : request(line);
    expect(refusal(text).place).toBe(place);
  });

  it('accepts IPv6 references and escapes in the Request-URI', () => {
    expect(parse('OPTIONS sip:[2001:db8::10]:5060;transport=udp SIP/2.0\r\n\r\n').start).toMatchObject({ uri: 'sip:[2001:db8::10]:5060;transport=udp' });
    expect(parse('OPTIONS sip:sips%3Auser%40example.com@example.net SIP/2.0\r\n\r\n').start).toMatchObject({ uri: 'sip:sips%3Auser%40example.com@example.net' });
  });
});

describe('status line (RFC 3261 §7.2, §25.1: Status-Code is three digits)', () => {
  it('refuses a status code of more than three digits instead of reading its first three', () => {
    const error = refusal('SIP/2.0 4294967301 better not break the receiver\r\nContent-Length: 0\r\n\r\n');
    expect(error.place).toBe('message/status');
    expect(error.detail).toContain('4294967301');
  });

  it.each(['SIP/2.0 20 OK', 'SIP/2.0 2000 OK', 'SIP/2.0 20x OK', 'SIP/2.0  200 OK'])('refuses %j', (line) => {
    expect(refusal(`${line}\r\n\r\n`).place).toMatch(/^message\//);
  });

  it('reads a UTF-8 reason phrase and an empty one', () => {
    expect(parse('SIP/2.0 200 Всё хорошо\r\n\r\n').start).toEqual({ kind: 'response', version: 'SIP/2.0', status: 200, reason: 'Всё хорошо' });
    expect(parse('SIP/2.0 100 \r\n\r\n').start).toMatchObject({ status: 100, reason: '' });
  });
});

describe('message body: octets, framed by Content-Length (RFC 3261 §7.4, §18.3, §20.14)', () => {
  it('keeps a binary body part as bytes and parses only the headers as text (RFC 4475 §3.1.1.11)', () => {
    const binary = Uint8Array.of(0x30, 0x82, 0x01, 0x00, 0xff, 0xfe, 0x0d, 0x0a, 0x00);
    const head = utf8Encode('MESSAGE sip:k@example.org SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK2\r\nCall-ID: m@x\r\nCSeq: 1 MESSAGE\r\n' +
      `Content-Type: multipart/mixed;boundary=b\r\nContent-Length: ${binary.length + 4}\r\n\r\n--b\n`);
    const message = parseSipMessage(concatBytes(head, binary));
    expect(message.body).toEqual(concatBytes(utf8Encode('--b\n'), binary));
    expect(getHeader(message, 'Content-Type')).toBe('multipart/mixed;boundary=b');
  });

  it('counts Content-Length in octets, not characters', () => {
    const message = parse(request('MESSAGE', 'Content-Type: text/plain\r\n').replace('Content-Length: 0\r\n\r\n', 'Content-Length: 7\r\n\r\nGrüße!!!'));
    expect(message.body).toEqual(utf8Encode('Grüße'));
  });

  it('ignores octets after the body (RFC 3261 §18.3) and takes the rest of the datagram without Content-Length', () => {
    expect(parse(request('OPTIONS') + 'INVITE sip:noise SIP/2.0').body).toHaveLength(0);
    expect(parse('SIP/2.0 200 OK\r\nCall-ID: a\r\n\r\nv=0\r\n').body).toEqual(utf8Encode('v=0\r\n'));
  });

  it('refuses a Content-Length larger than the body (RFC 4475 §3.1.2.2)', () => {
    const error = refusal(request('INVITE').replace('Content-Length: 0\r\n\r\n', 'Content-Length: 9999\r\n\r\nv=0\r\n'));
    expect(error.place).toBe('body/length');
    expect(error.detail).toContain('9999');
  });

  it('still refuses a header section that is not UTF-8', () => {
    const bytes = concatBytes(utf8Encode('SIP/2.0 200 OK\r\nSubject: '), Uint8Array.of(0xff), utf8Encode('\r\n\r\n'));
    expect(refusal(bytes).place).toBe('message/encoding');
  });
});

describe('headers the parser relies on (RFC 3261 §7.3, §8.1.1, §20)', () => {
  it('joins folded lines and drops the whitespace around an empty first line (RFC 4475 §3.1.1.1)', () => {
    const message = parse('OPTIONS sip:x SIP/2.0\r\nTO :\r\n sip:v@example.com ;   tag    = 19\r\ncseq: 0009\r\n  OPTIONS\r\n\r\n');
    expect(getHeader(message, 'To')).toBe('sip:v@example.com ;   tag    = 19');
    expect(getHeader(message, 'CSeq')).toBe('0009 OPTIONS');
  });

  it.each([
    ['a CSeq method other than the request\'s (RFC 4475 §3.1.2.17)', request('OPTIONS', '', 'INVITE'), 'header/cseq'],
    ['a CSeq number of 2**31 or more (§8.1.1.5)', request('OPTIONS').replace('CSeq: 1 ', 'CSeq: 2147483648 '), 'header/cseq'],
    ['a CSeq without a method', request('OPTIONS').replace('CSeq: 1 OPTIONS', 'CSeq: 1'), 'header/cseq'],
    ['Max-Forwards above 255 (§20.22)', request('OPTIONS').replace('Max-Forwards: 70', 'Max-Forwards: 300'), 'header/max-forwards'],
    ['a Call-ID with a space in it (§25.1 callid)', request('OPTIONS').replace('Call-ID: a@b', 'Call-ID: a b'), 'header/call-id'],
    ['a negative Content-Length', request('OPTIONS').replace('Content-Length: 0', 'Content-Length: -999'), 'header/content-length'],
    ['two Call-IDs (§7.3.1, RFC 4475 §3.3.8)', request('OPTIONS', 'i: c@d\r\n'), 'header/duplicate'],
    ['two Content-Lengths (RFC 4475 §3.3.9)', request('OPTIONS', 'l: 0\r\n'), 'header/duplicate'],
    ['empty Via parameters (RFC 4475 §3.1.2.1)', request('OPTIONS').replace(';branch=z9hG4bK1', ';;,;,,'), 'header/via'],
    ['a Via without its sent-by host', request('OPTIONS').replace('SIP/2.0/UDP 192.0.2.1', 'SIP/2.0/UDP'), 'header/via'],
    ['a Via with an empty value after a comma', request('OPTIONS').replace('branch=z9hG4bK1', 'branch=z9hG4bK1,'), 'header/via'],
  ])('refuses %s', (_, text, place) => {
    expect(refusal(text).place).toBe(place);
  });

  it('accepts the CSeq of a response to any method, and several Via values in one header', () => {
    const message = parse('SIP/2.0 200 OK\r\nv:  SIP  / 2.0  / TCP     spindle.example.com   ;\r\n  branch  =   z9hG4bK9ikj8  ,\r\n SIP  /    2.0   / UDP  [2001:db8::1]:5060   ; branch=\r\n z9hG4bK30239;received=2001:db8::2;rport=5062\r\nCSeq: 9 INVITE\r\n\r\n');
    expect(getHeader(message, 'Via')).toContain('spindle.example.com');
  });
});
