// The `quality` section proposed for `diagnose --json`: the figures rounded for people, the
// limits they were graded against and the verdicts. (The type belongs in shared/report.ts.)
import type { TransportAddress } from '../../shared/address';
import type { MetricVerdict, QualityGrade, QualityThresholds } from '../../shared/quality/grade';
import type { LineQualityResult } from './stream';

export interface QualitySection {
  readonly server: TransportAddress;
  readonly ratePerSecond: number;
  readonly durationSec: number;
  readonly sent: number;
  readonly answered: number;
  readonly lateAnswers: number;
  readonly lossRoundTripPercent: number;
  readonly lossOneWayPercent: number;         // graded: 1 − √(1 − round-trip loss)
  readonly rttMs: { readonly min: number; readonly avg: number; readonly p95: number; readonly max: number } | null;
  readonly jitterMs: number | null;           // RFC 3550 §6.4.1 over the round trips
  readonly thresholds: QualityThresholds;
  readonly verdict: { readonly loss: MetricVerdict; readonly jitter: MetricVerdict; readonly rtt: MetricVerdict; readonly overall: MetricVerdict };
  readonly sentences: readonly string[];
  readonly aborted: boolean;
}

const r2 = (value: number): number => Math.round(value * 100) / 100;

export function qualitySection(result: LineQualityResult, grade: QualityGrade): QualitySection {
  const { loss, rtt, jitterMs } = result.metrics;
  return {
    server: result.server,
    ratePerSecond: result.ratePerSecond,
    durationSec: result.durationSec,
    sent: loss.sent,
    answered: loss.received,
    lateAnswers: result.lateAnswers,
    lossRoundTripPercent: r2(loss.roundTripPercent),
    lossOneWayPercent: r2(loss.oneWayPercent),
    rttMs: rtt && { min: r2(rtt.minMs), avg: r2(rtt.avgMs), p95: r2(rtt.p95Ms), max: r2(rtt.maxMs) },
    jitterMs: jitterMs === null ? null : r2(jitterMs),
    thresholds: grade.thresholds,
    verdict: { loss: grade.loss.verdict, jitter: grade.jitter.verdict, rtt: grade.rtt.verdict, overall: grade.overall },
    sentences: grade.sentences,
    aborted: result.aborted,
  };
}
