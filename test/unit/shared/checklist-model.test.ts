import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../../shared/catalog/profiles';
import { buildChecklist, formatPorts } from '../../../shared/checklist/model';
import type { DiagnoseReport, RuleResult } from '../../../shared/report';
import { readReportFixture } from '../../support/report-fixture';

// The lab report as TrunkCheck reads it (upgraded to the current schema).
const report: DiagnoseReport = readReportFixture('report-v2-masquerade.json');
const failing = (id: RuleResult['id'], evidence?: RuleResult['evidence']): DiagnoseReport => ({
  ...report,
  rules: report.rules.map((rule) => (rule.id === id ? { ...rule, status: 'failed', evidence: evidence ?? rule.evidence } : rule)),
});
const site = { name: 'Head office', customer: 'Müller GmbH', technician: 'J. Weiß' };

describe('the checklist model', () => {
  it('fills the four rules of the source document with the real addresses of a lab run', () => {
    const checklist = buildChecklist(report, defaultProfile(), { site, language: 'en' });
    expect(checklist.rules.map((rule) => rule.id)).toEqual(['outbound-signalling', 'inbound-signalling', 'outbound-media', 'inbound-media']);
    const [out, back, voiceOut, voiceIn] = checklist.rules;
    expect(out?.source.addresses).toEqual(['192.168.100.5']);
    expect(formatPorts(out!.source.ports)).toBe('55000-56000, 65002');
    expect(out?.destination.addresses).toEqual(['203.0.113.10', '203.0.113.20']);
    expect(formatPorts(out!.destination.ports)).toBe('3478, 5060');
    expect(formatPorts(back!.destination.ports)).toBe('65002');
    expect(voiceOut?.destination.anyAddress).toBe(true);
    expect(voiceIn?.source.anyAddress).toBe(true);
    expect(out?.status).toBe('verified');
  });

  it('uses the ports the run really used, not the profile defaults', () => {
    const custom = { ...report, local: { ...report.local, sipPort: 51510 }, rtp: { ...report.rtp, range: { from: 40000, to: 40100 } } as DiagnoseReport['rtp'] };
    const checklist = buildChecklist(custom, defaultProfile(), { site, language: 'en' });
    expect(formatPorts(checklist.rules[0]!.source.ports)).toBe('40000-40100, 51510');
    expect(formatPorts(checklist.rules[1]!.destination.ports)).toBe('51510');
    expect(formatPorts(checklist.rules[3]!.destination.ports)).toBe('40000-40100');
  });

  it('names the fix for a failed rule with the real values', () => {
    const checklist = buildChecklist(failing('inbound-media', [{ code: 'media/inbound-not-tested' }]), defaultProfile(), { site, language: 'en' });
    expect(checklist.rules[3]?.fix).toEqual({ code: 'fix/inbound-media', pbxIp: '192.168.100.5', pbxPorts: [{ from: 55000, to: 56000 }] });
    expect(checklist.rules[0]?.fix).toBeNull();
  });

  it('names the far side of a failed signalling rule: the STUN server and SIP provider as measured', () => {
    const checklist = buildChecklist(failing('outbound-signalling'), defaultProfile(), { site, language: 'de' });
    expect(checklist.rules[0]?.fix).toEqual({
      code: 'fix/outbound-signalling',
      pbxIp: '192.168.100.5',
      pbxPorts: [{ from: 55000, to: 56000 }, { from: 65002, to: 65002 }],
      peers: ['203.0.113.10', '203.0.113.20'],
      peerPorts: [{ from: 3478, to: 3478 }, { from: 5060, to: 5060 }],
    });
  });

  it('says "not measured" as a code for a rule the report does not hold', () => {
    const checklist = buildChecklist({ ...report, rules: report.rules.slice(0, 2) }, defaultProfile(), { site, language: 'en' });
    expect(checklist.rules[3]).toMatchObject({ status: 'untested', evidence: [{ code: 'rule/not-measured' }], fix: null });
  });
});
