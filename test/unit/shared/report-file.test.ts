import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../../shared/catalog/profiles';
import { buildChecklist } from '../../../shared/checklist/model';
import { documentView } from '../../../shared/export/document';
import { REPORT_SCHEMA_VERSION } from '../../../shared/report';
import { parseReportJson } from '../../../shared/report-file';
import { word } from '../../../shared/text';

// Schema 1: evidence as English sentences. Schema 2: evidence as codes (a real NAT-lab run each).
const real = readFileSync('test/fixtures/report-masquerade.json', 'utf8');
const current = readFileSync('test/fixtures/report-v2-masquerade.json', 'utf8');
const site = { name: 'Zentrale', customer: 'Müller GmbH', technician: 'J. Weiß' };

describe('reading a saved report', () => {
  it('reads a real report from the NAT lab', () => {
    const result = parseReportJson(real);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.publicAddress).toEqual({ ip: '203.0.113.1', port: 65002 });
  });

  it('reads a report of schema 2 with its evidence as codes, and prints it as a German checklist', () => {
    const result = parseReportJson(current);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(result.value.rules[0]?.evidence.map((message) => message.code)).toEqual(['signalling/stun-out', 'options/answered']);
    const view = documentView(buildChecklist(result.value, defaultProfile(), { site, language: 'de' }));
    expect(view.rules[1]?.evidence).toBe('Die STUN-Antwort von 203.0.113.10:3478 kam an UDP 65002 an. Auch die SIP-Antwort 200 OK von 203.0.113.20:5060 kam an UDP 65002 an.');
  });

  it('reads an old report (schema 1): its English sentences become legacy text, shown as they are', () => {
    const result = parseReportJson(real);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(result.value.rules[1]?.evidence).toEqual([{ code: 'legacy/text', text: 'The STUN answer from 203.0.113.10:3478 reached UDP 65002; the SIP answer 200 OK from 203.0.113.20:5060 reached it too.' }]);
    expect(result.value.checks.sip?.evidence).toMatchObject({ code: 'legacy/text' });
    const view = documentView(buildChecklist(result.value, defaultProfile(), { site, language: 'de' }));
    expect(view.rules[2]?.evidence).toBe('Media ports not tested yet.');
  });

  it.each([
    ['a sentence where schema 2 has codes', (data: Record<string, unknown>) => ({ ...data, rules: (data.rules as object[]).map((rule) => ({ ...rule, evidence: 'Fine.' })) })],
    ['an unknown code', (data: Record<string, unknown>) => ({ ...data, rules: (data.rules as object[]).map((rule) => ({ ...rule, evidence: [{ code: 'rule/all-good' }] })) })],
    ['a port out of range', (data: Record<string, unknown>) => ({ ...data, rules: (data.rules as object[]).map((rule) => ({ ...rule, evidence: [{ code: 'port/held', port: 70000 }] })) })],
    ['a thousand parts', (data: Record<string, unknown>) => ({ ...data, rules: (data.rules as object[]).map((rule) => ({ ...rule, evidence: Array(1000).fill({ code: 'media/off' }) })) })],
  ])('refuses evidence of schema 2 with %s', (_name, damage) => {
    const result = parseReportJson(JSON.stringify(damage(JSON.parse(current))), 'report.json');
    expect(result).toMatchObject({ ok: false, error: { code: 'report/damaged' } });
  });

  it.each([
    ['not json', 'report/not-json', 'is not JSON'],
    ['{"foo":1}', 'report/foreign', 'not a TrunkCheck report'],
    [JSON.stringify({ ...JSON.parse(real), schemaVersion: 99 }), 'report/newer', 'newer TrunkCheck'],
    [JSON.stringify({ ...JSON.parse(real), rules: [{ id: 'x' }] }), 'report/damaged', 'damaged'],
    [JSON.stringify({ ...JSON.parse(real), local: null }), 'report/damaged', 'damaged'],
    ['null', 'report/foreign', 'not a TrunkCheck report'],
  ])('refuses %#: %s', (text, code, words) => {
    const result = parseReportJson(text, 'report.json');
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(word('en', result.error)).toContain(words);
  });
});
