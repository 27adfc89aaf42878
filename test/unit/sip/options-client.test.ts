// The OPTIONS client transaction (RFC 3261 §17.1.2) with an injected clock and an in-memory
// endpoint, and a peer that misbehaves on purpose.
import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../../shared/bytes';
import { getHeader, parseSipMessage } from '../../../shared/sip/message';
import { optionsEvidence, sendOptions, type SendOptionsOptions, type SipOptionsOutcome } from '../../../electron/sip/options-client';
import { word } from '../../../shared/text';
import { FakeClock } from '../../support/fake-clock';
import { memoryEndpoint, type MemoryEndpoint } from '../../support/memory-endpoint';

const provider = { family: 'IPv4', ip: '203.0.113.20', port: 5060 } as const;
const stranger = { family: 'IPv4', ip: '198.51.100.66', port: 5060 } as const;

function setup(extra: Partial<SendOptionsOptions> = {}) {
  const clock = new FakeClock();
  const endpoint = memoryEndpoint();
  const pending = sendOptions(endpoint, provider, { requestUriHost: '203.0.113.20', localSentBy: { ip: '192.168.100.5', port: 65002 }, clock, version: 'test', ...extra });
  return { clock, endpoint, pending };
}

// A response to the request the endpoint sent, as a server writes it (RFC 3261 §8.2.6.2):
// Via, From, Call-ID and CSeq copied, received/rport added to the top Via.
function answer(endpoint: MemoryEndpoint, status = '200 OK', patch: (text: string) => string = (text) => text): Uint8Array {
  const sent = endpoint.sentPackets[0];
  if (sent === undefined) throw new Error('nothing sent');
  const request = parseSipMessage(sent.data);
  const via = `${getHeader(request, 'Via')?.replace(';rport', '')};rport=40001;received=203.0.113.1`;
  const text = [
    `SIP/2.0 ${status}`,
    `Via: ${via}`,
    `From: ${getHeader(request, 'From')}`,
    `To: ${getHeader(request, 'To')};tag=srv`,
    `Call-ID: ${getHeader(request, 'Call-ID')}`,
    `CSeq: ${getHeader(request, 'CSeq')}`,
    'Server: FakeProvider/1.0',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
  return utf8Encode(patch(text));
}

function sendTimes(endpoint: MemoryEndpoint, clock: FakeClock, until: number): number[] {
  const times: number[] = [];
  let seen = endpoint.sentPackets.length;
  if (seen > 0) times.push(clock.now());
  while (clock.now() < until) {
    clock.advance(1);
    if (endpoint.sentPackets.length > seen) {
      times.push(clock.now());
      seen = endpoint.sentPackets.length;
    }
  }
  return times;
}

describe('SIP OPTIONS client transaction', () => {
  it('retransmits on timer E (T1, doubling, capped at T2) and ends on timer F (64·T1) with a timeout outcome', async () => {
    const { clock, endpoint, pending } = setup();
    expect(sendTimes(endpoint, clock, 31_999)).toEqual([0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500]);
    clock.advance(1);
    const outcome = await pending;
    expect(outcome).toMatchObject({ kind: 'timeout', requestsSent: 11, waitedMs: 32_000, aborted: false, provisional: [] });
    expect(clock.pending).toBe(0);
    expect(endpoint.sentPackets.every((packet) => packet.to === provider && packet.data === endpoint.sentPackets[0]?.data)).toBe(true);
  });

  it('lets a caller cap timer F', async () => {
    const { clock, endpoint, pending } = setup({ timeoutMs: 4000 });
    expect(sendTimes(endpoint, clock, 3999)).toEqual([0, 500, 1500, 3500]);
    clock.advance(1);
    await expect(pending).resolves.toMatchObject({ kind: 'timeout', requestsSent: 4, waitedMs: 4000 });
  });

  it('notes a 1xx, keeps waiting, and retransmits every T2 from then on (Proceeding)', async () => {
    const { clock, endpoint, pending } = setup();
    clock.advance(600); // sent at 0 and 500
    endpoint.deliver(answer(endpoint, '100 Trying'), provider);
    const times = sendTimes(endpoint, clock, 9000);
    expect(times).toEqual([600, 4600, 8600]);
    endpoint.deliver(answer(endpoint, '200 OK'), provider);
    const outcome = await pending;
    expect(outcome).toMatchObject({ kind: 'response', status: 200, provisional: [100], counters: { provisional: 1 }, requestsSent: 4 });
    expect(clock.pending).toBe(0);
  });

  it('reports the answer with what the provider saw, and measures the round trip from the latest send', async () => {
    const { clock, endpoint, pending } = setup();
    clock.advance(620); // the first request was lost; the one at 500 ms is answered 120 ms later
    endpoint.deliver(answer(endpoint), provider);
    const outcome = await pending;
    expect(outcome).toMatchObject({
      kind: 'response',
      status: 200,
      reason: 'OK',
      rttMs: 120,
      rttExact: false,
      firstSendToAnswerMs: 620,
      requestsSent: 2,
      from: provider,
      via: { received: '203.0.113.1', rport: 40001 },
      server: 'FakeProvider/1.0',
      userAgent: null,
      counters: { malformed: 0, unmatched: 0, requests: 0, provisional: 0 },
    });
    if (outcome.kind !== 'response') return;
    expect(outcome.topVia).toBe(`${outcome.request.via.replace(';rport', '')};rport=40001;received=203.0.113.1`);
    expect(outcome.headers.find((header) => header.name === 'To')?.value).toContain('tag=srv');
    const evidence = optionsEvidence(outcome, provider);
    expect(evidence).toEqual({ code: 'options/answered', target: '203.0.113.20:5060', status: 200, reason: 'OK', server: 'FakeProvider/1.0', rttMs: 120, received: '203.0.113.1', rport: 40001 });
    expect(word('en', evidence)).toBe('SIP OPTIONS to 203.0.113.20:5060 was answered with 200 OK by FakeProvider/1.0 after 120 ms; it saw the request coming from 203.0.113.1:40001.');
  });

  it.each(['401 Unauthorized', '403 Forbidden', '404 Not Found', '405 Method Not Allowed', '407 Proxy Authentication Required', '483 Too Many Hops', '501 Not Implemented', '503 Service Unavailable', '603 Decline'])(
    'takes %s as proof of reachability',
    async (status) => {
      const { clock, endpoint, pending } = setup();
      clock.advance(30);
      endpoint.deliver(answer(endpoint, status), provider);
      await expect(pending).resolves.toMatchObject({ kind: 'response', status: Number(status.slice(0, 3)), reason: status.slice(4), rttExact: true });
    },
  );

  it('accepts the answer from another address of the provider (multi-homed servers answer from elsewhere)', async () => {
    const { clock, endpoint, pending } = setup();
    clock.advance(10);
    endpoint.deliver(answer(endpoint), stranger);
    await expect(pending).resolves.toMatchObject({ kind: 'response', from: stranger });
  });

  it('puts the target port into the Request-URI unless it is 5060', () => {
    const clock = new FakeClock();
    const endpoint = memoryEndpoint();
    void sendOptions(endpoint, { ...provider, port: 5080 }, { requestUriHost: 'sip.example.net', localSentBy: { ip: '192.168.100.5', port: 65002 }, clock, timeoutMs: 1 });
    void sendOptions(endpoint, provider, { requestUriHost: 'sip.example.net', localSentBy: { ip: '192.168.100.5', port: 65002 }, clock, timeoutMs: 1 });
    const lines = endpoint.sentPackets.map((packet) => new TextDecoder().decode(packet.data).split('\r\n')[0]);
    expect(lines).toEqual(['OPTIONS sip:sip.example.net:5080 SIP/2.0', 'OPTIONS sip:sip.example.net SIP/2.0']);
    expect(new TextDecoder().decode(endpoint.sentPackets[0]?.data)).toMatch(/^User-Agent: TrunkCheck\/\d+\.\d+\.\d+/m);
    clock.advance(5);
  });

  it('returns invalid input as data and sends nothing', async () => {
    const { endpoint, pending } = setup({ requestUriHost: 'bad host\r\n' });
    const outcome = await pending;
    expect(outcome).toMatchObject({ kind: 'invalid', error: { code: 'sip/bad-uri-host' } });
    expect(endpoint.sentPackets).toHaveLength(0);
    expect(optionsEvidence(outcome, provider)).toEqual({ code: 'options/not-asked', target: '203.0.113.20:5060', reason: 'not-sent' });
  });

  it('ends at once, as an aborted timeout, when the signal fires', async () => {
    const controller = new AbortController();
    const { clock, endpoint, pending } = setup({ signal: controller.signal });
    clock.advance(700);
    controller.abort();
    const outcome = await pending;
    expect(outcome).toMatchObject({ kind: 'timeout', aborted: true, requestsSent: 2, waitedMs: 700 });
    expect(clock.pending).toBe(0);
    expect(optionsEvidence(outcome, provider)).toEqual({ code: 'options/cancelled', target: '203.0.113.20:5060', requests: 2 });
    expect(word('en', optionsEvidence(outcome, provider))).toBe('SIP OPTIONS to 203.0.113.20:5060 was cancelled after 2 requests.');
    expect(endpoint.sentPackets).toHaveLength(2);
  });
});

describe('SIP OPTIONS client against a hostile peer', () => {
  it('counts malformed SIP, a huge datagram, foreign answers and requests, and still takes the real answer', async () => {
    const { clock, endpoint, pending } = setup();
    clock.advance(5);
    const deliver = (text: string | Uint8Array, from = provider) => endpoint.deliver(typeof text === 'string' ? utf8Encode(text) : text, from);
    deliver('SIP/2.0 200 OK\r\nthis is not a header\r\n\r\n');
    deliver('Something that is not SIP at all');
    deliver(new Uint8Array([0x53, 0x49, 0x50, 0xc0, 0xaf])); // invalid UTF-8
    deliver(new Uint8Array(70_000).fill(0x41)); // "AAAA…": bigger than any UDP datagram
    deliver(`SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.168.100.5:65002;branch=x\r\nX: ${'y'.repeat(60_000)}\r\n\r\n`);
    deliver(answer(endpoint, '200 OK', (text) => text.replace(/Call-ID: \S+/, 'Call-ID: somebody-else')));
    deliver(answer(endpoint, '200 OK', (text) => text.replace(/branch=\w+/, 'branch=z9hG4bKforeign')));
    deliver(answer(endpoint, '200 OK', (text) => text.replace(/CSeq: 1 OPTIONS/, 'CSeq: 1 REGISTER')));
    deliver('OPTIONS sip:trunkcheck@192.168.100.5:65002 SIP/2.0\r\nVia: SIP/2.0/UDP 203.0.113.20;branch=z9hG4bKp\r\n\r\n');
    deliver(answer(endpoint, '200 OK'));
    const outcome = await pending;
    expect(outcome).toMatchObject({ kind: 'response', status: 200, counters: { malformed: 5, unmatched: 3, requests: 1, provisional: 0 } });
  });

  it('stays responsive under a flood of foreign answers, and ignores everything after it finished', async () => {
    const { clock, endpoint, pending } = setup();
    clock.advance(5);
    const foreign = answer(endpoint, '200 OK', (text) => text.replace(/branch=\w+/, 'branch=z9hG4bKflood'));
    const started = performance.now();
    for (let i = 0; i < 20_000; i++) endpoint.deliver(foreign, provider);
    endpoint.deliver(answer(endpoint, '200 OK'), provider);
    const outcome = await pending;
    expect(performance.now() - started).toBeLessThan(5000);
    expect(outcome).toMatchObject({ kind: 'response', counters: { unmatched: 20_000 } });
    // Late duplicates and more garbage after the end reach no listener and throw nothing.
    for (let i = 0; i < 100; i++) endpoint.deliver(answer(endpoint, '200 OK'), provider);
    expect(clock.pending).toBe(0);
  });

  it('times out when only garbage arrives, and says so with the counts', async () => {
    const { clock, endpoint, pending } = setup({ timeoutMs: 2000 });
    for (let t = 0; t < 2000; t += 100) {
      endpoint.deliver(utf8Encode('SIP/2.0 200 OK\r\n\r\n'), provider);
      clock.advance(100);
    }
    const outcome: SipOptionsOutcome = await pending;
    expect(outcome).toMatchObject({ kind: 'timeout', requestsSent: 3, counters: { malformed: 20 } });
    expect(optionsEvidence(outcome, provider)).toEqual({ code: 'options/no-answer', target: '203.0.113.20:5060', requests: 3, waitedMs: 2000 });
    expect(word('de', optionsEvidence(outcome, provider))).toBe('Keine SIP-Antwort von 203.0.113.20:5060 nach 3 Anfragen in 2,0 s.');
  });
});
