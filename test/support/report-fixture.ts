// A report fixture of test/fixtures read the way TrunkCheck reads a report file: checked, and an
// older schema upgraded to the current one (shared/report-file.ts), so tests build on what a
// reader of that file really gets.
import { readFileSync } from 'node:fs';
import type { DiagnoseReport } from '../../shared/report';
import { parseReportJson } from '../../shared/report-file';

export function readReportFixture(file: string): DiagnoseReport {
  const parsed = parseReportJson(readFileSync(`test/fixtures/${file}`, 'utf8'), file);
  if (!parsed.ok) throw new Error(`${file} does not read as a report: ${JSON.stringify(parsed.error)}`);
  return parsed.value;
}
