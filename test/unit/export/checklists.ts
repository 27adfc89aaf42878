// Checklists for the export tests, built from the real NAT-lab reports in test/fixtures (a
// masquerading router and one with --random-fully, report schema 2: evidence as codes; see
// test/lab/report-fixtures.lab.test.ts) through the real model and profile.
import { readReportFixture } from '../../support/report-fixture';
import { defaultProfile } from '../../../shared/catalog/profiles';
import { buildChecklist, type Checklist } from '../../../shared/checklist/model';
import type { DiagnoseReport, RuleId } from '../../../shared/report';
import type { RuleMessage } from '../../../shared/text/messages/rules';
import { judgeReport } from '../../../shared/verdict/verdict';

// What the media probe reports when the router drops answers from an address the ports never sent to.
export const INBOUND_BLOCKED: RuleMessage = { code: 'media/inbound-blocked', from: '203.0.113.11:3479', ports: [55000, 55091, 56000], tested: 12 };

export const CREATED_AT = '2026-11-23T21:22:05.000Z';

export const SITE = { name: 'Head office Nürnberg', customer: 'Müller & Söhne GmbH', technician: 'Jörg Weiß' };

export function report(name: 'masquerade' | 'random-fully'): DiagnoseReport {
  return readReportFixture(`report-v2-${name}.json`);
}

export function checklistFrom(name: 'masquerade' | 'random-fully', language: 'en' | 'de' = 'en', failed: readonly RuleId[] = []): Checklist {
  const measured = report(name);
  // A failed rule, as the media test reports it when the router drops the inbound RTP.
  const rules = measured.rules.map((rule) =>
    failed.includes(rule.id) ? { ...rule, status: 'failed' as const, evidence: [INBOUND_BLOCKED] } : rule,
  );
  // The verdict as the diagnosis would judge these rules: a failed one is never "incomplete".
  const judged = { ...measured, rules };
  return buildChecklist({ ...judged, verdict: judgeReport(judged) }, defaultProfile(), { site: SITE, language, createdAt: CREATED_AT });
}
