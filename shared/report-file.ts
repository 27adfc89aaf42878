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

export function parseReportJson(text: string, name = 'The file'): Result<DiagnoseReport> {
  if (text.length > MAX_REPORT_CHARS) {
    return fail('report/too-large', `${name} is ${Math.round(text.length / 1024 / 1024)} MB, far larger than any TrunkCheck report: give the file written by "trunkcheck diagnose --json" or --out.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('report/not-json', `${name} is not JSON: give the file written by "trunkcheck diagnose --json" or --out.`);
  }
  if (typeof data !== 'object' || data === null || (data as { tool?: { name?: unknown } }).tool?.name !== 'trunkcheck') {
    return fail('report/foreign', `${name} is not a TrunkCheck report: give the file written by "trunkcheck diagnose --json" or --out.`);
  }
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number') return fail('report/foreign', `${name} has no schemaVersion, so it is not a TrunkCheck report.`);
  if (version > REPORT_SCHEMA_VERSION) {
    return fail(
      'report/newer',
      `${name} was written by a newer TrunkCheck (report schema ${version}, this version reads ${REPORT_SCHEMA_VERSION}): update TrunkCheck to read it.`,
    );
  }
  if (version < 1 || !Number.isInteger(version)) return fail('report/foreign', `${name} has an unknown report schema ${String(version)}.`);
  // Schema-1 evidence (English sentences) reads as legacy text; everything else is checked as is.
  const checked = checkSchema(reportSchema, upgradeReport(data));
  if (!checked.ok) {
    const path = version === 1 ? schema1Path(checked.path) : checked.path;
    return fail('report/damaged', `${name} is damaged or was edited: its ${path} ${checked.problem}; run the diagnosis again, or use the file as TrunkCheck wrote it.`);
  }
  return ok(checked.value);
}
