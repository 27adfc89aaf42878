import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/export/markdown';
import { DOCUMENT } from '../../../shared/text';
import { fromLegacyText } from '../../../shared/text/messages/legacy';
import { defaultProfile } from '../../../shared/catalog/profiles';
import { buildChecklist } from '../../../shared/checklist/model';
import { judgeReport } from '../../../shared/verdict/verdict';
import { englishLines } from '../../support/english';
import { createReport } from '../verdict/reports';
import { checklistFrom, CREATED_AT, report, SITE } from './checklists';

const { en: EN, de: DE } = DOCUMENT;

const tableRows = (markdown: string): string[] => markdown.split('\n').filter((line) => /^\| [1-4] \|/.test(line));

describe('the Markdown checklist', () => {
  it('carries the real addresses and ports of the masquerade lab into every rule row', () => {
    const markdown = renderMarkdown(checklistFrom('masquerade'));
    const rows = tableRows(markdown);
    expect(rows).toHaveLength(4);
    const [outSignalling, inSignalling, outMedia, inMedia] = rows as [string, string, string, string];
    expect(outSignalling).toContain('192.168.100.5');
    expect(outSignalling).toContain('55000-56000, 65002');
    expect(outSignalling).toContain('203.0.113.10, 203.0.113.20');
    expect(outSignalling).toContain('3478, 5060');
    expect(outSignalling).toContain('✓ verified');
    expect(outSignalling).toContain('SIP OPTIONS to 203.0.113.20:5060 was answered with 200 OK');
    expect(inSignalling).toMatch(/\| inbound \|.*any.*PBX: 192\.168\.100\.5<br>Ports: 65002/);
    expect(outMedia).toContain('– untested');
    expect(outMedia).toContain('Ports: 55000-56000');
    expect(inMedia).toContain('| UDP |');
  });

  it('heads the document with title, site, customer, technician, date and the network summary', () => {
    const markdown = renderMarkdown(checklistFrom('masquerade'));
    expect(markdown.startsWith(`# ${EN.title}\n`)).toBe(true);
    expect(markdown).toContain('| **Site** | Head office Nürnberg |');
    expect(markdown).toContain('| **Customer** | Müller & Söhne GmbH |');
    expect(markdown).toContain('| **Technician** | Jörg Weiß |');
    expect(markdown).toContain('| **Date** | 2026-11-23 21:22 UTC |');
    expect(markdown).toContain('NAT router / firewall**: LAN 192.168.100.1 → WAN 203.0.113.1:65002');
    expect(markdown).toContain('- **STUN server**: 203.0.113.10:3478');
    expect(markdown).toContain('- **SIP provider**: 203.0.113.20:5060');
    expect(markdown).toContain('## NAT type: Port restricted cone NAT');
    expect(markdown).toContain('**Port restricted cone NAT: supported by SwyxWare (SwyxLinkManager).**');
    expect(markdown).toContain('- **NAT type**: Port restricted cone NAT');
    expect(markdown).toContain('- **Public address**: 203.0.113.1:65002 (port preserved)');
  });

  it('leads with the verdict as the headline and What to do, each item naming its rule, before anything else', () => {
    const markdown = renderMarkdown(checklistFrom('masquerade', 'en', ['inbound-media']));
    const lines = markdown.split('\n');
    expect(lines.slice(0, 12)).toEqual([
      `# ${EN.title}`,
      '',
      `_${EN.subtitle}_`,
      '',
      '## Result: Action needed',
      '',
      EN.verdictExplained['action-needed'],
      '',
      '### What to do',
      '',
      '1. **Rule 4 · Inbound voice:** Allow UDP from any address and port to 192.168.100.5 ports 55000-56000; behind NAT, forward that range to 192.168.100.5 with the same ports.',
      '2. **Rule 3 · Outbound voice:** Run the check again with the media ports (without --no-media), so the RTP rules are tested.',
    ]);
  });

  it('never heads a checklist with a failed rule as ready', () => {
    const markdown = renderMarkdown(checklistFrom('masquerade', 'de', ['inbound-media']));
    expect(markdown).toContain('## Ergebnis: Handlungsbedarf');
    expect(markdown).not.toContain(DE.verdicts.ready);
  });

  it('lists the caveats of a ready line instead of What to do', () => {
    const measured = createReport({ profile: 'swyxware' });
    const ready = { ...measured, verdict: judgeReport(measured) };
    const markdown = renderMarkdown(buildChecklist(ready, defaultProfile(), { site: SITE, language: 'de', createdAt: CREATED_AT }));
    expect(markdown).toContain('## Ergebnis: Bereit');
    expect(markdown).not.toContain(`### ${DE.whatToDoTitle}`);
    expect(markdown).toContain(`### ${DE.caveatsTitle}\n\n- **Regel 4 · Sprache eingehend:** Diese TK-Anlage sendet von jedem RTP-Port zuerst`);
    expect(englishLines(markdown)).toEqual([]);
  });

  it('says what to change for a symmetric NAT behind masquerade --random-fully, in the words the terminal uses', () => {
    const checklist = checklistFrom('random-fully');
    const markdown = renderMarkdown(checklist);
    expect(markdown).toContain('Symmetric NAT: NOT supported by SwyxWare (SwyxLinkManager).');
    expect(markdown).toContain('## Result: Blocked');
    expect(markdown).toContain('1. Forward UDP 65002 and UDP 55000-56000 statically to the PBX (192.168.100.5), keeping the same public ports');
    expect(markdown).toContain('> The router gives every destination a new public port');
    // The router picked a random public port for the SIP port: the one this run measured.
    expect(markdown).toContain(`WAN 203.0.113.1:${report('random-fully').publicAddress?.port}`);
  });

  it('marks a failed rule in its row, and its fix is in What to do', () => {
    const failed = renderMarkdown(checklistFrom('masquerade', 'en', ['inbound-media']));
    expect(tableRows(failed)[3]).toContain('✗ failed');
    expect(failed).toContain('**Rule 4 · Inbound voice:** Allow UDP from any address and port to 192.168.100.5 ports 55000-56000');
  });

  it('ends with sign-off lines for technician and customer', () => {
    const markdown = renderMarkdown(checklistFrom('masquerade'));
    expect(markdown).toContain('| | Technician | Customer |');
    expect(markdown).toContain('| Name | Jörg Weiß | Müller & Söhne GmbH |');
    expect(markdown).toContain('| Signature | | |');
  });

  it('writes the German document with German words and the same real values', () => {
    const markdown = renderMarkdown(checklistFrom('random-fully', 'de', ['outbound-media']));
    expect(markdown.startsWith(`# ${DE.title}\n`)).toBe(true);
    expect(markdown).toContain('| **Standort** | Head office Nürnberg |');
    expect(markdown).toContain('| **Datum** | 23.11.2026 21:22 UTC |');
    expect(markdown).toContain('## NAT-Typ: Symmetrisches NAT');
    expect(markdown).toContain('wird von SwyxWare (SwyxLinkManager) NICHT unterstützt');
    const rows = tableRows(markdown);
    expect(rows[0]).toContain('✓ bestätigt');
    expect(rows[0]).toContain('| ausgehend |');
    expect(rows[2]).toContain('✗ fehlgeschlagen');
    expect(rows[3]).toContain('– ungetestet');
    expect(rows[3]).toContain('| beliebig<br>Ports: beliebig | TK-Anlage: 192.168.100.5<br>Ports: 55000-56000 |');
    expect(markdown).toContain('## Ergebnis: Blockiert');
    expect(markdown).toContain('**Regel 3 · Sprache ausgehend:** UDP von 192.168.100.5 Ports 55000-56000 an beliebige Adressen und Ports erlauben.');
    expect(markdown).toContain('- **Zweites NAT**: nicht gemessen');
    expect(markdown).toContain('| Unterschrift | | |');
    expect(markdown).not.toMatch(/\bverified\b|\buntested\b|\bSignature\b/);
  });

  it('gives the evidence in German too, from the same report', () => {
    const markdown = renderMarkdown(checklistFrom('masquerade', 'de', ['inbound-media']));
    const rows = tableRows(markdown);
    expect(rows[0]).toMatch(/Die STUN-Binding-Anfrage von UDP 65002 an 203\.0\.113\.10:3478 wurde beantwortet \(\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d UTC\)\. SIP OPTIONS an 203\.0\.113\.20:5060 wurde nach \d+ ms mit 200 OK beantwortet/);
    expect(rows[1]).toContain('Auch die SIP-Antwort 200 OK von 203.0.113.20:5060 kam an UDP 65002 an.');
    expect(rows[2]).toContain('Die Sprachports wurden nicht geprüft');
    expect(rows[3]).toContain('Antworten von 203.0.113.11:3479, an die die Ports nie gesendet hatten, erreichten 3 der 12 geprüften Ports nicht (55000, 55091 und 56000)');
    expect(markdown).not.toMatch(/\b(was answered|reached|could not|the router)\b/);
    expect(markdown).not.toContain('englisch');
  });

  it('keeps the table intact when evidence holds a pipe or a line break', () => {
    const base = checklistFrom('masquerade');
    // An old report's evidence is free text (legacy text), shown as it is.
    const checklist = { ...base, rules: base.rules.map((rule, index) => (index === 0 ? { ...rule, evidence: [fromLegacyText('a | b\nc')] } : rule)) };
    const row = tableRows(renderMarkdown(checklist))[0] ?? '';
    expect(row).toContain('a \\| b c |');
    expect(row.split(/(?<!\\)\|/)).toHaveLength(10);
  });

  it('puts each vendor snippet in a code fence the snippet cannot close', () => {
    const markdown = renderMarkdown(checklistFrom('masquerade'), [
      { title: 'nftables', body: 'udp dport 65002 accept\n' },
      { title: 'Odd', body: 'echo ```\n' },
    ]);
    expect(markdown).toContain(`## ${EN.appendixTitle}`);
    expect(markdown).toContain('### nftables\n\n```\nudp dport 65002 accept\n```');
    expect(markdown).toContain('### Odd\n\n````\necho ```\n````');
  });

  it('has no appendix section without snippets', () => {
    expect(renderMarkdown(checklistFrom('masquerade'))).not.toContain(EN.appendixTitle);
  });
});
