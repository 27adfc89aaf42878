// Reading a saved `diagnose --json` report back: a foreign, broken or newer file gets one clear
// sentence, never a crash further down.
import { isCheckId } from './checks';
import { REPORT_SCHEMA_VERSION, type DiagnoseReport } from './report';
import { upgradeReport } from './report-upgrade';
import { fail, ok, type Result } from './result';
import { isRuleMessage } from './text/messages/rules';

const RULE_IDS = new Set(['outbound-signalling', 'inbound-signalling', 'outbound-media', 'inbound-media']);
const STATUSES = new Set(['verified', 'failed', 'untested']);

const isEvidence = (value: unknown): boolean => Array.isArray(value) && value.length <= 64 && value.every(isRuleMessage);

export function parseReportJson(text: string, name = 'The file'): Result<DiagnoseReport> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('report/not-json', `${name} is not JSON: give the file written by "trunkcheck diagnose --json" or --out.`);
  }
  if (typeof data !== 'object' || data === null || (data as { tool?: { name?: unknown } }).tool?.name !== 'trunkcheck') {
    return fail('report/foreign', `${name} is not a TrunkCheck report: give the file written by "trunkcheck diagnose --json" or --out.`);
  }
  const report = upgradeReport(data) as Partial<DiagnoseReport>;
  if (typeof report.schemaVersion !== 'number') return fail('report/foreign', `${name} has no schemaVersion, so it is not a TrunkCheck report.`);
  if (report.schemaVersion > REPORT_SCHEMA_VERSION) {
    return fail(
      'report/newer',
      `${name} was written by a newer TrunkCheck (report schema ${report.schemaVersion}, this version reads ${REPORT_SCHEMA_VERSION}): update TrunkCheck to read it.`,
    );
  }
  if (report.schemaVersion < 1 || !Number.isInteger(report.schemaVersion)) return fail('report/foreign', `${name} has an unknown report schema ${String(report.schemaVersion)}.`);
  const rules = report.rules;
  if (!Array.isArray(rules) || !rules.every((rule) => RULE_IDS.has(rule?.id) && STATUSES.has(rule?.status) && isEvidence(rule?.evidence))) {
    return fail('report/damaged', `${name} is damaged: its firewall rules are missing or malformed. Run the diagnosis again.`);
  }
  if (typeof report.local?.ip !== 'string' || typeof report.local.sipPort !== 'number' || typeof report.nat !== 'object' || report.nat === null || !Array.isArray(report.stunServers)) {
    return fail('report/damaged', `${name} is damaged: the network part is missing. Run the diagnosis again.`);
  }
  if (report.cancelled !== undefined && !(Array.isArray(report.cancelled) && report.cancelled.every(isCheckId))) {
    return fail('report/damaged', `${name} is damaged: its list of cancelled checks is malformed. Run the diagnosis again.`);
  }
  // Reports written before a section existed read as "not measured".
  const local = { ...report.local, gateway: report.local.gateway ?? null };
  return ok({ ...report, local, sip: report.sip ?? null, checks: { nat: null, sip: null, ...report.checks } } as DiagnoseReport);
}
