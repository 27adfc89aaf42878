// Grading a line for voice: default limits, a provider's own limits, and the findings (codes with
// values, worded by shared/text).
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUALITY_THRESHOLDS, gradeLineQuality } from '../../../shared/quality/grade';
import { lossStats, type LineQualityMetrics } from '../../../shared/quality/jitter';
import { word } from '../../../shared/text';

function metrics(sent: number, received: number, avgMs: number | null, jitterMs: number | null): LineQualityMetrics {
  return {
    loss: lossStats(sent, received),
    rtt: avgMs === null ? null : { count: received, minMs: avgMs - 1, avgMs, maxMs: avgMs + 5, p95Ms: avgMs + 3 },
    jitterMs,
  };
}

describe('line-quality grade', () => {
  it('passes a clean line against the defaults (loss ≤ 1 %, jitter ≤ 20 ms, RTT ≤ 100 ms)', () => {
    const grade = gradeLineQuality(metrics(500, 499, 35, 4));
    expect(grade.thresholds).toEqual(DEFAULT_QUALITY_THRESHOLDS);
    expect([grade.loss.verdict, grade.jitter.verdict, grade.rtt.verdict, grade.overall]).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(grade.findings.at(-1)).toEqual({ code: 'quality/good' });
    expect(word('en', grade.findings.at(-1) ?? { code: 'quality/bad' })).toBe('The line is good enough for voice.');
  });

  it('fails 5 % loss each way and says what callers will hear', () => {
    const grade = gradeLineQuality(metrics(1000, 903, 35, 4));
    expect(grade.loss.verdict).toBe('fail');
    expect(grade.overall).toBe('fail');
    expect(grade.findings[0]).toEqual({ code: 'quality/loss-fail', oneWay: 5, roundTrip: 9.7, limit: 1 });
    expect(word('en', grade.findings[0] ?? { code: 'quality/good' })).toMatch(/^Packet loss 5\.0 % each way \(9\.7 % of round trips\) is above the 1 % limit/);
  });

  it('grades against a provider’s own limits', () => {
    const line = metrics(1000, 960, 140, 25);
    expect(gradeLineQuality(line).overall).toBe('fail');
    const grade = gradeLineQuality(line, { maxLossPercent: 3, maxJitterMs: 30, maxRttMs: 150 });
    expect(grade.overall).toBe('pass');
    expect(grade.rtt).toEqual({ value: 140, limit: 150, verdict: 'pass' });
  });

  it('fails a line where nothing came back and leaves jitter and RTT unknown', () => {
    const grade = gradeLineQuality(metrics(100, 0, null, null));
    expect([grade.loss.verdict, grade.jitter.verdict, grade.rtt.verdict, grade.overall]).toEqual(['fail', 'unknown', 'unknown', 'fail']);
    expect(grade.findings[0]).toEqual({ code: 'quality/no-answers', sent: 100 });
  });

  it('knows nothing when nothing was sent', () => {
    const grade = gradeLineQuality(metrics(0, 0, null, null));
    expect(grade.overall).toBe('unknown');
    expect(grade.findings).toEqual([{ code: 'quality/nothing-sent' }]);
  });

  it('is worded in German too', () => {
    const grade = gradeLineQuality(metrics(500, 499, 35, 30));
    expect(grade.findings.map((finding) => word('de', finding))).toContain('Jitter 30,0 ms liegt über der Grenze von 20 ms: der Jitter-Puffer verzögert die Sprache oder verwirft verspätete Pakete.');
  });
});

describe('line-quality findings beside the summary', () => {
  it('round from the two decimals the report keeps, so 6.449 ms reads 6.5 like the summary of 6.45', () => {
    const grade = gradeLineQuality(metrics(500, 500, 35, 6.449));
    expect(grade.findings).toContainEqual(expect.objectContaining({ code: 'quality/jitter-pass', jitter: 6.5 }));
  });
});
