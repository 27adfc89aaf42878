// The PDF's call-quality part: the MOS gauge as vector drawing (an arc from 1 to 4.5 with the three
// grade bands, one numbered needle per codec, as the wizard draws it) and beside it each codec's
// MOS, grade and how it was worked out.
import type { CallQualityView, DocumentView, MosView } from '../../shared/export/document';
import { MOS_ACCEPTABLE, MOS_GOOD } from '../../shared/quality/emodel';
import { badge, COLOUR, CONTENT_WIDTH, type Cursor, type Doc, drawText, FONT, PAGE, sectionHeading, textHeight, TONE } from './pdf-kit';

const MIN = 1;
const MAX = 4.5;
const RADIUS = 62;
const BAND = 11;
const GAUGE_WIDTH = 2 * (RADIUS + BAND) + 16;
const GAUGE_HEIGHT = RADIUS + BAND + 22;

const GRADE_TONE: Readonly<Record<MosView['grade'], { strong: string; soft: string }>> = {
  good: TONE.good,
  acceptable: TONE.neutral,
  poor: TONE.bad,
  unknown: TONE.untested,
};

function point(cx: number, cy: number, mos: number, radius: number): { x: number; y: number } {
  const angle = Math.PI * (1 - (Math.min(MAX, Math.max(MIN, mos)) - MIN) / (MAX - MIN));
  return { x: cx + radius * Math.cos(angle), y: cy - radius * Math.sin(angle) };
}

function drawGauge(doc: Doc, view: CallQualityView, left: number, top: number, locale: string): void {
  const cx = left + GAUGE_WIDTH / 2;
  const cy = top + RADIUS + BAND + 6;
  const bands = [
    { from: MIN, to: MOS_ACCEPTABLE, colour: TONE.bad.strong },
    { from: MOS_ACCEPTABLE, to: MOS_GOOD, colour: '#d08a12' },
    { from: MOS_GOOD, to: MAX, colour: TONE.good.strong },
  ];
  for (const band of bands) {
    const a = point(cx, cy, band.from, RADIUS);
    const b = point(cx, cy, band.to, RADIUS);
    doc.save().path(`M ${a.x} ${a.y} A ${RADIUS} ${RADIUS} 0 0 1 ${b.x} ${b.y}`).lineWidth(BAND).strokeColor(band.colour).stroke().restore();
  }
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  for (const tick of [1, 2, 3, MOS_ACCEPTABLE, MOS_GOOD, MAX]) {
    const inner = point(cx, cy, tick, RADIUS - BAND / 2 - 1);
    const outer = point(cx, cy, tick, RADIUS + BAND / 2);
    doc.save().moveTo(inner.x, inner.y).lineTo(outer.x, outer.y).lineWidth(1).strokeColor('#ffffff').stroke().restore();
    const label = point(cx, cy, tick, RADIUS + BAND / 2 + 7);
    drawText(doc, format.format(tick), label.x - 10, label.y - 3.5, 20, { size: 6, colour: COLOUR.muted }, { align: 'center' });
  }
  view.estimates.forEach((estimate, index) => {
    if (estimate.mos === null) return;
    // Staggered tips, so needles of close figures stay apart.
    const tip = point(cx, cy, estimate.mos, RADIUS - BAND / 2 - 8 - 10 * index);
    doc.save().moveTo(cx, cy).lineTo(tip.x, tip.y).lineWidth(1.8).lineCap('round').strokeColor(COLOUR.text).stroke().restore();
    doc.save().circle(tip.x, tip.y, 5.5).fill(COLOUR.text).restore();
    drawText(doc, String(index + 1), tip.x - 5.5, tip.y - 3.6, 11, { font: FONT.bold, size: 6.5, colour: '#ffffff' }, { align: 'center' });
  });
  doc.save().circle(cx, cy, 3).fill(COLOUR.text).restore();
}

const NAME = { font: FONT.bold, size: 9.5 } as const;
const DETAILS = { size: 8, colour: COLOUR.muted } as const;

export function drawCallQuality(cursor: Cursor, view: DocumentView): void {
  const quality = view.callQuality;
  if (quality === null) return;
  const { doc } = cursor;
  const introHeight = textHeight(doc, quality.intro, CONTENT_WIDTH, { size: 9 }) + textHeight(doc, quality.basis, CONTENT_WIDTH, DETAILS) + 8;
  const listLeft = PAGE.left + GAUGE_WIDTH + 16;
  const listWidth = CONTENT_WIDTH - GAUGE_WIDTH - 16;
  const itemHeights = quality.estimates.map((estimate) => 15 + textHeight(doc, estimate.details, listWidth - 18, DETAILS) + 8);
  const listHeight = itemHeights.reduce((sum, height) => sum + height, 0);
  const widebandHeight = quality.wideband === null ? 0 : textHeight(doc, quality.wideband, CONTENT_WIDTH, DETAILS) + 6;
  sectionHeading(cursor, quality.title, introHeight + Math.max(GAUGE_HEIGHT, listHeight) + widebandHeight);
  cursor.y += drawText(doc, quality.intro, PAGE.left, cursor.y, CONTENT_WIDTH, { size: 9 }) + 2;
  cursor.y += drawText(doc, quality.basis, PAGE.left, cursor.y, CONTENT_WIDTH, DETAILS) + 6;

  const top = cursor.y;
  drawGauge(doc, quality, PAGE.left, top, view.text.locale);
  let y = top + Math.max(0, (GAUGE_HEIGHT - listHeight) / 2);
  quality.estimates.forEach((estimate, index) => {
    doc.save().circle(listLeft + 6, y + 6, 6).fill(COLOUR.text).restore();
    drawText(doc, String(index + 1), listLeft, y + 2.4, 12, { font: FONT.bold, size: 7, colour: '#ffffff' }, { align: 'center' });
    const name = `${estimate.name} (${estimate.scale})`;
    drawText(doc, name, listLeft + 18, y + 1, listWidth, NAME);
    doc.font(NAME.font).fontSize(NAME.size);
    let x = listLeft + 18 + doc.widthOfString(name) + 8;
    if (estimate.value !== null) {
      drawText(doc, estimate.value, x, y + 1, 80, NAME);
      doc.font(NAME.font).fontSize(NAME.size);
      x += doc.widthOfString(estimate.value) + 8;
    }
    badge(doc, estimate.gradeWord, x, y - 1, GRADE_TONE[estimate.grade], 7.5, 100);
    drawText(doc, estimate.details, listLeft + 18, y + 15, listWidth - 18, DETAILS);
    y += itemHeights[index] ?? 0;
  });
  cursor.y = Math.max(top + GAUGE_HEIGHT, y) + 4;
  if (quality.wideband !== null) cursor.y += drawText(doc, quality.wideband, PAGE.left, cursor.y, CONTENT_WIDTH, DETAILS) + 6;
}
