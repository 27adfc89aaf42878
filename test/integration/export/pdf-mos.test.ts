// The expected call quality in the PDF (issue 16, item 4): the MOS gauge and each codec's MOS and
// grade, in English and German, from a report whose quality section the real builder made of a
// measured stream. Read back with poppler (pdftotext, pdftoppm).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportChecklist } from '../../../electron/export';
import { defaultFontDir } from '../../../electron/export/fonts';
import { qualitySection } from '../../../electron/quality/section';
import type { LineQualityResult } from '../../../electron/quality/stream';
import { defaultProfile } from '../../../shared/catalog/profiles';
import { buildChecklist, type Checklist } from '../../../shared/checklist/model';
import { gradeLineQuality } from '../../../shared/quality/grade';
import { summarizeSamples } from '../../../shared/quality/jitter';
import type { QualitySection } from '../../../shared/report';
import { DOCUMENT } from '../../../shared/text';
import { CREATED_AT, report, SITE } from '../../unit/export/checklists';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'trunkcheck-pdf-mos-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (command: string, ...args: string[]): string => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

// A stream of 250 probes at 50/s with 60 ms round trips, ±6 ms of jitter and every 50th lost:
// the section as electron/quality/section.ts builds it, for the SwyxWare profile's codecs.
function measuredQuality(): QualitySection {
  const samples = Array.from({ length: 250 }, (_, seq) => ({ seq, sentAtMs: seq * 20, receivedAtMs: seq % 50 === 49 ? null : seq * 20 + 60 + ((seq * 7) % 13) - 6 }));
  const metrics = summarizeSamples(samples);
  const result: LineQualityResult = {
    server: { family: 'IPv4', ip: '203.0.113.10', port: 3478 }, localPort: 65002, ratePerSecond: 50, durationSec: 5, answerWaitMs: 1000, planned: 250, metrics, lateAnswers: 0, aborted: false, durationMs: 5200, samples,
  };
  return qualitySection(result, gradeLineQuality(metrics), defaultProfile().codecs.offered);
}

function checklistWithQuality(language: 'en' | 'de', quality: QualitySection): Checklist {
  return buildChecklist({ ...report('masquerade'), quality }, defaultProfile(), { site: SITE, language, createdAt: CREATED_AT });
}

async function pdfOf(checklist: Checklist, name: string): Promise<string> {
  const file = await exportChecklist(checklist, 'pdf', { fontDir: defaultFontDir() });
  if (!file.ok) throw new Error(JSON.stringify(file.error));
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, file.value.bytes);
  return path;
}

const text = (pdf: string): string => run('pdftotext', pdf, '-').replace(/\s+/g, ' ');

describe('the PDF\'s expected call quality', () => {
  const quality = measuredQuality();

  it.each(['en', 'de'] as const)('shows each codec\'s MOS and grade with the gauge (%s)', async (language) => {
    const words = DOCUMENT[language];
    const checklist = checklistWithQuality(language, quality);
    expect(checklist.callQuality?.estimates).toEqual(quality.mos);
    const pdf = await pdfOf(checklist, `mos-${language}`);
    const flow = text(pdf);
    expect(flow).toContain(words.callQualityTitle);
    const number = new Intl.NumberFormat(words.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    for (const estimate of quality.mos ?? []) {
      if (estimate.mos === null) throw new Error(`no MOS for ${estimate.codec}`);
      expect(flow).toContain(words.mosValue(number.format(estimate.mos)));
      expect(flow).toContain(words.mosGrades[estimate.grade]);
    }
    expect(flow).toContain(words.mosWideband);
    // The pages, to look at: test-results/pdf/mos-<language>-page*.png and the PDF itself.
    const pictures = join('test-results', 'pdf');
    mkdirSync(pictures, { recursive: true });
    run('pdftoppm', '-png', '-r', '80', pdf, join(pictures, `mos-${language}-page`));
    copyFileSync(pdf, join(pictures, `mos-${language}.pdf`));
  });

  it('says nothing of call quality when the line quality was not measured', async () => {
    const checklist = buildChecklist(report('masquerade'), defaultProfile(), { site: SITE, language: 'en', createdAt: CREATED_AT });
    expect(checklist).not.toHaveProperty('callQuality');
    expect(text(await pdfOf(checklist, 'no-mos'))).not.toContain(DOCUMENT.en.callQualityTitle);
  });
});
