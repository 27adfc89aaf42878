// The media-port probe against a real coturn on loopback: with two addresses it supports
// RFC 5780 (OTHER-ADDRESS, CHANGE-REQUEST), with one it does not. Loopback has no NAT and no
// filter, so every port must get out, keep its number and be reachable from the alternate address.
import { createSocket, type Socket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransportAddress } from '../../../shared/address';
import { sendBinding } from '../../../electron/net/binding';
import { DEFAULT_RTP_RANGE } from '../../../electron/media/local-ports';
import { probeMediaPorts, samplePorts } from '../../../electron/media/outbound';
import { mediaRules } from '../../../electron/media/rules';
import { StunClient } from '../../../electron/net/stun-client';
import { openUdpEndpoint } from '../../../electron/net/udp-endpoint';
import { startCoturn, type Coturn } from '../../support/coturn';
import { word } from '../../../shared/text';

let full: Coturn;
let plain: Coturn;

beforeAll(async () => {
  [full, plain] = await Promise.all([startCoturn(), startCoturn({ addresses: ['127.0.0.1'], rfc5780: false })]);
});
afterAll(async () => {
  await Promise.all([full?.stop(), plain?.stop()]);
});

// What diagnose already knows before the media test: the server's round trip and OTHER-ADDRESS,
// from the public-address check on the SIP port.
async function firstBinding(port: number): Promise<{ server: TransportAddress; other: TransportAddress | null; rttMs: number }> {
  const server: TransportAddress = { family: 'IPv4', ip: '127.0.0.1', port };
  const opened = await openUdpEndpoint({ port: 0, localIp: '127.0.0.1' });
  if (!opened.ok) throw new Error(word('en', opened.error));
  const client = new StunClient(opened.value);
  try {
    const result = await sendBinding(client, server);
    if (!result.ok) throw new Error(word('en', result.error));
    return { server, other: result.evidence.otherAddress, rttMs: result.evidence.rttMs };
  } finally {
    client.dispose();
    await opened.value.close();
  }
}

describe('media-port probe against coturn', () => {
  it('verifies a 12-port sample of 55000–56000: out, port kept, and in from the alternate address', async () => {
    const { server, other, rttMs } = await firstBinding(full.port);
    expect(other).toEqual({ family: 'IPv4', ip: '127.0.0.2', port: full.altPort });
    const probe = await probeMediaPorts({ ports: samplePorts(DEFAULT_RTP_RANGE), server, other, localIp: '127.0.0.1', rttMs });
    console.log(`[media] 12-port sample against coturn: ${probe.durationMs} ms, ${probe.requestsSent} requests`);
    // A port of the range may be in use by chance (Linux's ephemeral ports include it): skipped, not failed.
    expect(probe.summary.probed + probe.summary.taken.length).toBe(12);
    expect(probe.summary.outboundFailed).toEqual([]);
    expect(probe.summary.portChanged).toEqual([]);
    expect(probe.summary.inboundVerified).toBe(probe.summary.probed);
    const port = probe.ports.find((result) => result.status === 'probed');
    expect(port).toMatchObject({ mapped: { ip: '127.0.0.1', port: port?.port }, respondedFrom: { ip: '127.0.0.2', port: full.altPort } });
    expect(mediaRules(probe, { pbxIp: '127.0.0.1', range: DEFAULT_RTP_RANGE, inboundMedia: 'any-source' }).map((rule) => rule.status)).toEqual(['verified', 'verified']);
  });

  it('leaves inbound untested with a server without RFC 5780, and says why', async () => {
    const { server, other, rttMs } = await firstBinding(plain.port);
    expect(other).toBeNull();
    const probe = await probeMediaPorts({ ports: [55010, 55020], server, other, localIp: '127.0.0.1', rttMs });
    expect(probe.summary.outboundVerified + probe.summary.taken.length).toBe(2);
    expect(probe.inboundUntestedReason).toEqual({ code: 'media/no-alternate-address', server: `127.0.0.1:${plain.port}` });
    expect(mediaRules(probe, { pbxIp: '127.0.0.1', range: DEFAULT_RTP_RANGE, inboundMedia: 'any-source' })[1]).toMatchObject({ status: 'untested' });
  });

  it('skips and reports a port another program holds', async () => {
    const { server, other, rttMs } = await firstBinding(full.port);
    const blocker: Socket = createSocket('udp4');
    const heldPort = await new Promise<number | null>((resolve) => {
      blocker.once('error', () => resolve(null));
      blocker.bind({ port: 55123, address: '127.0.0.1', exclusive: true }, () => resolve(55123));
    });
    try {
      if (heldPort === null) return; // someone else holds it already: the point is made either way
      const probe = await probeMediaPorts({ ports: [55122, 55123], server, other, localIp: '127.0.0.1', rttMs });
      expect(probe.summary.taken).toContain(55123);
      expect(probe.ports.find((port) => port.port === 55123)?.evidence).toEqual([{ code: 'port/held', port: 55123 }]);
    } finally {
      blocker.close();
    }
  });

  it('probes all 1001 ports (--rtp-full), paced', async () => {
    const { server, other, rttMs } = await firstBinding(full.port);
    // A private server may take a higher rate; the default 50/s would take 40 s here.
    const probe = await probeMediaPorts({ ports: samplePorts(DEFAULT_RTP_RANGE, 1001), server, other, localIp: '127.0.0.1', rttMs, pacingPerSecond: 1000 });
    const seconds = probe.durationMs / 1000;
    console.log(`[media] full 1001-port probe against coturn at 1000 requests/s: ${seconds.toFixed(1)} s, ${probe.requestsSent} requests, ${probe.summary.taken.length} taken`);
    expect(probe.summary.probed + probe.summary.taken.length).toBe(1001);
    expect(probe.summary.outboundFailed).toEqual([]);
    expect(probe.summary.inboundVerified).toBe(probe.summary.probed);
    expect(probe.requestsSent / seconds).toBeLessThan(1100);
  }, 20_000);
});
