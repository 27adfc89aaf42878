// What a history file is: its name (<timestamp>-<kind>.json) and its content, a report exactly as
// `trunkcheck diagnose --json` writes it or a checklist exactly as the JSON export writes it, so
// a saved file can also be handed to `trunkcheck checklist --from`.
import { CHECKLIST_SCHEMA_VERSION, type Checklist } from '../../shared/checklist/model';
import { parseReportJson } from '../../shared/report-file';
import { upgradeChecklist } from '../../shared/report-upgrade';
import { RULE_IDS, VERDICTS, type DiagnoseReport, type Verdict } from '../../shared/report';
import type { DocumentProblem } from '../../shared/text/messages/errors';
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

// Why a file cannot be used (shared/text document/* codes): newer ones stay, the others are moved
// to the quarantine.
export type { DocumentProblem } from '../../shared/text/messages/errors';

export function isNewer(problem: DocumentProblem): boolean {
  return problem.code === 'document/newer-report' || problem.code === 'document/newer-checklist';
}

const RULES = new Set<string>(RULE_IDS);
const STATUSES = new Set(['verified', 'failed', 'untested']);
const KNOWN_VERDICTS = new Set<string>(VERDICTS);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseChecklist(text: string): Checklist | DocumentProblem {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { code: 'document/not-json' };
  }
  if (!isObject(data) || typeof data.schemaVersion !== 'number' || !isObject(data.site) || !isObject(data.network)) {
    return { code: 'document/not-checklist' };
  }
  if (data.schemaVersion > CHECKLIST_SCHEMA_VERSION) {
    return { code: 'document/newer-checklist', version: data.schemaVersion, reads: CHECKLIST_SCHEMA_VERSION };
  }
  const rules = data.rules;
  const rulesOk = Array.isArray(rules) && rules.every((rule) => isObject(rule) && RULES.has(rule.id as string) && STATUSES.has(rule.status as string));
  if (!rulesOk || typeof data.verdict !== 'string' || !KNOWN_VERDICTS.has(data.verdict) || typeof data.createdAt !== 'string' || !isObject(data.nat)) {
    return { code: 'document/damaged-checklist' };
  }
  return upgradeChecklist(data) as Checklist;
}

// The one place a stored report is read and checked, by the same schema as `checklist --from`:
// a file that would read as "changed from undefined to none" never becomes the previous run.
function parseReport(text: string): DiagnoseReport | DocumentProblem {
  const parsed = parseReportJson(text);
  if (parsed.ok) return parsed.value;
  const error = parsed.error;
  switch (error.code) {
    case 'report/newer':
      return { code: 'document/newer-report', version: error.version, reads: error.reads };
    case 'report/not-json':
      return { code: 'document/not-json' };
    case 'report/damaged':
      // Which field the schema refused, for the sentence that says where the file went.
      return { code: 'document/damaged-report', path: error.path, problem: error.problem };
    default:
      return { code: 'document/not-report' };
  }
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
  return 'code' in value;
}

export function documentVerdict(document: HistoryDocument): Verdict {
  return document.kind === 'report' ? document.report.verdict : document.checklist.verdict;
}
