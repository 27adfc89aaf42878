// The page grid, colours and small drawing helpers the PDF sections share. Every section measures
// before it draws and asks the cursor for room, so pdfkit never breaks a page on its own.
import type { Tone, VerdictTone } from '../../shared/export/document';

export type Doc = PDFKit.PDFDocument;

export const FONT = { regular: 'Sans', bold: 'Sans-Bold', mono: 'Mono' } as const;

export const PAGE = {
  width: 595.28,    // A4 in points
  height: 841.89,
  left: 50,
  right: 50,
  top: 50,
  bottom: 58,       // leaves room for the footer
  bandFirst: 84,    // the header band on page 1
  bandOther: 30,    // the running header on later pages
} as const;

export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export const COLOUR = {
  navy: '#1f3a5f',
  accent: '#2f6db5',
  bandText: '#ffffff',
  bandMuted: '#c5d6ec',
  text: '#1b2230',
  muted: '#5b6573',
  line: '#d3dae3',
  stripe: '#f4f7fa',
  lan: '#edf3fa',
  wan: '#f5f6f8',
  box: '#ffffff',
} as const;

export const TONE: Readonly<Record<Tone | 'untested', { strong: string; soft: string }>> = {
  good: { strong: '#1d7a4c', soft: '#e2f3e9' },
  bad: { strong: '#b83227', soft: '#fbe6e3' },
  neutral: { strong: '#a86b0c', soft: '#fcf1d9' },
  untested: { strong: '#5f6b7a', soft: '#eceff3' },
};

// The verdict's colours: ready green, action-needed amber, blocked red, incomplete grey.
export const VERDICT_TONE: Readonly<Record<VerdictTone, { strong: string; soft: string }>> = {
  good: TONE.good,
  warn: TONE.neutral,
  bad: TONE.bad,
  muted: TONE.untested,
};

// The vertical position on the current page, and where a new page's body starts.
export class Cursor {
  y: number;

  constructor(
    readonly doc: Doc,
    start: number,
  ) {
    this.y = start;
  }

  get bottom(): number {
    return PAGE.height - PAGE.bottom;
  }

  get pageBodyHeight(): number {
    return this.bottom - (PAGE.bandOther + 20);
  }

  room(): number {
    return this.bottom - this.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = PAGE.bandOther + 20;
  }

  // Start a new page unless `height` still fits on this one.
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.newPage();
    return true;
  }
}

export interface TextStyle {
  readonly font?: string;
  readonly size?: number;
  readonly colour?: string;
}

export function style(doc: Doc, { font = FONT.regular, size = 9, colour = COLOUR.text }: TextStyle): Doc {
  return doc.font(font).fontSize(size).fillColor(colour);
}

export function textHeight(doc: Doc, text: string, width: number, textStyle: TextStyle, lineGap = 1): number {
  style(doc, textStyle);
  return doc.heightOfString(text, { width, lineGap });
}

export function drawText(doc: Doc, text: string, x: number, y: number, width: number, textStyle: TextStyle, options: PDFKit.Mixins.TextOptions = {}): number {
  style(doc, textStyle);
  const height = doc.heightOfString(text, { width, lineGap: 1, ...options });
  doc.text(text, x, y, { width, lineGap: 1, ...options });
  return height;
}

// One line that must fit: shrink the font down to `min` points, then cut with an ellipsis.
export function fitLine(doc: Doc, text: string, x: number, y: number, width: number, textStyle: TextStyle, align: 'left' | 'center' | 'right' = 'left', min = 6): void {
  let size = textStyle.size ?? 9;
  style(doc, { ...textStyle, size });
  while (size > min && doc.widthOfString(text) > width) {
    size -= 0.25;
    doc.fontSize(size);
  }
  doc.text(text, x, y, { width, align, lineBreak: false, ellipsis: true, height: size * 1.4 });
}

export function sectionHeading(cursor: Cursor, title: string, keepWith = 60): void {
  const { doc } = cursor;
  cursor.ensure(28 + keepWith);
  if (cursor.y > PAGE.bandOther + 20) cursor.y += 6;
  drawText(doc, title, PAGE.left, cursor.y, CONTENT_WIDTH, { font: FONT.bold, size: 12.5, colour: COLOUR.navy });
  cursor.y += 19;
  doc.save().moveTo(PAGE.left, cursor.y).lineTo(PAGE.left + CONTENT_WIDTH, cursor.y).lineWidth(0.8).strokeColor(COLOUR.accent).stroke().restore();
  cursor.y += 9;
}

// A rounded label in the tone's colours; returns its width.
export function badge(doc: Doc, text: string, x: number, y: number, tone: { strong: string; soft: string }, size = 8, maxWidth = 200): number {
  style(doc, { font: FONT.bold, size });
  let fontSize = size;
  while (fontSize > 6 && doc.widthOfString(text) + 12 > maxWidth) {
    fontSize -= 0.25;
    doc.fontSize(fontSize);
  }
  const width = Math.min(maxWidth, doc.widthOfString(text) + 12);
  const height = fontSize + 7;
  doc.save().roundedRect(x, y, width, height, height / 2).fill(tone.soft).restore();
  doc.save().roundedRect(x, y, width, height, height / 2).lineWidth(0.6).strokeColor(tone.strong).stroke().restore();
  doc.font(FONT.bold).fontSize(fontSize).fillColor(tone.strong).text(text, x, y + 3.6, { width, align: 'center', lineBreak: false });
  return width;
}
