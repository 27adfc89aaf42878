// The rules table: one row per rule with its status badge, and the evidence on a full-width line
// beneath. A row is measured first and moves to the next page whole; the header repeats there.
// A dual-stack PBX's IPv6 rules follow under a band naming its IPv6 address.
import type { DocumentView, EndpointView, RuleView } from '../../shared/export/document';
import { badge, COLOUR, CONTENT_WIDTH, type Cursor, type Doc, drawText, FONT, PAGE, sectionHeading, textHeight, TONE, type TextStyle } from './pdf-kit';

const PAD = 5;
const COLUMNS = [
  { key: 'number', width: 22 },
  { key: 'rule', width: 128 },
  { key: 'direction', width: 64 },  // direction, and the protocol under it
  { key: 'source', width: 96 },
  { key: 'destination', width: 96 },
  { key: 'status', width: CONTENT_WIDTH - 22 - 128 - 64 - 96 - 96 },
] as const;

type ColumnKey = (typeof COLUMNS)[number]['key'];

const columnX = (key: ColumnKey): number => {
  let x = PAGE.left;
  for (const column of COLUMNS) {
    if (column.key === key) return x;
    x += column.width;
  }
  return x;
};
const columnWidth = (key: ColumnKey): number => COLUMNS.find((column) => column.key === key)?.width ?? 0;

const NAME: TextStyle = { font: FONT.bold, size: 8.5 };
const SMALL: TextStyle = { size: 7, colour: COLOUR.muted };
const CELL: TextStyle = { size: 8 };
const EVIDENCE: TextStyle = { size: 7.5, colour: COLOUR.muted };
const EVIDENCE_LABEL: TextStyle = { font: FONT.bold, size: 7, colour: COLOUR.muted };
const SUBHEADING: TextStyle = { font: FONT.bold, size: 8, colour: COLOUR.navy };

interface Block {
  readonly text: string;
  readonly style: TextStyle;
  readonly gap: number;   // space after it
}

function ruleBlocks(rule: RuleView): Block[] {
  return [
    { text: rule.name, style: NAME, gap: 2 },
    { text: rule.purpose, style: SMALL, gap: 0 },
  ];
}

function endpointBlocks(endpoint: EndpointView, portsLabel: string): Block[] {
  // "any" needs no label saying "any" above it.
  const label = endpoint.label === endpoint.addresses ? [] : [{ text: endpoint.label, style: SMALL, gap: 1 }];
  return [
    ...label,
    { text: endpoint.addresses, style: { font: FONT.bold, size: 8 }, gap: endpoint.hosts === null ? 2 : 1 },
    ...(endpoint.hosts === null ? [] : [{ text: endpoint.hosts, style: SMALL, gap: 2 }]),
    { text: `${portsLabel} ${endpoint.ports}`, style: CELL, gap: 0 },
  ];
}

function blocksHeight(doc: Doc, blocks: readonly Block[], width: number): number {
  return blocks.reduce((sum, block) => sum + textHeight(doc, block.text, width, block.style) + block.gap, 0);
}

function drawBlocks(doc: Doc, blocks: readonly Block[], x: number, y: number, width: number): void {
  let top = y;
  for (const block of blocks) top += drawText(doc, block.text, x, top, width, block.style) + block.gap;
}

// The evidence line: a hanging label, then the text to the table's right edge.
function evidenceBox(doc: Doc, view: DocumentView): { x: number; labelWidth: number; width: number } {
  doc.font(FONT.bold).fontSize(EVIDENCE_LABEL.size ?? 7);
  const x = columnX('rule') + PAD;
  const labelWidth = doc.widthOfString(`${view.text.columns.evidence}:`) + 6;
  return { x, labelWidth, width: PAGE.left + CONTENT_WIDTH - PAD - x - labelWidth };
}

interface RowLayout {
  readonly cells: Partial<Record<ColumnKey, Block[]>>;
  readonly top: number;      // the cells' height
  readonly evidence: number; // the evidence line's height
}

function layoutRow(doc: Doc, view: DocumentView, rule: RuleView): RowLayout {
  const cells: Partial<Record<ColumnKey, Block[]>> = {
    number: [{ text: String(rule.number), style: NAME, gap: 0 }],
    rule: ruleBlocks(rule),
    direction: [
      { text: rule.direction, style: CELL, gap: 2 },
      { text: rule.protocol, style: { font: FONT.bold, size: 8 }, gap: 0 },
    ],
    source: endpointBlocks(rule.source, view.text.portsLabel),
    destination: endpointBlocks(rule.destination, view.text.portsLabel),
  };
  const heights = Object.entries(cells).map(([key, blocks]) => blocksHeight(doc, blocks, columnWidth(key as ColumnKey) - 2 * PAD));
  const top = Math.max(18, ...heights);
  // At least the label's line: a row without evidence still draws "Evidence:", inside the row.
  const evidence = Math.max(textHeight(doc, rule.evidence, evidenceBox(doc, view).width, EVIDENCE), textHeight(doc, `${view.text.columns.evidence}:`, CONTENT_WIDTH, EVIDENCE_LABEL));
  return { cells, top, evidence };
}

const rowHeight = (layout: RowLayout): number => PAD + layout.top + 6 + layout.evidence + PAD + 1;

const HEADER: TextStyle = { font: FONT.bold, size: 7.5, colour: COLOUR.bandText };

function headerLabel(view: DocumentView, key: ColumnKey): string {
  const { columns } = view.text;
  return key === 'direction' ? `${columns.direction} / ${columns.protocol}` : columns[key];
}

function headerHeight(doc: Doc, view: DocumentView): number {
  return 10 + Math.max(...COLUMNS.map((column) => textHeight(doc, headerLabel(view, column.key), column.width - 2 * PAD, HEADER)));
}

function drawHeader(cursor: Cursor, view: DocumentView): void {
  const { doc } = cursor;
  const height = headerHeight(doc, view);
  doc.save().rect(PAGE.left, cursor.y, CONTENT_WIDTH, height).fill(COLOUR.navy).restore();
  for (const column of COLUMNS) drawText(doc, headerLabel(view, column.key), columnX(column.key) + PAD, cursor.y + 5, column.width - 2 * PAD, HEADER);
  cursor.y += height;
}

function drawRow(cursor: Cursor, view: DocumentView, rule: RuleView, layout: RowLayout, shaded: boolean): void {
  const { doc } = cursor;
  const top = cursor.y;
  const height = rowHeight(layout);
  if (shaded) doc.save().rect(PAGE.left, top, CONTENT_WIDTH, height).fill(COLOUR.stripe).restore();
  // A coloured edge says the status even in a black-and-white copy's shading.
  const tone = rule.status === 'verified' ? TONE.good : rule.status === 'failed' ? TONE.bad : TONE.untested;
  doc.save().rect(PAGE.left, top, 2.5, height).fill(tone.strong).restore();
  for (const [key, blocks] of Object.entries(layout.cells)) {
    drawBlocks(doc, blocks, columnX(key as ColumnKey) + PAD, top + PAD, columnWidth(key as ColumnKey) - 2 * PAD);
  }
  badge(doc, `${rule.mark} ${rule.statusWord}`, columnX('status') + PAD, top + PAD - 1, tone, 7.5, columnWidth('status') - 2 * PAD);
  // The evidence, with a hanging label, under the cells.
  const evidenceY = top + PAD + layout.top + 6;
  const { x: evidenceX, labelWidth, width } = evidenceBox(doc, view);
  const label = `${view.text.columns.evidence}:`;
  doc.save().moveTo(evidenceX, evidenceY - 3).lineTo(PAGE.left + CONTENT_WIDTH - PAD, evidenceY - 3).lineWidth(0.4).strokeColor(COLOUR.line).dash(1.5, { space: 1.5 }).stroke().restore();
  drawText(doc, label, evidenceX, evidenceY + 0.5, labelWidth, EVIDENCE_LABEL, { lineBreak: false });
  drawText(doc, rule.evidence, evidenceX + labelWidth, evidenceY, width, EVIDENCE);
  cursor.y = top + height;
  doc.save().moveTo(PAGE.left, cursor.y).lineTo(PAGE.left + CONTENT_WIDTH, cursor.y).lineWidth(0.5).strokeColor(COLOUR.line).stroke().restore();
}

// The band above the IPv6 rules of a dual-stack PBX: "Rules 5-8: the same four rules over IPv6, …".
function subheadingHeight(doc: Doc, text: string): number {
  return textHeight(doc, text, CONTENT_WIDTH - 2 * PAD, SUBHEADING) + 2 * PAD;
}

function drawSubheading(cursor: Cursor, text: string): void {
  const { doc } = cursor;
  const height = subheadingHeight(doc, text);
  doc.save().rect(PAGE.left, cursor.y, CONTENT_WIDTH, height).fill(COLOUR.lan).restore();
  drawText(doc, text, PAGE.left + PAD, cursor.y + PAD, CONTENT_WIDTH - 2 * PAD, SUBHEADING);
  cursor.y += height;
  doc.save().moveTo(PAGE.left, cursor.y).lineTo(PAGE.left + CONTENT_WIDTH, cursor.y).lineWidth(0.5).strokeColor(COLOUR.line).stroke().restore();
}

// The section: heading, intro, then the table. Heading, intro, header and the first row stay
// together, so none of them is left alone at the bottom of a page.
export function drawRulesTable(cursor: Cursor, view: DocumentView): void {
  const { doc } = cursor;
  const layouts = view.rules.map((rule) => layoutRow(doc, view, rule));
  const intro = view.text.rulesIntro;
  const introHeight = textHeight(doc, intro, CONTENT_WIDTH, { size: 8, colour: COLOUR.muted }) + 6;
  sectionHeading(cursor, view.text.rulesTitle, introHeight + headerHeight(doc, view) + (layouts[0] ? rowHeight(layouts[0]) : 0));
  drawText(doc, intro, PAGE.left, cursor.y, CONTENT_WIDTH, { size: 8, colour: COLOUR.muted });
  cursor.y += introHeight;
  drawHeader(cursor, view);
  view.rules.forEach((rule, index) => {
    const layout = layouts[index];
    if (layout === undefined) return;
    // A row taller than a whole page (evidence of pages) cannot be kept whole; it starts on a
    // fresh page and its evidence is cut there rather than overrunning the footer.
    const height = Math.min(rowHeight(layout), cursor.pageBodyHeight - headerHeight(doc, view));
    // The IPv6 band stays with the first IPv6 row.
    const band = rule.secondary && view.rules[index - 1]?.secondary !== true && view.network.ipv6 !== null ? view.network.ipv6.line : null;
    if (band !== null) {
      if (cursor.ensure(subheadingHeight(doc, band) + height)) drawHeader(cursor, view);
      drawSubheading(cursor, band);
    }
    if (cursor.ensure(height)) drawHeader(cursor, view);
    const fitted = rowHeight(layout) > height ? { ...layout, evidence: layout.evidence - (rowHeight(layout) - height) } : layout;
    drawRow(cursor, view, fitted === layout ? rule : { ...rule, evidence: clip(doc, rule.evidence, fitted.evidence, evidenceBox(doc, view).width) }, fitted, index % 2 === 1);
  });
}

// Cut text to what fits in `height` at the evidence style, ending with an ellipsis.
function clip(doc: Doc, text: string, height: number, width: number): string {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (textHeight(doc, `${text.slice(0, middle)}…`, width, EVIDENCE) <= height) low = middle;
    else high = middle - 1;
  }
  return `${text.slice(0, low)}…`;
}
