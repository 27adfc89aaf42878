// A checklist opened from a file or sent over IPC (checklist:export) is rendered straight into
// firewall commands: every field is checked like a report's (issue 11, item 1).
import { describe, expect, it } from 'vitest';
import { parseChecklistJson, renderJson } from '../../../shared/export/json';
import { MAX_TEXT } from '../../../shared/report-schema';
import { checklistFrom } from './checklists';
import { word } from '../../../shared/text';

type Json = Record<string, unknown>;

function edited(path: string, value: unknown): string {
  const data = JSON.parse(renderJson(checklistFrom('masquerade', 'en', ['inbound-media']))) as Json;
  const keys = path.split(/\.|\[(\d+)\]/).filter((key) => key !== undefined && key !== '');
  let target: Json = data;
  for (const key of keys.slice(0, -1)) target = target[key] as Json;
  target[keys.at(-1) as string] = value;
  return JSON.stringify(data);
}

const INJECTION = "10.0.0.5' ; Start-Process calc.exe ; '";
const ADDRESS_VALUES = [INJECTION, '10.0.0.5\nadd rule inet filter input accept', '10.0.0.5\u0000', '1'.repeat(5000), 'pbx.local', 42, {}];
const HOST_VALUES = [INJECTION, 'stun.example.net"\nend\nconfig system admin', '$(id)', 'h'.repeat(300), '[not-v6]', 42];
const TEXT_VALUES = ['ok\nadd rule inet filter input accept', 'ok\u0000', 'ok\u2028', 'x'.repeat(MAX_TEXT + 1), 42];
const NAME_VALUES = ['Head office\n/ip firewall filter add action=accept', 'ok\u0000', 'x'.repeat(201), 42, null];
const PORT_VALUES = [0, 65536, 1.5, '5060', null];

const TABLE: [fields: string[], values: unknown[]][] = [
  [['network.pbxIp', 'network.gateway', 'network.publicIp', 'network.stun[0].ip', 'rules[0].source.addresses[0]', 'rules[1].destination.addresses[0]'], ADDRESS_VALUES],
  [['network.stun[0].host', 'network.sip.host', 'rules[0].destination.hosts[0]'], HOST_VALUES],
  [['rules[0].evidence', 'rules[3].fix'], TEXT_VALUES],
  [['site.name', 'site.customer', 'site.technician', 'profile.name', 'rules[0].source.label'], NAME_VALUES],
  [['profile.sipPort', 'profile.rtp.from', 'network.stun[0].port', 'rules[0].source.ports.ranges[0].from', 'rules[0].destination.ports.ranges[0].to'], PORT_VALUES],
  [['rules[0].direction', 'rules[0].protocol', 'rules[0].status', 'language', 'nat.classic'], ['sideways', INJECTION, 'udp\n', 1, null]],
  [['profile.id'], ['Swyx Ware', INJECTION, 'swyxware\n', 1, null]],
  [['rules[0].media', 'qos', 'rules[0].source.anyAddress'], ['yes', 1, null]],
];

const CASES = TABLE.flatMap(([fields, values]) => fields.flatMap((field) => values.map((value) => [field, value] as const)));

describe('a checklist read back is checked field by field', () => {
  it.each(CASES)('refuses a hostile %s: %j', (field, value) => {
    const result = parseChecklistJson(edited(field, value), 'hostile.json');
    expect(result.ok, `${field} was accepted`).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'checklist/damaged', file: 'hostile.json', path: field });
    const message = word('en', result.error);
    expect(message.startsWith(`hostile.json is damaged or was edited: its ${field} `)).toBe(true);
    expect(message).not.toMatch(/[\n\r]/);
    expect(message).not.toContain('\0');
  });

  it('refuses a backwards port range, a rule twice and more rules than the eight of a dual-stack PBX', () => {
    expect(parseChecklistJson(edited('profile.rtp', { from: 56000, to: 55000 }))).toMatchObject({
      ok: false,
      error: { code: 'checklist/damaged', path: 'profile.rtp', problem: { code: 'schema/backwards', from: 56000, to: 55000 } },
    });
    const rules = JSON.parse(edited('qos', true)).rules as unknown[];
    expect(parseChecklistJson(edited('rules', [...rules, ...rules]))).toMatchObject({ ok: false, error: { path: 'rules', problem: { code: 'schema/rule-twice' } } });
    expect(parseChecklistJson(edited('rules', [...rules, ...rules, ...rules]))).toMatchObject({ ok: false, error: { path: 'rules', problem: { code: 'schema/too-many', count: 12, max: 8 } } });
  });

  it('reads an IPv6 SIP server as the model writes it, in brackets', () => {
    expect(parseChecklistJson(edited('network.sip.host', '[2001:db8::20]'))).toMatchObject({ ok: true, value: { network: { sip: { host: '[2001:db8::20]' } } } });
  });
});
