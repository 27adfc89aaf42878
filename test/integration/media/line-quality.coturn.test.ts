// The line-quality stream against a real coturn on loopback: 50 requests/s for 2 s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StunClient } from '../../../electron/net/stun-client';
import { openUdpEndpoint } from '../../../electron/net/udp-endpoint';
import { measureLineQuality } from '../../../electron/quality/stream';
import { gradeLineQuality } from '../../../shared/quality/grade';
import { startCoturn, type Coturn } from '../../support/coturn';
import { word } from '../../../shared/text';

let coturn: Coturn;
beforeAll(async () => void (coturn = await startCoturn()));
afterAll(async () => void (await coturn?.stop()));

describe('line quality against coturn on loopback', () => {
  it('measures 100 round trips in 2 s with no loss, a loopback RTT and a clean grade', async () => {
    const opened = await openUdpEndpoint({ port: 0, localIp: '127.0.0.1' });
    if (!opened.ok) throw new Error(word('en', opened.error));
    const client = new StunClient(opened.value);
    try {
      const started = performance.now();
      const result = await measureLineQuality({ client, server: { family: 'IPv4', ip: '127.0.0.1', port: coturn.port }, ratePerSecond: 50, durationSec: 2 });
      const wallMs = performance.now() - started;
      const { loss, rtt, jitterMs } = result.metrics;
      console.log(
        `[quality] loopback 50/s × 2 s: sent ${loss.sent}, lost ${loss.lost}, RTT min/avg/p95/max ${rtt?.minMs.toFixed(2)}/${rtt?.avgMs.toFixed(2)}/${rtt?.p95Ms.toFixed(2)}/${rtt?.maxMs.toFixed(2)} ms, ` +
          `jitter ${jitterMs?.toFixed(3)} ms, took ${(wallMs / 1000).toFixed(2)} s`,
      );
      expect(loss).toMatchObject({ sent: 100, lost: 0 });
      expect(rtt?.avgMs).toBeLessThan(20);
      expect(jitterMs).toBeLessThan(20);
      expect(wallMs).toBeGreaterThan(1900); // paced, not a burst
      expect(wallMs).toBeLessThan(4000);
      expect(gradeLineQuality(result.metrics).overall).toBe('pass');
    } finally {
      client.dispose();
      await opened.value.close();
    }
  });
});
