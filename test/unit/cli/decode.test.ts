// `trunkcheck decode HEX` on bytes that are neither clean STUN nor clean SIP: what it says must be
// true of the bytes. STUN's first two bits are 0 (RFC 8489 §5); a SIP message starts with a method,
// which is any token (RFC 3261 §25.1), or with "SIP/".
import { describe, expect, it } from 'vitest';
import { decodeCommand } from '../../../electron/cli/decode';
import { toHex, utf8Encode } from '../../../shared/bytes';

const decodeText = (text: string) => decodeCommand(toHex(utf8Encode(text)), false);

describe('trunkcheck decode', () => {
  it.each([
    ['a 20-byte header whose length field is wrong', '000100042112a442' + '00'.repeat(12), 'length field says 4 but 0 bytes follow the header'],
    ['a first byte of 0x3f (two zero bits, outside STUN\'s usual 0–3)', '3f' + '00'.repeat(19), 'no magic cookie'],
    ['four bytes starting with 0x04', '04000000', 'shorter than the 20-byte header'],
    ['text starting with "*" (0x2a), which is no request line', toHex(utf8Encode('*****')), 'shorter than the 20-byte header'],
  ])('says that %s starts like STUN but is not valid STUN, and why', (_, hex, reason) => {
    const result = decodeCommand(hex, false);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^These \d+ bytes start like STUN \(first two bits 0\) but are not a valid STUN message: .+\.$/);
    expect(result.stderr).toContain(reason);
    expect(result.stderr).not.toContain('neither');
  });

  it('calls bytes that do not start with two zero bits neither STUN nor SIP, naming the first byte', () => {
    const result = decodeCommand('80c8000600000055', false);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('These 8 bytes are neither a STUN message (its first two bits are 0; these start with 0x80) nor a SIP message (a request or status line).');
  });

  it('decodes a request whose method starts with "!" (0x21: two zero bits, and a token character)', () => {
    const result = decodeText('!interesting-Method sip:x@example.com SIP/2.0\r\nCSeq: 1 !interesting-Method\r\nContent-Length: 0\r\n\r\n');
    expect(result).toEqual({ code: 0, stdout: expect.stringContaining('SIP !interesting-Method request to sip:x@example.com') });
  });

  it('decodes a method with % escapes as it is written (RE%47IST%45R is not REGISTER)', () => {
    expect(decodeText('RE%47IST%45R sip:registrar.example.com SIP/2.0\r\nl: 0\r\n\r\n').stdout).toContain('SIP RE%47IST%45R request');
  });

  it('refuses SIP-looking text with the reason, not as "neither STUN nor SIP"', () => {
    const result = decodeText('SIP/2.0 4294967301 better not break the receiver\r\n\r\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Not a valid SIP message: message\/status: .*4294967301.*\.$/);
  });

  it('shows a binary body by its size and gives it as hex in JSON', () => {
    const head = toHex(utf8Encode('MESSAGE sip:k@example.org SIP/2.0\r\nCSeq: 1 MESSAGE\r\nContent-Length: 3\r\n\r\n'));
    const text = decodeCommand(`${head}00ff41`, false);
    expect(text.stdout).toContain('(body, 3 bytes)');
    const json = JSON.parse(decodeCommand(`${head}00ff41`, true).stdout ?? '');
    expect(json).toMatchObject({ protocol: 'sip', start: { kind: 'request', method: 'MESSAGE' }, bodyLength: 3, bodyHex: '00ff41' });
    expect(json.body).toBeUndefined();
    const readable = JSON.parse(decodeCommand(toHex(utf8Encode('SIP/2.0 200 OK\r\nContent-Length: 6\r\n\r\nGrüß')), true).stdout ?? '');
    expect(readable).toMatchObject({ protocol: 'sip', bodyLength: 6, body: 'Grüß' });
  });
});
