// The demultiplexer of the shared SIP/STUN port: the first byte decides (RFC 7983 §7 for STUN's
// 0–3). A SIP request starts with its method, which may be any token (RFC 3261 §25.1), not only
// a letter.
import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../../shared/bytes';
import { classifyDatagram } from '../../../electron/net/udp-endpoint';

describe('classifying a datagram on the shared port', () => {
  it.each([
    ['a STUN Binding request', Uint8Array.of(0x00, 0x01, 0x00, 0x00), 'stun'],
    ['a STUN success response', Uint8Array.of(0x01, 0x01, 0x00, 0x0c), 'stun'],
    ['a SIP response', utf8Encode('SIP/2.0 200 OK\r\n'), 'sip'],
    ['an OPTIONS request', utf8Encode('OPTIONS sip:x SIP/2.0\r\n'), 'sip'],
    ['a request whose method starts with "!" (RFC 4475 §3.1.1.2)', utf8Encode("!interesting-Method0123456789_*+`.%indeed'~ sip:x SIP/2.0\r\n"), 'sip'],
    ['a request whose method starts with "%"', utf8Encode('%41CK sip:x SIP/2.0\r\n'), 'sip'],
    ['a request whose method starts with a digit', utf8Encode('0METHOD sip:x SIP/2.0\r\n'), 'sip'],
    ['an RTCP sender report', Uint8Array.of(0x80, 0xc8, 0x00, 0x06), 'other'],
    ['a DTLS record', Uint8Array.of(0x16, 0xfe, 0xfd), 'other'],
    ['a CRLF keep-alive', utf8Encode('\r\n\r\n'), 'other'],
    ['nothing', new Uint8Array(0), 'other'],
  ])('%s is %s', (_, data, kind) => {
    expect(classifyDatagram(data)).toBe(kind);
  });
});
