// Hostile values for the export tests: what a hand-edited report or checklist can carry. The tests
// feed them straight to the renderers, past the report validation, to prove that every export stays
// inert on its own. Each value tries to end a string, a comment or a line of some syntax, and carries
// MARK so a test can see where it landed.
import type { Checklist } from '../../../shared/checklist/model';

export const MARK = 'PWNED';

export const HOSTILE: readonly (readonly [string, string])[] = [
  ['a single quote (PowerShell)', `10.0.0.5' ; Start-Process calc ; '${MARK}`],
  ['a typographic single quote (PowerShell reads it as one)', `10.0.0.5\u2019 ; Start-Process calc ; \u2018${MARK}`],
  ['a double quote', `10.0.0.5" accept comment "${MARK}`],
  ['a backslash before a quote', `10.0.0.5\\" ; set ${MARK} \\`],
  ['a semicolon', `10.0.0.5; reboot; ${MARK}`],
  ['a backtick', `10.0.0.5\`n\`$${MARK}`],
  ['a command substitution', `$(${MARK})`],
  ['a RouterOS substitution', `$[/system reboot] ${MARK}`],
  ['a newline (nftables rule)', `10.0.0.5\n\t\tip saddr 0.0.0.0/0 accept comment "${MARK}"`],
  ['a newline (FortiGate admin)', `stun.example.net"\nend\nconfig system admin\n    edit "${MARK}"\n    next\nend\n#`],
  ['a carriage return', `10.0.0.5\r-A INPUT -j ACCEPT -m comment --comment ${MARK}`],
  ['a NUL', `10.0.0.5\u0000${MARK}`],
  ['a Unicode line separator', `10.0.0.5\u2028config system admin ${MARK}\u2029`],
  ['a next-line control (NEL)', `10.0.0.5\u0085${MARK}`],
  ['a bidi override', `10.0.0.5\u202e${MARK}\u202c`],
  ['markup and a javascript: link', `</descr><script>alert(1)</script><a href="javascript:alert(1)">${MARK}</a> [x](javascript:alert(1)) <javascript:alert(1)>`],
  ['a very long value', `${MARK}${'9'.repeat(100_000)}`],
];

// Numbers a hand-edited file can hold where a port or a number of seconds belongs.
export const HOSTILE_NUMBERS: readonly (readonly [string, unknown])[] = [
  ['zero', 0],
  ['above 65535', 65536],
  ['negative', -1],
  ['a fraction', 5060.5],
  ['not a number', Number.NaN],
  ['infinity', Number.POSITIVE_INFINITY],
  ['a numeric string', '5060'],
  ['a string with a rule', `5060 accept comment "${MARK}"`],
  ['null', null],
];

// Values a firewall export writes as code (or looks a word up by): each must be refused.
export const STRICT_FIELDS: readonly string[] = [
  'network.pbxIp',
  'network.publicIp',
  'network.stun[0].host',
  'network.stun[0].ip',
  'network.stun[1].host',
  'network.sip.host',
  'network.sip.ip',
  'rules[0].destination.addresses[0]',
  'rules[0].destination.hosts[1]',
  'rules[1].source.hosts[2]',
  'rules[1].source.addresses[0]',
  'rules[0].source.addresses[0]',
  'rules[0].id',
  'rules[2].direction',
  'rules[1].status',
  'verdict',
  'nat.classic',
  'language',
];

export const NUMERIC_FIELDS: readonly string[] = [
  'profile.sipPort',
  'profile.rtp.from',
  'profile.keepaliveSec',
  'network.stun[0].port',
  'rules[0].source.ports.ranges[0].from',
  'rules[0].destination.ports.ranges[1].from',
  'rules[3].destination.ports.ranges[0].to',
];

// Free text: it only ever goes into comments (firewall exports) or prose (documents).
export const FREE_FIELDS: readonly string[] = ['site.name', 'site.customer', 'site.technician', 'profile.name', 'createdAt', 'rules[0].evidence[0].text', 'rules[3].evidence[0].text'];

// A copy of the checklist with one value replaced; the field is written as the error names it.
export function withValue(checklist: Checklist, field: string, value: unknown): Checklist {
  // Through JSON, not structuredClone: the checklist shares objects (rule 1's far end is rule 2's),
  // and one field must change alone.
  const copy = JSON.parse(JSON.stringify(checklist)) as Record<string, unknown>;
  const keys = field.replace(/\[(\d+)\]/g, '.$1').split('.');
  let target: Record<string, unknown> = copy;
  // Evidence is codes with values; the one that carries free text as it is, is legacy text: the
  // message there becomes one, holding the value and nothing else of the code it replaces.
  const legacy = /evidence\.\d+\.text$/.test(keys.join('.'));
  for (const key of keys.slice(0, legacy ? -2 : -1)) target = target[key] as Record<string, unknown>;
  if (legacy) target[keys.at(-2) as string] = { code: 'legacy/text', text: value };
  else target[keys.at(-1) as string] = value;
  return copy as unknown as Checklist;
}

// Characters that end a line in one syntax or another; none may come out of an export.
export const LINE_BREAKERS = /[\0\r\v\f\u0085\u2028\u2029]/;
