// The checklist as a JSON file that TrunkCheck can open again. A foreign, damaged or newer file
// gets one clear sentence, never a crash further down (like shared/report-file.ts for reports).
import { CHECKLIST_SCHEMA_VERSION, type Checklist, type ChecklistRule } from '../checklist/model';
import { checklistSchema } from '../checklist/schema';
import { upgradeChecklist } from '../report-upgrade';
import { fail, ok, type Result } from '../result';
import { checkSchema } from '../schema';
import { word, wordAll } from '../text';

export const CHECKLIST_FORMAT = 'trunkcheck/checklist';

// The top level reads in this order; everything below it with sorted keys, so the same checklist
// always gives the same bytes (diffable, testable).
const TOP_LEVEL = ['format', 'schemaVersion', 'createdAt', 'language', 'site', 'profile', 'network', 'nat', 'gateway', 'fragments', 'verdict', 'todo', 'qos', 'rules'] as const;

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(record).sort().filter((key) => record[key] !== undefined).map((key) => [key, sortedKeys(record[key])]));
}

// Each rule carries its evidence and fix as codes (for TrunkCheck to read back in any language)
// and worded in the checklist's language (for a person or a script reading the file).
function withWords(rule: ChecklistRule, language: Checklist['language']): Record<string, unknown> {
  return { ...rule, evidenceText: wordAll(language, rule.evidence), fixText: rule.fix === null ? null : word(language, rule.fix) };
}

export function renderJson(checklist: Checklist): string {
  const rules = checklist.rules.map((rule) => withWords(rule, checklist.language));
  const todo = checklist.todo.map((item) => ({ ...item, text: word(checklist.language, item.message) }));
  const record: Record<string, unknown> = { ...checklist, rules, todo, format: CHECKLIST_FORMAT, schemaVersion: CHECKLIST_SCHEMA_VERSION };
  const known = new Set<string>(TOP_LEVEL);
  const keys = [...TOP_LEVEL, ...Object.keys(record).filter((key) => !known.has(key)).sort()];
  const ordered = Object.fromEntries(keys.filter((key) => record[key] !== undefined).map((key) => [key, sortedKeys(record[key])]));
  // JSON allows DEL, the C1 controls (NEL among them) and U+2028 / U+2029 raw inside strings, but
  // they end a line for JavaScript before ES2019 and for line-oriented tools, or hide in a viewer;
  // outside strings JSON has none, so escaping them is safe.
  return `${JSON.stringify(ordered, null, 2).replace(/[\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

// A checklist is a few KB; anything far larger is not one.
export const MAX_CHECKLIST_CHARS = 4 * 1024 * 1024;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

// file: the path a person gave, or null for a checklist that came over IPC.
export function parseChecklistJson(text: string, file: string | null = null): Result<Checklist> {
  if (text.length > MAX_CHECKLIST_CHARS) {
    return fail('checklist/too-large', { file, mb: Math.round(text.length / 1024 / 1024) });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('checklist/not-json', { file });
  }
  if (isObject(data) && isObject(data.tool) && data.tool.name === 'trunkcheck' && !('format' in data)) {
    return fail('checklist/is-report', { file });
  }
  if (!isObject(data) || data.format !== CHECKLIST_FORMAT) {
    return fail('checklist/foreign', { file });
  }
  const version = data.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > CHECKLIST_SCHEMA_VERSION) {
    return fail('checklist/newer', { file, version, reads: CHECKLIST_SCHEMA_VERSION });
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('checklist/unknown-version', { file, version: JSON.stringify(version)?.slice(0, 40) ?? null });
  }
  // Every field is checked (shared/checklist/schema.ts); the format marker is not part of the checklist.
  // Schema-1 evidence reads as legacy text; the worded evidenceText/fixText/text are derived and dropped.
  const checked = checkSchema(checklistSchema, upgradeChecklist(data));
  if (!checked.ok) return fail('checklist/damaged', { file, path: checked.path, problem: checked.problem });
  return ok(checked.value);
}
