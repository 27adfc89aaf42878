// The PDF as a person gets it: rendered with the real fonts, read back with poppler's pdftotext
// and pdfinfo, and page 1 kept as a PNG (test-results/pdf/) to look at.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFontDir } from '../../../electron/export/fonts';
import { renderPdf } from '../../../electron/export/pdf';
import type { Checklist } from '../../../shared/checklist/model';
import { meaningMessage } from '../../../shared/nat/advice';
import { word, wordAll } from '../../../shared/text';
import { checklistFrom, report } from '../../unit/export/checklists';

const PNG_DIR = 'test-results/pdf';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'trunkcheck-pdf-'));
  mkdirSync(PNG_DIR, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writePdf(name: string, checklist: Checklist, appendix: { title: string; body: string }[] = []): Promise<string> {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, await renderPdf(checklist, { appendix, fontDir: defaultFontDir() }));
  return path;
}

const run = (command: string, ...args: string[]): string => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const layoutText = (pdf: string, page?: number): string => run('pdftotext', '-layout', ...(page ? ['-f', String(page), '-l', String(page)] : []), pdf, '-');
// Without -layout and with whitespace collapsed, a wrapped sentence reads as one line again.
const flowText = (pdf: string, page?: number): string => run('pdftotext', ...(page ? ['-f', String(page), '-l', String(page)] : []), pdf, '-').replace(/\s+/g, ' ');
const pageCount = (pdf: string): number => Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', pdf))?.[1]);

function keepPage1(pdf: string, name: string): void {
  run('pdftoppm', '-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(PNG_DIR, name));
}

const longAppendix = (): { title: string; body: string }[] => [
  {
    title: 'nftables (/etc/nftables.d/trunkcheck.nft)',
    body: Array.from({ length: 150 }, (_, index) => `add rule inet filter forward ip saddr 192.168.100.5 udp sport 55000-56000 counter accept comment "Sprache ausgehend #${index + 1} – Müller"`).join('\n'),
  },
  { title: 'pfSense', body: 'pass out quick on wan proto udp from 192.168.100.5 port 65002 to 203.0.113.20 port 5060 keep state' },
];

describe('the PDF checklist', () => {
  it('shows every rule with its real addresses, ports and status behind a masquerading router', async () => {
    const pdf = await writePdf('masquerade-en', checklistFrom('masquerade', 'en', ['inbound-media']));
    keepPage1(pdf, 'checklist-page1');
    const text = layoutText(pdf);
    for (const value of ['192.168.100.5', '65002', '55000-56000', '203.0.113.10', '203.0.113.20', '3478', '5060', '192.168.100.1', '203.0.113.1']) expect(text).toContain(value);
    for (const words of ['✓ verified', '– untested', '✗ failed', 'Page 1 of', 'Port restricted cone NAT', 'Head office Nürnberg', 'Müller & Söhne GmbH', 'Jörg Weiß']) expect(text).toContain(words);
    for (const heading of ['Action needed', 'What to do', 'What was measured', 'Network', 'NAT type', 'Firewall rules', 'Sign-off', 'Signature']) expect(text).toContain(heading);
    const flow = flowText(pdf);
    const checklist = checklistFrom('masquerade', 'en', ['inbound-media']);
    for (const rule of checklist.rules) expect(flow).toContain(wordAll('en', rule.evidence));
    expect(flow).toContain('Allow UDP from any address and port to 192.168.100.5 ports 55000-56000; behind NAT, forward that range to 192.168.100.5 with the same ports.');
  });

  it('numbers every page "Page n of m"', async () => {
    const pdf = await writePdf('pages-en', checklistFrom('masquerade'), longAppendix());
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(2);
    for (let page = 1; page <= pages; page += 1) expect(layoutText(pdf, page)).toContain(`Page ${page} of ${pages}`);
  });

  it('keeps each rule row whole on one page, with the table header on every page it reaches', async () => {
    const checklist = checklistFrom('masquerade', 'en', ['inbound-media']);
    const pdf = await writePdf('rows-en', checklist);
    const pages = Array.from({ length: pageCount(pdf) }, (_, index) => flowText(pdf, index + 1));
    const names = ['Outbound signalling', 'Inbound signalling', 'Outbound voice', 'Inbound voice'];
    checklist.rules.forEach((rule, index) => {
      const page = pages.findIndex((text) => text.includes(`${index + 1} ${names[index]}`));
      expect(page, names[index]).toBeGreaterThanOrEqual(0);
      expect(pages[page], names[index]).toContain(wordAll('en', rule.evidence));
    });
    for (const text of pages.filter((page) => page.includes('Evidence:'))) expect(text).toContain('Destination');
  });

  it('writes the German checklist with umlauts, German status words and "Seite n von m"', async () => {
    const pdf = await writePdf('random-fully-de', checklistFrom('random-fully', 'de', ['outbound-media']), longAppendix());
    keepPage1(pdf, 'checklist-page1-de');
    const text = layoutText(pdf);
    for (const words of ['Firewall-Checkliste für den SIP-Trunk', 'Seite 1 von', 'Symmetrisches NAT', '✓ bestätigt', '✗ fehlgeschlagen', '– ungetestet', 'ÖFFENTLICHE ADRESSE', 'Müller & Söhne GmbH', 'Jörg Weiß', 'Unterschrift', 'Abnahme']) {
      expect(text).toContain(words);
    }
    const publicPort = String(report('random-fully').publicAddress?.port);
    for (const value of ['192.168.100.5', '65002', '55000-56000', '203.0.113.10', '203.0.113.20', publicPort]) expect(text).toContain(value);
    const flow = flowText(pdf);
    // The evidence in German as well, from the same language-free report; no note that it is English.
    const checklist = checklistFrom('random-fully', 'de', ['outbound-media']);
    for (const rule of checklist.rules) expect(flow).toContain(wordAll('de', rule.evidence));
    expect(flow).toContain('Auch die SIP-Antwort 200 OK von 203.0.113.20:5060 kam an UDP 65002 an.');
    expect(flow).not.toMatch(/englisch|\b(was answered|reached|not tested)\b/);
    expect(flow).toContain('Symmetrisches NAT: wird von SwyxWare (SwyxLinkManager) NICHT unterstützt.');
    expect(flowText(pdf, 1)).toContain('1. UDP 65002 und UDP 55000-56000 statisch an die TK-Anlage (192.168.100.5) weiterleiten');
    // The appendix in DejaVu Sans Mono keeps its umlauts and dashes too.
    expect(flow).toContain('Sprache ausgehend #150 – Müller');
    expect(pageCount(pdf)).toBeGreaterThan(3);
  });

  it('embeds its fonts and dates the document from the checklist', async () => {
    const pdf = await writePdf('fonts', checklistFrom('masquerade'));
    const fonts = run('pdffonts', pdf);
    expect(fonts).toMatch(/DejaVuSans\s/);
    expect(fonts).toMatch(/DejaVuSans-Bold/);
    expect(fonts).not.toMatch(/Helvetica|Courier/);
    expect(fonts.split('\n').filter((line) => /DejaVu/.test(line)).every((line) => / yes +yes +yes /.test(line))).toBe(true);
    expect(run('pdfinfo', pdf)).toMatch(/CreationDate:\s+Mon Nov 23 21:22:05 2026 UTC/);
  });

  it('gives the same bytes for the same checklist', async () => {
    const checklist = checklistFrom('random-fully');
    const [a, b] = await Promise.all([renderPdf(checklist, { fontDir: defaultFontDir() }), renderPdf(checklist, { fontDir: defaultFontDir() })]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('cuts a row whose evidence would fill more than a page instead of running over the footer', async () => {
    const base = checklistFrom('masquerade');
    const evidence = Array.from({ length: 500 }, (_, index) => ({ code: 'port/answered' as const, port: 55000 + index, server: '203.0.113.10:3478', mapped: `203.0.113.1:${55000 + index}` }));
    const checklist = { ...base, rules: base.rules.map((rule, index) => (index === 1 ? { ...rule, evidence } : rule)) };
    const pdf = await writePdf('huge-evidence', checklist);
    const pages = pageCount(pdf);
    for (let page = 1; page <= pages; page += 1) expect(layoutText(pdf, page)).toContain(`Page ${page} of ${pages}`);
    expect(flowText(pdf)).toContain('…');
  });

  it('draws a network where UDP is blocked, with no SIP provider tested and three STUN servers', async () => {
    const base = checklistFrom('masquerade', 'de');
    const checklist: Checklist = {
      ...base,
      site: { name: 'Zweigstelle Großostheim', customer: '', technician: '' },
      network: {
        ...base.network,
        gateway: null,
        publicIp: null,
        publicPort: null,
        sip: null,
        stun: [
          { host: 'stun.sipgate.net', ip: '217.10.68.152', port: 10000 },
          { host: '2001:db8::1', ip: '2001:db8::1', port: 3478 },
          { host: 'stun3.example.org', ip: null, port: 3478 },
        ],
      },
      nat: { ...base.nat, classic: 'blocked', mapping: 'unknown', filtering: 'unknown', supported: false, portPreserved: null, hairpinning: null },
      verdict: 'blocked',
    };
    const pdf = await writePdf('blocked-de', checklist);
    for (const words of ['Blockiert', 'nicht gemessen', 'UDP blockiert', 'Zweigstelle Großostheim']) expect(layoutText(pdf, 1)).toContain(words);
    // The network drawn, after the rules.
    for (const words of ['kein SIP-Provider getestet', '217.10.68.152:10000', '+2']) expect(layoutText(pdf, 2)).toContain(words);
    expect(flowText(pdf, 2)).toContain(word('de', meaningMessage(checklist.nat, checklist.profile.sipPort)));
  });

  it('refuses clearly when the fonts are missing', async () => {
    await expect(renderPdf(checklistFrom('masquerade'), { fontDir: join(dir, 'no-fonts') })).rejects.toThrow(/DejaVuSans\.ttf.*is missing/);
  });
});
