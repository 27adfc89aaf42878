// The Markdown checklist of a dual-stack PBX with a measured line (the lab's report fixture with
// the dual-stack lab's IPv6 section and a quality section the real builder made): the expected
// call quality per codec as a table, as the PDF shows it with its gauge, and the IPv6 path's own
// result beside its address, under the one headline; in English and in German.
import { describe, expect, it } from 'vitest';
import { buildChecklist } from '../../../shared/checklist/model';
import { renderMarkdown } from '../../../shared/export/markdown';
import { CODECS } from '../../../shared/quality/codecs';
import type { DiagnoseReport, MosEstimate } from '../../../shared/report';
import type { Language } from '../../../shared/text';
import { profileOfReport } from '../../../shared/verdict/needs';
import { englishLines } from '../../support/english';
import { PBX6 } from '../../support/ipv6-section';
import { measuredQuality } from '../../support/measured-quality';
import { dualStackReport, readReportFixture } from '../../support/report-fixture';
import { CREATED_AT, SITE } from './checklists';

const markdown = (report: DiagnoseReport, language: Language = 'en'): string[] =>
  renderMarkdown(buildChecklist(report, profileOfReport(report), { site: SITE, language, createdAt: CREATED_AT })).split('\n');

const WORDS = {
  en: { title: '## Expected call quality (MOS)', header: '| Codec | MOS | Grade | R | Jitter buffer (ms) | Mouth to ear (ms) |', grades: { good: 'Good', acceptable: 'Acceptable', poor: 'Poor', unknown: 'Unknown' }, scales: { narrowband: 'narrowband', wideband: 'wideband, HD voice' }, rules: '## Firewall rules', signOff: '## Sign-off' },
  de: { title: '## Erwartete Gesprächsqualität (MOS)', header: '| Codec | MOS | Bewertung | R | Jitterpuffer (ms) | Mund zu Ohr (ms) |', grades: { good: 'Gut', acceptable: 'Annehmbar', poor: 'Schlecht', unknown: 'Unbekannt' }, scales: { narrowband: 'Schmalband', wideband: 'Breitband, HD-Telefonie' }, rules: '## Firewall-Regeln', signOff: '## Abnahme' },
} as const;

// The row the report's figures make, in the language's number format.
function row(estimate: MosEstimate, language: Language): string {
  const number = (value: number | null, digits: number): string => (value === null ? '–' : language === 'de' ? value.toFixed(digits).replace('.', ',') : value.toFixed(digits));
  const words = WORDS[language];
  return `| ${CODECS[estimate.codec].name} (${words.scales[estimate.scale]}) | ${number(estimate.mos, 2)} | ${words.grades[estimate.grade]} | ${number(estimate.r, 1)} | ${number(estimate.jitterBufferMs, 0)} | ${number(estimate.oneWayDelayMs, 0)} |`;
}

describe('the Markdown checklist\'s expected call quality', () => {
  it.each(['en', 'de'] as const)('is a table of each codec\'s MOS, grade, R and delays after the rules (%s)', (language) => {
    const report = dualStackReport();
    const estimates = report.quality?.mos ?? [];
    expect(estimates).toHaveLength(3);
    const words = WORDS[language];
    const lines = markdown(report, language);
    const title = lines.indexOf(words.title);
    expect(title).toBeGreaterThan(lines.indexOf(words.rules));
    expect(title).toBeLessThan(lines.indexOf(words.signOff));
    const header = lines.indexOf(words.header);
    expect(header).toBeGreaterThan(title);
    expect(lines.slice(header + 1, header + 6)).toEqual(['|---|---:|---|---:|---:|---:|', ...estimates.map((estimate) => row(estimate, language)), '']);
  });

  it('shows a codec whose MOS is unknown with its grade and no figures', () => {
    const quality = measuredQuality(['g711']);
    const unknown = (quality.mos ?? []).map((estimate) => ({ ...estimate, r: null, mos: null, grade: 'unknown' as const, oneWayDelayMs: null, jitterBufferMs: null }));
    expect(markdown(dualStackReport({ quality: { ...quality, mos: unknown } }))).toContain('| G.711 (narrowband) | – | Unknown | – | – | – |');
  });
});

describe('the Markdown checklist\'s IPv6 path', () => {
  it('gives the IPv6 path\'s own result beside its address; the headline stays the report\'s', () => {
    const report = dualStackReport();
    expect([report.verdict, report.ipv6?.verdict]).toEqual(['incomplete', 'action-needed']);
    const lines = markdown(report);
    const address = lines.findIndex((line) => line.startsWith(`- **PBX over IPv6**: ${PBX6} – Rules 5-8`));
    expect(lines[address + 1]).toBe('- **Result over IPv6**: Action needed');
    expect(lines.filter((line) => line.startsWith('## Result'))).toEqual(['## Result: Incomplete']);
    // Its rules are the table's rules 5-8, already there.
    expect(lines.filter((line) => /^\| [5-8] \| \*\*.+ \(IPv6\)\*\*/.test(line))).toHaveLength(4);
  });

  it('is German for a German checklist, and no line of it English', () => {
    const lines = markdown(dualStackReport(), 'de');
    expect(lines).toContain('- **Ergebnis über IPv6**: Handlungsbedarf');
    expect(lines.filter((line) => line.startsWith('## Ergebnis'))).toEqual(['## Ergebnis: Unvollständig']);
    expect(englishLines(lines.join('\n'))).toEqual([]);
  });

  it('has neither for a report without an IPv6 address or a computed MOS', () => {
    const report = readReportFixture('report-v3-masquerade.json');
    expect(report.ipv6?.address).toBeNull();
    const lines = markdown({ ...report, quality: { ...measuredQuality(), mos: [] } });
    expect(lines).toContain('## Firewall rules');
    expect(lines.filter((line) => line.includes('over IPv6') || line.includes('call quality'))).toEqual([]);
  });
});

describe('the QoS note of a dual-stack checklist', () => {
  it.each([
    ['en', 'Mark the voice packets of rules 3, 4, 7 and 8 with DSCP EF (46)'],
    ['de', 'Die Sprachpakete der Regeln 3, 4, 7 und 8 mit DSCP EF (46)'],
  ] as const)('names the IPv6 voice rules beside the IPv4 ones (%s)', (language, note) => {
    const text = markdown(dualStackReport(), language).join('\n');
    expect(text).toContain(note);
  });

  it('names rules 3 and 4 alone where the PBX has no IPv6 path', () => {
    const text = markdown(readReportFixture('report-v3-masquerade.json')).join('\n');
    expect(text).toContain('Mark the voice packets of rules 3 and 4 with DSCP EF (46)');
  });
});

describe('the headline sentence of a dual-stack checklist', () => {
  it.each(['en', 'de'] as const)('speaks for the IPv4 rules and names the IPv6 path\'s other verdict beside it (%s)', (language) => {
    const report = dualStackReport();
    expect(report.ipv6?.verdict).not.toBe(report.verdict);
    const text = markdown(report, language).join('\n');
    const rules = language === 'en' ? ['Rules 1-4 (IPv4): ', 'Rules 5-8 (IPv6): Action needed.'] : ['Regeln 1-4 (IPv4): ', 'Regeln 5-8 (IPv6): Handlungsbedarf.'];
    for (const part of rules) expect(text).toContain(part);
  });

  it('stays one sentence where both paths came out alike', () => {
    const report = dualStackReport();
    const alike = { ...report, ipv6: { ...report.ipv6!, verdict: report.verdict } } as DiagnoseReport;
    const text = markdown(alike).join('\n');
    expect(text).not.toContain('(IPv4): ');
  });
});
