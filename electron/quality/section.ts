// The `quality` section of `diagnose --json` (type in shared/report.ts): the figures rounded for
// people, the limits they were graded against and the verdicts.
import type { MosEstimate, QualitySection } from '../../shared/report';
import type { CodecId } from '../../shared/quality/codecs';
import { estimateCallQuality } from '../../shared/quality/emodel';
import { gradeLineQuality, gradeServerStopped, type QualityGrade, type QualityThresholds } from '../../shared/quality/grade';
import type { LineQualityResult } from './stream';

export type { QualitySection };

const r2 = (value: number): number => Math.round(value * 100) / 100;

// The expected call quality per codec from the graded figures: a stream whose server went silent
// has none (its figures are null), so every codec's MOS is unknown then.
export function mosEstimates(codecs: readonly CodecId[], grade: QualityGrade): MosEstimate[] {
  const line = { rttMs: grade.rtt.value, jitterMs: grade.jitter.value, lossPercent: grade.loss.value };
  return codecs.map((codec) => {
    const estimate = estimateCallQuality(codec, line);
    const { scale, ie, bpl } = estimate;
    return estimate.known
      ? { codec, scale, r: estimate.r, mos: estimate.mos, grade: estimate.grade, ie, bpl, oneWayDelayMs: estimate.oneWayDelayMs, jitterBufferMs: estimate.jitterBufferMs }
      : { codec, scale, r: null, mos: null, grade: 'unknown', ie, bpl, oneWayDelayMs: null, jitterBufferMs: null };
  });
}

export function qualitySection(result: LineQualityResult, grade: QualityGrade, codecs: readonly CodecId[]): QualitySection {
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
    findings: grade.findings,
    aborted: result.aborted,
    mos: mosEstimates(codecs, grade),
  };
}

// A stream whose server went silent is not graded: the silence says nothing about the line.
export function gradeMeasuredQuality(result: LineQualityResult, thresholds: Partial<QualityThresholds> = {}): QualityGrade {
  return result.stopped ? gradeServerStopped(result.stopped, result.durationSec, thresholds) : gradeLineQuality(result.metrics, thresholds);
}
