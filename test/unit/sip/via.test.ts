import { describe, expect, it } from 'vitest';
import { formatHostPort, parseVia, sameSentBy } from '../../../shared/sip/via';

describe('Via header (RFC 3261 §20.42, RFC 3581)', () => {
  it('reads what a server filled in: received and a numeric rport', () => {
    expect(parseVia('SIP/2.0/UDP 192.168.100.5:65002;branch=z9hG4bKc;rport=40001;received=203.0.113.1')).toEqual({
      transport: 'UDP',
      host: '192.168.100.5',
      port: 65002,
      params: { branch: 'z9hG4bKc', received: '203.0.113.1', rport: 40001 },
    });
  });

  it('tells a bare ";rport" (the request asks) from an absent one', () => {
    expect(parseVia('SIP/2.0/UDP 10.0.0.1:5060;rport;branch=z9hG4bK1')?.params.rport).toBe(true);
    expect(parseVia('SIP/2.0/UDP 10.0.0.1:5060;rport=;branch=z9hG4bK1')?.params.rport).toBe(true);
    expect(parseVia('SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1')?.params.rport).toBeUndefined();
  });

  it('accepts the spacing, case and compact forms RFC 3261 allows', () => {
    expect(parseVia('sip / 2.0 / udp  pbx.example.com ; Branch=z9hG4bKx ; RPORT = 5062 ; RECEIVED=198.51.100.7')).toEqual({
      transport: 'UDP',
      host: 'pbx.example.com',
      port: undefined,
      params: { branch: 'z9hG4bKx', received: '198.51.100.7', rport: 5062 },
    });
  });

  it('takes the first via-parm of a comma-separated line, ignoring commas in quotes', () => {
    const via = parseVia('SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1;x="a,b";received=192.0.2.1, SIP/2.0/UDP 10.0.0.2;branch=z9hG4bK2');
    expect(via).toMatchObject({ host: '10.0.0.1', params: { branch: 'z9hG4bK1', received: '192.0.2.1' } });
  });

  it('reads IPv6 references and an IPv6 received', () => {
    expect(parseVia('SIP/2.0/UDP [2001:db8::5]:65002;branch=z9hG4bK9;received=2001:db8::99;rport=1')).toEqual({
      transport: 'UDP',
      host: '2001:db8::5',
      port: 65002,
      params: { branch: 'z9hG4bK9', received: '2001:db8::99', rport: 1 },
    });
  });

  it('drops parameter values that cannot be what they claim', () => {
    expect(parseVia('SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1;rport=99999;received=not-an-ip')?.params).toEqual({ branch: 'z9hG4bK1', received: undefined, rport: undefined });
  });

  it.each(['', 'SIP/2.0/UDP', 'SIP/3.0/UDP 10.0.0.1', 'HTTP/2.0/UDP 10.0.0.1', 'SIP/2.0/UDP 10.0.0.1:0', 'SIP/2.0/UDP 10.0.0.1:123456', 'SIP/2.0/UDP bad_host', `SIP/2.0/UDP 10.0.0.1;x=${'a'.repeat(5000)}`])(
    'returns undefined for %j',
    (value) => {
      expect(parseVia(value)).toBeUndefined();
    },
  );

  it('compares sent-by case-insensitively and formats host:port', () => {
    expect(sameSentBy({ host: 'PBX.example.com', port: 5060 }, { host: 'pbx.example.com', port: 5060 })).toBe(true);
    expect(sameSentBy({ host: '10.0.0.1', port: 5060 }, { host: '10.0.0.1', port: undefined })).toBe(false);
    expect(formatHostPort('2001:db8::1', 5060)).toBe('[2001:db8::1]:5060');
    expect(formatHostPort('10.0.0.1')).toBe('10.0.0.1');
  });
});
