// The terminal report (`trunkcheck diagnose` without --json) of a dual-stack PBX with a measured
// line, from the lab's report fixtures: the IPv6 path after the IPv4 one, with its own verdict
// under the report's one headline, and the expected call quality per codec in the line-quality
// part; in English and in German without an English line.
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../../electron/cli/diagnose-command';
import { CODECS } from '../../../shared/quality/codecs';
import type { DiagnoseReport, MosEstimate } from '../../../shared/report';
import { word, type Language } from '../../../shared/text';
import { profileOfReport } from '../../../shared/verdict/needs';
import { englishLines } from '../../support/english';
import { PBX6 } from '../../support/ipv6-section';
import { measuredQuality } from '../../support/measured-quality';
import { dualStackReport, readReportFixture } from '../../support/report-fixture';

const terminal = (report: DiagnoseReport, language: Language = 'en'): string[] => formatReport(report, profileOfReport(report), language).split('\n');
const startingWith = (lines: readonly string[], start: string): number => lines.findIndex((line) => line.startsWith(start));

describe('the terminal report of a dual-stack PBX', () => {
  it('shows the IPv6 path after the IPv4 rules: its verdict in the headline\'s words, the address, translation, firewall, findings and its rules', () => {
    const report = dualStackReport();
    const lines = terminal(report);
    const block = startingWith(lines, 'IPv6 path');
    expect(block).toBeGreaterThan(lines.indexOf('Firewall rules'));
    const findings = (report.ipv6?.findings ?? []).map((finding) => `  ${word('en', finding)}`);
    expect(findings).toHaveLength(2);
    expect(lines.slice(block - 1, block + 8)).toEqual([
      '',
      expect.stringMatching(/^IPv6 path +ACTION NEEDED$/),
      expect.stringMatching(/^IPv6 address +2001:db8::5$/),
      expect.stringMatching(/^Translation +none \(no NAT\)$/),
      expect.stringMatching(/^IPv6 firewall +Address- and port-dependent$/),
      ...findings,
      '',
      'Firewall rules over IPv6',
    ]);
    expect(lines.slice(block + 8, block + 12)).toEqual([
      expect.stringMatching(/^ {2}verified {2}outbound-signalling {2}The STUN Binding request from UDP 65002 to \[2001:db8:1::10\]:3478 was answered/),
      expect.stringMatching(/^ {2}verified {2}inbound-signalling {3}The STUN answer from \[2001:db8:1::10\]:3478 reached UDP 65002\.$/),
      expect.stringMatching(/^ {2}verified {2}outbound-media {7}Binding requests from all 12 tested ports/),
      expect.stringMatching(/^ {2}failed {4}inbound-media {8}Answers from \[2001:db8:1::11\]:3479, an address the ports never sent to/),
    ]);
  });

  it('keeps one headline, the IPv4 path\'s verdict, and marks the IPv6 fix in What to do as the IPv6 path\'s', () => {
    const report = dualStackReport();
    expect([report.verdict, report.ipv6?.verdict]).toEqual(['incomplete', 'action-needed']);
    const lines = terminal(report);
    expect(lines[2]).toBe('Verdict: INCOMPLETE');
    expect(lines.filter((line) => /INCOMPLETE|ACTION NEEDED|READY|BLOCKED/.test(line))).toEqual(['Verdict: INCOMPLETE', expect.stringMatching(/^IPv6 path +ACTION NEEDED$/)]);
    const todo = lines.slice(lines.indexOf('What to do:') + 1, lines.indexOf('', lines.indexOf('What to do:')));
    expect(todo).toEqual([
      `  1. inbound-media (IPv6): Allow UDP from any address and port to ${PBX6} ports 55000-56000; behind NAT, forward that range to ${PBX6} with the same ports.`,
      '  2. outbound-media: Run the check again with the media ports (without --no-media), so the RTP rules are tested.',
    ]);
  });

  it('says NPTv6 when the STUN server saw another IPv6 address than the PBX\'s own', () => {
    const mapped = '2001:db8:ff::5';
    const report = dualStackReport({
      ipv6: {
        publicAddress: { ip: mapped, port: 65002 },
        nat: { classic: 'port-restricted-cone', mapping: 'endpoint-independent', translation: 'translated', supported: true, portPreserved: true, bindingLifetimeSec: null, hairpinning: null },
        findings: [{ code: 'ipv6/translated', local: PBX6, mapped }],
      },
    });
    const lines = terminal(report);
    expect(lines).toContainEqual(expect.stringMatching(/^Translation +NPTv6 or NAT66, seen as 2001:db8:ff::5$/));
    expect(lines).toContain(`  ${word('en', { code: 'ipv6/translated', local: PBX6, mapped })}`);
  });

  it('says the IPv6 path was not measured, and why, for a PBX without a global IPv6 address', () => {
    const report = readReportFixture('report-v3-masquerade.json');
    expect(report.ipv6?.address).toBeNull();
    const lines = terminal(report);
    const block = startingWith(lines, 'IPv6 path');
    expect(lines.slice(block)).toEqual([
      expect.stringMatching(/^IPv6 path +not measured$/),
      '  The PBX has no global IPv6 address (at most a link-local one), so nothing was measured over IPv6.',
      '',
    ]);
  });

  it('has no IPv6 block for a report without an ipv6 section', () => {
    const report = readReportFixture('report-v2-masquerade.json');
    expect(report.ipv6 ?? null).toBeNull();
    const lines = terminal(report);
    expect(lines).toContain('Firewall rules');
    expect(lines.filter((line) => line.includes('IPv6'))).toEqual([]);
  });

  it('is German with --lang de, and no line of it English', () => {
    const report = dualStackReport();
    const lines = terminal(report, 'de');
    expect(lines[2]).toBe('Ergebnis: UNVOLLSTÄNDIG');
    const block = startingWith(lines, 'IPv6-Weg');
    expect(block).toBeGreaterThan(lines.indexOf('Firewall-Regeln'));
    expect(lines.slice(block, block + 4)).toEqual([
      expect.stringMatching(/^IPv6-Weg +HANDLUNGSBEDARF$/),
      expect.stringMatching(/^IPv6-Adresse +2001:db8::5$/),
      expect.stringMatching(/^Adressumsetzung +keine \(kein NAT\)$/),
      expect.stringMatching(/^IPv6-Firewall +Adress- und portabhängig$/),
    ]);
    expect(lines).toContain('Firewall-Regeln über IPv6');
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}fehlgeschlagen {2}Sprache eingehend {9}Antworten von \[2001:db8:1::11\]:3479/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}1\. Sprache eingehend \(IPv6\): UDP von beliebigen Adressen/));
    expect(englishLines(lines.join('\n'))).toEqual([]);
  });
});

// What the report's line says for one codec, in the words the terminal uses for each language.
const GRADES = { en: { good: 'good', acceptable: 'acceptable', poor: 'poor', unknown: 'unknown' }, de: { good: 'gut', acceptable: 'annehmbar', poor: 'schlecht', unknown: 'unbekannt' } } as const;
function expectedLine(estimate: MosEstimate, language: Language): string {
  const number = (value: number | null, digits: number): string => (language === 'de' ? (value ?? NaN).toFixed(digits).replace('.', ',') : (value ?? NaN).toFixed(digits));
  const name = `${CODECS[estimate.codec].name}${estimate.scale === 'wideband' ? (language === 'de' ? ' (Breitband)' : ' (wideband)') : ''}`;
  const grade = GRADES[language][estimate.grade];
  if (estimate.mos === null) return `${name}: ${grade}, ${language === 'de' ? 'zu wenige Antworten für eine Schätzung' : 'too few answers to estimate it'}`;
  const [mos, r, buffer, delay] = [number(estimate.mos, 2), number(estimate.r, 1), number(estimate.jitterBufferMs, 0), number(estimate.oneWayDelayMs, 0)];
  return language === 'de'
    ? `${name}: MOS ${mos}, ${grade} (R ${r}, Jitterpuffer ${buffer} ms, Mund zu Ohr ${delay} ms)`
    : `${name}: MOS ${mos}, ${grade} (R ${r}, jitter buffer ${buffer} ms, mouth to ear ${delay} ms)`;
}

describe('the expected call quality in the terminal report', () => {
  it.each([['en', 'Expected MOS', 'Line quality', 'Firewall rules'], ['de', 'Erwarteter MOS', 'Leitungsqualität', 'Firewall-Regeln']] as const)(
    'lists each codec\'s MOS, grade, R and delays under the line quality (%s)',
    (language, label, quality, rules) => {
      const report = dualStackReport();
      const estimates = report.quality?.mos ?? [];
      expect(estimates.map((estimate) => estimate.codec)).toEqual(['g711', 'g722', 'g729']);
      expect(new Set(estimates.map((estimate) => estimate.grade))).toEqual(new Set(['good', 'acceptable']));
      const lines = terminal(report, language);
      const first = startingWith(lines, label);
      // After the line quality and its findings, before the rules.
      expect(first).toBe(startingWith(lines, quality) + 1 + (report.quality?.findings.length ?? 0));
      expect(lines.slice(first, first + 4)).toEqual([
        expect.stringMatching(new RegExp(`^${label} +${escape(expectedLine(estimates[0] as MosEstimate, language))}$`)),
        expect.stringMatching(new RegExp(`^ {${label.length + 1},}${escape(expectedLine(estimates[1] as MosEstimate, language))}$`)),
        expect.stringMatching(new RegExp(`^ {${label.length + 1},}${escape(expectedLine(estimates[2] as MosEstimate, language))}$`)),
        '',
      ]);
      expect(lines[first + 4]).toBe(rules);
    },
  );

  it('gives the grade unknown without figures when the stream gave none', () => {
    const quality = measuredQuality(['g711']);
    const unknown = (quality.mos ?? []).map((estimate) => ({ ...estimate, r: null, mos: null, grade: 'unknown' as const, oneWayDelayMs: null, jitterBufferMs: null }));
    const report = dualStackReport({ quality: { ...quality, mos: unknown } });
    expect(terminal(report)).toContainEqual(expect.stringMatching(/^Expected MOS +G\.711: unknown, too few answers to estimate it$/));
    expect(terminal(report, 'de')).toContainEqual(expect.stringMatching(/^Erwarteter MOS +G\.711: unbekannt, zu wenige Antworten für eine Schätzung$/));
  });

  it('shows no MOS for a report whose line quality came before the MOS was computed', () => {
    const report = readReportFixture('report-loopback-full.json');
    expect(report.quality).not.toBeNull();
    expect(report.quality?.mos).toBeUndefined();
    const lines = terminal(report);
    expect(startingWith(lines, 'Line quality')).toBeGreaterThan(0);
    expect(startingWith(lines, 'Expected MOS')).toBe(-1);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
