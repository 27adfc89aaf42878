// Issue 11 item 7: a STUN server that goes silent during the line-quality stream is not a bad
// line. The stream confirms the silence with one retried request before it says so.
import { word } from '../../../shared/text';
import { describe, expect, it } from 'vitest';
import { StunClient } from '../../../electron/net/stun-client';
import { gradeMeasuredQuality, qualitySection } from '../../../electron/quality/section';
import { measureLineQuality } from '../../../electron/quality/stream';
import { FakeClock } from '../../support/fake-clock';
import { runClock, SERVER, servedEndpoint } from '../media/memory-stun-server';

const measure = (dropRequest: (seq: number) => boolean) => {
  const clock = new FakeClock();
  const endpoint = servedEndpoint(clock, 65002, { delayMs: () => 20, dropRequest });
  const client = new StunClient(endpoint, clock);
  return runClock(clock, measureLineQuality({ client, server: SERVER, ratePerSecond: 50, durationSec: 2, clock }), 1).then((result) => ({ result, endpoint }));
};

describe('a server that stops answering during the quality stream', () => {
  it('is reported as stopped after its last answer, with the line untested, not as loss', async () => {
    const { result, endpoint } = await measure((seq) => seq >= 60); // silent from 1.2 s on, for good
    expect(result.stopped).toEqual({ afterMs: 1200, unanswered: 40 });
    expect(endpoint.sentPackets).toHaveLength(100 + 3); // the stream, then one request sent three times
    // The figures are those of the 1.2 s it answered.
    expect(result.metrics.loss).toMatchObject({ sent: 60, received: 60, lost: 0 });
    const section = qualitySection(result, gradeMeasuredQuality(result), ['g711', 'g722']);
    expect(section.verdict).toEqual({ loss: 'unknown', jitter: 'unknown', rtt: 'unknown', overall: 'unknown' });
    expect(section.findings).toEqual([{ code: 'quality/server-stopped', after: 1.2, duration: 2, unanswered: 40 }]);
    // No call quality either: the silence says nothing about the line.
    expect(section.mos?.map((estimate) => [estimate.codec, estimate.grade, estimate.mos])).toEqual([['g711', 'unknown', null], ['g722', 'unknown', null]]);
    expect(word('en', section.findings[0]!)).toBe(
      'The STUN server stopped answering 1.2 s into the 2 s measurement (the last 40 probes and a repeated request went unanswered), so the line quality is untested: measure again, or with another STUN server.',
    );
  });

  it('is a bad line when the server answers again after a run of losses at the end', async () => {
    const { result } = await measure((seq) => seq >= 60 && seq < 100); // the confirming request is answered
    expect(result.stopped).toBeUndefined();
    expect(result.metrics.loss).toMatchObject({ sent: 100, lost: 40 });
    expect(gradeMeasuredQuality(result).overall).toBe('fail');
  });

  it('asks nothing more after a stream with only scattered losses', async () => {
    const { result, endpoint } = await measure((seq) => seq % 10 === 9);
    expect(result.stopped).toBeUndefined();
    expect(endpoint.sentPackets).toHaveLength(100);
  });
});
