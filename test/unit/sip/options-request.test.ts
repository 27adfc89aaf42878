import { describe, expect, it } from 'vitest';
import { utf8Decode } from '../../../shared/bytes';
import { getHeader, parseSipMessage } from '../../../shared/sip/message';
import { buildOptionsRequest, isSipHost, type OptionsRequest, type OptionsRequestInput } from '../../../shared/sip/options-request';
import { parseVia } from '../../../shared/sip/via';

const base: OptionsRequestInput = {
  requestUri: { host: 'sip.example.net' },
  localSentBy: { ip: '192.168.100.5', port: 65002 },
  version: '0.1.0',
};

function build(input: Partial<OptionsRequestInput> = {}): OptionsRequest {
  const result = buildOptionsRequest({ ...base, ...input });
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

describe('OPTIONS request (RFC 3261 §11.1, §8.1.1)', () => {
  it('writes the exact request a PBX at 192.168.100.5:65002 would send', () => {
    const request = build({ requestUri: { host: '203.0.113.20', port: 5080 }, branch: 'z9hG4bKabc', callId: 'c0ffee', fromTag: 'f00d', cseq: 7 });
    expect(request.text).toBe(
      'OPTIONS sip:203.0.113.20:5080 SIP/2.0\r\n' +
        'Via: SIP/2.0/UDP 192.168.100.5:65002;branch=z9hG4bKabc;rport\r\n' +
        'Max-Forwards: 70\r\n' +
        'From: "TrunkCheck" <sip:trunkcheck@192.168.100.5>;tag=f00d\r\n' +
        'To: <sip:203.0.113.20:5080>\r\n' +
        'Call-ID: c0ffee\r\n' +
        'CSeq: 7 OPTIONS\r\n' +
        'Contact: <sip:trunkcheck@192.168.100.5:65002>\r\n' +
        'User-Agent: TrunkCheck/0.1.0\r\n' +
        'Accept: application/sdp\r\n' +
        'Content-Length: 0\r\n\r\n',
    );
    expect(request).toMatchObject({ branch: 'z9hG4bKabc', callId: 'c0ffee', fromTag: 'f00d', cseq: 7, requestUri: 'sip:203.0.113.20:5080' });
    expect(utf8Decode(request.bytes)).toBe(request.text);
  });

  it('parses back with our own parser, the Via asking for rport (RFC 3581 §3)', () => {
    const request = build();
    const message = parseSipMessage(request.bytes);
    expect(message.start).toEqual({ kind: 'request', method: 'OPTIONS', uri: 'sip:sip.example.net', version: 'SIP/2.0' });
    expect(getHeader(message, 'Via')).toBe(request.via);
    expect(parseVia(request.via)).toEqual({ transport: 'UDP', host: '192.168.100.5', port: 65002, params: { branch: request.branch, received: undefined, rport: true } });
    expect(getHeader(message, 'CSeq')).toBe('1 OPTIONS');
    expect(getHeader(message, 'Content-Length')).toBe('0');
  });

  it('makes a fresh magic-cookie branch, Call-ID and tag for every request', () => {
    const a = build();
    const b = build();
    expect(a.branch).toMatch(/^z9hG4bK[0-9a-f]{20}$/);
    expect(a.callId).toMatch(/^[0-9a-f]{32}$/); // no "@host" an ALG could rewrite
    expect(a.fromTag).toMatch(/^[0-9a-f]{12}$/);
    expect(new Set([a.branch, b.branch]).size).toBe(2);
    expect(new Set([a.callId, b.callId]).size).toBe(2);
  });

  it('brackets IPv6 addresses in URIs and Via', () => {
    const request = build({ requestUri: { host: '2001:db8::20' }, localSentBy: { ip: 'fd00::5', port: 65002 } });
    expect(request.text).toContain('OPTIONS sip:[2001:db8::20] SIP/2.0\r\n');
    expect(request.via).toMatch(/^SIP\/2\.0\/UDP \[fd00::5\]:65002;branch=/);
    expect(parseVia(request.via)).toMatchObject({ host: 'fd00::5', port: 65002 });
  });

  it('leaves rport out when told to (to test servers that force it)', () => {
    expect(build({ rport: false }).via).not.toContain('rport');
  });

  it.each([
    ['a host with a header break', { requestUri: { host: 'evil\r\nX: y' } }, { code: 'sip/bad-uri-host', host: 'evil\r\nX: y' }],
    ['a host with spaces', { requestUri: { host: 'a b' } }, { code: 'sip/bad-uri-host', host: 'a b' }],
    ['a numeric top label', { requestUri: { host: '999.1.1.1' } }, { code: 'sip/bad-uri-host', host: '999.1.1.1' }],
    ['port 0', { requestUri: { host: 'sip.example.net', port: 0 } }, { code: 'sip/bad-port', port: 0 }],
    ['a name as sent-by', { localSentBy: { ip: 'pbx.local', port: 65002 } }, { code: 'sip/bad-sent-by', ip: 'pbx.local' }],
    ['port 70000 as sent-by', { localSentBy: { ip: '192.168.100.5', port: 70000 } }, { code: 'sip/bad-port', port: 70000 }],
    ['a branch without the magic cookie', { branch: 'abc' }, { code: 'sip/bad-branch', cookie: 'z9hG4bK' }],
    ['a Call-ID with CRLF', { callId: 'a\r\nb' }, { code: 'sip/bad-token', value: 'a\r\nb', token: 'Call-ID' }],
    ['a CSeq of 2^31', { cseq: 2 ** 31 }, { code: 'sip/bad-cseq', cseq: 2 ** 31 }],
    ['a version with a space', { version: '1 2' }, { code: 'sip/bad-version', version: '1 2' }],
  ] satisfies [string, Partial<OptionsRequestInput>, object][])('refuses %s as data, not an exception', (_name, input, error) => {
    expect(buildOptionsRequest({ ...base, ...input })).toEqual({ ok: false, error });
  });

  it('knows a SIP host when it sees one', () => {
    expect(['sip.sipgate.de', 'proxy.dus.net.', '203.0.113.20', '2001:db8::1', 'localhost'].every(isSipHost)).toBe(true);
    expect(['', '-a.de', 'a..de', 'a_b.de', '1.2.3.4.5', 'x'.repeat(254)].some(isSipHost)).toBe(false);
  });
});
