// A report file named on the command line (`--from REPORT.json`), read and checked; a missing,
// unreadable or foreign file is one sentence for stderr.
import { readFileSync } from 'node:fs';
import type { DiagnoseReport } from '../../shared/report';
import { parseReportJson } from '../../shared/report-file';
import { fail, type Result } from '../../shared/result';

export function readReportFile(path: string): Result<DiagnoseReport> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return fail('report/unreadable', { file: path, cause: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
  return parseReportJson(text, path);
}
