// The PDF fed hostile values directly (past the report validation). PDFKit writes text as glyph
// ids of the embedded fonts and escapes the strings of the document information, so no value can
// add a PDF object: no script, no action, no link; and the document information holds one line
// each. Read back with poppler (pdfinfo, pdftotext) and a scan of the object structure.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultFontDir } from '../../../electron/export/fonts';
import { renderPdf } from '../../../electron/export/pdf';
import { checklistFrom } from '../../unit/export/checklists';
import { everyField, MARKDOWN_HOSTILE } from '../../unit/export/hostile';
import { MARK } from '../../unit/firewall/hostile';

const dir = mkdtempSync(join(tmpdir(), 'trunkcheck-pdf-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (command: string, ...args: string[]): string => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

// A PDF string that ends early and opens an action, for the document information dictionary.
const PDF_HOSTILE: readonly (readonly [string, string])[] = [
  // What can end a PDF string or a line, or hide text; the rest of the list is text like any other
  // here. The PDF's time on long values is issue 11 item 4 (the schema bounds lengths): 500 characters.
  ...MARKDOWN_HOSTILE.filter(([name]) => /backslash|newline|carriage|NUL|separator|NEL|bidi|markup|long|references/.test(name)).map(([name, value]): [string, string] => [name, value.slice(0, 500)]),
  ['a PDF string break with an action', `${MARK}) /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> /URI (javascript:alert(1)) (`],
];

// The PDF's object structure: everything but comments, literal strings "(…)" (with their
// escapes and nested brackets), hex strings "<…>" and stream data. A name like /OpenAction here is
// part of the document, not text inside a string.
function structure(raw: string): string {
  let out = '';
  let at = 0;
  while (at < raw.length) {
    const char = raw[at] as string;
    if (raw.startsWith('stream', at) && /^stream\r?\n/.test(raw.slice(at, at + 8))) {
      const end = raw.indexOf('endstream', at);
      at = end < 0 ? raw.length : end + 'endstream'.length;
      out += ' stream ';
    } else if (char === '(') {
      let depth = 0;
      for (; at < raw.length; at += 1) {
        const inner = raw[at];
        if (inner === '\\') at += 1;
        else if (inner === '(') depth += 1;
        else if (inner === ')' && --depth === 0) break;
      }
      at += 1;
      out += ' () ';
    } else if (raw.startsWith('<<', at) || raw.startsWith('>>', at)) {
      out += raw.slice(at, at + 2);
      at += 2;
    } else if (char === '<') {
      at = raw.indexOf('>', at) + 1 || raw.length;
      out += ' <> ';
    } else if (char === '%') {
      while (at < raw.length && raw[at] !== '\n' && raw[at] !== '\r') at += 1;
    } else {
      out += char;
      at += 1;
    }
  }
  return out;
}

const ACTIONS = /\/(JavaScript|JS|OpenAction|AA|Launch|URI|SubmitForm|ImportData|RichMedia|EmbeddedFile|Annots)\b/;

let count = 0;
describe('the PDF, fed hostile values directly', () => {
  const base = checklistFrom('masquerade', 'en', ['inbound-media']);

  it('finds an action in the object structure, and none inside a string (the scan is real)', async () => {
    const raw = Buffer.from(await renderPdf(base, { fontDir: defaultFontDir() })).toString('latin1');
    expect(structure(raw)).not.toMatch(ACTIONS);
    expect(structure(raw.replace('/Type /Catalog', '/Type /Catalog /Comment (/OpenAction \\) /JS)'))).not.toMatch(ACTIONS);
    expect(structure(raw.replace('/Type /Catalog', '/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>'))).toMatch(ACTIONS);
  });

  it.each(PDF_HOSTILE)('draws %s in every field as text, adding no action, script or link', async (_, value) => {
    const bytes = await renderPdf(everyField(base, value), { fontDir: defaultFontDir() });
    const path = join(dir, `hostile-${++count}.pdf`);
    writeFileSync(path, bytes);
    const objects = structure(Buffer.from(bytes).toString('latin1'));
    expect(objects).toContain('/Type /Catalog');
    expect(objects).not.toMatch(ACTIONS);
    expect(run('pdfinfo', '-js', '-url', path)).not.toMatch(/javascript|alert|\bURI\b.*:/i);
    const info = run('pdfinfo', path);
    expect(info).toMatch(/^Pages:\s+\d+$/m);
    expect(info).toMatch(new RegExp(`^Title:.*${MARK}`, 'm'));
    expect(run('pdftotext', path, '-')).toContain(MARK);
  });
});
