// Checklists for the export tests, built from the real NAT-lab reports in test/fixtures (a
// masquerading router and one with --random-fully) through the real model and profile.
import { readFileSync } from 'node:fs';
import { defaultProfile } from '../../../shared/catalog/profiles';
import { buildChecklist, type Checklist } from '../../../shared/checklist/model';
import type { DiagnoseReport, RuleId } from '../../../shared/report';

export const CREATED_AT = '2026-11-23T21:22:05.000Z';

export const SITE = { name: 'Head office Nürnberg', customer: 'Müller & Söhne GmbH', technician: 'Jörg Weiß' };

export function report(name: 'masquerade' | 'random-fully'): DiagnoseReport {
  return JSON.parse(readFileSync(`test/fixtures/report-${name}.json`, 'utf8')) as DiagnoseReport;
}

export function checklistFrom(name: 'masquerade' | 'random-fully', language: 'en' | 'de' = 'en', failed: readonly RuleId[] = []): Checklist {
  const measured = report(name);
  // A failed rule, as the media test reports it when the router drops the inbound RTP.
  const rules = measured.rules.map((rule) =>
    failed.includes(rule.id) ? { ...rule, status: 'failed' as const, evidence: `No RTP packet from the test peer reached ${measured.local.ip} UDP 55000-56000 within 2 s.` } : rule,
  );
  return buildChecklist({ ...measured, rules }, defaultProfile(), { site: SITE, language, createdAt: CREATED_AT });
}
