// registerWithProvider against a fake registrar that mixes what no real one sends on purpose
// into the exchange: garbage, answers to other transactions, a 60 kB header, requests from
// strangers, a challenge we cannot answer. All of it is counted; none of it is thrown.
import { describe, expect, it } from 'vitest';
import type { TransportAddress } from '../../../shared/address';
import { utf8Decode, utf8Encode } from '../../../shared/bytes';
import { getHeader, parseSipMessage, type SipMessage } from '../../../shared/sip/message';
import { registerWithProvider } from '../../../electron/sip/register/register';
import { newRegisterCounters } from '../../../electron/sip/register/transaction';
import { memoryEndpoint, type MemoryEndpoint } from '../../support/memory-endpoint';

const PASSWORD = 'hunter2-not-in-output';
const REGISTRAR: TransportAddress = { family: 'IPv4', ip: '203.0.113.20', port: 5060 };
const STRANGER: TransportAddress = { family: 'IPv4', ip: '198.51.100.66', port: 5060 };

function responseTo(request: SipMessage, status: string, extra: string[] = [], via = getHeader(request, 'Via') ?? ''): Uint8Array {
  return utf8Encode(
    [`SIP/2.0 ${status}`, `Via: ${via}`, `From: ${getHeader(request, 'From')}`, `To: ${getHeader(request, 'To')};tag=reg`, `Call-ID: ${getHeader(request, 'Call-ID')}`, `CSeq: ${getHeader(request, 'CSeq')}`, ...extra, 'Content-Length: 0', '', ''].join('\r\n'),
  );
}

const ping = (branch: string): Uint8Array =>
  utf8Encode(`OPTIONS sip:trunk1@192.168.100.5:65002 SIP/2.0\r\nVia: SIP/2.0/UDP 203.0.113.20:5060;branch=${branch}\r\nFrom: <sip:pinger@203.0.113.20>;tag=p\r\nTo: <sip:trunk1@192.168.100.5:65002>\r\nCall-ID: ping-${branch}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n`);

// Delivers after the current turn, as a network would.
const later = (endpoint: MemoryEndpoint, data: Uint8Array, from: TransportAddress, ms = 5): void => void setTimeout(() => endpoint.deliver(data, from), ms);

function fakeRegistrar(endpoint: MemoryEndpoint, challenge: string): { registers: SipMessage[] } {
  const registers: SipMessage[] = [];
  const send = endpoint.send.bind(endpoint);
  endpoint.send = (data, to) => {
    send(data, to);
    const message = parseSipMessage(data);
    if (message.start.kind !== 'request' || message.start.method !== 'REGISTER') return;
    registers.push(message);
    const removing = getHeader(message, 'Expires') === '0';
    if (getHeader(message, 'Authorization') === undefined) {
      // Before the real challenge: noise of every kind.
      later(endpoint, utf8Encode('\u0000\u0001 not sip at all'), REGISTRAR, 1);
      later(endpoint, utf8Encode('SIP/2.0 200 OK\r\nbroken header line\r\n\r\n'), REGISTRAR, 1);
      later(endpoint, responseTo(message, '200 OK', [], 'SIP/2.0/UDP 192.168.100.5:65002;branch=z9hG4bKsomebodyelse'), REGISTRAR, 1);
      later(endpoint, responseTo(message, '200 OK', [`X-Huge: ${'x'.repeat(60_000)}`], 'SIP/2.0/UDP 192.168.100.5:65002;branch=z9hG4bKhuge'), REGISTRAR, 1);
      later(endpoint, responseTo(message, '200 OK').subarray(0, 40), REGISTRAR, 1);
      later(endpoint, responseTo(message, '100 Trying'), REGISTRAR, 2);
      later(endpoint, responseTo(message, '401 Unauthorized', [`WWW-Authenticate: ${challenge}`]), REGISTRAR, 3);
    } else if (removing) {
      later(endpoint, responseTo(message, '200 OK'), REGISTRAR);
    } else {
      later(endpoint, responseTo(message, '200 OK', ['Contact: <sip:trunk1@192.168.100.5:65002>;expires=60', 'Expires: 3600']), REGISTRAR);
    }
  };
  return { registers };
}

function expectNoPassword(endpoint: MemoryEndpoint, ...values: unknown[]): void {
  for (const value of values) expect(JSON.stringify(value)).not.toContain(PASSWORD);
  for (const packet of endpoint.sentPackets) expect(utf8Decode(packet.data)).not.toContain(PASSWORD);
}

describe('registerWithProvider with hostile datagrams', () => {
  it('registers through the noise, ignores a stranger, answers the provider\'s ping and its retransmission alike', async () => {
    const endpoint = memoryEndpoint();
    const { registers } = fakeRegistrar(endpoint, 'Digest realm="r", nonce="n1", qop="auth", algorithm=SHA-256, opaque="o"');
    const counters = newRegisterCounters();
    const waiting = registerWithProvider({
      endpoint,
      target: REGISTRAR,
      targetHost: 'sip.example.net',
      localSentBy: endpoint.local,
      request: { user: 'trunk1', password: PASSWORD, inboundWaitSec: 2 },
      timeoutMs: 1000,
      counters,
      progress: (message) => {
        if (message.code !== 'register/inbound-wait' || message.elapsed !== 0) return;
        // During the wait: garbage, a stray response, a stranger's request for another user …
        later(endpoint, utf8Encode('OPTIONS garbage'), REGISTRAR, 1);
        later(endpoint, utf8Encode('SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 1.2.3.4;branch=z9hG4bKzz\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n'), REGISTRAR, 1);
        later(endpoint, utf8Encode('OPTIONS sip:100@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP 198.51.100.66;branch=z9hG4bKscan\r\nFrom: <sip:100@x>;tag=1\r\nTo: <sip:100@x>\r\nCall-ID: scan\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n'), STRANGER, 2);
        // … then the provider's ping, twice (a retransmission).
        later(endpoint, ping('z9hG4bKp1'), REGISTRAR, 30);
        later(endpoint, ping('z9hG4bKp1'), REGISTRAR, 31);
      },
    });
    const report = await waiting;
    expect(report).toMatchObject({
      aor: 'sip:trunk1@sip.example.net',
      outcome: 'registered',
      status: 200,
      challenged: true,
      algorithm: 'SHA-256',
      expiresSec: 60, // the contact's own parameter wins over the Expires header (§10.2.4)
      contact: 'sip:trunk1@192.168.100.5:65002',
      unregistered: true,
      inbound: { received: true, method: 'OPTIONS', from: REGISTRAR, answered: 200 },
    });
    expect(report.inbound?.waitedMs).toBeLessThan(1000);
    // Noise before the REGISTER's and the un-REGISTER's challenge (2 malformed, 2 unmatched, a 100
    // each time), and during the wait one more of each.
    expect(counters).toMatchObject({ malformed: 5, unmatched: 5, provisional: 2, foreign: 1, answered: 2 });
    // The answer to the ping went back to its source, the same bytes both times; nothing to the stranger.
    const answers = endpoint.sentPackets.filter((packet) => utf8Decode(packet.data)?.startsWith('SIP/2.0 200 OK'));
    expect(answers.map((packet) => packet.to)).toEqual([REGISTRAR, REGISTRAR]);
    expect(answers[0]?.data).toEqual(answers[1]?.data);
    // One Call-ID for all four REGISTERs, CSeq 1–4 (§10.2.4), each a new branch.
    expect(registers.map((message) => getHeader(message, 'CSeq'))).toEqual(['1 REGISTER', '2 REGISTER', '3 REGISTER', '4 REGISTER']);
    expect(new Set(registers.map((message) => getHeader(message, 'Call-ID'))).size).toBe(1);
    expect(new Set(registers.map((message) => getHeader(message, 'Via'))).size).toBe(4);
    expect(getHeader(registers[1] as SipMessage, 'Authorization')).toMatch(/^Digest username="trunk1", realm="r", nonce="n1", uri="sip:sip.example.net", response="[0-9a-f]{64}", algorithm=SHA-256, cnonce="[0-9a-f]+", qop=auth, nc=00000001, opaque="o"$/);
    expectNoPassword(endpoint, report, counters);
  });

  it('names a challenge it cannot answer as unsupported, and registers nothing', async () => {
    const endpoint = memoryEndpoint();
    const { registers } = fakeRegistrar(endpoint, 'Digest realm="r", nonce="n1", qop="auth", algorithm=SHA-512-256');
    const report = await registerWithProvider({ endpoint, target: REGISTRAR, targetHost: 'sip.example.net', localSentBy: endpoint.local, request: { user: 'trunk1', password: PASSWORD }, timeoutMs: 1000 });
    expect(report).toMatchObject({ outcome: 'unsupported', status: 401, challenged: false, algorithm: null, unregistered: null, inbound: null });
    expect(registers).toHaveLength(1);
    expectNoPassword(endpoint, report);
  });

  it('sends nothing when cancelled before it starts, and nothing for a user part it cannot write', async () => {
    const endpoint = memoryEndpoint();
    const controller = new AbortController();
    controller.abort();
    const cancelled = await registerWithProvider({ endpoint, target: REGISTRAR, targetHost: 'sip.example.net', localSentBy: endpoint.local, request: { user: 'trunk1', password: PASSWORD }, signal: controller.signal });
    const invalid = await registerWithProvider({ endpoint, target: REGISTRAR, targetHost: 'sip.example.net', localSentBy: endpoint.local, request: { user: 'trunk1\r\nX: y', password: PASSWORD } });
    for (const report of [cancelled, invalid]) expect(report).toMatchObject({ outcome: 'not-sent', status: null, unregistered: null, inbound: null });
    expect(endpoint.sentPackets).toHaveLength(0);
    expectNoPassword(endpoint, cancelled, invalid);
  });
});
