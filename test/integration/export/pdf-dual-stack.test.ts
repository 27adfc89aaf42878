// The PDF of a dual-stack PBX, read back with poppler's pdftotext: the rules table carries the
// IPv6 rules 5-8 under a band naming the PBX's IPv6 address, each row marked IPv6, and the fix of a
// failed IPv6 rule names the IPv6 address.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultFontDir } from '../../../electron/export/fonts';
import { renderPdf } from '../../../electron/export/pdf';
import { wordAll } from '../../../shared/text';
import { checklistDualStack } from '../../unit/firewall/checklists';

const dir = mkdtempSync(join(tmpdir(), 'trunkcheck-pdf-dual-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const flowText = (pdf: string): string => execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('the PDF checklist of a dual-stack PBX', () => {
  it('lists the IPv6 rules under their own band beside the IPv4 rules, with the IPv6 address and fix', async () => {
    const checklist = checklistDualStack();
    const pdf = join(dir, 'dual.pdf');
    writeFileSync(pdf, await renderPdf(checklist, { fontDir: defaultFontDir() }));
    const text = flowText(pdf);
    const band = text.indexOf('Rules 5-8: the same four rules over IPv6, for 2001:db8::5. No NAT: pure firewall rules, without port forwards.');
    expect(band).toBeGreaterThan(text.indexOf('4 inbound Inbound voice'));
    expect(text.indexOf('Outbound signalling (IPv6)')).toBeGreaterThan(text.indexOf('4 inbound Inbound voice'));
    for (const name of ['Inbound signalling (IPv6)', 'Outbound voice (IPv6)', 'Inbound voice (IPv6)', 'UDP / IPv6', '2001:db8:1::10, 2001:db8:1::20']) expect(text).toContain(name);
    for (const rule of checklist.rules) expect(text).toContain(wordAll('en', rule.evidence));
    // Page 1's What to do names the IPv6 rule its fix serves.
    expect(text).toContain('Rule 8 · Inbound voice (IPv6) Allow UDP from any address and port to 2001:db8::5 ports 55000-56000');
  });
});
