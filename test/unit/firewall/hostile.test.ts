// Every firewall export on its own, fed hostile values directly (past the report validation): a
// value that belongs in code (address, host name, port, enumerated word) and is not one stops the
// export with ExportValueError naming the field; free text comes out only in comments, and the
// code is exactly the code of a harmless value. nft, iptables-restore and a real load into a
// network namespace are in test/integration/firewall/hostile.test.ts.
import { describe, expect, it } from 'vitest';
import { ExportValueError, isHostName, isIpAddress, isIpv6Address, oneLine, singleLine } from '../../../shared/firewall/common';
import { FIREWALL_FORMATS, type FirewallFormat } from '../../../shared/firewall';
import { fortigateString } from '../../../shared/firewall/fortigate';
import { iptablesString } from '../../../shared/firewall/iptables';
import { routerosString } from '../../../shared/firewall/mikrotik';
import { nftString } from '../../../shared/firewall/nftables';
import { xml } from '../../../shared/firewall/pfsense';
import { powershellString } from '../../../shared/firewall/windows';
import { checklistDualStack, checklistWithFailedMedia, checklistWithNames } from './checklists';
import { FREE_FIELDS, HOSTILE, HOSTILE_NUMBERS, LINE_BREAKERS, MARK, NUMERIC_FIELDS, STRICT_FIELDS, withValue } from './hostile';
import { codeTokens, lexPowerShell } from './powershell';
import { parseXml } from './xml';

const base = checklistWithNames();
const formats = FIREWALL_FORMATS.map((format) => [format.id, format] as const);

function refusal(format: FirewallFormat, field: string, value: unknown): ExportValueError | string {
  try {
    format.render(withValue(base, field, value));
    return 'rendered';
  } catch (error) {
    return error instanceof ExportValueError ? error : String(error);
  }
}

// A comment line of these syntaxes (the lines of the step-by-step exports that are not steps too).
const isComment = (line: string) => line.trimStart().startsWith('#');
const codeLines = (text: string) => text.split('\n').filter((line) => !isComment(line));

// What went wrong for each value: empty when every value was refused with the right field.
function notRefused(format: FirewallFormat, field: string, values: readonly (readonly [string, unknown])[]): string[] {
  return values.flatMap(([name, value]) => {
    const outcome = refusal(format, field, value);
    return outcome instanceof ExportValueError && outcome.field === field ? [] : [`${name}: ${outcome instanceof ExportValueError ? outcome.field : outcome}`];
  });
}

describe.each(formats)('the %s export, fed hostile values directly', (id, format) => {
  it.each(STRICT_FIELDS)('refuses %s holding any hostile value, naming the field', (field) => {
    expect(notRefused(format, field, HOSTILE)).toEqual([]);
    const error = refusal(format, field, HOSTILE[0]?.[1]) as ExportValueError;
    expect(error.code).toBe('export/invalid-value');
    expect(error.message).toContain(`The checklist's ${field} is not a valid ${error.kind}`);
  });

  it.each(NUMERIC_FIELDS)('refuses %s holding anything but a whole number in range', (field) => {
    const seconds = field === 'profile.keepaliveSec';
    expect(notRefused(format, field, seconds ? HOSTILE_NUMBERS.filter(([name]) => !['zero', 'above 65535', 'a fraction'].includes(name)) : HOSTILE_NUMBERS)).toEqual([]);
  });

  it('refuses a port range that runs backwards, and lists that are not lists', () => {
    expect(refusal(format, 'profile.rtp', { from: 56000, to: 55000 })).toMatchObject({ field: 'profile.rtp', kind: 'port-range' });
    expect(refusal(format, 'rules[0].destination.addresses', 'a; b')).toMatchObject({ field: 'rules[0].destination.addresses', kind: 'list' });
    expect(refusal(format, 'rules[3].destination.ports.ranges', [])).toMatchObject({ field: 'rules[3].destination.ports.ranges', kind: 'list' });
  });

  it.each(FREE_FIELDS)('writes %s only into comments, whatever it holds', (field) => {
    const harmless = format.render(withValue(base, field, MARK));
    for (const [name, value] of HOSTILE) {
      const text = format.render(withValue(base, field, value));
      expect(text, name).not.toMatch(LINE_BREAKERS);
      expect(text.split('\n'), name).toHaveLength(harmless.split('\n').length);
      expect(codeLines(text), name).toEqual(codeLines(harmless));
      for (const line of text.split('\n').filter((entry) => entry.includes(MARK))) expect(isComment(line), `${name}: ${line.slice(0, 80)}`).toBe(true);
      if (id === 'windows') expect(codeTokens(text), name).toEqual(codeTokens(harmless));
    }
  });
});

// A failed rule's fix is a code whose values the guard does not read (the rules' own endpoints are
// what goes into code): worded from the catalog, it goes into one comment line like the evidence.
const failed = checklistWithFailedMedia();
const FIX_VALUES = [
  ['its address', (value: unknown) => ({ code: 'fix/outbound-media', pbxIp: value, pbxPorts: [{ from: 55000, to: 56000 }] })],
  ['a far end', (value: unknown) => ({ code: 'fix/outbound-signalling', pbxIp: '192.168.100.5', pbxPorts: [], peers: [value], peerPorts: [] })],
  ['legacy text', (value: unknown) => ({ code: 'legacy/text', text: value })],
] as const;

describe.each(formats)('the %s export of a failed rule, its fix fed hostile values', (_, format) => {
  it.each(FIX_VALUES)('writes the fix (%s) only into a comment, whatever it holds', (_, fix) => {
    const harmless = format.render(withValue(failed, 'rules[2].fix', fix(MARK)));
    expect(harmless).toContain(MARK);
    for (const [name, value] of HOSTILE) {
      const text = format.render(withValue(failed, 'rules[2].fix', fix(value)));
      expect(text, name).not.toMatch(LINE_BREAKERS);
      expect(text.split('\n'), name).toHaveLength(harmless.split('\n').length);
      expect(codeLines(text), name).toEqual(codeLines(harmless));
      for (const line of text.split('\n').filter((entry) => entry.includes(MARK))) expect(isComment(line), `${name}: ${line.slice(0, 80)}`).toBe(true);
    }
  });
});

// The IPv6 half of a dual-stack checklist: every value written into an IPv6 rule is checked like
// the IPv4 ones, and an IPv4 address where the PBX's IPv6 address belongs is refused too.
const dual = checklistDualStack({ ipv6: { servers: { stun: [{ family: 'IPv6', ip: '2001:db8:1::10', port: 3478, host: 'stun.example.net' }], sip: { family: 'IPv6', ip: '2001:db8:1::20', port: 5060 } } } });
const IPV6_STRICT_FIELDS = [
  'network.ipv6.pbxIp',
  'network.ipv6.publicIp',
  'network.ipv6.stun[0].ip',
  'network.ipv6.stun[0].host',
  'network.ipv6.sip.ip',
  'network.ipv6.sip.host',
  'rules[4].source.addresses[0]',
  'rules[4].destination.addresses[1]',
  'rules[4].destination.hosts[0]',
  'rules[5].source.addresses[0]',
  'rules[7].destination.addresses[0]',
  'rules[4].family',
];

function refusalOf(format: FirewallFormat, checklist: typeof dual): ExportValueError | string {
  try {
    format.render(checklist);
    return 'rendered';
  } catch (error) {
    return error instanceof ExportValueError ? error : String(error);
  }
}

describe.each(formats)('the %s export of a dual-stack PBX, fed hostile IPv6 values directly', (_, format) => {
  it.each(IPV6_STRICT_FIELDS)('refuses %s holding any hostile value, naming the field', (field) => {
    const wrong = HOSTILE.flatMap(([name, value]) => {
      const outcome = refusalOf(format, withValue(dual, field, value));
      return outcome instanceof ExportValueError && outcome.field === field ? [] : [`${name}: ${outcome instanceof ExportValueError ? outcome.field : outcome}`];
    });
    expect(wrong).toEqual([]);
  });

  it('refuses an IPv4 address as the PBX\'s IPv6 address, and an IP version without a PBX address', () => {
    expect(refusalOf(format, withValue(dual, 'network.ipv6.pbxIp', '192.168.100.5'))).toMatchObject({ code: 'export/invalid-value', field: 'network.ipv6.pbxIp', kind: 'ip-address' });
    expect(refusalOf(format, withValue(dual, 'network.ipv6.stun[0].ip', '203.0.113.10'))).toMatchObject({ field: 'network.ipv6.stun[0].ip' });
    for (const family of [5, '6', null, 4.5]) expect(refusalOf(format, withValue(dual, 'rules[4].family', family))).toMatchObject({ field: 'rules[4].family', kind: 'ip-family' });
    // IPv6 rules with no IPv6 address for the PBX to use in them.
    expect(refusalOf(format, withValue(dual, 'network.ipv6', null))).toMatchObject({ field: 'rules[4].family', kind: 'ip-family' });
    expect(refusalOf(format, withValue(dual, 'network.ipv6', '2001:db8::5'))).toMatchObject({ field: 'network.ipv6' });
  });
});

describe('the strict types the guard asks for', () => {
  it('takes IPv4 and IPv6 addresses as RFC 4291 writes them, and nothing around them', () => {
    for (const ip of ['192.168.100.5', '0.0.0.0', '255.255.255.255', '2001:db8::5', '::', '::1', 'fe80::1:2:3:4', '1:2:3:4:5:6:7:8', '::ffff:192.0.2.1', '2001:DB8::A']) expect(isIpAddress(ip)).toBe(true);
    for (const text of ['256.1.1.1', '1.2.3', '01.2.3.4', '1.2.3.4 ', ' 1.2.3.4', '1.2.3.4\n', '1:2:3:4:5:6:7:8:9', ':::', '1::2::3', ':1::', 'fe80::1%eth0', '12345::', '::ffff:1.2.3', '', 5060, null]) {
      expect(isIpAddress(text)).toBe(false);
    }
    expect(isIpv6Address('1:2:3:4:5:6:7::')).toBe(true);
    expect(isIpv6Address('1:2:3:4:5:6:7:8::')).toBe(false);
  });

  it('takes DNS names (with service-name underscores), addresses and bracketed IPv6, and no Unicode or shell', () => {
    for (const host of ['stun.example.net', 'sip.example.net.', '_sip._udp.example.com', 'xn--mller-kva.de', 'a', '203.0.113.10', '[2001:db8::20]', `${'a'.repeat(63)}.de`]) expect(isHostName(host)).toBe(true);
    for (const text of ['müller.de', '$(id)', 'a b', 'a..b', '-a.de', 'a-.de', `${'a'.repeat(64)}.de`, `${'a.'.repeat(127)}de`, '[1.2.3.4]', 'a.de\n', '', '.']) expect(isHostName(text)).toBe(false);
  });

  it('keeps a comment on one line whatever ends a line in some syntax', () => {
    for (const [, value] of HOSTILE) expect(oneLine(value)).not.toMatch(LINE_BREAKERS);
    expect(oneLine('a\u2028b\u0085c\u202ed\u0000e\uD800f')).toBe('a b c d e f');
    expect(oneLine('Müller & Söhne – 😀')).toBe('Müller & Söhne – 😀');
  });

  it('cuts a comment at 500 characters, never in half a character, and a quoted string not at all', () => {
    expect(oneLine('x'.repeat(600))).toBe(`${'x'.repeat(499)}…`);
    expect(oneLine(`${'x'.repeat(498)}😀😀😀`)).toBe(`${'x'.repeat(498)}😀…`);
    expect(singleLine('x'.repeat(600))).toHaveLength(600);
  });
});

// A double-quoted string with backslash escapes (FortiOS CLI, RouterOS): its content, or why it is
// not one closed string. RouterOS substitutes an unescaped "$" (a variable or $[command]).
function readEscapedString(literal: string, dollarSubstitutes: boolean): string {
  if (!literal.startsWith('"') || literal.length < 2) throw new Error('not a quoted string');
  let value = '';
  for (let at = 1; at < literal.length; at += 1) {
    const char = literal[at] as string;
    if (char === '\\') {
      value += literal[at + 1] ?? '';
      at += 1;
    } else if (char === '"') {
      if (at !== literal.length - 1) throw new Error(`the string ends at ${at}, before ${JSON.stringify(literal.slice(at, at + 20))}`);
      return value;
    } else if (char === '$' && dollarSubstitutes) {
      throw new Error(`an unescaped $ at ${at} substitutes`);
    } else {
      value += char;
    }
  }
  throw new Error('the string is never closed');
}

describe('each syntax quotes a string by its own rules', () => {
  it.each(HOSTILE)('PowerShell: %s stays one verbatim string', (_, value) => {
    const tokens = lexPowerShell(powershellString(value));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.kind).toBe('string');
    expect(tokens[0]?.value).toBe(singleLine(value));
  });

  it.each(HOSTILE)('FortiOS: %s stays one quoted string', (_, value) => {
    const literal = fortigateString(value);
    expect(literal).not.toMatch(LINE_BREAKERS);
    expect(readEscapedString(literal, false)).toBe(singleLine(value));
  });

  it.each(HOSTILE)('RouterOS: %s stays one quoted string without substitution', (_, value) => {
    const literal = routerosString(value);
    expect(literal).not.toMatch(LINE_BREAKERS);
    expect(literal).not.toMatch(/(^|[^\\])\?/);
    expect(readEscapedString(literal, true)).toBe(singleLine(value));
  });

  it.each(HOSTILE)('nftables and iptables-restore: %s stays one quoted string (they know no escape)', (_, value) => {
    const nft = nftString(value);
    const iptables = iptablesString(value);
    for (const literal of [nft, iptables]) {
      expect(literal).not.toMatch(LINE_BREAKERS);
      expect(literal).toMatch(/^"[^"]*"$/);
    }
    expect(iptables).not.toContain('\\');
    expect(nft.slice(1, -1)).toBe(singleLine(value).replace(/"/g, "'"));
  });

  it.each(HOSTILE)('XML: %s stays the text of one element', (_, value) => {
    const element = parseXml(`<descr>${xml(value)}</descr>`);
    expect(element.children).toEqual([]);
    expect(element.text).toBe(singleLine(value));
  });
});
