// The smaller sections of the PDF: the site block, the headline, What to do, the facts, the NAT result, sign-off.
import type { DocumentView, TodoView } from '../../shared/export/document';
import { COLOUR, CONTENT_WIDTH, type Cursor, drawText, FONT, PAGE, sectionHeading, style, textHeight, TONE, VERDICT_TONE } from './pdf-kit';

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

const HEADLINE = { font: FONT.bold, size: 20 } as const;
const ITEM = { size: 9 } as const;
const ITEM_RULE = { font: FONT.bold, size: 9 } as const;

// The headline: the verdict and nothing else, large and in its colour, with its one-line meaning.
export function drawHeadline(cursor: Cursor, view: DocumentView): void {
  const { doc } = cursor;
  const tone = VERDICT_TONE[view.verdict.tone];
  const inner = CONTENT_WIDTH - 28;
  const wordHeight = textHeight(doc, view.verdict.word, inner, HEADLINE);
  const height = 10 + wordHeight + 3 + textHeight(doc, view.verdict.explained, inner, { size: 9.5 }) + 11;
  cursor.ensure(height);
  doc.save().roundedRect(PAGE.left, cursor.y, CONTENT_WIDTH, height, 4).fill(tone.soft).restore();
  doc.save().rect(PAGE.left, cursor.y, 5, height).fill(tone.strong).restore();
  drawText(doc, view.verdict.word, PAGE.left + 16, cursor.y + 10, inner, { ...HEADLINE, colour: tone.strong });
  drawText(doc, view.verdict.explained, PAGE.left + 16, cursor.y + 10 + wordHeight + 3, inner, { size: 9.5 });
  cursor.y += height + 10;
}

// One list (What to do, numbered; caveats or notes, bulleted): each item names its rule in bold.
function drawItems(cursor: Cursor, title: string, items: readonly TodoView[], numbered: boolean, colour: string): void {
  if (items.length === 0) return;
  const { doc } = cursor;
  const indent = 16;
  const width = CONTENT_WIDTH - indent;
  const heights = items.map((item) => (item.rule === null ? 0 : textHeight(doc, item.rule, width, ITEM_RULE) + 1) + textHeight(doc, item.text, width, ITEM) + 6);
  cursor.ensure(16 + (heights[0] ?? 0));
  drawText(doc, title, PAGE.left, cursor.y, CONTENT_WIDTH, { font: FONT.bold, size: 11, colour });
  cursor.y += 16;
  items.forEach((item, index) => {
    cursor.ensure(heights[index] ?? 0);
    drawText(doc, numbered ? `${index + 1}.` : '•', PAGE.left + 2, cursor.y, indent, { font: FONT.bold, size: 9, colour });
    let y = cursor.y;
    if (item.rule !== null) y += drawText(doc, item.rule, PAGE.left + indent, y, width, ITEM_RULE) + 1;
    drawText(doc, item.text, PAGE.left + indent, y, width, ITEM);
    cursor.y += heights[index] ?? 0;
  });
  cursor.y += 4;
}

// What to do in order, then the caveats (all a ready line lists).
export function drawWhatToDo(cursor: Cursor, view: DocumentView): void {
  const tone = VERDICT_TONE[view.verdict.tone];
  drawItems(cursor, view.text.whatToDoTitle, view.todo.fixes, true, tone.strong);
  drawItems(cursor, view.text.caveatsTitle, view.todo.caveats, false, COLOUR.navy);
}

// The facts of the path in two columns of label and value, then the notes (the router's port mapping).
export function drawFacts(cursor: Cursor, view: DocumentView): void {
  const { doc } = cursor;
  const LABEL = { size: 8.5, colour: COLOUR.muted } as const;
  const VALUE = { font: FONT.bold, size: 8.5 } as const;
  style(doc, LABEL);
  const labelWidth = Math.max(...view.facts.map(([label]) => doc.widthOfString(`${label}:`))) + 10;
  const valueWidth = CONTENT_WIDTH - labelWidth;
  const heights = view.facts.map(([, value]) => textHeight(doc, value, valueWidth, VALUE) + 3);
  const notes = view.todo.notes.map((note) => note.text);
  const noteHeights = notes.map((note) => textHeight(doc, note, CONTENT_WIDTH, { size: 8, colour: COLOUR.muted }) + 3);
  sectionHeading(cursor, view.text.factsTitle, heights.reduce((sum, height) => sum + height, 0) + noteHeights.reduce((sum, height) => sum + height, 0));
  view.facts.forEach(([label, value], index) => {
    drawText(doc, `${label}:`, PAGE.left, cursor.y, labelWidth, LABEL);
    drawText(doc, value, PAGE.left + labelWidth, cursor.y, valueWidth, VALUE);
    cursor.y += heights[index] ?? 0;
  });
  notes.forEach((note, index) => {
    if (index === 0) cursor.y += 3;
    drawText(doc, note, PAGE.left, cursor.y, CONTENT_WIDTH, { size: 8, colour: COLOUR.muted });
    cursor.y += noteHeights[index] ?? 0;
  });
  cursor.y += 4;
}

// NAT type, whether the PBX supports it, the measured behaviour, and what the type means for SIP.
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
  const adviceHeight = textHeight(doc, nat.meaning, inner, { size: 8.5 }) + 3;
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
  drawText(doc, nat.meaning, PAGE.left + 14, y, inner, { size: 8.5 });
  cursor.y = top + height + 6;
}

export function drawNote(cursor: Cursor, note: string): void {
  const height = textHeight(cursor.doc, note, CONTENT_WIDTH, { size: 8, colour: COLOUR.muted });
  cursor.ensure(height);
  drawText(cursor.doc, note, PAGE.left, cursor.y, CONTENT_WIDTH, { size: 8, colour: COLOUR.muted });
  cursor.y += height + 6;
}

// Two columns, technician and customer: name, date, signature, each on a line to write on.
export function drawSignOff(cursor: Cursor, view: DocumentView): void {
  const { doc } = cursor;
  const { text } = view;
  const statementHeight = textHeight(doc, text.signOffStatement, CONTENT_WIDTH, { size: 9 });
  // The last label ends a little below its 34-point slot: reserved too, or pdfkit starts a page for it.
  const blockHeight = 20 + 3 * 34 + 6;
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
  cursor.y += blockHeight;
}

// The registration with the provider (issue 16): one sentence a line, as every surface lists it.
export function drawRegistration(cursor: Cursor, view: DocumentView): void {
  if (view.registration === null) return;
  const { doc } = cursor;
  const TEXT = { size: 8.5 } as const;
  const lines = view.registration.map((line) => `• ${line}`);
  const heights = lines.map((line) => textHeight(doc, line, CONTENT_WIDTH, TEXT) + 3);
  sectionHeading(cursor, view.text.registrationTitle, heights.reduce((sum, height) => sum + height, 0));
  lines.forEach((line, index) => {
    cursor.ensure(heights[index] ?? 0);
    drawText(doc, line, PAGE.left, cursor.y, CONTENT_WIDTH, TEXT);
    cursor.y += heights[index] ?? 0;
  });
  cursor.y += 6;
}
