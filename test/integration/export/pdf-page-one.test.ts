// The PDF a customer reads (issue 15, item 3): page 1 answers "does the trunk work here, and what
// must change" with the verdict as the headline and What to do; the appendix holds only the
// firewall syntaxes chosen, so the checklist stays within four pages. Made by the real export
// (electron/export), read back with poppler's pdfinfo and pdftotext.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportChecklist } from '../../../electron/export';
import { defaultFontDir } from '../../../electron/export/fonts';
import { defaultProfile, findProfile } from '../../../shared/catalog/profiles';
import { buildChecklist, type Checklist } from '../../../shared/checklist/model';
import { DOCUMENT } from '../../../shared/text';

const EN = DOCUMENT.en;
const DE = DOCUMENT.de;
const exportText = (language: 'en' | 'de') => DOCUMENT[language];
import { FIREWALL_FORMATS } from '../../../shared/firewall';
import type { DiagnoseReport } from '../../../shared/report';
import { word } from '../../../shared/text';
import { judgeReport } from '../../../shared/verdict/verdict';
import { englishLines } from '../../support/english';
import { checklistFrom, CREATED_AT, SITE } from '../../unit/export/checklists';
import { createReport, NATS } from '../../unit/verdict/reports';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'trunkcheck-pdf-page-one-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (command: string, ...args: string[]): string => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

let written = 0;
async function pdfOf(checklist: Checklist, firewalls: readonly string[] = []): Promise<string> {
  const file = await exportChecklist(checklist, 'pdf', { fontDir: defaultFontDir(), firewalls });
  if (!file.ok) throw new Error(JSON.stringify(file.error));
  const path = join(dir, `${(written += 1)}.pdf`);
  writeFileSync(path, file.value.bytes);
  return path;
}

const pageCount = (pdf: string): number => Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', pdf))?.[1]);
// Page 1 as lines (a wrapped sentence stays on its lines) and as one flow of words.
const pageOneLines = (pdf: string): string => run('pdftotext', '-layout', '-f', '1', '-l', '1', pdf, '-');
const pageOne = (pdf: string): string => run('pdftotext', '-f', '1', '-l', '1', pdf, '-').replace(/\s+/g, ' ');

// A report as the diagnosis judges it, made into a checklist the way the wizard and CLI do.
function checklistOf(report: DiagnoseReport, language: 'en' | 'de'): Checklist {
  const judged = { ...report, verdict: judgeReport(report) };
  return buildChecklist(judged, findProfile(report.profile) ?? defaultProfile(), { site: SITE, language, createdAt: CREATED_AT });
}

const LAB = [
  ['masquerade', 'en'],
  ['masquerade', 'de'],
  ['random-fully', 'en'],
  ['random-fully', 'de'],
] as const;

describe('page 1 of the PDF', () => {
  it.each(['en', 'de'] as const)('leads with the verdict and the first thing to do (%s)', async (language) => {
    const checklist = checklistOf(createReport({ profile: '3cx' }), language);
    expect(checklist.verdict).toBe('action-needed');
    const text = pageOne(await pdfOf(checklist));
    const t = exportText(language);
    expect(text).toContain(`${t.verdicts['action-needed']} ${t.verdictExplained['action-needed']}`);
    const first = checklist.todo[0];
    expect(first?.kind).toBe('fix');
    expect(text).toContain(`1. ${t.rule(4, t.ruleNames['inbound-media'])} ${word(language, first!.message)}`);
    // Then the facts: the NAT type is one of them, not the headline.
    expect(text).toContain(`${t.natTitle}: ${word(language, { code: 'nat/type', classic: 'port-restricted-cone' })}`);
    expect(text.indexOf(t.verdicts['action-needed'])).toBeLessThan(text.indexOf(word(language, { code: 'nat/type', classic: 'port-restricted-cone' })));
  });

  it('holds no English sentence in German, for each verdict', async () => {
    const reports = [createReport({ profile: 'swyxware' }), createReport({ profile: '3cx' }), createReport({ profile: '3cx', nat: { doubleNat: 'yes', carrierGrade: 'yes' } })];
    for (const report of reports) {
      const lines = pageOneLines(await pdfOf(checklistOf(report, 'de')));
      expect(englishLines(lines), report.profile).toEqual([]);
    }
  });

  it('never heads a checklist with a failed rule as ready, and shows no "supported" above it', async () => {
    for (const [fixture, language] of LAB) {
      const checklist = checklistFrom(fixture, language, ['inbound-media']);
      expect(checklist.verdict).not.toBe('ready');
      const t = exportText(language);
      const text = pageOne(await pdfOf(checklist));
      expect(text, `${fixture} ${language}`).not.toContain(t.verdicts.ready);
      expect(text).toContain(t.verdicts[checklist.verdict]);
      expect(text).not.toMatch(language === 'en' ? /supported by/ : /unterstützt/);
    }
  });

  it('lists the caveats of a ready line where What to do would be', async () => {
    const checklist = checklistOf(createReport({ profile: 'swyxware' }), 'en');
    expect(checklist.verdict).toBe('ready');
    const text = pageOne(await pdfOf(checklist));
    expect(text).toContain(`${EN.verdicts.ready} ${EN.verdictExplained.ready}`);
    expect(text).toContain(`${EN.caveatsTitle} • ${EN.rule(4, EN.ruleNames['inbound-media'])} This PBX sends first from every RTP port`);
    expect(text).not.toContain(EN.whatToDoTitle);
  });

  it('names the second NAT, the router and its port mapping behind the provider\'s carrier-grade NAT, and no forward', async () => {
    const gateway = { ip: '192.168.100.1', externalIp: '100.64.0.2', portMapping: { upnp: true, natPmp: false, pcp: null } };
    const checklist = checklistOf(createReport({ profile: '3cx', nat: { doubleNat: 'yes', carrierGrade: 'yes' }, gateway }), 'de');
    expect(checklist.verdict).toBe('blocked');
    const text = pageOne(await pdfOf(checklist));
    expect(text).toContain(`${DE.verdicts.blocked} `);
    expect(text).toContain(`${DE.secondNatLabel}: ja: das Carrier-Grade-NAT des Providers (DS-Lite oder CGN)`);
    expect(text).toContain(`${DE.routerLabel}: 192.168.100.1: WAN-Adresse 100.64.0.2; bietet Portfreigaben an (UPnP IGD)`);
    expect(text).toContain('Jedes Programm im LAN kann darüber ungefragt Ports öffnen.');
    expect(text).not.toMatch(/weiterleiten/);
  });
});

describe('the length of the PDF', () => {
  it('is at most four pages by default, with no appendix', async () => {
    const reports = [
      createReport({ profile: 'swyxware' }),
      createReport({ profile: '3cx', fragments: { outbound: 'passes', inbound: 'dropped' } }),
      createReport({ profile: '3cx', nat: { doubleNat: 'yes', carrierGrade: 'yes' } }),
      createReport({ nat: NATS.symmetric }),
    ];
    for (const language of ['en', 'de'] as const) {
      for (const checklist of [...LAB.filter(([, lang]) => lang === language).map(([fixture]) => checklistFrom(fixture, language)), ...reports.map((report) => checklistOf(report, language))]) {
        const pdf = await pdfOf(checklist);
        const pages = pageCount(pdf);
        expect(pages).toBeLessThanOrEqual(4);
        expect(run('pdftotext', pdf, '-')).not.toContain(exportText(language).appendixTitle);
        // No page holds only the running header and the footer (a row or a signature line spilled).
        for (let page = 2; page <= pages; page += 1) {
          const body = run('pdftotext', '-f', String(page), '-l', String(page), pdf, '-')
            .split('\n')
            .filter((line) => line.trim() !== '' && !line.includes(exportText(language).title) && !line.includes(SITE.name) && !line.includes(exportText(language).page(page, pages)));
          expect(body.length, `${checklist.verdict} ${language} page ${page}`).toBeGreaterThan(3);
        }
      }
    }
  });

  it('keeps the sign-off whole on one page', async () => {
    const gateway = { ip: '192.168.100.1', externalIp: '203.0.113.1', portMapping: { upnp: true, natPmp: false, pcp: null } };
    const report = createReport({ profile: '3cx', gateway, fragments: { outbound: 'passes', inbound: 'dropped' } });
    const checklist = { ...checklistOf(report, 'de'), site: { name: 'Büro Köln', customer: 'Muster GmbH', technician: 'A. Tester' } };
    const pdf = await pdfOf(checklist);
    const pages = Array.from({ length: pageCount(pdf) }, (_, index) => run('pdftotext', '-f', String(index + 1), '-l', String(index + 1), pdf, '-'));
    const signOff = pages.find((text) => text.includes(DE.signOffTitle)) ?? '';
    expect(signOff.split(DE.signatureLabel)).toHaveLength(3);
    expect(signOff).toContain('Muster GmbH');
  });

  it('is at most four pages with any one firewall syntax, which alone is in the appendix', async () => {
    // The longest evidence (German, a symmetric NAT) and the English one.
    for (const [fixture, language] of [['random-fully', 'de'], ['masquerade', 'en']] as const) {
      // ip6tables holds only the IPv6 rules a dual-stack PBX adds to these IPv4 ones: none here.
      for (const format of FIREWALL_FORMATS.filter((entry) => entry.id !== 'ip6tables')) {
        const pdf = await pdfOf(checklistFrom(fixture, language), [format.id]);
        expect(pageCount(pdf), `${fixture} ${language} ${format.id}`).toBeLessThanOrEqual(4);
        const text = run('pdftotext', pdf, '-');
        expect(text).toContain(exportText(language).appendixTitle);
        for (const other of FIREWALL_FORMATS) expect(text.includes(other.name), `${format.id}: ${other.name}`).toBe(other === format);
      }
    }
  }, 60_000);
});
