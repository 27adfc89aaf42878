// Issue 11 item 7: a real coturn killed in the middle of `diagnose --quality` is reported as a
// STUN server that stopped answering, with the line quality untested, not as a bad line.
import { word } from '../../../shared/text';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../electron/diagnose/diagnose';
import { startCoturn } from '../../support/coturn';

describe('line quality when the STUN server dies during the stream', () => {
  it('says the server stopped answering and grades nothing', async () => {
    const coturn = await startCoturn();
    let killed: Promise<void> | undefined;
    let streamStarted = 0;
    try {
      const result = await diagnose({
        stun: [`127.0.0.1:${coturn.port}`],
        sipPort: 42000 + Math.floor(Math.random() * 2000),
        media: 'off',
        qualitySec: 4,
      }, {
        progress: (message) => {
          if (message.code !== 'quality/measure') return;
          streamStarted = performance.now();
          // A second of answers, then the server is gone for the rest of the stream.
          setTimeout(() => (killed = coturn.stop()), 1000);
        },
      });
      if (!result.ok) throw new Error(word('en', result.error));
      const quality = result.value.quality;
      expect(streamStarted).toBeGreaterThan(0);
      expect(quality?.verdict).toEqual({ loss: 'unknown', jitter: 'unknown', rtt: 'unknown', overall: 'unknown' });
      expect(quality?.findings).toHaveLength(1);
      expect(quality?.findings[0]).toMatchObject({ code: 'quality/server-stopped', duration: 4 });
      expect(word('en', quality!.findings[0]!)).toMatch(/^The STUN server stopped answering \d+(\.\d)? s into the 4 s measurement \(the last \d+ probes and a repeated request went unanswered\), so the line quality is untested/);
      expect(quality?.findings.map((finding) => finding.code)).not.toContain('quality/bad');
      // What it answered before it stopped was measured, without loss on loopback.
      expect(quality?.answered).toBeGreaterThan(0);
      expect(quality?.answered).toBe(quality?.sent);
      expect(quality?.sent).toBeLessThan(200);
      // The checks before the stream stand as measured.
      expect(result.value.publicAddress?.ip).toBe('127.0.0.1');
    } finally {
      await (killed ?? coturn.stop());
    }
  }, 40_000);
});
