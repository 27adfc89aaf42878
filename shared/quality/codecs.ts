// The codecs the E-model can grade, with their equipment impairment Ie and packet-loss robustness
// Bpl from ITU-T G.113 (narrowband: Appendix I; wideband: Appendix IV). G.113 calls them
// "provisional planning values": good for a planning estimate, not a measurement of a codec.
// A PBX profile lists which of these it offers (shared/catalog/pbx-profiles.json).

export const CODEC_IDS = ['g711', 'g722', 'g729'] as const;
export type CodecId = (typeof CODEC_IDS)[number];

// Narrowband MOS (G.107 Annex B, MOS-CQE) or wideband MOS (G.107.1 Annex A, MOS-CQEW): both run
// 1 … 4.5, but a wideband codec's figure comes from the 129-point wideband R scale.
export type MosScale = 'narrowband' | 'wideband';

export interface CodecImpairment {
  readonly name: string;          // as SDP and people name it; the same in every language
  readonly scale: MosScale;
  readonly ie: number;            // equipment impairment (Ie, or Ie,WB on the wideband scale)
  readonly bpl: number;           // packet-loss robustness under random loss
  readonly packetMs: number;      // packet time (ptime): the usual 20 ms of SIP trunks
  readonly lookaheadMs: number;   // the codec's own delay beyond the packet
}

export const CODECS: { readonly [C in CodecId]: CodecImpairment } = {
  // G.113 (11/2007) Appendix I, Table I.1: G.711 Ie = 0; Table I.3: Bpl = 25.1 with packet loss
  // concealment (G.711 Appendix I), 4.3 without. Every PBX named here conceals lost packets.
  // (Bpl 4.3 / 25.1 also as transcribed by amplet2's udpstream test, tests/udpstream/mos.h.)
  g711: { name: 'G.711', scale: 'narrowband', ie: 0, bpl: 25.1, packetMs: 20, lookaheadMs: 0 },
  // G.113 Appendix IV, Table IV.1: G.722 at 64 kbit/s, Ie,WB = 13. NOT CONFIRMED here: the text of
  // Appendix IV was not at hand (a Mitel planning guide quotes 14 from an earlier edition).
  // Bpl: no wideband value for G.722 was found; 25.1, G.711's with concealment, stands in
  // (G.722 Appendix III/IV conceal losses the same waveform way). Unconfirmed as well.
  // Look-ahead: the transmit and receive QMFs (G.722 §1.4) delay by about 1.5 ms.
  g722: { name: 'G.722', scale: 'wideband', ie: 13, bpl: 25.1, packetMs: 20, lookaheadMs: 1.5 },
  // G.113 Appendix I, Table I.3: G.729A with VAD, Ie = 11, Bpl = 19.0 (what PBXs run as
  // "G.729"); G.729 §1: 10 ms frames with 5 ms look-ahead.
  g729: { name: 'G.729', scale: 'narrowband', ie: 11, bpl: 19, packetMs: 20, lookaheadMs: 5 },
};

export function isCodecId(value: unknown): value is CodecId {
  return typeof value === 'string' && (CODEC_IDS as readonly string[]).includes(value);
}
