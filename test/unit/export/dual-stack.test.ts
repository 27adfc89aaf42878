// The documents of a dual-stack PBX: the JSON file carries the IPv6 rules beside the IPv4 ones and
// reads back as the same checklist; a checklist saved by an older TrunkCheck (schema 2, no IP
// version on its rules) reads as its PBX address's version; Markdown shows the IPv6 rows.
import { describe, expect, it } from 'vitest';
import { CHECKLIST_SCHEMA_VERSION } from '../../../shared/checklist/model';
import { parseChecklistJson, renderJson } from '../../../shared/export/json';
import { renderMarkdown } from '../../../shared/export/markdown';
import { word } from '../../../shared/text';
import { PBX6 } from '../../support/ipv6-section';
import { checklistDualStack, checklistFrom, checklistIpv6 } from '../firewall/checklists';

type Json = Record<string, unknown>;

// A checklist file as TrunkCheck wrote it with schema 2: no family on the rules, no IPv6 path.
function schema2(text: string): string {
  const data = JSON.parse(text) as Json & { network: Json; rules: Json[] };
  const { ipv6: _ipv6, ...network } = data.network;
  return JSON.stringify({ ...data, schemaVersion: 2, network, rules: data.rules.map(({ family: _family, ...rule }) => rule) });
}

function edited(path: string, value: unknown): string {
  const data = JSON.parse(renderJson(checklistDualStack())) as Json;
  const keys = path.split(/\.|\[(\d+)\]/).filter((key) => key !== undefined && key !== '');
  let target: Json = data;
  for (const key of keys.slice(0, -1)) target = target[key] as Json;
  target[keys.at(-1) as string] = value;
  return JSON.stringify(data);
}

describe('the JSON file of a dual-stack checklist', () => {
  it('reads back as the same checklist, with eight rules and the IPv6 path', () => {
    const checklist = checklistDualStack({ language: 'de' });
    const text = renderJson(checklist);
    expect(parseChecklistJson(text)).toEqual({ ok: true, value: checklist });
    const data = JSON.parse(text);
    expect(data.schemaVersion).toBe(CHECKLIST_SCHEMA_VERSION);
    expect(data.rules.map((rule: Json) => rule.family)).toEqual([4, 4, 4, 4, 6, 6, 6, 6]);
    expect(data.network.ipv6.pbxIp).toBe(PBX6);
    expect(data.rules[7].fixText).toBe('UDP von beliebigen Adressen und Ports an 2001:db8::5 Ports 55000-56000 erlauben; hinter NAT diesen Bereich mit denselben Ports an 2001:db8::5 weiterleiten.');
  });

  it('opens a checklist of schema 2: its rules are of its PBX address\'s IP version, with no IPv6 path', () => {
    for (const [checklist, family] of [[checklistFrom('masquerade'), 4], [checklistIpv6(), 6]] as const) {
      const parsed = parseChecklistJson(schema2(renderJson(checklist)));
      expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.value.schemaVersion).toBe(CHECKLIST_SCHEMA_VERSION);
      expect(parsed.value.rules.map((rule) => rule.family)).toEqual([family, family, family, family]);
      expect(parsed.value.network.ipv6).toBeNull();
      // What schema 2 had no place for reads as it can: its failed rules' fixes as the list, the path not measured.
      expect(parsed.value).toEqual({ ...checklist, schemaVersion: CHECKLIST_SCHEMA_VERSION, todo: parsed.value.todo, gateway: parsed.value.gateway, fragments: parsed.value.fragments });
    }
  });

  it.each([
    ['network.ipv6.pbxIp', '192.168.100.5', 'schema/not-ipv6'],
    ['network.ipv6.pbxIp', '2001:db8::5; nft flush ruleset', 'schema/not-ipv6'],
    ['network.ipv6.publicIp', '203.0.113.1', 'schema/not-ipv6'],
    ['network.ipv6.stun[0].ip', '203.0.113.10', 'schema/not-ipv6'],
    ['network.ipv6.stun[0].host', 'stun.example.net"\nend', 'schema/not-host'],
    ['network.ipv6.translation', 'nat44', 'schema/not-one-of'],
    ['network.ipv6.verdict', 'fine', 'schema/not-one-of'],
    ['network.ipv6.filtering', 'stateful', 'schema/not-one-of'],
    ['rules[4].family', 5, 'schema/not-one-of'],
    ['rules[4].family', '6', 'schema/not-one-of'],
  ])('refuses a hostile %s: %j', (field, value, code) => {
    const result = parseChecklistJson(edited(field, value), 'hostile.json');
    expect(result).toMatchObject({ ok: false, error: { code: 'checklist/damaged', path: field, problem: { code } } });
  });

  it('refuses IPv6 rules without the PBX\'s IPv6 address, and a rule of one IP version twice', () => {
    const orphan = parseChecklistJson(edited('network.ipv6', null), 'orphan.json');
    expect(orphan).toMatchObject({ ok: false, error: { path: 'rules', problem: { code: 'schema/no-pbx-address-for-family' } } });
    if (!orphan.ok) expect(word('en', orphan.error)).toContain('its rules hold a rule of an IP version for which the checklist names no PBX address');
    const data = JSON.parse(renderJson(checklistDualStack())) as { rules: Json[] };
    const twice = parseChecklistJson(JSON.stringify({ ...data, rules: [...data.rules.slice(0, 5), data.rules[4]] }));
    expect(twice).toMatchObject({ ok: false, error: { path: 'rules', problem: { code: 'schema/rule-twice' } } });
  });
});

describe('the Markdown checklist of a dual-stack PBX', () => {
  const markdown = renderMarkdown(checklistDualStack());
  const rows = markdown.split('\n').filter((line) => /^\| [5-8] \|/.test(line));

  it('names the PBX\'s IPv6 address in the network summary, and the IPv6 rules beside the IPv4 ones', () => {
    expect(markdown).toContain(`- **PBX over IPv6**: ${PBX6} – Rules 5-8: the same four rules over IPv6, for ${PBX6}. No NAT: pure firewall rules, without port forwards.`);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain('| 5 | **Outbound signalling (IPv6)**');
    expect(rows[0]).toContain('PBX: 2001:db8::5<br>Ports: 55000-56000, 65002');
    expect(rows[0]).toContain('2001:db8:1::10, 2001:db8:1::20<br>Ports: 3478, 5060 | UDP / IPv6 | ✓ verified |');
    expect(rows[3]).toContain('| 8 | **Inbound voice (IPv6)**');
    expect(rows[3]).toContain('✗ failed');
    expect(markdown).toContain('**Rule 8 · Inbound voice (IPv6):** Allow UDP from any address and port to 2001:db8::5 ports 55000-56000');
  });

  it('says so when the IPv6 path translates the address', () => {
    const translated = renderMarkdown(checklistDualStack({ ipv6: { publicAddress: { ip: '2001:db8:ff::5', port: 65002 }, nat: { classic: 'port-restricted-cone', mapping: 'endpoint-independent', translation: 'translated', supported: true, portPreserved: true, bindingLifetimeSec: null, hairpinning: null } } }));
    expect(translated).toContain('Over IPv6 the STUN server saw 2001:db8:ff::5, not 2001:db8::5: a router translates IPv6 addresses (NPTv6 or NAT66).');
  });

  it('is German for a German checklist', () => {
    const german = renderMarkdown(checklistDualStack({ language: 'de' }));
    expect(german).toContain(`- **TK-Anlage über IPv6**: ${PBX6} – Regeln 5-8: dieselben vier Regeln über IPv6`);
    expect(german).toContain('**Signalisierung ausgehend (IPv6)**');
  });
});
