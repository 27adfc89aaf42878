// What a history file is: its name (<timestamp>-<kind>.json) and its content, a report exactly as
// `trunkcheck diagnose --json` writes it or a checklist exactly as the JSON export writes it, so
// a saved file can also be handed to `trunkcheck checklist --from`.
import { CHECKLIST_SCHEMA_VERSION, type Checklist } from '../../shared/checklist/model';
import { parseReportJson } from '../../shared/report-file';
import { reportSchema } from '../../shared/report-schema';
import { upgradeChecklist, upgradeReport } from '../../shared/report-upgrade';
import { checkSchema } from '../../shared/schema';
import { REPORT_SCHEMA_VERSION, RULE_IDS, type DiagnoseReport, type Verdict } from '../../shared/report';
import { compactTimestamp, timestampFromCompact } from './paths';

export const HISTORY_KINDS = ['report', 'checklist'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export type HistoryDocument =
  | { readonly kind: 'report'; readonly report: DiagnoseReport }
  | { readonly kind: 'checklist'; readonly checklist: Checklist };

const NAME = /^(\d{8}T\d{9}Z)-(report|checklist)\.json$/;

export function historyFileName(time: Date, kind: HistoryKind): string {
  return `${compactTimestamp(time)}-${kind}.json`;
}

export function parseHistoryFileName(name: string): { time: string; kind: HistoryKind } | null {
  const match = NAME.exec(name);
  const time = match ? timestampFromCompact(match[1] ?? '') : null;
  return match && time ? { time, kind: match[2] as HistoryKind } : null;
}

// Why a file cannot be used: "damaged" ones are moved to the quarantine, "newer" ones stay.
export type DocumentProblem = { readonly kind: 'damaged'; readonly reason: string } | { readonly kind: 'newer'; readonly reason: string };

const RULES = new Set<string>(RULE_IDS);
const STATUSES = new Set(['verified', 'failed', 'untested']);
const VERDICTS = new Set<string>(['ready', 'blocked', 'incomplete']);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseChecklist(text: string): Checklist | DocumentProblem {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'damaged', reason: 'is not valid JSON (perhaps cut short)' };
  }
  if (!isObject(data) || typeof data.schemaVersion !== 'number' || !isObject(data.site) || !isObject(data.network)) {
    return { kind: 'damaged', reason: 'is not a TrunkCheck checklist' };
  }
  if (data.schemaVersion > CHECKLIST_SCHEMA_VERSION) {
    return { kind: 'newer', reason: `was saved by a newer TrunkCheck (checklist schema ${data.schemaVersion}, this version reads ${CHECKLIST_SCHEMA_VERSION})` };
  }
  const rules = data.rules;
  const rulesOk = Array.isArray(rules) && rules.every((rule) => isObject(rule) && RULES.has(rule.id as string) && STATUSES.has(rule.status as string));
  if (!rulesOk || typeof data.verdict !== 'string' || !VERDICTS.has(data.verdict) || typeof data.createdAt !== 'string' || !isObject(data.nat)) {
    return { kind: 'damaged', reason: 'is a damaged checklist (rules, verdict or NAT missing)' };
  }
  return upgradeChecklist(data) as Checklist;
}

// The one place a stored report is read and checked, by the same schema as `checklist --from`:
// a file that would read as "changed from undefined to none" never becomes the previous run.
function parseReport(text: string): DiagnoseReport | DocumentProblem {
  const parsed = parseReportJson(text);
  if (parsed.ok) return parsed.value;
  switch (parsed.error.code) {
    case 'report/newer':
      return { kind: 'newer', reason: `was saved by a newer TrunkCheck (${/report schema \d+/.exec(parsed.error.message)?.[0] ?? 'a newer report schema'}, this version reads ${REPORT_SCHEMA_VERSION})` };
    case 'report/not-json':
      return { kind: 'damaged', reason: 'is not valid JSON (perhaps cut short)' };
    case 'report/damaged':
      return { kind: 'damaged', reason: `is a damaged report (${damagedPart(text)})` };
    default:
      return { kind: 'damaged', reason: 'is not a TrunkCheck report' };
  }
}

// Which field the schema refused, for the sentence that says where the file went.
function damagedPart(text: string): string {
  const checked = checkSchema(reportSchema, upgradeReport(JSON.parse(text) as unknown));
  return checked.ok ? 'unreadable' : `its ${checked.path} ${checked.problem}`;
}

export function parseHistoryDocument(kind: HistoryKind, text: string): HistoryDocument | DocumentProblem {
  if (kind === 'report') {
    const report = parseReport(text);
    return 'schemaVersion' in report ? { kind, report } : report;
  }
  const checklist = parseChecklist(text);
  return 'schemaVersion' in checklist ? { kind, checklist } : checklist;
}

export function isDocumentProblem(value: HistoryDocument | DocumentProblem): value is DocumentProblem {
  return 'reason' in value;
}

export function documentVerdict(document: HistoryDocument): Verdict {
  return document.kind === 'report' ? document.report.verdict : document.checklist.verdict;
}
