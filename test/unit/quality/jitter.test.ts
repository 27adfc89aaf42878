// The line-quality arithmetic: RFC 3550 §6.4.1 jitter, loss with its one-way estimate, RTT statistics.
import { describe, expect, it } from 'vitest';
import { interarrivalJitter, lossStats, oneWayLoss, rttStats, summarizeSamples, type ProbeSample } from '../../../shared/quality/jitter';

// Samples sent every 20 ms whose round trips (transit times) are the given values.
function stream(transits: readonly (number | null)[]): ProbeSample[] {
  return transits.map((transit, seq) => ({ seq, sentAtMs: seq * 20, receivedAtMs: transit === null ? null : seq * 20 + transit }));
}

describe('RFC 3550 interarrival jitter', () => {
  it('is zero when every packet takes the same time, however long', () => {
    expect(interarrivalJitter(stream([80, 80, 80, 80, 80]))).toBe(0);
  });

  it('moves 1/16 of the way towards each |D| (RFC 3550 §6.4.1), worked by hand', () => {
    // D = ±10 ms each time: J = 10/16, then J + (10 − J)/16 twice more.
    expect(interarrivalJitter(stream([10, 20, 10, 20]))).toBeCloseTo(1.76025390625, 12);
  });

  it('converges to the mean |D| on a long stream', () => {
    const transits = Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 30 : 38));
    expect(interarrivalJitter(stream(transits))).toBeCloseTo(8, 6);
  });

  it('skips lost packets and takes the others in order of arrival', () => {
    // Packet 1 overtakes packet 0 (arrives at 21 ms, packet 0 at 50 ms): D is taken 1 → 0 → 2.
    const samples: ProbeSample[] = [
      { seq: 0, sentAtMs: 0, receivedAtMs: 50 },
      { seq: 1, sentAtMs: 20, receivedAtMs: 21 },
      { seq: 2, sentAtMs: 40, receivedAtMs: null },
      { seq: 3, sentAtMs: 60, receivedAtMs: 61 },
    ];
    // transits in arrival order: 1, 50, 1 → |D| = 49, 49
    const first = 49 / 16;
    expect(interarrivalJitter(samples)).toBeCloseTo(first + (49 - first) / 16, 12);
  });

  it('needs two answers', () => {
    expect(interarrivalJitter(stream([null, 10, null]))).toBeNull();
  });
});

describe('loss', () => {
  it('estimates one-way loss from round-trip loss: 5 % each way is 9.75 % of round trips', () => {
    expect(oneWayLoss(1 - 0.95 * 0.95)).toBeCloseTo(0.05, 12);
    expect(oneWayLoss(0)).toBe(0);
    expect(oneWayLoss(1)).toBe(1);
  });

  it('counts lost requests and reports both figures', () => {
    const loss = lossStats(1000, 903);
    expect(loss).toMatchObject({ sent: 1000, received: 903, lost: 97 });
    expect(loss.roundTripPercent).toBeCloseTo(9.7, 10);
    expect(loss.oneWayPercent).toBeCloseTo((1 - Math.sqrt(0.903)) * 100, 10);
  });

  it('reports nothing sent as no loss rather than dividing by zero', () => {
    expect(lossStats(0, 0)).toEqual({ sent: 0, received: 0, lost: 0, roundTripPercent: 0, oneWayPercent: 0 });
  });
});

describe('round-trip statistics', () => {
  it('gives min, mean, max and the nearest-rank 95th percentile', () => {
    const rtts = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted on purpose
    expect(rttStats(rtts)).toEqual({ count: 100, minMs: 1, avgMs: 50.5, maxMs: 100, p95Ms: 95 });
  });

  it('is null without answers', () => {
    expect(rttStats([])).toBeNull();
  });

  it('summarizes a stream with a lost packet', () => {
    const metrics = summarizeSamples(stream([10, null, 12, 10]));
    expect(metrics.loss).toMatchObject({ sent: 4, received: 3, lost: 1 });
    expect(metrics.rtt).toMatchObject({ minMs: 10, maxMs: 12, count: 3 });
    expect(metrics.jitterMs).toBeCloseTo(2 / 16 + (2 - 2 / 16) / 16, 12);
  });
});
