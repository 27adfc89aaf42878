// The vendor snippets, in DejaVu Sans Mono (Courier has no umlauts). Being monospace, a snippet is
// wrapped by character count here: a long line continues indented, so it cannot be mistaken for
// a new command. A snippet flows over as many pages as it needs; each page's part gets its box.
import type { AppendixSection, DocumentView } from '../../shared/export/document';
import { COLOUR, CONTENT_WIDTH, type Cursor, type Doc, drawText, FONT, PAGE, sectionHeading, style, textHeight } from './pdf-kit';

const CODE = { font: FONT.mono, size: 7, colour: COLOUR.text } as const;
const INSET = 8;
const HANG = 4; // characters a continued line is indented by

// One source line as the visual lines it takes, breaking after a space where one is near. A
// continued line is indented past the line's own indentation by `hang` characters.
export function wrapCode(line: string, columns: number, hang = HANG): { text: string; indent: number }[] {
  const lead = /^ */.exec(line)?.[0].length ?? 0;
  const indent = Math.min(lead + hang, Math.floor(columns / 2));
  const out: { text: string; indent: number }[] = [];
  let rest = [...line];
  let width = columns;
  while (rest.length > width) {
    const cut = rest.slice(0, width).join('');
    const space = cut.lastIndexOf(' ');
    const at = space >= width / 2 ? space + 1 : width;
    out.push({ text: rest.slice(0, at).join('').trimEnd(), indent: out.length === 0 ? 0 : indent });
    rest = [...rest.slice(at).join('').trimStart()];
    width = columns - indent;
  }
  out.push({ text: rest.join(''), indent: out.length === 0 ? 0 : indent });
  return out;
}

interface VisualLine {
  readonly text: string;
  readonly indent: number;   // characters
}

function visualLines(doc: Doc, body: string, width: number): VisualLine[] {
  style(doc, CODE);
  const columns = Math.max(16, Math.floor(width / doc.widthOfString('M')));
  return body
    .replace(/\s+$/, '')
    .split(/\r?\n/)
    .flatMap((line) => wrapCode(line.replace(/\t/g, '    '), columns));
}

function drawSnippet(cursor: Cursor, section: AppendixSection): void {
  const { doc } = cursor;
  const width = CONTENT_WIDTH - 2 * INSET;
  const lines = visualLines(doc, section.body, width);
  style(doc, CODE);
  const lineHeight = doc.currentLineHeight(true) + 1;
  const charWidth = doc.widthOfString('M');
  const titleHeight = textHeight(doc, section.title, CONTENT_WIDTH, { font: FONT.bold, size: 10 });
  // The title keeps at least a few lines of its snippet with it.
  cursor.ensure(titleHeight + 6 + 2 * INSET + Math.min(lines.length, 4) * lineHeight);
  drawText(doc, section.title, PAGE.left, cursor.y, CONTENT_WIDTH, { font: FONT.bold, size: 10, colour: COLOUR.navy });
  cursor.y += titleHeight + 6;
  let index = 0;
  while (index < lines.length) {
    if (cursor.room() < 2 * INSET + lineHeight) cursor.newPage();
    const fit = Math.max(1, Math.floor((cursor.room() - 2 * INSET) / lineHeight));
    const part = lines.slice(index, index + fit);
    const top = cursor.y;
    const height = part.length * lineHeight + 2 * INSET;
    doc.save().roundedRect(PAGE.left, top, CONTENT_WIDTH, height, 3).fill(COLOUR.stripe).restore();
    doc.save().roundedRect(PAGE.left, top, CONTENT_WIDTH, height, 3).lineWidth(0.5).strokeColor(COLOUR.line).stroke().restore();
    style(doc, CODE);
    part.forEach((line, offset) => {
      const x = PAGE.left + INSET + line.indent * charWidth;
      doc.text(line.text === '' ? ' ' : line.text, x, top + INSET + offset * lineHeight, { lineBreak: false });
    });
    cursor.y = top + height + 4;
    index += part.length;
  }
  cursor.y += 10;
}

export function drawAppendix(cursor: Cursor, view: DocumentView, appendix: readonly AppendixSection[]): void {
  if (appendix.length === 0) return;
  // On a fresh page unless a third of this one is still free: the chosen syntaxes follow the sign-off.
  if (cursor.room() < cursor.pageBodyHeight / 3) cursor.newPage();
  sectionHeading(cursor, view.text.appendixTitle, 40);
  const intro = view.text.appendixIntro;
  cursor.y += drawText(cursor.doc, intro, PAGE.left, cursor.y, CONTENT_WIDTH, { size: 9, colour: COLOUR.muted }) + 12;
  for (const section of appendix) drawSnippet(cursor, section);
}
