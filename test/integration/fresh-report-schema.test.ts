// What a fresh measurement writes, the report checks read back unchanged (shared/report-schema.ts):
// one schema for both, so a report saved today opens tomorrow, even after a hostile server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../electron/diagnose/diagnose';
import { parseReportJson } from '../../shared/report-file';
import { Attr, encodeMessage, encodeXorAddressValue, Method } from '../../shared/stun';
import { startCoturn, type Coturn } from '../support/coturn';
import { startFakePeer, type FakePeer } from '../support/fake-stun-peer';
import { startKamailio, type Kamailio } from '../support/kamailio';
import { word } from '../../shared/text';

const sipPort = () => 46000 + Math.floor(Math.random() * 4000);

describe('a fresh report reads back through the report checks', () => {
  let coturn: Coturn;
  let kamailio: Kamailio;
  beforeAll(async () => {
    [coturn, kamailio] = await Promise.all([startCoturn(), startKamailio()]);
  });
  afterAll(async () => {
    await Promise.all([coturn?.stop(), kamailio?.stop()]);
  });

  it('unchanged, with every section measured against coturn and kamailio', async () => {
    // The binding-lifetime test takes 1.5 × SwyxWare's 10 s keep-alive.
    const result = await diagnose({
      profileId: 'swyxware',
      stun: [`127.0.0.1:${coturn.port}`],
      localIp: '127.0.0.1',
      sipPort: sipPort(),
      sip: `127.0.0.1:${kamailio.port}`,
      rtp: { from: 47400, to: 47409 },
      media: 'full',
      qualitySec: 1,
      lifetime: true,
    });
    if (!result.ok) throw new Error(word('en', result.error));
    const report = result.value;
    expect([report.sip, report.rtp?.probe, report.keepalive, report.quality, report.checks.nat?.lifetime].every((section) => section != null)).toBe(true);
    // The expected call quality for each codec SwyxWare offers, read back like the rest.
    expect(report.quality?.mos?.map((estimate) => estimate.codec)).toEqual(['g711', 'g722', 'g729']);
    const text = JSON.stringify(report);
    expect(parseReportJson(text)).toEqual({ ok: true, value: JSON.parse(text) });
  }, 60_000);
});

describe('a hostile STUN server cannot make the report unreadable', () => {
  let peer: FakePeer | undefined;
  afterAll(async () => {
    await peer?.close();
  });

  it("keeps its SOFTWARE on one line: a line break becomes U+FFFD", async () => {
    const software = new TextEncoder().encode('Coturn\nconfig system admin\u0000\u202e');
    peer = await startFakePeer((request, from) => [
      {
        data: encodeMessage({
          method: Method.Binding,
          cls: 'success',
          transactionId: request.transactionId,
          attributes: [
            { type: Attr.XOR_MAPPED_ADDRESS, value: encodeXorAddressValue(from, request.transactionId) },
            { type: Attr.SOFTWARE, value: software },
          ],
        }),
      },
    ]);
    const result = await diagnose({ stun: [`127.0.0.1:${peer.address.port}`], sipPort: sipPort(), localIp: '127.0.0.1', media: 'off' });
    if (!result.ok) throw new Error(word('en', result.error));
    expect(result.value.checks.publicAddress.binding?.software).toBe('Coturn\ufffdconfig system admin\ufffd\ufffd');
    expect(parseReportJson(JSON.stringify(result.value)).ok).toBe(true);
  }, 30_000);
});
