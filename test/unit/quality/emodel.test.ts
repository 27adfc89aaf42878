// The E-model against what ITU-T G.107 and others publish of it, and the estimate per codec.
import { describe, expect, it } from 'vitest';
import { CODECS } from '../../../shared/quality/codecs';
import { delayImpairment, effectiveIe, estimateCallQuality, gradeMos, jitterBufferMs, mosFromR, mosFromWidebandR, rating } from '../../../shared/quality/emodel';

describe('ITU-T G.107 E-model', () => {
  it('gives R = 93.2 and MOS 4.41 with the default values (G.107 §7.7)', () => {
    expect(rating()).toBeCloseTo(93.2, 1);
    expect(mosFromR(rating())).toBeCloseTo(4.41, 2);
  });

  it('maps R to MOS as G.107 Annex B, Table B.1 lists it (to the table\'s last digit)', () => {
    const table = [[90, 4.34], [80, 4.03], [70, 3.6], [60, 3.1], [50, 2.58]] as const;
    for (const [r, mos] of table) expect(Math.abs(mosFromR(r) - mos), `R ${r}`).toBeLessThanOrEqual(0.01);
  });

  it('clamps the MOS to 1 … 4.5 outside R 0 … 100, and keeps it there inside', () => {
    expect(mosFromR(-20)).toBe(1);
    expect(mosFromR(0)).toBe(1);
    expect(mosFromR(3)).toBeGreaterThanOrEqual(1); // the polynomial dips below 1 near R = 0
    expect(mosFromR(100)).toBe(4.5);
    expect(mosFromR(140)).toBe(4.5);
    expect(mosFromWidebandR(129)).toBe(4.5);
  });

  it('follows Cole & Rosenbluth\'s fit of the delay impairment (Id ≈ 0.024 d + 0.11 (d − 177.3) H(d − 177.3)) within 1 R point up to 300 ms', () => {
    for (let d = 0; d <= 300; d += 10) {
      const fit = 0.024 * d + (d > 177.3 ? 0.11 * (d - 177.3) : 0);
      expect(Math.abs(delayImpairment(d) - fit), `d = ${d} ms`).toBeLessThanOrEqual(1);
    }
  });

  it('counts no delay impairment below 100 ms beyond the echo terms, and more with every millisecond after', () => {
    const ids = [0, 100, 150, 200, 300, 400].map(delayImpairment);
    expect(ids[0]).toBeCloseTo(0, 6);
    ids.slice(1).forEach((id, index) => expect(id).toBeGreaterThan(ids[index] as number));
  });

  it('spreads packet loss over the codec\'s robustness (G.107 eq 7-29, random loss)', () => {
    expect(effectiveIe(0, 25.1, 0)).toBe(0);
    expect(effectiveIe(0, 25.1, 2)).toBeCloseTo((95 * 2) / (2 + 25.1), 6);  // G.711 with concealment: 7.0
    expect(effectiveIe(0, 4.3, 2)).toBeCloseTo((95 * 2) / (2 + 4.3), 6);    // without: 30.2
    expect(effectiveIe(11, 19, 100)).toBeLessThan(95);
  });
});

describe('the expected call quality per codec', () => {
  const clean = { rttMs: 20, jitterMs: 2, lossPercent: 0 };

  it('grades G.711 on a clean line as good: R 91.8, MOS 4.38, 20 ms buffer, 50 ms mouth to ear', () => {
    expect(estimateCallQuality('g711', clean)).toEqual({
      known: true, codec: 'g711', scale: 'narrowband', r: 91.8, mos: 4.38, grade: 'good', ie: 0, bpl: 25.1, oneWayDelayMs: 50, jitterBufferMs: 20,
    });
  });

  it('grades G.722 on the wideband scale (G.107.1: R up to 129, MOS of R / 1.29)', () => {
    const g722 = estimateCallQuality('g722', clean);
    expect(g722).toMatchObject({ known: true, scale: 'wideband', ie: CODECS.g722.ie, grade: 'good' });
    if (!g722.known) throw new Error('unknown');
    expect(g722.r).toBeGreaterThan(100);
    expect(g722.mos).toBeCloseTo(mosFromWidebandR(g722.r), 1);
  });

  it('grades G.729 lower than G.711 on the same line (Ie 11)', () => {
    const g711 = estimateCallQuality('g711', { rttMs: 100, jitterMs: 20, lossPercent: 1 });
    const g729 = estimateCallQuality('g729', { rttMs: 100, jitterMs: 20, lossPercent: 1 });
    expect(g711).toMatchObject({ mos: 4.25, grade: 'good', jitterBufferMs: 40 });
    expect(g729).toMatchObject({ mos: 3.83, grade: 'acceptable' });
  });

  it('calls a long, lossy line poor', () => {
    expect(estimateCallQuality('g711', { rttMs: 300, jitterMs: 60, lossPercent: 5 })).toMatchObject({ mos: 3, grade: 'poor', jitterBufferMs: 120, oneWayDelayMs: 290 });
  });

  it('gets no better with more loss, jitter or round trip', () => {
    for (const codec of ['g711', 'g722', 'g729'] as const) {
      const mos = (line: { rttMs: number; jitterMs: number; lossPercent: number }): number => {
        const estimate = estimateCallQuality(codec, line);
        return estimate.known ? estimate.mos : Number.NaN;
      };
      for (let step = 0; step < 20; step += 1) {
        expect(mos({ ...clean, lossPercent: step + 1 })).toBeLessThanOrEqual(mos({ ...clean, lossPercent: step }));
        expect(mos({ ...clean, jitterMs: (step + 1) * 7 })).toBeLessThanOrEqual(mos({ ...clean, jitterMs: step * 7 }));
        expect(mos({ ...clean, rttMs: (step + 1) * 40 })).toBeLessThanOrEqual(mos({ ...clean, rttMs: step * 40 }));
      }
    }
  });

  it('says "unknown" for figures that were not measured, and for NaN, negative or impossible ones', () => {
    expect(estimateCallQuality('g711', { ...clean, rttMs: null })).toEqual({ known: false, codec: 'g711', scale: 'narrowband', ie: 0, bpl: 25.1, reason: 'not-measured' });
    for (const line of [{ ...clean, rttMs: Number.NaN }, { ...clean, jitterMs: -1 }, { ...clean, lossPercent: 101 }, { ...clean, rttMs: Number.POSITIVE_INFINITY }]) {
      expect(estimateCallQuality('g722', line)).toMatchObject({ known: false, reason: 'invalid' });
    }
  });

  it('sizes the jitter buffer at twice the jitter in whole packets, at least one', () => {
    expect([0, 5, 10, 10.1, 31].map((jitter) => jitterBufferMs(jitter, 20))).toEqual([20, 20, 20, 40, 80]);
  });

  it('grades by the MOS people read: 4.0 good, 3.6 acceptable, below poor', () => {
    expect([4.5, 4, 3.99, 3.6, 3.59, 1].map(gradeMos)).toEqual(['good', 'good', 'acceptable', 'acceptable', 'poor', 'poor']);
  });
});
