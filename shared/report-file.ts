// Reading a saved `diagnose --json` report back: a foreign, broken, edited or newer file gets one
// clear sentence naming what is wrong, never a crash further down and never a value that was not
// checked (shared/report-schema.ts).
import { REPORT_SCHEMA_VERSION, type DiagnoseReport } from './report';
import { reportSchema } from './report-schema';
import { schema1Path, upgradeReport } from './report-upgrade';
import { fail, ok, type Result } from './result';
import { checkSchema } from './schema';

// A full media probe of every port writes a few MB; anything far larger is not a report.
export const MAX_REPORT_CHARS = 32 * 1024 * 1024;

// file: the path a person gave, or null for a report that came over IPC or from the wizard.
export function parseReportJson(text: string, file: string | null = null): Result<DiagnoseReport> {
  if (text.length > MAX_REPORT_CHARS) {
    return fail('report/too-large', { file, mb: Math.round(text.length / 1024 / 1024) });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('report/not-json', { file });
  }
  if (typeof data !== 'object' || data === null || (data as { tool?: { name?: unknown } }).tool?.name !== 'trunkcheck') {
    return fail('report/foreign', { file });
  }
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number') return fail('report/no-version', { file });
  if (version > REPORT_SCHEMA_VERSION) {
    return fail('report/newer', { file, version, reads: REPORT_SCHEMA_VERSION });
  }
  if (version < 1 || !Number.isInteger(version)) return fail('report/unknown-version', { file, version: String(version) });
  // Schema-1 evidence (English sentences) reads as legacy text; everything else is checked as is.
  const checked = checkSchema(reportSchema, upgradeReport(data));
  if (!checked.ok) {
    return fail('report/damaged', { file, path: version === 1 ? schema1Path(checked.path) : checked.path, problem: checked.problem });
  }
  return ok(checked.value);
}
