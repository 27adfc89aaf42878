// The report sections proposed for `diagnose --json` are plain, rounded, JSON-safe data.
import { describe, expect, it } from 'vitest';
import { rtpSection } from '../../../electron/media/section';
import { keepaliveSection } from '../../../electron/monitor/section';
import { qualitySection } from '../../../electron/quality/section';
import type { LineQualityResult } from '../../../electron/quality/stream';
import { gradeLineQuality } from '../../../shared/quality/grade';
import { summarizeSamples } from '../../../shared/quality/jitter';

const server = { family: 'IPv4', ip: '203.0.113.10', port: 3478 } as const;

describe('report sections', () => {
  it('quality: rounded figures, limits, verdicts and findings', () => {
    const samples = Array.from({ length: 10 }, (_, seq) => ({ seq, sentAtMs: seq * 20, receivedAtMs: seq === 4 ? null : seq * 20 + 30 + (seq % 3) / 3 }));
    const metrics = summarizeSamples(samples);
    const result: LineQualityResult = { server, localPort: 65002, ratePerSecond: 50, durationSec: 0.2, answerWaitMs: 1000, planned: 10, metrics, lateAnswers: 0, aborted: false, durationMs: 1200, samples };
    const section = qualitySection(result, gradeLineQuality(metrics), ['g711']);
    expect(section).toMatchObject({ sent: 10, answered: 9, lossRoundTripPercent: 10, lossOneWayPercent: 5.13, verdict: { loss: 'fail', overall: 'fail' } });
    expect(section.rttMs?.avg).toBe(Math.round(metrics.rtt!.avgMs * 100) / 100);
    expect(JSON.parse(JSON.stringify(section))).toEqual(section);
  });

  it('quality: the expected call quality per codec the PBX offers, from the measured loss, jitter and round trip', () => {
    // 30 ms round trips with a little jitter, no loss: a good line for every codec.
    const samples = Array.from({ length: 50 }, (_, seq) => ({ seq, sentAtMs: seq * 20, receivedAtMs: seq * 20 + 30 + (seq % 2) * 4 }));
    const metrics = summarizeSamples(samples);
    const result: LineQualityResult = { server, localPort: 65002, ratePerSecond: 50, durationSec: 1, answerWaitMs: 1000, planned: 50, metrics, lateAnswers: 0, aborted: false, durationMs: 1100, samples };
    const section = qualitySection(result, gradeLineQuality(metrics), ['g711', 'g722', 'g729']);
    expect(section.mos?.map(({ codec, scale, grade, jitterBufferMs }) => ({ codec, scale, grade, jitterBufferMs }))).toEqual([
      { codec: 'g711', scale: 'narrowband', grade: 'good', jitterBufferMs: 20 },
      { codec: 'g722', scale: 'wideband', grade: 'good', jitterBufferMs: 20 },
      { codec: 'g729', scale: 'narrowband', grade: 'good', jitterBufferMs: 20 },
    ]);
    const g711 = section.mos?.[0];
    // Mouth to ear: half the 32 ms mean round trip, the 20 ms buffer, the 20 ms packet.
    expect(g711).toMatchObject({ ie: 0, bpl: 25.1, oneWayDelayMs: 56 });
    expect(g711?.mos).toBeGreaterThan(4.3);
  });

  it('keepalive: the profile interval, the lifetime and the advice', () => {
    expect(keepaliveSection(10, 2.5)).toMatchObject({ profileIntervalSec: 10, bindingLifetimeSec: 2.5, recommendedIntervalSec: 2, basis: 'measured', observed: null });
    expect(keepaliveSection(10, null)).toMatchObject({ recommendedIntervalSec: 10, basis: 'profile', reason: { code: 'keepalive/not-measured', profile: 10 } });
    expect(keepaliveSection(10, 2.5).reason).toEqual({ code: 'keepalive/shorter', lifetime: 2.5, profile: 10, interval: 2 });
  });

  it('rtp: with neither scan nor probe it still names the range', () => {
    expect(rtpSection({ from: 55000, to: 56000 }, 'sample', null, null)).toEqual({ range: { from: 55000, to: 56000 }, mode: 'sample', local: null, probe: null });
  });
});
