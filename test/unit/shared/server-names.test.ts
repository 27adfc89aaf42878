// The one check for a STUN or SIP server that IPC, the command line and the resolvers share.
import { describe, expect, it } from 'vitest';
import { checkServer } from '../../../shared/ipc';
import { word } from '../../../shared/text';

describe('server names', () => {
  it('takes host names, IPv4, bare IPv6 and [IPv6]:port, with or without a port', () => {
    for (const text of ['stun.sipgate.net', 'stun.sipgate.net:10000', 'stun.example.', '203.0.113.10:3478', '::1', '2001:db8::1', '[::1]:3478', '[2001:db8::1]', 'xn--bcher-kva.example']) {
      expect(checkServer(text, 'stun'), text).toEqual({ ok: true, value: text });
    }
  });

  it('refuses an IPv4 address with two ports, shell syntax, bare Unicode and other non-names, naming the fix', () => {
    for (const text of ['127.0.0.1:9:9', 'host:1:2', '[127.0.0.1]:3478', '$(id)', '`id`', 'a;b', 'bücher.example', 'stun..example', '-stun.example', 'stun.example:0', 'x'.repeat(300), '', 42, null]) {
      expect(checkServer(text, 'stun'), String(text)).toEqual({ ok: false, error: { code: 'request/stun-server' } });
      expect(checkServer(text, 'sip'), String(text)).toEqual({ ok: false, error: { code: 'request/sip-server' } });
    }
    expect(word('en', { code: 'request/stun-server' })).toBe(
      'The STUN server must be written as host or host:port (an IPv6 address as [address]:port), for example stun.sipgate.net:10000.',
    );
  });
});
