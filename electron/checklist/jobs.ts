// The checklist work that can take long on large input: building a checklist with its firewall
// rules, and exporting one. Plain functions of plain data, so the same code runs on the main
// thread (the CLI, a run from sources) and in the export worker (off-thread.ts).
import { CUSTOM_PROFILE_ID, findProfile } from '../../shared/catalog/profiles';
import { profileOfReport } from '../../shared/verdict/needs';
import { buildChecklist, type Checklist } from '../../shared/checklist/model';
import { renderAllFirewalls } from '../../shared/firewall';
import type { ChecklistBuildRequest, ChecklistBuilt } from '../../shared/ipc';
import { fail, ok, type Result } from '../../shared/result';
import { exportChecklist, type ExportedFile } from '../export';

export type ChecklistJob =
  | { readonly kind: 'build'; readonly request: ChecklistBuildRequest }
  | { readonly kind: 'export'; readonly checklist: Checklist; readonly format: string; readonly firewalls?: readonly string[]; readonly fontDir?: string };

export type ChecklistJobResult<J extends ChecklistJob> = Result<J extends { kind: 'build' } ? ChecklistBuilt : ExportedFile>;

export async function runChecklistJob<J extends ChecklistJob>(job: J): Promise<ChecklistJobResult<J>> {
  if (job.kind === 'build') return buildWithFirewall(job.request) as Promise<ChecklistJobResult<J>>;
  const options = { ...(job.fontDir === undefined ? {} : { fontDir: job.fontDir }), ...(job.firewalls === undefined ? {} : { firewalls: job.firewalls }) };
  return exportChecklist(job.checklist, job.format, options) as Promise<ChecklistJobResult<J>>;
}

async function buildWithFirewall(request: ChecklistBuildRequest): Promise<Result<ChecklistBuilt>> {
  // A custom profile is in no catalog: the report itself says what it needs.
  const reportProfile = request.report.profile === CUSTOM_PROFILE_ID && request.report.pbx !== null ? profileOfReport(request.report) : findProfile(request.report.profile);
  if (reportProfile === undefined) return fail('checklist/unknown-profile', { profile: request.report.profile });
  const checklist = buildChecklist(request.report, reportProfile, { site: request.site, language: request.language, qos: request.qos ?? true });
  const firewall = renderAllFirewalls(checklist);
  if (!firewall.ok) return firewall;
  return ok({ checklist, firewall: firewall.value });
}
