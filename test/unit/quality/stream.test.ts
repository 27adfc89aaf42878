// The paced Binding stream on a FakeClock. Delay and jitter cannot be made in this kernel (no tc
// netem), so the in-memory server below adds them: a fixed delay plus an alternating extra, and
// lost requests, and the measured figures must come out exactly as constructed.
import { describe, expect, it } from 'vitest';
import { StunClient } from '../../../electron/net/stun-client';
import { measureLineQuality, type LineQualityProgress } from '../../../electron/quality/stream';
import { FakeClock } from '../../support/fake-clock';
import { runClock, SERVER, servedEndpoint } from '../media/memory-stun-server';

describe('line quality from a paced STUN stream', () => {
  it('sends one request every 20 ms, once each, and measures loss, RTT and RFC 3550 jitter', async () => {
    const clock = new FakeClock();
    // 30 ms round trip, +8 ms on every other answer; every 10th request lost.
    const endpoint = servedEndpoint(clock, 65002, { delayMs: (seq) => 30 + (seq % 2) * 8, dropRequest: (seq) => seq % 10 === 9 });
    const client = new StunClient(endpoint, clock);
    const progress: LineQualityProgress[] = [];
    const result = await runClock(clock, measureLineQuality({ client, server: SERVER, ratePerSecond: 50, durationSec: 2, clock, onProgress: (p) => progress.push(p) }), 1);

    expect(endpoint.sentPackets).toHaveLength(100); // no retransmissions
    expect(result.samples.map((s) => s.sentAtMs).slice(0, 4)).toEqual([0, 20, 40, 60]);
    expect(result.metrics.loss).toMatchObject({ sent: 100, received: 90, lost: 10, roundTripPercent: 10 });
    // Every lost request is an odd one (38 ms): 50 answers at 30 ms, 40 at 38 ms.
    expect(result.metrics.rtt).toMatchObject({ count: 90, minMs: 30, maxMs: 38, p95Ms: 38 });
    expect(result.metrics.rtt?.avgMs).toBeCloseTo((50 * 30 + 40 * 38) / 90, 9);
    // |D| is 8 ms between neighbours of different parity; a lost odd packet makes two even ones
    // neighbours (D = 0). Recompute the RFC 3550 recursion over the answered sequence numbers.
    let expected = 0;
    let previous: number | undefined;
    for (let seq = 0; seq < 100; seq++) {
      if (seq % 10 === 9) continue;
      const transit = 30 + (seq % 2) * 8;
      if (previous !== undefined) expected += (Math.abs(transit - previous) - expected) / 16;
      previous = transit;
    }
    expect(result.metrics.jitterMs).toBeCloseTo(expected, 9);
    expect(result.metrics.jitterMs).toBeGreaterThan(6);
    expect(result.aborted).toBe(false);
    expect(progress.at(-1)).toMatchObject({ sent: 100, answered: 90, planned: 100 });
    expect(clock.pending).toBe(0);
  });

  it('counts an answer later than the wait as lost, and as late', async () => {
    const clock = new FakeClock();
    const endpoint = servedEndpoint(clock, 65002, { delayMs: (seq) => (seq === 3 ? 1500 : 20) });
    const client = new StunClient(endpoint, clock);
    const result = await runClock(clock, measureLineQuality({ client, server: SERVER, ratePerSecond: 10, durationSec: 1, answerWaitMs: 1000, clock }), 1);
    clock.advance(2000); // the late answer arrives after the transaction gave up
    expect(result.metrics.loss).toMatchObject({ sent: 10, received: 9, lost: 1 });
    expect(client.counters.duplicates).toBe(1);
  });

  it('stops at once when cancelled, leaves no timers and does not count the unfinished requests as lost', async () => {
    const clock = new FakeClock();
    const endpoint = servedEndpoint(clock, 65002, { delayMs: () => 50 });
    const client = new StunClient(endpoint, clock);
    const cancel = new AbortController();
    const running = measureLineQuality({ client, server: SERVER, ratePerSecond: 50, durationSec: 10, clock, signal: cancel.signal });
    for (let ms = 0; ms < 1000; ms += 1) {
      clock.advance(1);
      await Promise.resolve();
    }
    cancel.abort();
    const result = await running;
    const sentAtAbort = endpoint.sentPackets.length;
    clock.advance(1000); // answers still on the simulated wire arrive and find nobody waiting
    expect(endpoint.sentPackets).toHaveLength(sentAtAbort);
    expect(result.aborted).toBe(true);
    expect(result.metrics.loss.lost).toBe(0);
    expect(result.metrics.loss.sent).toBeGreaterThanOrEqual(45);
    expect(result.metrics.loss.sent).toBeLessThan(500);
    expect(clock.pending).toBe(0);
  });
});
