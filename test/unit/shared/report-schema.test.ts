// A report file is input, never trusted code (issue 11, items 1, 4 and 7): every field of an
// edited report is checked like a fresh measurement and refused with one sentence naming it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_REPORT_CHARS, parseReportJson } from '../../../shared/report-file';
import { MAX_TEXT } from '../../../shared/report-schema';
import { upgradeReport } from '../../../shared/report-upgrade';
import { cleanTexts } from '../../../shared/schema';
import { word } from '../../../shared/text';
import { MAX_LONG_TEXT, MAX_TEXT as MAX_MESSAGE_TEXT } from '../../../shared/text/messages/fields';

type Json = Record<string, unknown>;
const fixture = (name: string): string => readFileSync(`test/fixtures/${name}`, 'utf8');
// Real reports: the NAT lab (masquerade) and every section on loopback (coturn, kamailio, media, quality, lifetime).
const masquerade = fixture('report-masquerade.json');
const full = fixture('report-loopback-full.json');
// Reports of schema 3, as TrunkCheck writes them now: evidence as codes with values, the verdict
// judged by what the PBX needs, the second NAT, the router, the hops and fragments.
const current = fixture('report-v3-masquerade.json');
// A report of schema 2 (before action-needed and the second NAT), as TrunkCheck wrote it then.
const schema2 = fixture('report-v2-masquerade.json');
// The loopback report as schema 3 reads it: its schema-1 sentences became legacy-text messages.
const fullUpgraded = `${JSON.stringify(upgradeReport(JSON.parse(full)), null, 2)}\n`;

// JSON has no Infinity, but "1e999" reads as one.
const INFINITE = Symbol('1e999');

// The report with one field replaced, as JSON text; "a.b[0].c" names the field.
function edited(text: string, path: string, value: unknown): string {
  const data = JSON.parse(text) as Json;
  const keys = path.split(/\.|\[(\d+)\]/).filter((key) => key !== undefined && key !== '');
  let target: Json = data;
  for (const key of keys.slice(0, -1)) target = target[key] as Json;
  const last = keys.at(-1) as string;
  if (value === undefined) delete target[last];
  else target[last] = value === INFINITE ? '__infinite__' : value;
  return JSON.stringify(data).replace('"__infinite__"', '1e999');
}

function expectRefused(text: string, field: string): string {
  const result = parseReportJson(text, 'hostile.json');
  expect(result.ok, `${field} was accepted`).toBe(false);
  if (result.ok) return '';
  expect(result.error).toMatchObject({ code: 'report/damaged', file: 'hostile.json', path: field });
  const message = word('en', result.error);
  expect(message.startsWith(`hostile.json is damaged or was edited: its ${field} `)).toBe(true);
  expect(message).not.toMatch(/[\n\r\u2028]/);
  expect(message).not.toContain('\0');
  expect(message.length).toBeLessThan(400);
  return message;
}

// What an attacker or a careless edit puts into a report.
const INJECTION = "10.0.0.5' ; Start-Process calc.exe ; '";
const NEWLINE_RULE = '10.0.0.5\nadd rule inet filter input accept';
const NUL = '10.0.0.5\u0000';
const FQDN_BREAKOUT = 'stun.example.net"\nend\nconfig system admin';
const WRONG_TYPES = [42, true, {}, ['10.0.0.5']];

const ADDRESS_VALUES = [INJECTION, NEWLINE_RULE, NUL, '1'.repeat(5000), '10.0.0.5 ', 'stun.example.net', '$(id)', '', ...WRONG_TYPES];
const HOST_VALUES = [INJECTION, FQDN_BREAKOUT, NUL, 'h'.repeat(300), '$(id)', 'bücher', 'under_score', 'a..b', '', ...WRONG_TYPES];
const SERVER_VALUES = [INJECTION, 'sip.example.net:5060\n', ' sip.example.net:5060', 'sip.example.net:99999', 'sip.example.net:0', '`id`:5060', 5060, null, {}];
const PORT_VALUES = [0, 65536, -1, 1.5, '5060', '5060; rm -rf /', INFINITE, null, {}];
const NULLABLE_PORT_VALUES = [0, 65536, 1.5, '5060', {}];
const WIRE_PORT_VALUES = [65536, -1, 1.5, '5060', INFINITE, null];
const UNSAFE_TEXTS = ['ok\nadd rule inet filter input accept', 'ok\r\nconfig system admin', 'ok\u0000', 'ok\u2028next', 'ok\u202egnp.exe', 'ok\u001b[2J'];
const TEXT_VALUES = [...UNSAFE_TEXTS, 'x'.repeat(MAX_TEXT + 1), 42, {}, ['ok']];
const ENUM_VALUES = ['weird', INJECTION, 'verified\n', 1, null, {}];
const NUMBER_VALUES = [-1, '5', INFINITE, true, {}, 2e9];
const TIME_VALUES = ['yesterday', '2026-11-23', INJECTION, '2026-11-23T21:21:40.248Z\n', 1700000000000];

const TABLE: [kind: string, fields: string[], values: unknown[]][] = [
  [
    'address',
    ['local.ip', 'local.gateway', 'publicAddress.ip', 'checks.publicAddress.local.ip', 'checks.publicAddress.binding.mapped.ip', 'checks.publicAddress.binding.otherAddress.ip', 'checks.sip.resolved.ip', 'sip.via.received', 'checks.nat.probes[0].to.ip', 'rtp.probe.server.ip', 'rtp.probe.summary.publicIps[0]', 'quality.server.ip'],
    ADDRESS_VALUES,
  ],
  ['host name', ['stunServers[0].host', 'checks.publicAddress.binding.server.host'], HOST_VALUES],
  ['server', ['sip.target'], SERVER_VALUES],
  ['port', ['local.sipPort', 'stunServers[0].port', 'checks.publicAddress.binding.localPort', 'rtp.range.from', 'rtp.range.to', 'rtp.probe.ports[0].port'], PORT_VALUES],
  ['port or nothing', ['sip.via.rport'], NULLABLE_PORT_VALUES],
  ['port on the wire', ['publicAddress.port', 'checks.publicAddress.binding.mapped.port', 'checks.nat.probes[0].from.port'], WIRE_PORT_VALUES],
  [
    'text',
    ['checks.publicAddress.binding.software', 'sip.reason'],
    TEXT_VALUES,
  ],
  ['enumeration', ['nat.classic', 'nat.mapping', 'rules[0].id', 'rules[0].status', 'verdict', 'checks.nat.mappingMethod', 'rtp.mode', 'rtp.probe.ports[0].outbound', 'quality.verdict.overall', 'keepalive.basis'], ENUM_VALUES],
  ['id', ['profile', 'tool.version'], [INJECTION, 'Swyx Ware', 'swyxware\n', 'x'.repeat(201), 1, null, {}]],
  ['figure', ['durationMs', 'checks.publicAddress.binding.rttMs', 'quality.lossRoundTripPercent', 'rtp.probe.requestsSent', 'nat.bindingLifetimeSec', 'keepalive.recommendedIntervalSec'], NUMBER_VALUES],
  ['date', ['startedAt', 'checks.publicAddress.binding.at'], TIME_VALUES],
];

const CASES = TABLE.flatMap(([kind, fields, values]) => fields.flatMap((field) => values.map((value) => [kind, field, value] as const)));

// Evidence is a list of messages, each a code with its values (shared/text/messages/rules.ts): a
// hostile text goes into a value, and the whole message is refused, named by its place in the
// report. [report, the value edited, the message refused, the hostile values].
const MESSAGE_TABLE: [report: string, value: string, message: string, values: unknown[]][] = [
  // A measured message's free text (a SIP reason phrase, a Server header): one line, bounded.
  [current, 'rules[0].evidence[1].reason', 'rules[0].evidence[1]', [...UNSAFE_TEXTS, 'x'.repeat(MAX_MESSAGE_TEXT + 1), 42, null, {}, ['ok']]],
  [current, 'rules[0].evidence[1].server', 'rules[0].evidence[1]', [...UNSAFE_TEXTS, 'x'.repeat(MAX_MESSAGE_TEXT + 1), 42, {}]],
  [current, 'rules[1].evidence[1].reason', 'rules[1].evidence[1]', [...UNSAFE_TEXTS, 'x'.repeat(MAX_MESSAGE_TEXT + 1), 42]],
  [current, 'checks.sip.evidence.reason', 'checks.sip.evidence', [...UNSAFE_TEXTS, 'x'.repeat(MAX_MESSAGE_TEXT + 1), 42]],
  // A value the code does not have, or a code that does not exist.
  [current, 'rules[0].evidence[0].note', 'rules[0].evidence[0]', ['ok']],
  [current, 'rules[0].evidence[0].code', 'rules[0].evidence[0]', ['$(reboot)', 'legacy/text', 42]],
  [current, 'checks.nat.probes[0].name.code', 'checks.nat.probes[0].name', ['$(reboot)', 'mapping/same', 42]],
  // The NAT, SIP and quality findings are codes with values too (shared/text/messages/{nat,sip,quality}.ts).
  [current, 'checks.nat.mappingReason.mapped', 'checks.nat.mappingReason', [INJECTION, NEWLINE_RULE, NUL, '203.0.113.1', `203.0.113.1:${'1'.repeat(70)}`, 42]],
  [current, 'checks.nat.mappingReason.towards[0]', 'checks.nat.mappingReason', [...UNSAFE_TEXTS, FQDN_BREAKOUT, null]],
  [current, 'checks.nat.filteringReason.requests', 'checks.nat.filteringReason', [-1, 1.5, '12', INFINITE, null]],
  [current, 'checks.sip.resolution.steps[0].host', 'checks.sip.resolution.steps[0]', [INJECTION, NEWLINE_RULE, 'sip.example.net', 42]],
  // A sentence where a schema-2 file has a finding: only a schema-1 file is read as legacy text.
  [current, 'checks.nat.mappingReason', 'checks.nat.mappingReason', ['The same public address 203.0.113.1:65002 towards 203.0.113.10:3478.', null]],
  // A schema-1 sentence, as the report of schema 2 carries it (legacy text): unbounded lines no more.
  [fullUpgraded, 'rules[0].evidence[0].text', 'rules[0].evidence[0]', [...UNSAFE_TEXTS, 'x'.repeat(MAX_LONG_TEXT + 1), 42, {}, ['ok']]],
  [fullUpgraded, 'checks.sip.evidence.text', 'checks.sip.evidence', [...UNSAFE_TEXTS, 'x'.repeat(MAX_LONG_TEXT + 1), 42]],
  [fullUpgraded, 'rtp.probe.ports[0].evidence[0].text', 'rtp.probe.ports[0].evidence[0]', [...UNSAFE_TEXTS, 'x'.repeat(MAX_LONG_TEXT + 1), 42]],
  [fullUpgraded, 'checks.nat.mappingReason.text', 'checks.nat.mappingReason', [...UNSAFE_TEXTS, 'x'.repeat(MAX_LONG_TEXT + 1), 42]],
  [fullUpgraded, 'keepalive.reason.text', 'keepalive.reason', [...UNSAFE_TEXTS, 'x'.repeat(MAX_LONG_TEXT + 1)]],
  [fullUpgraded, 'quality.findings[0].text', 'quality.findings[0]', [...UNSAFE_TEXTS, 'x'.repeat(MAX_LONG_TEXT + 1)]],
  // The sentence in a file of schema 1: read as legacy text, and refused the same way.
  [full, 'rules[0].evidence', 'rules[0].evidence[0]', [...UNSAFE_TEXTS, 'x'.repeat(MAX_LONG_TEXT + 1), ['ok']]],
  [full, 'checks.sip.evidence', 'checks.sip.evidence', [...UNSAFE_TEXTS, 'x'.repeat(MAX_LONG_TEXT + 1)]],
  [full, 'rtp.probe.ports[0].evidence', 'rtp.probe.ports[0].evidence[0]', [...UNSAFE_TEXTS, 'x'.repeat(MAX_LONG_TEXT + 1), [42]]],
  [full, 'checks.nat.mappingReason', 'checks.nat.mappingReason', [...UNSAFE_TEXTS, 'x'.repeat(MAX_LONG_TEXT + 1), 42, {}, ['ok']]],
  [full, 'checks.nat.lifetime.reason', 'checks.nat.lifetime.reason', [...UNSAFE_TEXTS, 'x'.repeat(MAX_LONG_TEXT + 1), 42]],
  [full, 'checks.sip.algNotes[0]', 'checks.sip.algNotes[0]', [...UNSAFE_TEXTS, 'x'.repeat(MAX_LONG_TEXT + 1), 42, {}]],
  [full, 'keepalive.reason', 'keepalive.reason', [...UNSAFE_TEXTS, 'x'.repeat(MAX_LONG_TEXT + 1), 42]],
  // quality.sentences became quality.findings; the file is told of the field it has.
  [full, 'quality.sentences[0]', 'quality.sentences[0]', [...UNSAFE_TEXTS, 'x'.repeat(MAX_LONG_TEXT + 1), 42, {}, ['ok']]],
];
const MESSAGE_CASES = MESSAGE_TABLE.flatMap(([report, field, message, values]) => values.map((value) => [field, message, value, report] as const));

// The fields schema 3 added, on a report of schema 3.
const SCHEMA3_CASES: [field: string, refused: string, values: unknown[]][] = [
  ['nat.doubleNat', 'nat.doubleNat', [...ENUM_VALUES, undefined]],
  ['nat.carrierGrade', 'nat.carrierGrade', [...ENUM_VALUES, true]],
  ['pbx.inboundMedia', 'pbx.inboundMedia', [...ENUM_VALUES, 'any']],
  ['pbx.rtp.from', 'pbx.rtp.from', PORT_VALUES],
  ['pbx', 'pbx', ['return-path', 42, []]],
  ['gateway', 'gateway.ip', [{ ip: INJECTION, externalIp: null, portMapping: { upnp: null, natPmp: null, pcp: null } }]],
  ['gateway', 'gateway.portMapping.upnp', [{ ip: '192.168.100.1', externalIp: '100.64.0.2', portMapping: { upnp: 'yes', natPmp: null, pcp: null } }]],
  ['fragments', 'fragments.outbound', [{ outbound: 'weird', inbound: 'passes' }]],
  ['checks.path', 'checks.path.hops[0].from', [{ target: '203.0.113.10', hops: [{ ttl: 2, from: NEWLINE_RULE, ms: 1 }], method: 'ping' }]],
  ['verdict', 'verdict', ['action needed', 'ready\n']],
];

describe('a report read back is checked field by field', () => {
  it.each(CASES)('refuses a hostile %s in %s: %j', (_kind, field, value) => {
    expectRefused(edited(full, field, value), field);
  });

  it.each(SCHEMA3_CASES.flatMap(([field, refused, values]) => values.map((value) => [field, refused, value] as const)))('refuses a hostile %s of schema 3 (%s): %j', (field, refused, value) => {
    expectRefused(edited(current, field, value), refused);
  });

  it('reads every verdict, the second NAT and what the router and the hops said', () => {
    const gateway = { ip: '192.168.100.1', externalIp: '100.64.0.2', portMapping: { upnp: true, natPmp: false, pcp: null } };
    const path = { target: '203.0.113.10', hops: [{ ttl: 1, from: '192.168.100.1', ms: 0.4 }, { ttl: 2, from: '100.64.0.1', ms: 1.2 }], method: 'ping' };
    for (const verdict of ['ready', 'action-needed', 'blocked', 'incomplete']) {
      const text = edited(edited(edited(edited(current, 'verdict', verdict), 'gateway', gateway), 'checks.path', path), 'fragments', { outbound: 'dropped', inbound: 'untested' });
      const read = parseReportJson(edited(edited(text, 'nat.doubleNat', 'yes'), 'nat.carrierGrade', 'yes'));
      expect(read).toMatchObject({ ok: true, value: { verdict, gateway, checks: { path }, fragments: { outbound: 'dropped' }, nat: { doubleNat: 'yes', carrierGrade: 'yes' } } });
    }
  });

  it.each(MESSAGE_CASES)('refuses a hostile %s, naming the message %s: %j', (field, message, value, report) => {
    expectRefused(edited(report, field, value), message);
  });

  it('refuses evidence that is not a list of messages in a report of schema 2', () => {
    for (const value of ['SIP OPTIONS was answered.', { code: 'media/off' }, null]) expectRefused(edited(current, 'rules[0].evidence', value), 'rules[0].evidence');
    expectRefused(edited(current, 'rules[0].evidence', ['SIP OPTIONS was answered.']), 'rules[0].evidence[0]');
  });

  it('names the field and shows the start of the value on one line', () => {
    const message = expectRefused(edited(masquerade, 'local.ip', INJECTION), 'local.ip');
    expect(message).toBe(
      `hostile.json is damaged or was edited: its local.ip is not an IP address ("10.0.0.5' ; Start-Process calc.exe ; '"); run the diagnosis again, or use the file as TrunkCheck wrote it.`,
    );
    expect(expectRefused(edited(masquerade, 'stunServers[0].host', FQDN_BREAKOUT), 'stunServers[0].host')).toContain('("stun.example.net\\"\\nend\\nconfig system admi…", 41 characters)');
  });

  it.each([
    ['a report without checks', 'checks', undefined, 'its checks is missing'],
    ['checks.publicAddress: null', 'checks.publicAddress', null, 'its checks.publicAddress is not an object (null)'],
    ['a numeric sip.target', 'sip.target', 5060, 'its sip.target is not a server written as host or host:port (5060)'],
    ['no STUN server', 'stunServers', [], 'its stunServers names no STUN server'],
    ['a backwards RTP range', 'rtp.range', { from: 56000, to: 55000 }, 'its rtp.range runs backwards, from 56000 down to 55000'],
    ['a rule twice', 'rules[1].id', 'outbound-signalling', 'its rules names a rule twice'],
    ['an unknown cancelled check', 'cancelled', ['nat', 'reboot'], 'its cancelled[1] is not one of nat, sip, register, media, quality ("reboot")'],
    ['a wrongly typed optional section', 'rtp', 'none', 'its rtp is not an object ("none")'],
    ['an error code with a command in it', 'checks.publicAddress.error', { code: '$(reboot)', port: 1 }, 'its checks.publicAddress.error is not an error as TrunkCheck writes one (an object)'],
    ['an error with a line break in a value', 'checks.publicAddress.error', { code: 'stun/no-mapped-address', server: '203.0.113.10:3478\nadd rule' }, 'its checks.publicAddress.error is not an error'],
    ['an error with a value it does not have', 'checks.publicAddress.error', { code: 'stun/no-answer', detail: 'x' }, 'its checks.publicAddress.error is not an error'],
    ['an old error with a line break in its sentence', 'checks.publicAddress.error', { code: 'stun/timeout', message: 'x\nadd rule' }, 'its checks.publicAddress.error.message contains a line break'],
  ])('refuses %s with one sentence instead of a crash', (_name, field, value, words) => {
    const result = parseReportJson(edited(full, field, value), 'hostile.json');
    expect(result).toMatchObject({ ok: false, error: { code: 'report/damaged' } });
    if (!result.ok) expect(word('en', result.error)).toContain(words);
  });

  it('reads an error as a code with its values, and an error of a schema-1 report as its sentence', () => {
    const error = { code: 'stun/timeout', server: '203.0.113.10:3478', requests: 5, waitedMs: 7500, port: 65002 };
    expect(parseReportJson(edited(full, 'checks.publicAddress.error', error))).toMatchObject({ ok: true, value: { checks: { publicAddress: { error } } } });
    const old = edited(full, 'checks.publicAddress.error', { code: 'stun/timeout', message: 'No STUN answer from 203.0.113.10:3478 after 5 requests in 7.5 s.' });
    expect(parseReportJson(old)).toMatchObject({ ok: true, value: { checks: { publicAddress: { error: { code: 'legacy/text', text: 'No STUN answer from 203.0.113.10:3478 after 5 requests in 7.5 s.' } } } } });
    const transport = { transport: 'tls', target: 'sip.example.net:5061', ok: false, outcome: 'timeout', ms: 5000, certificate: null, message: 'No TLS handshake.' };
    let text = edited(full, 'checks.sip.transports', [transport]);
    text = edited(text, 'checks.sip.resolution', { steps: [], warnings: ['The NAPTR query failed.'] });
    text = edited(text, 'rtp.local.errors', [{ code: 'net/permission-denied', message: 'TrunkCheck may not open UDP 0.0.0.0:55000.', ports: [55000] }]);
    expect(parseReportJson(text)).toMatchObject({
      ok: true,
      value: {
        checks: { sip: { transports: [{ message: { code: 'legacy/text', text: 'No TLS handshake.' } }], resolution: { warnings: [{ code: 'legacy/text', text: 'The NAPTR query failed.' }] } } },
        rtp: { local: { errors: [{ code: 'legacy/text', text: 'TrunkCheck may not open UDP 0.0.0.0:55000.', ports: [55000] }] } },
      },
    });
  });

  it('refuses a 5 MB string and a 5,000-character address at once, before any export sees them', () => {
    for (const [report, field, value, refused] of [
      [current, 'rules[0].evidence[1].reason', 'x'.repeat(5_000_000), 'rules[0].evidence[1]'],
      [masquerade, 'rules[0].evidence', 'x'.repeat(5_000_000), 'rules[0].evidence[0]'],
      [masquerade, 'local.ip', '1'.repeat(5000), 'local.ip'],
      [masquerade, 'checks.publicAddress.binding.software', `${'\u00e4'.repeat(2_500_000)}`, 'checks.publicAddress.binding.software'],
    ] as const) {
      const text = edited(report, field, value);
      const started = performance.now();
      const message = expectRefused(text, refused);
      expect(performance.now() - started).toBeLessThan(1000);
      // A plain text shows its length; a message is named as a whole, without its values.
      expect(message).toMatch(refused === field ? /characters\)/ : /is not evidence as TrunkCheck writes it/);
    }
  });

  it('refuses a file far larger than any report without parsing it', () => {
    const result = parseReportJson(`${masquerade}${' '.repeat(MAX_REPORT_CHARS)}`, 'huge.json');
    expect(result).toMatchObject({ ok: false, error: { code: 'report/too-large' } });
  });
});

describe('a report as TrunkCheck wrote it', () => {
  it('reads back unchanged, every section of it', () => {
    for (const written of [current, fixture('report-v3-random-fully.json')]) {
      const result = parseReportJson(written);
      expect(result.ok).toBe(true);
      if (result.ok) expect(JSON.stringify(result.value, null, 2) + '\n').toBe(written);
    }
  });

  it('reads a report of schema 2 as schema 3: what schema 3 measures reads as not measured, the rest unchanged', () => {
    const result = parseReportJson(schema2);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const old = JSON.parse(schema2) as Json;
    expect(result.value.schemaVersion).toBe(3);
    expect(result.value.nat).toEqual({ ...(old.nat as Json), doubleNat: 'unknown', carrierGrade: 'unknown' });
    expect(result.value).toMatchObject({ gateway: null, fragments: null, checks: { path: null }, pbx: { inboundMedia: 'return-path', rtp: { from: 55000, to: 56000 } } });
    // The verdict and the rules stay what they were judged then.
    expect(result.value.verdict).toBe(old.verdict);
    expect(result.value.rules).toEqual(old.rules);
    // Written again as schema 3, it reads back unchanged.
    expect(parseReportJson(JSON.stringify(result.value))).toEqual(result);
  });

  it('reads a report of schema 1 as schema 3, every section kept and its sentences as legacy text', () => {
    const result = parseReportJson(full);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(JSON.stringify(result.value, null, 2) + '\n').toBe(fullUpgraded);
    expect(result.value.schemaVersion).toBe(3);
    expect(result.value.rules[0]?.evidence).toEqual([{ code: 'legacy/text', text: JSON.parse(full).rules[0].evidence }]);
    // Written again, it reads back unchanged.
    expect(parseReportJson(fullUpgraded)).toEqual(result);
  });

  it('takes evidence up to the limit', () => {
    expect(parseReportJson(edited(full, 'rules[0].evidence', 'x'.repeat(MAX_LONG_TEXT))).ok).toBe(true);
    expect(parseReportJson(edited(fullUpgraded, 'rules[0].evidence[0].text', 'x'.repeat(MAX_LONG_TEXT))).ok).toBe(true);
    expect(parseReportJson(edited(current, 'rules[0].evidence[1].reason', 'x'.repeat(MAX_MESSAGE_TEXT))).ok).toBe(true);
  });

  it('keeps quotes and semicolons in evidence: they are words there, and each export escapes them', () => {
    const words = `The server said "it's fine; really" \t(tab kept).`;
    const old = parseReportJson(edited(full, 'rules[0].evidence', words));
    expect(old.ok && old.value.rules[0]?.evidence).toEqual([{ code: 'legacy/text', text: words }]);
    const reason = parseReportJson(edited(current, 'rules[0].evidence[1].reason', `"it's fine; really"`));
    expect(reason.ok && reason.value.rules[0]?.evidence[1]).toMatchObject({ code: 'options/answered', reason: `"it's fine; really"` });
  });

  it('reads IPv6 addresses and an IPv6 SIP target', () => {
    let text = edited(full, 'local.ip', '2001:db8::5');
    text = edited(text, 'sip.target', '[2001:db8::20]:5060');
    text = edited(text, 'checks.publicAddress.binding.mapped', { family: 'IPv6', ip: '2001:db8::5', port: 65002 });
    expect(parseReportJson(text)).toMatchObject({ ok: true, value: { local: { ip: '2001:db8::5' }, sip: { target: '[2001:db8::20]:5060' } } });
  });

  it('reads a report written before the later sections existed, as "not measured"', () => {
    let text = full;
    for (const field of ['local.gateway', 'checks.nat', 'checks.sip', 'sip', 'rtp', 'keepalive', 'quality']) text = edited(text, field, undefined);
    const result = parseReportJson(text);
    expect(result).toMatchObject({ ok: true, value: { local: { gateway: null }, checks: { nat: null, sip: null }, sip: null, rtp: null, keepalive: null, quality: null } });
    expect(parseReportJson(masquerade)).toMatchObject({ ok: true, value: { checks: { sip: { transports: [], resolution: null } } } });
  });

  it('reads the expected call quality per codec, and refuses an edited one by its field', () => {
    const estimate = { codec: 'g711', scale: 'narrowband', r: 91.8, mos: 4.38, grade: 'good', ie: 0, bpl: 25.1, oneWayDelayMs: 50, jitterBufferMs: 20 };
    const unknown = { codec: 'g722', scale: 'wideband', r: null, mos: null, grade: 'unknown', ie: 13, bpl: 25.1, oneWayDelayMs: null, jitterBufferMs: null };
    const text = edited(full, 'quality.mos', [estimate, unknown]);
    expect(parseReportJson(text)).toMatchObject({ ok: true, value: { quality: { mos: [estimate, unknown] } } });
    expect(expectRefused(edited(text, 'quality.mos[0].codec', 'opus'), 'quality.mos[0].codec')).toContain('opus');
    expectRefused(edited(text, 'quality.mos[0].mos', 5), 'quality.mos[0].mos');
    expectRefused(edited(text, 'quality.mos[0].grade', 'great'), 'quality.mos[0].grade');
    expectRefused(edited(text, 'quality.mos[1].oneWayDelayMs', -1), 'quality.mos[1].oneWayDelayMs');
    expectRefused(edited(text, 'quality.mos', [estimate, estimate, estimate, estimate]), 'quality.mos');
    // A report from before the MOS reads without it.
    const before = parseReportJson(full);
    expect(before.ok && before.value.quality).not.toHaveProperty('mos');
  });

  it('drops fields it does not know instead of passing them on', () => {
    const text = edited(edited(full, 'evil', 'x'.repeat(1000)), 'checks.publicAddress.binding.mapped.extra', { a: 1 });
    const result = parseReportJson(text);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value).not.toHaveProperty('evil');
      expect(result.value.checks.publicAddress.binding?.mapped).not.toHaveProperty('extra');
    }
  });
});

describe('a fresh report is made fit to be read back', () => {
  it("replaces a server's line breaks and control characters and bounds its text", () => {
    const cleaned = cleanTexts({ software: 'Coturn\nconfig system admin\u0000', list: ['a\u2028b'], port: 3478, none: null, long: 'y'.repeat(5000) }, 4096);
    expect(cleaned).toEqual({ software: 'Coturn\ufffdconfig system admin\ufffd', list: ['a\ufffdb'], port: 3478, none: null, long: `${'y'.repeat(4095)}…` });
  });
});
