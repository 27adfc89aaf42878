// A report fixture of test/fixtures read the way TrunkCheck reads a report file: checked, and an
// older schema upgraded to the current one (shared/report-file.ts), so tests build on what a
// reader of that file really gets.
import { readFileSync } from 'node:fs';
import type { DiagnoseReport, QualitySection } from '../../shared/report';
import type { Ipv6Section } from '../../shared/report-ipv6';
import { parseReportJson } from '../../shared/report-file';
import { ipv6Section } from './ipv6-section';
import { measuredQuality } from './measured-quality';

export function readReportFixture(file: string): DiagnoseReport {
  const parsed = parseReportJson(readFileSync(`test/fixtures/${file}`, 'utf8'), file);
  if (!parsed.ok) throw new Error(`${file} does not read as a report: ${JSON.stringify(parsed.error)}`);
  return parsed.value;
}

// The masquerade lab's schema-3 report as a dual-stack PBX's with a measured line: the IPv6 section
// of the dual-stack lab (ipv6-section.ts) and the quality section the real builder makes of a
// probe stream, with its expected call quality per codec (quality.mos). Checked by the same schema
// as the fixture itself, so it is a report a reader could get.
export function dualStackReport(options: { ipv6?: Partial<Ipv6Section>; quality?: QualitySection | null } = {}): DiagnoseReport {
  const base = readReportFixture('report-v3-masquerade.json');
  const composed = { ...base, ipv6: ipv6Section(options.ipv6), quality: options.quality === undefined ? measuredQuality() : options.quality };
  const parsed = parseReportJson(JSON.stringify(composed), 'dual-stack.json');
  if (!parsed.ok) throw new Error(`the dual-stack report does not read as a report: ${JSON.stringify(parsed.error)}`);
  return parsed.value;
}
