// The smaller sections of the PDF: the site block, the verdict, the NAT result, fixes, sign-off.
import type { DocumentView } from '../../shared/export/document';
import { COLOUR, CONTENT_WIDTH, type Cursor, drawText, FONT, PAGE, sectionHeading, style, textHeight, TONE } from './pdf-kit';

// Site, customer, technician / date, PBX, result: three columns, two rows.
export function drawSiteBlock(cursor: Cursor, view: DocumentView): void {
  const { doc } = cursor;
  const { text } = view;
  const rows: [string, string][][] = [
    [
      [text.siteLabel, view.site.name],
      [text.customerLabel, view.site.customer],
      [text.technicianLabel, view.site.technician],
    ],
    [
      [text.dateLabel, view.date],
      [text.profileLabel, view.profileName],
      [text.publicAddress, view.network.publicAddress ?? text.notMeasured],
    ],
  ];
  const width = CONTENT_WIDTH / 3;
  for (const row of rows) {
    const height = Math.max(...row.map(([, value]) => textHeight(doc, value, width - 12, { font: FONT.bold, size: 10 })));
    row.forEach(([label, value], index) => {
      const x = PAGE.left + index * width;
      drawText(doc, label.toUpperCase(), x, cursor.y, width - 12, { font: FONT.bold, size: 6.5, colour: COLOUR.muted }, { characterSpacing: 0.6 });
      drawText(doc, value, x, cursor.y + 10, width - 12, { font: FONT.bold, size: 10 });
    });
    cursor.y += 10 + height + 7;
  }
}

// The overall verdict as a coloured bar.
export function drawVerdict(cursor: Cursor, view: DocumentView): void {
  const { doc } = cursor;
  const tone = TONE[view.verdict.tone];
  const inner = CONTENT_WIDTH - 24;
  const height = 12 + textHeight(doc, view.verdict.explained, inner, { size: 9 }) + 14;
  cursor.ensure(height);
  doc.save().roundedRect(PAGE.left, cursor.y, CONTENT_WIDTH, height, 4).fill(tone.soft).restore();
  doc.save().rect(PAGE.left, cursor.y, 4, height).fill(tone.strong).restore();
  drawText(doc, `${view.text.verdictLabel}: ${view.verdict.word}`, PAGE.left + 14, cursor.y + 7, inner, { font: FONT.bold, size: 10, colour: tone.strong });
  drawText(doc, view.verdict.explained, PAGE.left + 14, cursor.y + 21, inner, { size: 9 });
  cursor.y += height + 8;
}

// NAT type, whether the PBX supports it, the measured behaviour, and what to change if it blocks.
export function drawNat(cursor: Cursor, view: DocumentView): void {
  const { doc } = cursor;
  const { nat } = view;
  const tone = TONE[nat.tone];
  const inner = CONTENT_WIDTH - 28;
  const half = (inner - 16) / 2;
  const LABEL = { size: 8.5, colour: COLOUR.muted } as const;
  const VALUE = { font: FONT.bold, size: 8.5 } as const;
  style(doc, LABEL);
  const labelWidth = Math.min(half / 2, Math.max(...nat.facts.map(([label]) => doc.widthOfString(`${label}:`))) + 8);
  const valueWidth = half - labelWidth;
  // Two facts a row; a row is as tall as its taller cell.
  const rows: (readonly (readonly [string, string])[])[] = [];
  for (let index = 0; index < nat.facts.length; index += 2) rows.push(nat.facts.slice(index, index + 2));
  const rowHeights = rows.map((row) => Math.max(...row.map(([label, value]) => Math.max(textHeight(doc, `${label}:`, labelWidth - 4, LABEL), textHeight(doc, value, valueWidth, VALUE)))) + 3);
  const lineHeight = textHeight(doc, nat.line, inner, { font: FONT.bold, size: 10.5 });
  const adviceHeights = nat.advice.map((line) => textHeight(doc, line, inner, { size: 8.5 }) + 3);
  const adviceHeight = adviceHeights.reduce((sum, height) => sum + height, 0);
  const height = 10 + lineHeight + 8 + rowHeights.reduce((sum, h) => sum + h, 0) + (adviceHeight > 0 ? adviceHeight + 8 : 0) + 6;
  sectionHeading(cursor, view.text.natTitle, height);
  const top = cursor.y;
  doc.save().roundedRect(PAGE.left, top, CONTENT_WIDTH, height, 4).fill(tone.soft).restore();
  doc.save().rect(PAGE.left, top, 4, height).fill(tone.strong).restore();
  drawText(doc, nat.line, PAGE.left + 14, top + 10, inner, { font: FONT.bold, size: 10.5, colour: tone.strong });
  let y = top + 10 + lineHeight + 8;
  rows.forEach((row, rowIndex) => {
    row.forEach(([label, value], index) => {
      const x = PAGE.left + 14 + index * (half + 16);
      drawText(doc, `${label}:`, x, y, labelWidth - 4, LABEL);
      drawText(doc, value, x + labelWidth, y, valueWidth, VALUE);
    });
    y += rowHeights[rowIndex] ?? 0;
  });
  if (adviceHeight > 0) {
    y += 4;
    doc.save().moveTo(PAGE.left + 14, y).lineTo(PAGE.left + 14 + inner, y).lineWidth(0.5).strokeColor(tone.strong).opacity(0.35).stroke().restore();
    y += 6;
  }
  nat.advice.forEach((line, index) => {
    drawText(doc, line, PAGE.left + 14, y, inner, { size: 8.5 });
    y += adviceHeights[index] ?? 0;
  });
  cursor.y = top + height + 6;
}

export function drawNote(cursor: Cursor, note: string): void {
  const height = textHeight(cursor.doc, note, CONTENT_WIDTH, { size: 8, colour: COLOUR.muted });
  cursor.ensure(height);
  drawText(cursor.doc, note, PAGE.left, cursor.y, CONTENT_WIDTH, { size: 8, colour: COLOUR.muted });
  cursor.y += height + 6;
}

export function drawFixes(cursor: Cursor, view: DocumentView): void {
  const { doc } = cursor;
  const { text } = view;
  const inner = CONTENT_WIDTH - 18;
  const heights = view.fixes.map((fix) => 14 + textHeight(doc, fix.text, inner, { size: 9 }) + 12);
  sectionHeading(cursor, text.fixesTitle, heights[0] ?? 16);
  if (view.fixes.length === 0) {
    drawText(doc, text.noFixes, PAGE.left, cursor.y, CONTENT_WIDTH, { size: 9, colour: COLOUR.muted });
    cursor.y += 16;
    return;
  }
  view.fixes.forEach((fix, index) => {
    const height = heights[index] ?? 0;
    cursor.ensure(height);
    doc.save().rect(PAGE.left, cursor.y, 3, height - 6).fill(TONE.bad.strong).restore();
    drawText(doc, `${text.columns.rule} ${fix.number}: ${fix.name}`, PAGE.left + 12, cursor.y + 1, inner, { font: FONT.bold, size: 9, colour: TONE.bad.strong });
    drawText(doc, fix.text, PAGE.left + 12, cursor.y + 14, inner, { size: 9 });
    cursor.y += height;
  });
}

// Two columns, technician and customer: name, date, signature, each on a line to write on.
export function drawSignOff(cursor: Cursor, view: DocumentView): void {
  const { doc } = cursor;
  const { text } = view;
  const statementHeight = textHeight(doc, text.signOffStatement, CONTENT_WIDTH, { size: 9 });
  const blockHeight = 20 + 3 * 34;
  sectionHeading(cursor, text.signOffTitle, statementHeight + 14 + blockHeight);
  drawText(doc, text.signOffStatement, PAGE.left, cursor.y, CONTENT_WIDTH, { size: 9 });
  cursor.y += statementHeight + 14;
  const gap = 30;
  const width = (CONTENT_WIDTH - gap) / 2;
  const parties: [string, string][] = [
    [text.technicianLabel, view.site.technician === text.notGiven ? '' : view.site.technician],
    [text.customerLabel, view.site.customer === text.notGiven ? '' : view.site.customer],
  ];
  parties.forEach(([party, name], index) => {
    const x = PAGE.left + index * (width + gap);
    let y = cursor.y;
    drawText(doc, party, x, y, width, { font: FONT.bold, size: 9.5, colour: COLOUR.navy });
    y += 20;
    for (const [label, value] of [[text.nameLabel, name], [text.dateLabel, ''], [text.signatureLabel, '']] as const) {
      const lineY = y + 22;
      if (value !== '') drawText(doc, value, x + 2, lineY - 12, width - 4, { size: 9.5 }, { lineBreak: false, ellipsis: true, height: 12 });
      doc.save().moveTo(x, lineY).lineTo(x + width, lineY).lineWidth(0.7).strokeColor(COLOUR.muted).stroke().restore();
      drawText(doc, label, x, lineY + 3, width, { size: 7, colour: COLOUR.muted });
      y += 34;
    }
  });
  cursor.y += blockHeight + 4;
}
