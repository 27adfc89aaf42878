// A report's quality section as electron/quality/section.ts builds it from a probe stream, with the
// expected call quality per codec (quality.mos): the figures are the builder's, not written here.
import { gradeMeasuredQuality, qualitySection } from '../../electron/quality/section';
import type { LineQualityResult } from '../../electron/quality/stream';
import type { CodecId } from '../../shared/quality/codecs';
import { summarizeSamples } from '../../shared/quality/jitter';
import type { QualitySection } from '../../shared/report';

// 250 probes at 50/s with 60 ms round trips, ±6 ms of jitter and every 50th lost.
export function measuredQuality(codecs: readonly CodecId[] = ['g711', 'g722', 'g729']): QualitySection {
  const samples = Array.from({ length: 250 }, (_, seq) => ({ seq, sentAtMs: seq * 20, receivedAtMs: seq % 50 === 49 ? null : seq * 20 + 60 + ((seq * 7) % 13) - 6 }));
  const result: LineQualityResult = {
    server: { family: 'IPv4', ip: '203.0.113.10', port: 3478 },
    localPort: 65002,
    ratePerSecond: 50,
    durationSec: 5,
    answerWaitMs: 1000,
    planned: 250,
    metrics: summarizeSamples(samples),
    lateAnswers: 0,
    aborted: false,
    durationMs: 5200,
    samples,
  };
  return qualitySection(result, gradeMeasuredQuality(result), codecs);
}
