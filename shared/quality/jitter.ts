// Line-quality arithmetic over a stream of timed probes: loss, round-trip statistics and the
// RTP interarrival jitter (RFC 3550 §6.4.1, computed as in its Appendix A.8). Pure: the
// measurement itself lives in electron/quality/stream.ts.

// One probe of the stream: when it left, and when its answer came back (null: never).
export interface ProbeSample {
  readonly seq: number;
  readonly sentAtMs: number;
  readonly receivedAtMs: number | null;
}

export interface RttStats {
  readonly count: number;
  readonly minMs: number;
  readonly avgMs: number;
  readonly maxMs: number;
  readonly p95Ms: number;
}

export interface LossStats {
  readonly sent: number;
  readonly received: number;
  readonly lost: number;
  readonly roundTripPercent: number;   // requests that got no answer
  readonly oneWayPercent: number;      // estimate for one direction, see oneWayLoss()
}

export interface LineQualityMetrics {
  readonly loss: LossStats;
  readonly rtt: RttStats | null;       // null when nothing came back
  readonly jitterMs: number | null;    // RFC 3550 interarrival jitter of the round trips
}

// RFC 3550 §6.4.1: the jitter estimate moves 1/16 of the way towards each new |D|; the gain
// "gives a good noise reduction ratio while maintaining a reasonable rate of convergence".
export const JITTER_GAIN = 1 / 16;

// Interarrival jitter, RFC 3550 §6.4.1: D(i,j) = (Rj − Ri) − (Sj − Si) = transit(j) − transit(i)
// between a packet j and the packet i received before it, J += (|D(i,j)| − J) / 16, taken in
// order of arrival. Lost packets simply do not contribute (as in RTP).
export function interarrivalJitter(samples: readonly ProbeSample[]): number | null {
  const arrived = samples
    .filter((sample): sample is ProbeSample & { receivedAtMs: number } => sample.receivedAtMs !== null)
    .sort((a, b) => a.receivedAtMs - b.receivedAtMs || a.seq - b.seq);
  if (arrived.length < 2) return null;
  let jitter = 0;
  let previousTransit: number | undefined;
  for (const sample of arrived) {
    const transit = sample.receivedAtMs - sample.sentAtMs;
    if (previousTransit !== undefined) jitter += (Math.abs(transit - previousTransit) - jitter) * JITTER_GAIN;
    previousTransit = transit;
  }
  return jitter;
}

// Nearest-rank percentile of an ascending list (no interpolation: a reported p95 is a value
// that was really measured).
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? Number.NaN;
}

export function rttStats(rttsMs: readonly number[]): RttStats | null {
  if (rttsMs.length === 0) return null;
  const sorted = [...rttsMs].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    minMs: sorted[0] ?? Number.NaN,
    avgMs: sum / sorted.length,
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
    p95Ms: percentile(sorted, 95),
  };
}

// A round trip survives only if the request *and* the answer get through:
// P(answered) = (1 − p_up)(1 − p_down). Voice flows one way per direction, so the figure that
// matters for each direction is p, not the round-trip loss. With no way to tell the two
// directions apart from the client alone, assume them equal: p = 1 − √(1 − round-trip loss).
// (5 % loss each way shows up as 1 − 0.95² = 9.75 % unanswered requests.)
export function oneWayLoss(roundTripFraction: number): number {
  const clamped = Math.min(1, Math.max(0, roundTripFraction));
  return 1 - Math.sqrt(1 - clamped);
}

export function lossStats(sent: number, received: number): LossStats {
  const lost = Math.max(0, sent - received);
  const roundTrip = sent === 0 ? 0 : lost / sent;
  return {
    sent,
    received: Math.min(received, sent),
    lost,
    roundTripPercent: roundTrip * 100,
    oneWayPercent: oneWayLoss(roundTrip) * 100,
  };
}

export function summarizeSamples(samples: readonly ProbeSample[]): LineQualityMetrics {
  const rtts = samples.flatMap((sample) => (sample.receivedAtMs === null ? [] : [sample.receivedAtMs - sample.sentAtMs]));
  return {
    loss: lossStats(samples.length, rtts.length),
    rtt: rttStats(rtts),
    jitterMs: interarrivalJitter(samples),
  };
}
