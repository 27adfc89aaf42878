// Reading the operating system's ping: real iputils output captured in the NAT lab, and Windows'
// output in English and German (test/fixtures/README.md says where each sample comes from).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePingOutput, pingArguments } from '../../../shared/path/ping-output';

// Windows' console output is read as latin1 by electron/net/hops.ts; iputils' as UTF-8.
const fixture = (name: string): string => readFileSync(resolve('test/fixtures/ping', name), name.startsWith('windows') ? 'latin1' : 'utf8');

describe('iputils ping output, captured in the NAT lab', () => {
  it.each([
    ['the LAN router at TTL 1', 'iputils-ttl1-router.txt', '192.168.100.1'],
    ['the provider\'s CGN at TTL 2 behind the home router', 'iputils-ttl2-cgn.txt', '100.64.0.1'],
    ['the provider\'s router at TTL 2 behind the customer\'s own router', 'iputils-ttl2-double-nat.txt', '192.168.178.1'],
    ['an IPv6 router whose hop limit ran out', 'iputils-ipv6-hop-limit.txt', '2001:db8:100::1'],
  ])('reads time exceeded from %s', (_title, file, from) => {
    expect(parsePingOutput(fixture(file), 'iputils')).toEqual({ kind: 'time-exceeded', from, ms: null });
  });

  it('reads the STUN server\'s own echo reply at TTL 2 behind one masquerade, with ping\'s round trip', () => {
    expect(parsePingOutput(fixture('iputils-ttl2-masquerade-echo-reply.txt'), 'iputils')).toEqual({ kind: 'echo-reply', from: '203.0.113.10', ms: 0.084 });
    expect(parsePingOutput(fixture('iputils-ipv6-echo-reply.txt'), 'iputils')).toEqual({ kind: 'echo-reply', from: '2001:db8:113::10', ms: 0.053 });
  });

  it.each([
    ['a router that stays silent', 'iputils-silent-hop.txt'],
    ['a router that has no route (not the hop at this TTL)', 'iputils-net-unreachable.txt'],
    ['no route on this machine', 'iputils-no-route.stderr.txt'],
  ])('finds no hop for %s', (_title, file) => {
    expect(parsePingOutput(fixture(file), 'iputils')).toBeNull();
  });

  it('takes the address in parentheses when ping printed a name before it', () => {
    expect(parsePingOutput('From router.lan (192.168.100.1) icmp_seq=1 Time to live exceeded\n', 'iputils')).toMatchObject({ from: '192.168.100.1' });
    expect(parsePingOutput('64 bytes from stun.example.net (203.0.113.10): icmp_seq=1 ttl=62 time=12.5 ms\n', 'iputils')).toMatchObject({ kind: 'echo-reply', from: '203.0.113.10', ms: 12.5 });
  });

  it('refuses a fragment-reassembly timeout, which is no hop', () => {
    expect(parsePingOutput('From 203.0.113.10 icmp_seq=1 Frag reassembly time exceeded\n', 'iputils')).toBeNull();
  });
});

describe('Windows ping output, whatever the system language', () => {
  it('reads "TTL expired in transit" in English and "TTL beim Transit abgelaufen" in German', () => {
    expect(parsePingOutput(fixture('windows-en-ttl-expired.txt'), 'windows')).toEqual({ kind: 'time-exceeded', from: '100.64.0.1', ms: null });
    expect(parsePingOutput(fixture('windows-de-ttl-expired.txt'), 'windows')).toEqual({ kind: 'time-exceeded', from: '100.64.0.1', ms: null });
    expect(parsePingOutput(fixture('windows-en-ipv6-ttl-expired.txt'), 'windows')).toEqual({ kind: 'time-exceeded', from: '2001:db8:100::1', ms: null });
  });

  it('reads a time exceeded line in a language it has never seen, by the address and "TTL" alone', () => {
    expect(parsePingOutput('Réponse de 100.64.0.1 : TTL expiré lors du transit.\r\n', 'windows')).toMatchObject({ kind: 'time-exceeded', from: '100.64.0.1' });
    expect(parsePingOutput('100.64.0.1 からの応答: 転送中に TTL が期限切れになりました。\r\n', 'windows')).toMatchObject({ kind: 'time-exceeded', from: '100.64.0.1' });
    expect(parsePingOutput('Reply from fe80::1%12: TTL expired in transit.\r\n', 'windows')).toMatchObject({ from: 'fe80::1' });
  });

  it('reads the destination\'s echo reply, with its time, in both languages and over IPv6', () => {
    expect(parsePingOutput(fixture('windows-en-echo-reply.txt'), 'windows')).toEqual({ kind: 'echo-reply', from: '203.0.113.10', ms: 12 });
    expect(parsePingOutput(fixture('windows-de-echo-reply.txt'), 'windows')).toEqual({ kind: 'echo-reply', from: '203.0.113.10', ms: 1 });
    expect(parsePingOutput(fixture('windows-en-ipv6-echo-reply.txt'), 'windows')).toEqual({ kind: 'echo-reply', from: '2001:db8:113::10', ms: 1 });
  });

  it('finds no hop in a timeout or in "destination net unreachable"', () => {
    expect(parsePingOutput(fixture('windows-en-timeout.txt'), 'windows')).toBeNull();
    expect(parsePingOutput(fixture('windows-de-unreachable.txt'), 'windows')).toBeNull();
  });
});

describe('the ping command line', () => {
  it('asks iputils for one request with the TTL, no names, one second', () => {
    expect(pingArguments('iputils', '203.0.113.10', 2, 1000)).toEqual(['-c', '1', '-n', '-t', '2', '-W', '1', '203.0.113.10']);
    expect(pingArguments('iputils', '2001:db8::10', 3, 1000)).toEqual(['-6', '-c', '1', '-n', '-t', '3', '-W', '1', '2001:db8::10']);
  });

  it('asks Windows for one request with the TTL and a wait in milliseconds', () => {
    expect(pingArguments('windows', '203.0.113.10', 2, 1000)).toEqual(['-4', '-n', '1', '-i', '2', '-w', '1000', '203.0.113.10']);
    expect(pingArguments('windows', '2001:db8::10', 1, 400)).toEqual(['-6', '-n', '1', '-i', '1', '-w', '400', '2001:db8::10']);
  });
});

describe('any output at all', () => {
  it('gives an answer with an IP address, or none, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom('iputils' as const, 'windows' as const), (text, flavour) => {
        const answer = parsePingOutput(text, flavour);
        if (answer !== null) expect(answer.from).toMatch(/^[0-9a-f.:]+$/i);
      }),
    );
  });
});
