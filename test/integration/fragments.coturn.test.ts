// The fragment test against a real coturn on loopback. Loopback carries 64 KiB datagrams whole,
// so nothing is fragmented here (test/lab does that through a router); what this shows is what
// coturn does with the four requests: a 400 for PADDING with RESPONSE-PORT (RFC 5780 §6.1), an
// answer with 1500 bytes of PADDING with two addresses, an unpadded one with a single address.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { probeFragments } from '../../electron/nat/fragments';
import { sendBinding } from '../../electron/net/binding';
import { StunClient } from '../../electron/net/stun-client';
import { openUdpEndpoint, type UdpEndpoint } from '../../electron/net/udp-endpoint';
import { word } from '../../shared/text';
import { randomTestPort, startCoturn, type Coturn } from '../support/coturn';

const running: Coturn[] = [];
const open: { endpoint: UdpEndpoint; client: StunClient }[] = [];

afterEach(async () => {
  for (const { client, endpoint } of open.splice(0)) {
    client.dispose();
    await endpoint.close();
  }
});
afterAll(async () => void (await Promise.all(running.map((coturn) => coturn.stop()))));

async function sipSocket(): Promise<StunClient> {
  const opened = await openUdpEndpoint({ port: 0, localIp: '127.0.0.1' });
  if (!opened.ok) throw new Error(word('en', opened.error));
  const client = new StunClient(opened.value);
  open.push({ endpoint: opened.value, client });
  return client;
}

async function coturnOn(addresses: string[]): Promise<{ family: 'IPv4'; ip: string; port: number }> {
  const coturn = await startCoturn({ addresses });
  running.push(coturn);
  return { family: 'IPv4', ip: addresses[0]!, port: coturn.port };
}

// What diagnose has before it starts the NAT tests: the round trip and the mapped port.
async function firstBinding(client: StunClient, server: { family: 'IPv4'; ip: string; port: number }): Promise<{ rttMs: number; mappedPort: number }> {
  const first = await sendBinding(client, server);
  if (!first.ok) throw new Error(word('en', first.error));
  return { rttMs: first.evidence.rttMs, mappedPort: first.evidence.mapped.port };
}

describe('the fragment test against coturn', () => {
  it('reads both directions from coturn with two addresses: a small 400 to the big request, a 1604-byte padded answer to the small one', async () => {
    const server = await coturnOn(['127.0.0.1', '127.0.0.2']);
    const client = await sipSocket();
    const result = await probeFragments(client, server, await firstBinding(client, server));
    expect(result.report).toEqual({ outbound: 'passes', inbound: 'passes' });
    const [outbound, inbound] = result.evidence;
    expect(outbound).toMatchObject({ code: 'fragments/outbound-passes', server: `127.0.0.1:${server.port}` });
    if (outbound?.code !== 'fragments/outbound-passes') return;
    expect(outbound.requestBytes).toBeGreaterThan(1500);
    expect(outbound.answerBytes).toBeLessThan(200); // the 400, not a padded answer
    // coturn pads to its interface MTU, 1500 when it cannot ask the socket (RFC 5780 §6.1): 1500
    // bytes of PADDING beside the addresses, SOFTWARE and (as our request had one) FINGERPRINT.
    expect(inbound).toEqual({ code: 'fragments/inbound-passes', server: `127.0.0.1:${server.port}`, answerBytes: 1604 });
    expect(result.ms).toBeLessThan(500);
  });

  it('leaves inbound untested with coturn on a single address, which accepts PADDING but does not pad', async () => {
    const server = await coturnOn(['127.0.0.1']);
    const client = await sipSocket();
    const result = await probeFragments(client, server, await firstBinding(client, server));
    expect(result.report).toEqual({ outbound: 'passes', inbound: 'untested' });
    expect(result.evidence[1]).toEqual({ code: 'fragments/padding-ignored', server: `127.0.0.1:${server.port}` });
    expect(word('de', result.evidence[1]!)).toContain('ignoriert PADDING');
  });

  it('tests nothing when the server is silent, and gives up after a few round trips', async () => {
    const client = await sipSocket();
    const silent = { family: 'IPv4' as const, ip: '127.0.0.1', port: randomTestPort() };
    const result = await probeFragments(client, silent, { rttMs: 5 });
    expect(result.report).toEqual({ outbound: 'untested', inbound: 'untested' });
    expect(result.evidence).toEqual([{ code: 'fragments/server-silent', server: `127.0.0.1:${silent.port}`, requests: 24 }]);
    expect(result.ms).toBeLessThan(1000);
  });

  it('says it was cancelled, not that fragments are dropped, when the diagnosis is cancelled', async () => {
    const client = await sipSocket();
    const silent = { family: 'IPv4' as const, ip: '127.0.0.1', port: randomTestPort() };
    const result = await probeFragments(client, silent, { rttMs: 5, signal: AbortSignal.abort() });
    expect(result.report).toEqual({ outbound: 'untested', inbound: 'untested' });
    expect(result.evidence).toEqual([{ code: 'fragments/cancelled' }]);
  });
});
