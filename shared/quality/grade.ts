// Grades measured line quality against limits for voice. The defaults are common VoIP planning
// values (ITU-T G.114 allows 150 ms one way for good interactivity; G.711 with packet loss
// concealment stays clean up to about 1 % loss); a provider may demand other limits.
import type { LineQualityMetrics } from './jitter';
import { QUALITY_TEXT, type QualityLanguage } from './text';

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
  readonly sentences: readonly string[];
}

function judge(value: number | null, limit: number): MetricGrade {
  return { value, limit, verdict: value === null ? 'unknown' : value <= limit ? 'pass' : 'fail' };
}

export function gradeLineQuality(
  metrics: LineQualityMetrics,
  overrides: Partial<QualityThresholds> = {},
  language: QualityLanguage = 'en',
): QualityGrade {
  const thresholds: QualityThresholds = { ...DEFAULT_QUALITY_THRESHOLDS, ...overrides };
  const text = QUALITY_TEXT[language];
  const { loss, rtt, jitterMs } = metrics;
  const lossGrade = judge(loss.sent === 0 ? null : loss.oneWayPercent, thresholds.maxLossPercent);
  const jitterGrade = judge(jitterMs, thresholds.maxJitterMs);
  const rttGrade = judge(rtt?.avgMs ?? null, thresholds.maxRttMs);

  const sentences: string[] = [];
  if (loss.sent === 0) sentences.push(text.nothingSent);
  else if (loss.received === 0) sentences.push(text.noAnswers(loss.sent));
  else {
    const args = [text.value(loss.oneWayPercent), text.value(loss.roundTripPercent), text.limit(thresholds.maxLossPercent)] as const;
    sentences.push(lossGrade.verdict === 'pass' ? text.lossPass(...args) : text.lossFail(...args));
    if (jitterMs === null) sentences.push(text.tooFewForJitter);
    else {
      const jitterArgs = [text.value(jitterMs), text.limit(thresholds.maxJitterMs)] as const;
      sentences.push(jitterGrade.verdict === 'pass' ? text.jitterPass(...jitterArgs) : text.jitterFail(...jitterArgs));
    }
    if (rtt !== null) {
      const rttArgs = [text.value(rtt.avgMs), text.value(rtt.p95Ms), text.limit(thresholds.maxRttMs)] as const;
      sentences.push(rttGrade.verdict === 'pass' ? text.rttPass(...rttArgs) : text.rttFail(...rttArgs));
    }
  }
  const verdicts = [lossGrade.verdict, jitterGrade.verdict, rttGrade.verdict];
  const overall: MetricVerdict = verdicts.includes('fail') ? 'fail' : verdicts.every((verdict) => verdict === 'pass') ? 'pass' : 'unknown';
  if (overall !== 'unknown') sentences.push(overall === 'pass' ? text.overallPass : text.overallFail);
  return { thresholds, loss: lossGrade, jitter: jitterGrade, rtt: rttGrade, overall, sentences };
}

// The server went silent before the stream ended (it stopped, or a router dropped the NAT
// binding): the missing answers say nothing about the line, so nothing is graded.
export interface ServerStop {
  readonly afterMs: number;       // when the first request of the unanswered run was sent
  readonly unanswered: number;    // requests from then to the end
}

export function gradeServerStopped(
  stop: ServerStop,
  durationSec: number,
  overrides: Partial<QualityThresholds> = {},
  language: QualityLanguage = 'en',
): QualityGrade {
  const thresholds: QualityThresholds = { ...DEFAULT_QUALITY_THRESHOLDS, ...overrides };
  const text = QUALITY_TEXT[language];
  const untested = (limit: number): MetricGrade => ({ value: null, limit, verdict: 'unknown' });
  return {
    thresholds,
    loss: untested(thresholds.maxLossPercent),
    jitter: untested(thresholds.maxJitterMs),
    rtt: untested(thresholds.maxRttMs),
    overall: 'unknown',
    sentences: [text.serverStopped(text.value(stop.afterMs / 1000), text.limit(durationSec), stop.unanswered)],
  };
}
