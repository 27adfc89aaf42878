// The SIP OPTIONS client against a real kamailio on loopback, from the same UdpEndpoint a
// StunClient uses (as the PBX's port 65002 carries STUN and SIP), with a real coturn beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utf8Encode } from '../../../shared/bytes';
import { sendBinding } from '../../../electron/net/binding';
import { StunClient } from '../../../electron/net/stun-client';
import { openUdpEndpoint, type UdpEndpoint } from '../../../electron/net/udp-endpoint';
import { assessAlg } from '../../../electron/sip/alg';
import { sendOptions, type SipOptionsOutcome } from '../../../electron/sip/options-client';
import { buildOptionsRequest } from '../../../shared/sip/options-request';
import { startCoturn, type Coturn } from '../../support/coturn';
import { canRunKamailio, startKamailio, type Kamailio } from '../../support/kamailio';
import { word } from '../../../shared/text';

const capability = await canRunKamailio();
const skipReason = capability.ok ? '' : capability.reason;
if (!capability.ok) console.warn(`[test/integration/sip] kamailio tests skipped: ${skipReason}`);

async function openLoopback(): Promise<UdpEndpoint> {
  const opened = await openUdpEndpoint({ port: 0, localIp: '127.0.0.1' });
  if (!opened.ok) throw new Error(word('en', opened.error));
  return opened.value;
}

function expectResponse(outcome: SipOptionsOutcome): Extract<SipOptionsOutcome, { kind: 'response' }> {
  if (outcome.kind !== 'response') throw new Error(`expected a SIP response, got ${JSON.stringify(outcome)}`);
  return outcome;
}

describe.skipIf(!capability.ok)(`SIP OPTIONS against kamailio${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let kamailio: Kamailio;
  let coturn: Coturn;
  let endpoint: UdpEndpoint;
  let stun: StunClient;
  const plain = () => ({ family: 'IPv4' as const, ip: kamailio.address, port: kamailio.port });
  const forced = () => ({ family: 'IPv4' as const, ip: kamailio.address, port: kamailio.forcedRportPort });

  beforeAll(async () => {
    [kamailio, coturn] = await Promise.all([startKamailio(), startCoturn()]);
    endpoint = await openLoopback();
    stun = new StunClient(endpoint);
  });

  afterAll(async () => {
    stun?.dispose();
    await endpoint?.close();
    await Promise.all([kamailio?.stop(), coturn?.stop()]);
  });

  it('gets 200 OK through the socket STUN uses, with received and rport naming that socket, and no ALG', async () => {
    const binding = await sendBinding(stun, { family: 'IPv4', ip: '127.0.0.1', port: coturn.port });
    expect(binding.ok).toBe(true);
    if (!binding.ok) return;
    const outcome = expectResponse(await sendOptions(endpoint, plain(), { requestUriHost: '127.0.0.1', localSentBy: endpoint.local }));
    expect(outcome).toMatchObject({ status: 200, reason: 'OK', from: plain(), via: { received: '127.0.0.1', rport: endpoint.local.port }, requestsSent: 1 });
    expect(outcome.server).toMatch(/^kamailio \(5\./);
    expect(outcome.rttMs).toBeLessThan(200);
    expect(outcome.counters).toEqual({ malformed: 0, unmatched: 0, requests: 0, provisional: 0 });
    // The shared socket still serves STUN, and STUN never saw the SIP datagram.
    expect(stun.counters.undecodable).toBe(0);
    expect((await sendBinding(stun, { family: 'IPv4', ip: '127.0.0.1', port: coturn.port })).ok).toBe(true);
    const alg = assessAlg({ sentVia: outcome.request.via, sentFromLocal: endpoint.local, stunMapped: binding.evidence.mapped, response: outcome });
    expect(alg).toMatchObject({ suspected: false, evidence: [] });
  });

  it('learns where the request really came from when the Via names a private LAN address', async () => {
    const outcome = expectResponse(await sendOptions(endpoint, plain(), { requestUriHost: 'sip.example.net', localSentBy: { ip: '192.168.100.5', port: endpoint.local.port } }));
    expect(outcome.via).toEqual({ received: '127.0.0.1', rport: endpoint.local.port });
    expect(outcome.topVia).toMatch(/^SIP\/2\.0\/UDP 192\.168\.100\.5:\d+;branch=z9hG4bK[0-9a-f]+;rport=\d+;received=127\.0\.0\.1$/);
  });

  it('sees the forced-rport port answer the source port although the Via did not ask, while the plain port answers the Via port', async () => {
    // The Via names another socket's port, as a PBX behind NAT names a port the NAT changed.
    const elsewhere = await openLoopback();
    try {
      const strayAnswers: string[] = [];
      elsewhere.onSip((data) => strayAnswers.push(new TextDecoder().decode(data).split('\r\n')[0] ?? ''));
      const misleading = { requestUriHost: '127.0.0.1', localSentBy: { ip: '127.0.0.1', port: elsewhere.local.port }, rport: false } as const;

      const answered = expectResponse(await sendOptions(endpoint, forced(), misleading));
      expect(answered).toMatchObject({ status: 200, via: { received: null, rport: endpoint.local.port } });

      const lost = await sendOptions(endpoint, plain(), { ...misleading, timeoutMs: 1200 });
      expect(lost).toMatchObject({ kind: 'timeout', requestsSent: 2, aborted: false });
      expect(strayAnswers).toContain('SIP/2.0 200 OK');
    } finally {
      await elsewhere.close();
    }
  });

  it('is answered 403 for any other method', async () => {
    const built = buildOptionsRequest({ requestUri: { host: '127.0.0.1' }, localSentBy: endpoint.local, version: 'test' });
    if (!built.ok) throw new Error(word('en', built.error));
    const message = built.value.text.replace(/^OPTIONS /, 'MESSAGE ').replace('CSeq: 1 OPTIONS', 'CSeq: 1 MESSAGE');
    const status = await new Promise<string>((resolve) => {
      const off = endpoint.onSip((data) => {
        off();
        resolve(new TextDecoder().decode(data).split('\r\n')[0] ?? '');
      });
      endpoint.send(utf8Encode(message), plain());
    });
    expect(status).toBe('SIP/2.0 403 Forbidden');
  });

  it('reports a timeout as an outcome when nothing listens on the SIP port', async () => {
    const closed = await openLoopback();
    const port = closed.local.port;
    await closed.close();
    const outcome = await sendOptions(endpoint, { family: 'IPv4', ip: '127.0.0.1', port }, { requestUriHost: '127.0.0.1', localSentBy: endpoint.local, timeoutMs: 800 });
    expect(outcome).toMatchObject({ kind: 'timeout', requestsSent: 2, waitedMs: expect.any(Number) });
  });
});
