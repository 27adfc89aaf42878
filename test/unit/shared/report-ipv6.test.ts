// The report's IPv6 section read from a file: the same checks a fresh report goes through, so
// an edited section never puts an IPv4 address, a command or an unknown word into an IPv6 rule.
// A report without the section (every report written before IPv6 was measured) reads unchanged.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReportJson } from '../../../shared/report-file';
import type { Ipv6Section } from '../../../shared/report-ipv6';
import { word } from '../../../shared/text';
import { ipv6Section, PBX6 } from '../../support/ipv6-section';

type Json = Record<string, unknown>;
const base = (): Json => JSON.parse(readFileSync('test/fixtures/report-v2-masquerade.json', 'utf8')) as Json;

function read(ipv6: unknown) {
  return parseReportJson(JSON.stringify({ ...base(), ipv6 }), 'dual.json');
}

// The section with one field (a dotted path inside it) replaced.
function withField(path: string, value: unknown): Json {
  const section = JSON.parse(JSON.stringify(ipv6Section())) as Json;
  const keys = path.split(/\.|\[(\d+)\]/).filter((key) => key !== undefined && key !== '');
  let target: Json = section;
  for (const key of keys.slice(0, -1)) target = target[key] as Json;
  const last = keys.at(-1) as string;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return section;
}

function expectRefused(ipv6: unknown, field: string): string {
  const result = read(ipv6);
  expect(result.ok, `ipv6.${field} was accepted`).toBe(false);
  if (result.ok) return '';
  expect(result.error).toMatchObject({ code: 'report/damaged', path: field === '' ? 'ipv6' : `ipv6.${field}` });
  return word('en', result.error);
}

describe('the IPv6 section of a report', () => {
  it('reads a dual-stack section whole, every field as written', () => {
    const result = read(ipv6Section());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.ipv6).toEqual(ipv6Section());
  });

  it('reads a report without the section as not measured, and leaves it absent', () => {
    const result = parseReportJson(JSON.stringify(base()), 'v4.json');
    expect(result.ok).toBe(true);
    if (result.ok) expect('ipv6' in result.value).toBe(false);
  });

  it('reads null as not measured', () => {
    const result = read(null);
    expect(result.ok && result.value.ipv6).toBeNull();
  });

  it('reads a section whose PBX has no global IPv6 address: nothing measured, the reason kept', () => {
    const none: Ipv6Section = {
      ...ipv6Section(),
      address: null,
      publicAddress: null,
      servers: { stun: [], sip: null },
      nat: { classic: 'unknown', mapping: 'unknown', translation: 'unknown', supported: null, portPreserved: null, bindingLifetimeSec: null, hairpinning: null },
      filtering: 'unknown',
      sip: null,
      rules: [],
      fragments: null,
      verdict: 'incomplete',
      findings: [{ code: 'ipv6/no-global-address' }],
    };
    const result = read(none);
    expect(result.ok && result.value.ipv6).toEqual(none);
  });

  it('keeps a translated mapping (NPTv6 or NAT66) as such', () => {
    const translated = ipv6Section({
      publicAddress: { ip: '2001:db8:ff::5', port: 65002 },
      nat: { ...ipv6Section().nat, classic: 'port-restricted-cone', mapping: 'endpoint-independent', translation: 'translated' },
      findings: [{ code: 'ipv6/translated', local: PBX6, mapped: '2001:db8:ff::5' }],
    });
    const result = read(translated);
    expect(result.ok && result.value.ipv6?.nat.translation).toBe('translated');
  });

  it('reads a section written without findings or fragments as none and not measured', () => {
    const result = read(withField('findings', undefined));
    expect(result.ok && result.value.ipv6?.findings).toEqual([]);
    const noFragments = read(withField('fragments', undefined));
    expect(noFragments.ok && noFragments.value.ipv6?.fragments).toBeNull();
  });

  it.each([
    ['address', '192.168.100.5'],
    ['address', '2001:db8::5; nft flush ruleset'],
    ['address', '2001:db8::5\nadd rule inet filter input accept'],
    ['address', 'fe80::1%eth0'],
    ['address', 42],
    ['publicAddress.ip', '203.0.113.1'],
    ['publicAddress.port', 70000],
    ['servers.stun[0].ip', '203.0.113.10'],
    ['servers.stun[0].ip', "2001:db8:1::10' ; Start-Process calc.exe ; '"],
    ['servers.stun[0].family', 'IPv4'],
    ['servers.sip.ip', 'sip.example.net'],
    ['servers.sip.port', -1],
  ])('refuses a bad address: %s = %j', (field, value) => {
    const message = expectRefused(withField(field, value), field);
    expect(message).toMatch(/^dual\.json is damaged or was edited: its ipv6\./);
    expect(message).not.toMatch(/[\n\r]/);
  });

  it('names an IPv4 address where an IPv6 one belongs as not IPv6', () => {
    expect(expectRefused(withField('address', '192.168.100.5'), 'address')).toContain('is not an IPv6 address ("192.168.100.5")');
  });

  it.each([
    ['verdict', 'ok'],
    ['verdict', 'READY'],
    ['filtering', 'stateful'],
    ['nat.translation', 'nptv6'],
    ['nat.mapping', 'full-cone'],
    ['nat.classic', 'cone'],
    ['fragments.outbound', 'lost'],
    ['rules[0].id', 'inbound-everything'],
    ['rules[0].status', 'passed'],
    ['findings[0].code', 'ipv6/unknown'],
    ['findings[0].address', '192.168.100.5; reboot'],
    ['sip.status', 99],
  ])('refuses a word of the wrong enumeration: %s = %j', (field, value) => {
    const path = field.startsWith('findings[0].') ? 'findings[0]' : field.startsWith('rules[0].') && field.endsWith('code') ? 'rules[0]' : field;
    expectRefused(withField(field, value), path);
  });

  it('refuses a rule listed twice and more than four rules', () => {
    const rules = ipv6Section().rules;
    expectRefused(ipv6Section({ rules: [rules[0]!, rules[0]!] }), 'rules');
    expectRefused(ipv6Section({ rules: [...rules, rules[0]!] }), 'rules');
  });

  it('refuses a section that is not an object, or misses a field the contract names', () => {
    expectRefused('2001:db8::5', '');
    for (const field of ['nat', 'filtering', 'rules', 'verdict', 'servers']) expectRefused(withField(field, undefined), field);
  });
});
