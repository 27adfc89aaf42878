// Expected call quality from the measured line: the ITU-T G.107 E-model (narrowband, 06/2015)
// and its wideband form G.107.1, R-factor to MOS, per codec. Pure arithmetic; the codec figures
// live in ./codecs.ts. A planning estimate, as G.107 §1 says of itself: it predicts what an
// average user would think of a call over this line, it does not measure a call.
import { CODECS, type CodecId, type MosScale } from './codecs';

// G.107 §7.7, Table 3: the default values. With them, and no delay, loss or codec impairment,
// R = 93.2 (G.107 §7.7: "the default values … result in a very high quality with a rating
// factor of R = 93.2").
export const G107_DEFAULTS = {
  slr: 8, rlr: 2, stmr: 15, lstr: 18, ds: 3, dr: 3, telr: 65, wepl: 110,
  t: 0, tr: 0, ta: 0, qdu: 1, ie: 0, bpl: 1, ppl: 0, burstR: 1,
  nc: -70, nfor: -64, ps: 35, pr: 35, a: 0, mT: 100, sT: 1,
} as const;

export type G107Parameters = { readonly [K in keyof typeof G107_DEFAULTS]: number };

const log10 = Math.log10;
const pow10 = (x: number): number => 10 ** x;

// G.107 §7.2, eqs 7-2..7-8: basic signal-to-noise ratio Ro and the noise floor No.
function noise(p: G107Parameters): { no: number; ro: number; olr: number } {
  const olr = p.slr + p.rlr;
  const nos = p.ps - p.slr - p.ds - 100 + 0.004 * (p.ps - olr - p.ds - 14) ** 2;
  const pre = p.pr + 10 * log10(1 + pow10((10 - p.lstr) / 10));
  const nor = p.rlr - 121 + pre + 0.008 * (pre - 35) ** 2;
  const nfo = p.nfor + p.rlr;
  const no = 10 * log10(pow10(p.nc / 10) + pow10(nos / 10) + pow10(nor / 10) + pow10(nfo / 10));
  return { no, ro: 15 - 1.5 * (p.slr + no), olr };
}

// G.107 §7.3, eqs 7-9..7-18: the simultaneous impairment factor Is = Iolr + Ist + Iq.
function simultaneousImpairment(p: G107Parameters, no: number, ro: number, olr: number): { is: number; ist: number } {
  const xolr = olr + 0.2 * (64 + no - p.rlr);
  const iolr = 20 * ((1 + (xolr / 8) ** 8) ** (1 / 8) - xolr / 8);
  const stmro = -10 * log10(pow10(-p.stmr / 10) + Math.exp(-p.t / 4) * pow10(-p.telr / 10));
  const ist = 12 * (1 + ((stmro - 13) / 6) ** 8) ** (1 / 8) - 28 * (1 + ((stmro + 1) / 19.4) ** 35) ** (1 / 35) - 13 * (1 + ((stmro - 3) / 33) ** 13) ** (1 / 13) + 29;
  const q = 37 - 15 * log10(p.qdu);
  const g = 1.07 + 0.258 * q + 0.0602 * q ** 2;
  const y = (ro - 100) / 15 + 46 / 8.4 - g / 9;
  const z = 46 / 30 - g / 40;
  const iq = 15 * log10(1 + pow10(y) + pow10(z));
  return { is: iolr + ist + iq, ist };
}

// G.107 §7.4, eqs 7-19..7-28: the delay impairment Id = Idte + Idle + Idd.
function delayImpairmentOf(p: G107Parameters, no: number, ro: number, ist: number): number {
  const roe = -1.5 * (no - p.rlr);
  let terv = p.telr - 40 * log10((1 + p.t / 10) / (1 + p.t / 150)) + 6 * Math.exp(-0.3 * p.t ** 2);
  if (p.stmr < 9) terv += ist / 2;
  const re = 80 + 2.5 * (terv - 14);
  const idte = ((roe - re) / 2 + Math.sqrt((roe - re) ** 2 / 4 + 100) - 1) * (1 - Math.exp(-p.t));
  const rle = 10.5 * (p.wepl + 7) * (p.tr + 1) ** -0.25;
  const idle = (ro - rle) / 2 + Math.sqrt((ro - rle) ** 2 / 4 + 169);
  let idd = 0;
  if (p.ta > p.mT) {
    const x = log10(p.ta / p.mT) / log10(2);
    const s = 6 * p.sT;
    idd = 25 * ((1 + x ** s) ** (1 / s) - 3 * (1 + (x / 3) ** s) ** (1 / s) + 2);
  }
  return idte + idle + idd;
}

// G.107 §7.5, eq 7-29: the effective equipment impairment under packet loss. Ppl in percent;
// BurstR = 1 is random loss, which is all a paced probe stream can tell apart.
export function effectiveIe(ie: number, bpl: number, pplPercent: number, burstR = 1): number {
  return ie + ((95 - ie) * pplPercent) / (pplPercent / burstR + bpl);
}

// G.107 eq 7-1: R = Ro − Is − Id − Ie,eff + A, with every parameter the planner may set.
export function rating(overrides: Partial<G107Parameters> = {}): number {
  const p: G107Parameters = { ...G107_DEFAULTS, ...overrides };
  const { no, ro, olr } = noise(p);
  const { is, ist } = simultaneousImpairment(p, no, ro, olr);
  return ro - is - delayImpairmentOf(p, no, ro, ist) - effectiveIe(p.ie, p.bpl, p.ppl, p.burstR) + p.a;
}

// The delay share of R for a mouth-to-ear delay Ta, all else at the defaults. Echo as the ITU
// calculator and Cole & Rosenbluth (ACM CCR 31(2), 2001) take it for packet voice: the talker
// echo returns over the same path (T = Ta, TELR 65 dB: a working echo canceller) and the
// listener echo's loop is the round trip (Tr = 2·Ta).
export function delayImpairment(taMs: number): number {
  return rating() - rating({ t: taMs, tr: 2 * taMs, ta: taMs });
}

// G.107 Annex B, eq B-4: the estimated conversational MOS (MOS-CQE) of R, 1 … 4.5.
export function mosFromR(r: number): number {
  if (r <= 0) return 1;
  if (r >= 100) return 4.5;
  return Math.min(4.5, Math.max(1, 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6));
}

// G.107.1 (wideband E-model, 06/2019 with Cor. 1): Ro,WB = 129 (§7.2); Is,WB = 0 and A = 0 as its
// defaults (§7.3, §7.6); Ie,eff,WB by eq 7-15, the same form with 95 as in G.107.
export const WIDEBAND_RO = 129;
// The wideband scale stretches the narrowband one by 129/100; G.107.1 Annex A maps R_WB to MOS
// by R_WB / 1.29 onto the G.107 Annex B curve (MOS-CQEW), the method used here.
export const WIDEBAND_SCALE = 1.29;

export function mosFromWidebandR(rWb: number): number {
  return mosFromR(rWb / WIDEBAND_SCALE);
}

// As people know the MOS: 4.0 and above good, 3.6 up to 4.0 acceptable, below poor
// (G.107 Annex B, Table B.1: R 80 ≈ MOS 4.0 "satisfied", R 70 ≈ 3.60 "some users dissatisfied").
export const MOS_GOOD = 4.0;
export const MOS_ACCEPTABLE = 3.6;
export type MosGrade = 'good' | 'acceptable' | 'poor';

export function gradeMos(mos: number): MosGrade {
  return mos >= MOS_GOOD ? 'good' : mos >= MOS_ACCEPTABLE ? 'acceptable' : 'poor';
}

// The jitter buffer a receiver needs for this jitter: twice the RFC 3550 interarrival jitter,
// rounded up to whole packets, at least one packet. It holds every packet that long, so its
// size is the delay it adds.
export function jitterBufferMs(jitterMs: number, packetMs: number): number {
  return Math.max(1, Math.ceil((2 * jitterMs) / packetMs)) * packetMs;
}

// What the line measured, as the quality stream reports it.
export interface LineFigures {
  readonly rttMs: number | null;         // mean round trip
  readonly jitterMs: number | null;      // RFC 3550 interarrival jitter
  readonly lossPercent: number | null;   // one-way loss estimate
}

export type UnknownReason = 'not-measured' | 'invalid';

export type CallQualityEstimate =
  | {
      readonly known: true;
      readonly codec: CodecId;
      readonly scale: MosScale;
      readonly r: number;
      readonly mos: number;
      readonly grade: MosGrade;
      readonly ie: number;
      readonly bpl: number;
      readonly oneWayDelayMs: number;   // mouth to ear: Ta
      readonly jitterBufferMs: number;
    }
  | { readonly known: false; readonly codec: CodecId; readonly scale: MosScale; readonly ie: number; readonly bpl: number; readonly reason: UnknownReason };

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;
const usable = (value: number | null): value is number => value !== null && Number.isFinite(value) && value >= 0;

// The call over this line with one codec: Ta = half the round trip (the stream measures both
// ways; voice flows one) + the jitter buffer + the codec's packet time and look-ahead.
export function estimateCallQuality(codec: CodecId, line: LineFigures): CallQualityEstimate {
  const data = CODECS[codec];
  const base = { codec, scale: data.scale, ie: data.ie, bpl: data.bpl };
  const { rttMs, jitterMs, lossPercent } = line;
  if (rttMs === null || jitterMs === null || lossPercent === null) return { known: false, ...base, reason: 'not-measured' };
  if (!usable(rttMs) || !usable(jitterMs) || !usable(lossPercent) || lossPercent > 100) return { known: false, ...base, reason: 'invalid' };
  const buffer = jitterBufferMs(jitterMs, data.packetMs);
  const ta = rttMs / 2 + buffer + data.packetMs + data.lookaheadMs;
  const ieEff = effectiveIe(data.ie, data.bpl, lossPercent);
  let r: number;
  let mos: number;
  if (data.scale === 'wideband') {
    // The delay impairment on the wideband scale: G.107's Id stretched like the scale itself
    // (see WIDEBAND_SCALE). G.107.1 §7.4 was not at hand to confirm the factor.
    r = WIDEBAND_RO - WIDEBAND_SCALE * delayImpairment(ta) - ieEff;
    mos = mosFromWidebandR(r);
  } else {
    r = rating({ t: ta, tr: 2 * ta, ta, ie: data.ie, bpl: data.bpl, ppl: lossPercent });
    mos = mosFromR(r);
  }
  const shown = round(mos, 2); // the grade of the figure people read
  return { known: true, ...base, r: round(r, 1), mos: shown, grade: gradeMos(shown), oneWayDelayMs: round(ta, 1), jitterBufferMs: buffer };
}
