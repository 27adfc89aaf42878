import { describe, expect, it } from 'vitest';
import { CHECKLIST_SCHEMA_VERSION } from '../../../shared/checklist/model';
import { CHECKLIST_FORMAT, parseChecklistJson, renderJson } from '../../../shared/export/json';
import { checklistFrom, report } from './checklists';
import { word } from '../../../shared/text';

describe('the checklist JSON file', () => {
  it('starts with the format and schemaVersion and reads back as the same checklist', () => {
    const checklist = checklistFrom('masquerade', 'de', ['inbound-media']);
    const text = renderJson(checklist);
    expect(text.split('\n').slice(0, 3)).toEqual(['{', `  "format": "${CHECKLIST_FORMAT}",`, `  "schemaVersion": ${CHECKLIST_SCHEMA_VERSION},`]);
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = parseChecklistJson(text);
    expect(parsed).toEqual({ ok: true, value: checklist });
  });

  it('carries each rule\'s evidence and fix as codes, and worded in the checklist\'s language', () => {
    const data = JSON.parse(renderJson(checklistFrom('masquerade', 'de', ['inbound-media'])));
    const inbound = data.rules[3];
    expect(inbound.evidence).toEqual([{ code: 'media/inbound-blocked', from: '203.0.113.11:3479', ports: [55000, 55091, 56000], tested: 12 }]);
    expect(inbound.fix).toEqual({ code: 'fix/inbound-media', pbxIp: '192.168.100.5', pbxPorts: [{ from: 55000, to: 56000 }] });
    expect(inbound.evidenceText).toContain('erreichten 3 der 12 geprüften Ports nicht');
    expect(inbound.fixText).toBe('UDP von beliebigen Adressen und Ports an 192.168.100.5 Ports 55000-56000 erlauben; hinter NAT diesen Bereich mit denselben Ports an 192.168.100.5 weiterleiten.');
    expect(data.rules[0].fixText).toBeNull();
  });

  it('opens a checklist of schema 1, its English sentences shown as they are', () => {
    const data = JSON.parse(renderJson(checklistFrom('masquerade', 'de', ['inbound-media'])));
    const old = {
      ...data,
      schemaVersion: 1,
      rules: data.rules.map(({ evidenceText, fixText, ...rule }: Record<string, unknown>) => ({ ...rule, evidence: evidenceText, fix: fixText })),
    };
    old.rules[3].evidence = 'No RTP packet reached 192.168.100.5 UDP 55000-56000.';
    old.rules[3].fix = 'Allow UDP from any address and port to 192.168.100.5 ports 55000-56000.';
    const parsed = parseChecklistJson(JSON.stringify(old));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.rules[3]?.evidence).toEqual([{ code: 'legacy/text', text: 'No RTP packet reached 192.168.100.5 UDP 55000-56000.' }]);
    expect(parsed.value.rules[3]?.fix).toEqual({ code: 'legacy/text', text: 'Allow UDP from any address and port to 192.168.100.5 ports 55000-56000.' });
    expect(parsed.value.rules[0]?.fix).toBeNull();
    // Its What to do: the failed rule's fix, the sentence as it was written.
    expect(parsed.value.todo).toEqual([{ kind: 'fix', rule: 'inbound-media', message: { code: 'legacy/text', text: 'Allow UDP from any address and port to 192.168.100.5 ports 55000-56000.' } }]);
  });

  it('opens a checklist of schema 2 with its failed rules\' fixes as What to do, the router and fragments not measured', () => {
    const { todo: _todo, gateway: _gateway, fragments: _fragments, ...data } = JSON.parse(renderJson(checklistFrom('masquerade', 'en', ['inbound-media'])));
    const parsed = parseChecklistJson(JSON.stringify({ ...data, schemaVersion: 2 }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.todo).toEqual([{ kind: 'fix', rule: 'inbound-media', message: { code: 'fix/inbound-media', pbxIp: '192.168.100.5', pbxPorts: [{ from: 55000, to: 56000 }] } }]);
    expect(parsed.value.gateway).toBeNull();
    expect(parsed.value.fragments).toBeNull();
  });

  it('carries What to do as codes, and worded in the checklist\'s language', () => {
    const data = JSON.parse(renderJson(checklistFrom('masquerade', 'de', ['inbound-media'])));
    expect(data.todo[0]).toMatchObject({ kind: 'fix', rule: 'inbound-media', message: { code: 'fix/inbound-media' } });
    expect(data.todo[0].text).toContain('UDP von beliebigen Adressen und Ports an 192.168.100.5 Ports 55000-56000 erlauben');
    data.todo[0].message = { code: 'todo/forward', pbxIp: 'nonsense' };
    expect(parseChecklistJson(JSON.stringify(data))).toMatchObject({ ok: false, error: { code: 'checklist/damaged' } });
  });

  it('refuses evidence that is neither a known code nor an old sentence', () => {
    const data = JSON.parse(renderJson(checklistFrom('masquerade')));
    data.rules[0].evidence = [{ code: 'media/inbound-blocked', from: 'x', ports: [0], tested: 1 }];
    expect(parseChecklistJson(JSON.stringify(data))).toMatchObject({ ok: false, error: { code: 'checklist/damaged' } });
  });

  it('is stable: the same checklist gives the same bytes, whatever its key order', () => {
    const checklist = checklistFrom('random-fully');
    const reordered = Object.fromEntries(Object.entries(checklist).reverse()) as unknown as typeof checklist;
    expect(renderJson(reordered)).toBe(renderJson(checklist));
  });

  it('holds the real measured values', () => {
    const text = renderJson(checklistFrom('masquerade'));
    expect(text).toContain('"pbxIp": "192.168.100.5"');
    expect(text).toContain('"publicIp": "203.0.113.1"');
    expect(text).toContain('"classic": "port-restricted-cone"');
    expect(text).toContain('"from": 55000');
  });

  it.each([
    ['invalid JSON', '{"format": ', 'checklist/not-json', 'is not JSON'],
    ['a foreign file', '{"foo":1}', 'checklist/foreign', 'is not a TrunkCheck checklist'],
    ['null', 'null', 'checklist/foreign', 'is not a TrunkCheck checklist'],
    ['a diagnosis report', JSON.stringify(report('masquerade')), 'checklist/is-report', 'is a TrunkCheck diagnosis report, not a checklist'],
    ['a newer file', JSON.stringify({ format: CHECKLIST_FORMAT, schemaVersion: 99 }), 'checklist/newer', 'was made by a newer TrunkCheck'],
    ['an unknown schema version', JSON.stringify({ format: CHECKLIST_FORMAT, schemaVersion: 0 }), 'checklist/unknown-version', 'unknown checklist schema version (0)'],
    ['no schema version', JSON.stringify({ format: CHECKLIST_FORMAT }), 'checklist/unknown-version', 'unknown checklist schema version (none)'],
  ])('refuses %s with one clear sentence', (_name, text, code, words) => {
    const result = parseChecklistJson(text, 'checklist.json');
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (result.ok) return;
    const message = word('en', result.error);
    expect(message).toContain(words);
    expect(message.startsWith('checklist.json ')).toBe(true);
    expect(message.match(/[.!?](\s|$)/g)).toHaveLength(1);
  });

  it('tells the user to update TrunkCheck for a file with schemaVersion 99', () => {
    const text = renderJson(checklistFrom('masquerade')).replace(`"schemaVersion": ${CHECKLIST_SCHEMA_VERSION}`, '"schemaVersion": 99');
    const result = parseChecklistJson(text);
    expect(result).toEqual({ ok: false, error: { code: 'checklist/newer', file: null, version: 99, reads: CHECKLIST_SCHEMA_VERSION } });
    if (!result.ok) {
      expect(word('en', result.error)).toBe(`The checklist was made by a newer TrunkCheck (checklist schema 99, this version reads ${CHECKLIST_SCHEMA_VERSION}): update TrunkCheck to open it.`);
    }
  });

  it.each([
    ['rules', (data: Record<string, unknown>) => ({ ...data, rules: [{ id: 'x' }] }), 'its rules[0].id is not one of outbound-signalling, inbound-signalling, outbound-media, inbound-media ("x")'],
    ['network', (data: Record<string, unknown>) => ({ ...data, network: { pbxIp: 5 } }), 'its network.pbxIp is not an IP address (5)'],
    ['site', (data: Record<string, unknown>) => ({ ...data, site: null }), 'its site is not an object (null)'],
    ['nat', (data: Record<string, unknown>) => ({ ...data, nat: { classic: 'weird' } }), 'its nat.classic is not one of full-cone, restricted-cone, port-restricted-cone, symmetric, open-internet, symmetric-udp-firewall, blocked, unknown ("weird")'],
    ['verdict', (data: Record<string, unknown>) => ({ ...data, verdict: 'maybe' }), 'its verdict is not one of ready, action-needed, blocked, incomplete ("maybe")'],
  ])('names the damaged field (%s)', (_name, damage, field) => {
    const data = JSON.parse(renderJson(checklistFrom('masquerade'))) as Record<string, unknown>;
    const result = parseChecklistJson(JSON.stringify(damage(data)));
    expect(result).toMatchObject({ ok: false, error: { code: 'checklist/damaged' } });
    if (!result.ok) expect(word('en', result.error)).toBe(`The checklist is damaged or was edited: ${field}; export the checklist again.`);
  });
});
