// The PDF's sections measure before they draw and ask the cursor for room: a section that did not
// reserve all it draws makes pdfkit open a page of its own in the middle of it. Each section is
// drawn here at every height near the bottom of a page, with the real fonts.
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { defaultFontDir, FONT_FILES } from '../../../electron/export/fonts';
import { Cursor, type Doc, FONT, PAGE } from '../../../electron/export/pdf-kit';
import { drawCallQuality } from '../../../electron/export/pdf-mos';
import { drawRulesTable } from '../../../electron/export/pdf-rules';
import { drawFacts, drawHeadline, drawSignOff, drawWhatToDo } from '../../../electron/export/pdf-sections';
import { documentView, type DocumentView } from '../../../shared/export/document';
import { checklistFrom } from '../../unit/export/checklists';

// A cursor that counts the pages it opens itself.
class CountingCursor extends Cursor {
  opened = 0;

  override newPage(): void {
    this.opened += 1;
    super.newPage();
  }
}

function document(): Doc {
  const fonts = defaultFontDir();
  const doc = new PDFDocument({ size: 'A4', margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right }, bufferPages: true, font: join(fonts, FONT_FILES.regular) });
  doc.registerFont(FONT.regular, join(fonts, FONT_FILES.regular));
  doc.registerFont(FONT.bold, join(fonts, FONT_FILES.bold));
  doc.registerFont(FONT.mono, join(fonts, FONT_FILES.mono));
  return doc;
}

const SECTIONS: readonly (readonly [string, (cursor: Cursor, view: DocumentView) => void])[] = [
  ['the headline', drawHeadline],
  ['What to do', drawWhatToDo],
  ['the facts', drawFacts],
  ['the rules table', drawRulesTable],
  ['the sign-off', drawSignOff],
  ['the expected call quality', drawCallQuality],
];

describe('a section near the bottom of a page', () => {
  // Rules without evidence still draw their "Evidence:" label; a failed rule gives What to do.
  // With the expected call quality of three codecs, one of them unknown, so that part draws too.
  const callQuality = {
    lossPercent: 0.5, jitterMs: 4.2, rttMs: 38.1,
    estimates: [
      { codec: 'g711', scale: 'narrowband', r: 89.7, mos: 4.33, grade: 'good', ie: 0, bpl: 25.1, oneWayDelayMs: 60, jitterBufferMs: 20 },
      { codec: 'g722', scale: 'wideband', r: 112.2, mos: 4.26, grade: 'good', ie: 13, bpl: 25.1, oneWayDelayMs: 61.5, jitterBufferMs: 20 },
      { codec: 'g729', scale: 'narrowband', r: null, mos: null, grade: 'unknown', ie: 11, bpl: 19, oneWayDelayMs: null, jitterBufferMs: null },
    ],
  } as const;
  const checklist = { ...checklistFrom('masquerade', 'de', ['inbound-media']), callQuality };
  const bare = { ...checklist, rules: checklist.rules.map((rule) => ({ ...rule, evidence: [] })) };

  // Drawing the rules table about a hundred times takes seconds; on a loaded CI machine more.
  it.each(SECTIONS)('never opens a page pdfkit chose: %s', { timeout: 120_000 }, (_, draw) => {
    for (const view of [documentView(checklist), documentView(bare)]) {
      const doc = document();
      for (let room = 40; room <= 320; room += 5) {
        doc.addPage();
        const before = doc.bufferedPageRange().count;
        const cursor = new CountingCursor(doc, cursor0(room));
        draw(cursor, view);
        expect(doc.bufferedPageRange().count - before, `${room} points left`).toBe(cursor.opened);
      }
      doc.end();
    }
  });
});

function cursor0(room: number): number {
  return PAGE.height - PAGE.bottom - room;
}
