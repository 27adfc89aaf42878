// Grades measured line quality against limits for voice. The defaults are common VoIP planning
// values (ITU-T G.114 allows 150 ms one way for good interactivity; G.711 with packet loss
// concealment stays clean up to about 1 % loss); a provider may demand other limits.
import type { QualityMessage } from '../text/messages/quality';
import type { LineQualityMetrics } from './jitter';

export interface QualityThresholds {
  readonly maxLossPercent: number; // one-way loss estimate
  readonly maxJitterMs: number;    // RFC 3550 interarrival jitter
  readonly maxRttMs: number;       // mean round-trip time
}

export const DEFAULT_QUALITY_THRESHOLDS: QualityThresholds = { maxLossPercent: 1, maxJitterMs: 20, maxRttMs: 100 };

export type MetricVerdict = 'pass' | 'fail' | 'unknown';

export interface MetricGrade {
  readonly value: number | null;
  readonly limit: number;
  readonly verdict: MetricVerdict;
}

export interface QualityGrade {
  readonly thresholds: QualityThresholds;
  readonly loss: MetricGrade;
  readonly jitter: MetricGrade;
  readonly rtt: MetricGrade;
  readonly overall: MetricVerdict;
  readonly findings: readonly QualityMessage[]; // each metric against its limit, then the overall (shared/text words them)
}

function judge(value: number | null, limit: number): MetricGrade {
  return { value, limit, verdict: value === null ? 'unknown' : value <= limit ? 'pass' : 'fail' };
}

// Measured values as the findings carry them: one decimal, as a person reads them.
// Rounded from the two decimals the report keeps (electron/quality/section.ts), so a finding never
// says 6.4 where the summary of the same value says 6.5.
const r1 = (value: number): number => Math.round(Math.round(value * 100) / 10) / 10;

export function gradeLineQuality(metrics: LineQualityMetrics, overrides: Partial<QualityThresholds> = {}): QualityGrade {
  const thresholds: QualityThresholds = { ...DEFAULT_QUALITY_THRESHOLDS, ...overrides };
  const { loss, rtt, jitterMs } = metrics;
  const lossGrade = judge(loss.sent === 0 ? null : loss.oneWayPercent, thresholds.maxLossPercent);
  const jitterGrade = judge(jitterMs, thresholds.maxJitterMs);
  const rttGrade = judge(rtt?.avgMs ?? null, thresholds.maxRttMs);

  const findings: QualityMessage[] = [];
  if (loss.sent === 0) findings.push({ code: 'quality/nothing-sent' });
  else if (loss.received === 0) findings.push({ code: 'quality/no-answers', sent: loss.sent });
  else {
    const lossValues = { oneWay: r1(loss.oneWayPercent), roundTrip: r1(loss.roundTripPercent), limit: thresholds.maxLossPercent };
    findings.push(lossGrade.verdict === 'pass' ? { code: 'quality/loss-pass', ...lossValues } : { code: 'quality/loss-fail', ...lossValues });
    if (jitterMs === null) findings.push({ code: 'quality/too-few-for-jitter' });
    else {
      const jitterValues = { jitter: r1(jitterMs), limit: thresholds.maxJitterMs };
      findings.push(jitterGrade.verdict === 'pass' ? { code: 'quality/jitter-pass', ...jitterValues } : { code: 'quality/jitter-fail', ...jitterValues });
    }
    if (rtt !== null) {
      const rttValues = { avg: r1(rtt.avgMs), p95: r1(rtt.p95Ms), limit: thresholds.maxRttMs };
      findings.push(rttGrade.verdict === 'pass' ? { code: 'quality/rtt-pass', ...rttValues } : { code: 'quality/rtt-fail', ...rttValues });
    }
  }
  const verdicts = [lossGrade.verdict, jitterGrade.verdict, rttGrade.verdict];
  const overall: MetricVerdict = verdicts.includes('fail') ? 'fail' : verdicts.every((verdict) => verdict === 'pass') ? 'pass' : 'unknown';
  if (overall !== 'unknown') findings.push({ code: overall === 'pass' ? 'quality/good' : 'quality/bad' });
  return { thresholds, loss: lossGrade, jitter: jitterGrade, rtt: rttGrade, overall, findings };
}

// The server went silent before the stream ended (it stopped, or a router dropped the NAT
// binding): the missing answers say nothing about the line, so nothing is graded.
export interface ServerStop {
  readonly afterMs: number;       // when the first request of the unanswered run was sent
  readonly unanswered: number;    // requests from then to the end
}

export function gradeServerStopped(stop: ServerStop, durationSec: number, overrides: Partial<QualityThresholds> = {}): QualityGrade {
  const thresholds: QualityThresholds = { ...DEFAULT_QUALITY_THRESHOLDS, ...overrides };
  const untested = (limit: number): MetricGrade => ({ value: null, limit, verdict: 'unknown' });
  return {
    thresholds,
    loss: untested(thresholds.maxLossPercent),
    jitter: untested(thresholds.maxJitterMs),
    rtt: untested(thresholds.maxRttMs),
    overall: 'unknown',
    findings: [{ code: 'quality/server-stopped', after: r1(stop.afterMs / 1000), duration: durationSec, unanswered: stop.unanswered }],
  };
}
