import { describe, expect, it } from 'vitest';
import { utf8Decode } from '../../../shared/bytes';
import { getHeader, parseSipMessage } from '../../../shared/sip/message';
import { addressOfRecord, buildRegisterRequest, escapeSipUser, newBranch, newRegisterDialog, type RegisterMessage, type RegisterRequestInput } from '../../../shared/sip/register-request';
import { parseVia } from '../../../shared/sip/via';

const base: RegisterRequestInput = {
  requestUri: { host: 'sip.example.net' },
  user: 'trunk1',
  domain: 'sip.example.net',
  localSentBy: { ip: '192.168.100.5', port: 65002 },
  dialog: { callId: 'c0ffee', fromTag: 'f00d' },
  cseq: 1,
  branch: 'z9hG4bKabc',
  expiresSec: 120,
  version: '0.1.0',
};

function build(input: Partial<RegisterRequestInput> = {}): RegisterMessage {
  const result = buildRegisterRequest({ ...base, ...input });
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

describe('REGISTER request (RFC 3261 §10.2)', () => {
  it('writes the exact REGISTER a PBX at 192.168.100.5:65002 sends for trunk1', () => {
    const request = build();
    expect(request.text).toBe(
      'REGISTER sip:sip.example.net SIP/2.0\r\n' +
        'Via: SIP/2.0/UDP 192.168.100.5:65002;branch=z9hG4bKabc;rport\r\n' +
        'Max-Forwards: 70\r\n' +
        'From: <sip:trunk1@sip.example.net>;tag=f00d\r\n' +
        'To: <sip:trunk1@sip.example.net>\r\n' +
        'Call-ID: c0ffee\r\n' +
        'CSeq: 1 REGISTER\r\n' +
        'Contact: <sip:trunk1@192.168.100.5:65002>\r\n' +
        'Expires: 120\r\n' +
        'User-Agent: TrunkCheck/0.1.0\r\n' +
        'Content-Length: 0\r\n\r\n',
    );
    expect(request).toMatchObject({ requestUri: 'sip:sip.example.net', aor: 'sip:trunk1@sip.example.net', contact: 'sip:trunk1@192.168.100.5:65002', cseq: 1, callId: 'c0ffee' });
    expect(utf8Decode(request.bytes)).toBe(request.text);
  });

  it('puts the port in the Request-URI only when asked, never in the AOR (§10.2: no user part in the Request-URI)', () => {
    const request = build({ requestUri: { host: '203.0.113.20', port: 5080 }, domain: '203.0.113.20' });
    expect(request.text.split('\r\n')[0]).toBe('REGISTER sip:203.0.113.20:5080 SIP/2.0');
    expect(request.aor).toBe('sip:trunk1@203.0.113.20');
  });

  it('answers a challenge with the header the status asks for, and un-registers with Expires: 0', () => {
    const request = build({ cseq: 3, expiresSec: 0, authorization: { header: 'Proxy-Authorization', value: 'Digest username="trunk1"' } });
    const message = parseSipMessage(request.bytes);
    expect(getHeader(message, 'Proxy-Authorization')).toBe('Digest username="trunk1"');
    expect(getHeader(message, 'Expires')).toBe('0');
    expect(getHeader(message, 'CSeq')).toBe('3 REGISTER');
  });

  it('parses back with our own parser, the Via asking for rport (RFC 3581 §3)', () => {
    const message = parseSipMessage(build().bytes);
    expect(message.start).toMatchObject({ kind: 'request', method: 'REGISTER', uri: 'sip:sip.example.net' });
    expect(parseVia(getHeader(message, 'Via') ?? '')).toMatchObject({ host: '192.168.100.5', port: 65002, params: { branch: 'z9hG4bKabc', rport: true } });
  });

  it('escapes what a SIP user part cannot carry (RFC 3261 §25.1), keeping telephone numbers as they are', () => {
    expect(escapeSipUser('+4930123456')).toBe('+4930123456');
    expect(escapeSipUser('a b@c')).toBe('a%20b%40c');
    expect(escapeSipUser('müller')).toBe('m%C3%BCller');
    expect(addressOfRecord('a b', '2001:db8::1')).toBe('sip:a%20b@[2001:db8::1]');
    expect(build({ user: 'a<b>' }).contact).toBe('sip:a%3Cb%3E@192.168.100.5:65002');
  });

  it('gives each request a new branch and keeps the Call-ID and tag of the registration', () => {
    const dialog = newRegisterDialog();
    const first = build({ dialog, branch: newBranch(), cseq: 1 });
    const second = build({ dialog, branch: newBranch(), cseq: 2 });
    expect(first.branch).not.toBe(second.branch);
    expect(second.branch).toMatch(/^z9hG4bK[0-9a-f]{20}$/);
    expect(second.callId).toBe(first.callId);
  });

  it('refuses input it cannot write, with a code, never a crash', () => {
    const cases: [Partial<RegisterRequestInput>, string][] = [
      [{ user: '' }, 'sip/bad-user'],
      [{ user: 'x'.repeat(129) }, 'sip/bad-user'],
      [{ user: 'trunk1\r\nX-Evil: 1' }, 'sip/bad-user'],
      [{ domain: 'bad domain' }, 'sip/bad-uri-host'],
      [{ requestUri: { host: '999.1.1.1' } }, 'sip/bad-uri-host'],
      [{ requestUri: { host: 'sip.example.net', port: 70000 } }, 'sip/bad-port'],
      [{ localSentBy: { ip: '0.0.0', port: 65002 } }, 'sip/bad-sent-by'],
      [{ cseq: 2 ** 31 }, 'sip/bad-cseq'],
      [{ branch: 'abc' }, 'sip/bad-branch'],
      [{ dialog: { callId: 'a b', fromTag: 'f' } }, 'sip/bad-token'],
      [{ version: '1 0' }, 'sip/bad-version'],
    ];
    for (const [input, code] of cases) {
      const result = buildRegisterRequest({ ...base, ...input });
      expect(result.ok ? 'ok' : result.error.code, JSON.stringify(input)).toBe(code);
    }
    const broken = buildRegisterRequest({ ...base, user: 'a\u0000b' });
    expect(!broken.ok && broken.error).toEqual({ code: 'sip/bad-user', user: 'a b' });
  });
});
