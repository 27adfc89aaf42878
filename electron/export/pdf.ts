// The checklist as an A4 PDF for the customer's file. Page 1 answers "does the trunk work here,
// and what must change": the site, the verdict as the headline, What to do (or a ready line's
// caveats), the facts of the path and the rules with coloured status badges and evidence. Then the
// network drawn as a diagram, the NAT result, sign-off lines and the vendor snippets chosen, with
// "Page n of m" on every page.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { Checklist } from '../../shared/checklist/model';
import { documentView, singleLine, type AppendixSection, type DocumentView } from '../../shared/export/document';
import { defaultFontDir, FONT_FILES } from './fonts';
import { drawAppendix } from './pdf-appendix';
import { drawCallQuality } from './pdf-mos';
import { drawNetworkDiagram, DIAGRAM_HEIGHT } from './pdf-diagram';
import { COLOUR, CONTENT_WIDTH, Cursor, type Doc, fitLine, FONT, PAGE, sectionHeading } from './pdf-kit';
import { drawRulesTable } from './pdf-rules';
import { drawFacts, drawHeadline, drawNat, drawNote, drawRegistration, drawSignOff, drawSiteBlock, drawWhatToDo } from './pdf-sections';

export interface PdfOptions {
  readonly appendix?: readonly AppendixSection[];
  readonly fontDir?: string;      // holds DejaVuSans.ttf, DejaVuSans-Bold.ttf, DejaVuSansMono.ttf
}

function fontPaths(fontDir: string): Record<keyof typeof FONT_FILES, string> {
  const paths = { regular: join(fontDir, FONT_FILES.regular), bold: join(fontDir, FONT_FILES.bold), mono: join(fontDir, FONT_FILES.mono) };
  const missing = Object.values(paths).filter((path) => !existsSync(path));
  if (missing.length > 0) throw new Error(`The PDF cannot be made: the font ${missing.join(', ')} is missing; reinstall TrunkCheck.`);
  return paths;
}

// The band holds the title only: the verdict is the headline right under it, once.
function drawFirstBand(doc: Doc, view: DocumentView): void {
  doc.save().rect(0, 0, PAGE.width, PAGE.bandFirst).fill(COLOUR.navy).restore();
  doc.save().rect(0, PAGE.bandFirst - 3, PAGE.width, 3).fill(COLOUR.accent).restore();
  fitLine(doc, view.text.title, PAGE.left, 24, CONTENT_WIDTH, { font: FONT.bold, size: 19, colour: COLOUR.bandText });
  fitLine(doc, view.text.subtitle, PAGE.left, 51, CONTENT_WIDTH, { size: 9.5, colour: COLOUR.bandMuted });
}

function drawRunningHeader(doc: Doc, view: DocumentView): void {
  doc.save().rect(0, 0, PAGE.width, PAGE.bandOther).fill(COLOUR.navy).restore();
  fitLine(doc, view.text.title, PAGE.left, 10.5, CONTENT_WIDTH * 0.6, { font: FONT.bold, size: 8.5, colour: COLOUR.bandText });
  fitLine(doc, view.site.name, PAGE.left + CONTENT_WIDTH * 0.6, 10.5, CONTENT_WIDTH * 0.4, { size: 8.5, colour: COLOUR.bandMuted }, 'right');
}

function drawFooter(doc: Doc, view: DocumentView, page: number, pages: number): void {
  const y = PAGE.height - 38;
  doc.save().moveTo(PAGE.left, y).lineTo(PAGE.left + CONTENT_WIDTH, y).lineWidth(0.5).strokeColor(COLOUR.line).stroke().restore();
  const left = [view.text.generatedBy, view.site.name, view.date].filter((part) => part !== view.text.notGiven).join(' · ');
  fitLine(doc, left, PAGE.left, y + 7, CONTENT_WIDTH * 0.7, { size: 7.5, colour: COLOUR.muted });
  fitLine(doc, view.text.page(page, pages), PAGE.left + CONTENT_WIDTH * 0.7, y + 7, CONTENT_WIDTH * 0.3, { font: FONT.bold, size: 7.5, colour: COLOUR.muted }, 'right');
}

function layOut(doc: Doc, view: DocumentView, appendix: readonly AppendixSection[]): void {
  drawFirstBand(doc, view);
  const cursor = new Cursor(doc, PAGE.bandFirst + 18);
  drawSiteBlock(cursor, view);
  drawHeadline(cursor, view);
  drawWhatToDo(cursor, view);
  drawFacts(cursor, view);
  drawRulesTable(cursor, view);
  cursor.y += 8;
  if (view.qos !== null) drawNote(cursor, view.qos);
  drawCallQuality(cursor, view);
  drawRegistration(cursor, view);
  // The details behind the facts.
  sectionHeading(cursor, view.text.networkTitle, DIAGRAM_HEIGHT);
  drawNetworkDiagram(cursor, view);
  drawNat(cursor, view);
  drawSignOff(cursor, view);
  drawAppendix(cursor, view, appendix);

  // Page furniture last, when the page count is known.
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // The footer sits below the bottom margin; without this pdfkit would open a new page for it.
    doc.page.margins.bottom = 0;
    if (index > range.start) drawRunningHeader(doc, view);
    drawFooter(doc, view, index - range.start + 1, range.count);
  }
}

export function renderPdf(checklist: Checklist, options: PdfOptions = {}): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    try {
      const fonts = fontPaths(options.fontDir ?? defaultFontDir());
      const view = documentView(checklist);
      const created = new Date(checklist.createdAt);
      const date = Number.isNaN(created.getTime()) ? new Date(0) : created;
      const doc = new PDFDocument({
        size: 'A4',
        margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
        bufferPages: true,
        font: fonts.regular, // never load Helvetica: it has no ✓ and is not embedded
        lang: view.text.locale,
        displayTitle: true,
        // PDFKit escapes these strings; one line each, as a viewer shows them in one field.
        info: {
          Title: singleLine(`${view.text.title} – ${view.site.name}`),
          Author: singleLine(checklist.site.technician || 'TrunkCheck'),
          Subject: singleLine(`${view.site.customer} · ${view.site.name}`),
          Creator: 'TrunkCheck',
          Producer: 'TrunkCheck (PDFKit)',
          CreationDate: date,
          ModDate: date,
        },
      });
      doc.registerFont(FONT.regular, fonts.regular);
      doc.registerFont(FONT.bold, fonts.bold);
      doc.registerFont(FONT.mono, fonts.mono);
      const chunks: Uint8Array[] = [];
      doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
      doc.on('error', reject);
      doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
      layOut(doc, view, options.appendix ?? []);
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}


