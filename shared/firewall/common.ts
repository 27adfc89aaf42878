// What every firewall export shares: the four rules seen from the PBX (its address and ports on
// one side, the remote side on the other), the header that says which rules TrunkCheck proved,
// the guard that keeps a value of the wrong type out of the rules, and small formatting helpers.
// Pure: no platform syntax lives here.
import type { Checklist, ChecklistRule, Endpoint, Ports } from '../checklist/model';
import type { PortRange } from '../port-range';
import { VALUE_KINDS, type ErrorOf } from '../text/messages/errors';
import { RULE_IDS, type NatClassic, type RuleId, type RuleStatus, type Verdict } from '../report';
import { FIREWALL, word, wordAll, type FirewallText } from '../text';

// DSCP "Expedited Forwarding" for voice: RFC 3246 §2 (code point 101110 = 46, RFC 2474 DS field).
export const DSCP_EF = 46;
export const DSCP_EF_BITS = '101110';

export type Family = 4 | 6;

export function ipFamily(ip: string): Family {
  return ip.includes(':') ? 6 : 4;
}

export function isIpLiteral(text: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(text) || (text.includes(':') && /^[0-9a-fA-F:.]+$/.test(text));
}

// ---- The guard: strict values only, in every syntax ------------------------------------------
// A report or checklist is a file that travels between colleagues, and the admin pastes the export
// with administrator rights. The report is validated when it is read; this is the second line of
// defence: an address, host name, port or enumerated word of the wrong type never reaches a rule.
// Every renderer calls assertExportable first and writes nothing when it throws.

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIpv4Address(text: unknown): boolean {
  return typeof text === 'string' && IPV4.test(text);
}

// RFC 4291 §2.2: eight groups of 1-4 hex digits, one "::" for a run of zero groups, the last 32
// bits optionally as dotted IPv4. No zone index: "%eth0" names an interface of one machine only.
export function isIpv6Address(text: unknown): boolean {
  if (typeof text !== 'string' || text.length > 45 || !text.includes(':') || !/^[0-9A-Fa-f:.]+$/.test(text)) return false;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.') && !IPV4.test(tail)) return false;
  const hex = tail.includes('.') ? `${text.slice(0, lastColon + 1)}0:0` : text;
  const halves = hex.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  if (groups.flat().some((group) => !/^[0-9A-Fa-f]{1,4}$/.test(group))) return false;
  const count = groups.flat().length;
  return halves.length === 2 ? count <= 7 : count === 8;
}

export function isIpAddress(text: unknown): boolean {
  return isIpv4Address(text) || isIpv6Address(text);
}

// A name as DNS carries it (RFC 1123 §2.1, plus "_" for service names like _sip._udp), ASCII only
// (IDNs in their xn-- form), at most 253 characters; or an address, also "[v6]" as in a SIP target.
export function isHostName(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  if (isIpAddress(text) || (text.startsWith('[') && text.endsWith(']') && isIpv6Address(text.slice(1, -1)))) return true;
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  return name.length > 0 && name.length <= 253 && name.split('.').every((label) => /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/.test(label));
}

export function isPortNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

export type ValueKind = (typeof VALUE_KINDS)[number];

// Thrown by the renderers, turned into one sentence by the caller (electron/export/index.ts).
export class ExportValueError extends Error {
  readonly code = 'export/invalid-value';

  constructor(
    readonly field: string,
    readonly kind: ValueKind,
  ) {
    super(`The checklist's ${field} is not a valid ${kind}.`);
    this.name = 'ExportValueError';
  }

  // The error as it crosses a boundary: its code and values, worded by the catalogs.
  get data(): ErrorOf<'export/invalid-value'> {
    return { code: this.code, field: this.field.slice(0, 300), kind: this.kind };
  }
}

export function isExportValueError(error: unknown): error is ExportValueError {
  return error instanceof ExportValueError;
}

// The words each enumeration may hold; a Record so that a new member must be added here too.
const STATUSES: Readonly<Record<RuleStatus, true>> = { verified: true, failed: true, untested: true };
const VERDICTS: Readonly<Record<Verdict, true>> = { ready: true, 'action-needed': true, blocked: true, incomplete: true };
const NAT_TYPES: Readonly<Record<NatClassic, true>> = {
  'full-cone': true,
  'restricted-cone': true,
  'port-restricted-cone': true,
  symmetric: true,
  'open-internet': true,
  'symmetric-udp-firewall': true,
  blocked: true,
  unknown: true,
};
const LANGUAGES: Readonly<Record<Checklist['language'], true>> = { en: true, de: true };
const DIRECTIONS: Readonly<Record<ChecklistRule['direction'], true>> = { outbound: true, inbound: true };

const oneOf = (words: Readonly<Record<string, true>>, value: unknown): boolean => typeof value === 'string' && Object.hasOwn(words, value);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

interface Problem {
  readonly field: string;
  readonly kind: ValueKind;
}

function rangeProblem(range: unknown, field: string): Problem | null {
  if (!isRecord(range)) return { field, kind: 'port-range' };
  if (!isPortNumber(range.from)) return { field: `${field}.from`, kind: 'port' };
  if (!isPortNumber(range.to)) return { field: `${field}.to`, kind: 'port' };
  return (range.from as number) > (range.to as number) ? { field, kind: 'port-range' } : null;
}

function* portRangeProblems(ranges: unknown, field: string): Generator<Problem> {
  if (!Array.isArray(ranges) || ranges.length === 0) return yield { field, kind: 'list' };
  for (const [index, range] of ranges.entries()) {
    const problem = rangeProblem(range, `${field}[${index}]`);
    if (problem) yield problem;
  }
}

function* listProblems(items: unknown, field: string, valid: (item: unknown) => boolean, kind: ValueKind): Generator<Problem> {
  if (!Array.isArray(items)) return yield { field, kind: 'list' };
  for (const [index, item] of items.entries()) if (!valid(item)) yield { field: `${field}[${index}]`, kind };
}

function* endpointProblems(endpoint: unknown, field: string): Generator<Problem> {
  if (!isRecord(endpoint)) return yield { field, kind: 'list' };
  yield* listProblems(endpoint.addresses, `${field}.addresses`, isIpAddress, 'ip-address');
  yield* listProblems(endpoint.hosts, `${field}.hosts`, isHostName, 'host-name');
  const ports = endpoint.ports;
  if (!isRecord(ports)) yield { field: `${field}.ports`, kind: 'port-range' };
  else if (ports.any !== true) yield* portRangeProblems(ports.ranges, `${field}.ports.ranges`);
}

function* serverProblems(server: unknown, field: string, isIp: (ip: unknown) => boolean = isIpAddress): Generator<Problem> {
  if (!isRecord(server)) return yield { field, kind: 'host-name' };
  if (!isHostName(server.host)) yield { field: `${field}.host`, kind: 'host-name' };
  if (server.ip !== null && !isIp(server.ip)) yield { field: `${field}.ip`, kind: 'ip-address' };
  if (!isPortNumber(server.port)) yield { field: `${field}.port`, kind: 'port' };
}

// Every value of the checklist that a firewall export writes as code or looks a word up by.
// Free text (site, customer, technician, profile name, evidence, date) only ever goes into
// comments, through oneLine.
function* problems(checklist: Checklist): Generator<Problem> {
  const { network, profile, rules } = checklist as unknown as Record<string, Record<string, unknown> | undefined>;
  if (!oneOf(LANGUAGES, checklist.language)) yield { field: 'language', kind: 'language' };
  if (!oneOf(VERDICTS, checklist.verdict)) yield { field: 'verdict', kind: 'verdict' };
  if (!oneOf(NAT_TYPES, checklist.nat?.classic)) yield { field: 'nat.classic', kind: 'nat-type' };
  if (!isRecord(profile)) return yield { field: 'profile', kind: 'port' };
  if (!isPortNumber(profile.sipPort)) yield { field: 'profile.sipPort', kind: 'port' };
  const rtp = rangeProblem(profile.rtp, 'profile.rtp');
  if (rtp) yield rtp;
  if (typeof profile.keepaliveSec !== 'number' || !Number.isFinite(profile.keepaliveSec) || profile.keepaliveSec < 0) yield { field: 'profile.keepaliveSec', kind: 'seconds' };
  if (!isRecord(network)) return yield { field: 'network.pbxIp', kind: 'ip-address' };
  if (!isIpAddress(network.pbxIp)) yield { field: 'network.pbxIp', kind: 'ip-address' };
  if (network.publicIp !== null && !isIpAddress(network.publicIp)) yield { field: 'network.publicIp', kind: 'ip-address' };
  if (!Array.isArray(network.stun)) yield { field: 'network.stun', kind: 'list' };
  else for (const [index, server] of network.stun.entries()) yield* serverProblems(server, `network.stun[${index}]`);
  if (network.sip !== null) yield* serverProblems(network.sip, 'network.sip');
  const ipv6 = network.ipv6;
  if (ipv6 !== null && ipv6 !== undefined) yield* ipv6Problems(ipv6);
  if (!Array.isArray(rules)) return yield { field: 'rules', kind: 'list' };
  // Each rule's PBX address: network.pbxIp for its own IP version, network.ipv6.pbxIp for the IPv6 rules beside IPv4 ones.
  const families = new Set<unknown>([isIpv6Address(network.pbxIp) ? 6 : 4, ...(isRecord(ipv6) ? [6] : [])]);
  for (const [index, rule] of (rules as unknown[]).entries()) {
    const field = `rules[${index}]`;
    if (!isRecord(rule)) {
      yield { field, kind: 'rule' };
      continue;
    }
    if (!(RULE_IDS as readonly unknown[]).includes(rule.id)) yield { field: `${field}.id`, kind: 'rule' };
    if (!families.has(rule.family)) yield { field: `${field}.family`, kind: 'ip-family' };
    if (!oneOf(DIRECTIONS, rule.direction)) yield { field: `${field}.direction`, kind: 'direction' };
    if (!oneOf(STATUSES, rule.status)) yield { field: `${field}.status`, kind: 'status' };
    yield* endpointProblems(rule.source, `${field}.source`);
    yield* endpointProblems(rule.destination, `${field}.destination`);
  }
}

// The IPv6 path of a dual-stack PBX: IPv6 addresses only, as they go into IPv6 rules.
function* ipv6Problems(ipv6: unknown): Generator<Problem> {
  if (!isRecord(ipv6)) return yield { field: 'network.ipv6', kind: 'ip-address' };
  if (!isIpv6Address(ipv6.pbxIp)) yield { field: 'network.ipv6.pbxIp', kind: 'ip-address' };
  if (ipv6.publicIp !== null && !isIpv6Address(ipv6.publicIp)) yield { field: 'network.ipv6.publicIp', kind: 'ip-address' };
  if (!Array.isArray(ipv6.stun)) yield { field: 'network.ipv6.stun', kind: 'list' };
  else for (const [index, server] of ipv6.stun.entries()) yield* serverProblems(server, `network.ipv6.stun[${index}]`, isIpv6Address);
  if (ipv6.sip !== null) yield* serverProblems(ipv6.sip, 'network.ipv6.sip', isIpv6Address);
}

export function assertExportable(checklist: Checklist): void {
  const first = problems(checklist).next();
  if (!first.done) throw new ExportValueError(first.value.field, first.value.kind);
}

export interface RemoteSide {
  readonly any: boolean;
  readonly addresses: readonly string[];    // of the PBX's address family, usable in a rule
  readonly unresolved: readonly string[];   // names without a resolved address
  readonly otherFamily: readonly string[];  // addresses of the other family: never match a PBX rule
}

// One rule of the checklist, seen from the PBX: "local" is always the PBX, "remote" the far end.
export interface RuleView {
  readonly number: number;
  // An IPv6 rule of a dual-stack PBX, beside its IPv4 rules: named and titled as such.
  readonly secondary: boolean;
  readonly id: RuleId;
  readonly status: RuleStatus;
  readonly direction: 'outbound' | 'inbound';
  readonly media: boolean;
  readonly pbx: string;
  readonly family: Family;
  readonly pbxPorts: readonly PortRange[] | null;     // null: any port
  readonly remote: RemoteSide;
  readonly remotePorts: readonly PortRange[] | null;  // null: any port
  readonly rule: ChecklistRule;
}

export function portRanges(ports: Ports): readonly PortRange[] | null {
  return ports.any ? null : ports.ranges;
}

// The names the checklist knows, with their address (null: not resolved): those of the PBX's own
// IP version, or those of the IPv6 path of a dual-stack PBX.
function knownHosts(checklist: Checklist, secondary: boolean): Map<string, string | null> {
  const known = new Map<string, string | null>();
  const note = (host: string, ip: string | null) => known.set(host, ip ?? known.get(host) ?? null);
  const servers = secondary ? checklist.network.ipv6 : checklist.network;
  for (const server of servers?.stun ?? []) note(server.host, server.ip);
  if (servers?.sip) note(servers.sip.host, servers.sip.ip);
  return known;
}

function remoteSide(endpoint: Endpoint, known: ReadonlyMap<string, string | null>, family: Family): RemoteSide {
  if (endpoint.anyAddress) return { any: true, addresses: [], unresolved: [], otherFamily: [] };
  const unresolved = endpoint.hosts.filter((host) => {
    if (isIpLiteral(host)) return false;
    return known.has(host) ? known.get(host) === null : endpoint.addresses.length === 0;
  });
  return {
    any: false,
    addresses: endpoint.addresses.filter((ip) => ipFamily(ip) === family),
    unresolved,
    otherFamily: endpoint.addresses.filter((ip) => ipFamily(ip) !== family),
  };
}

export function ruleViews(checklist: Checklist): RuleView[] {
  const primary = ipFamily(checklist.network.pbxIp);
  return checklist.rules.map((rule, index) => {
    const local = rule.direction === 'outbound' ? rule.source : rule.destination;
    const remote = rule.direction === 'outbound' ? rule.destination : rule.source;
    const family = rule.family;
    const secondary = family !== primary;
    // assertExportable has made sure a secondary rule has its address.
    const pbx = secondary ? (checklist.network.ipv6?.pbxIp ?? '') : checklist.network.pbxIp;
    return {
      number: index + 1,
      secondary,
      id: rule.id,
      status: rule.status,
      direction: rule.direction,
      media: rule.media,
      pbx,
      family,
      pbxPorts: portRanges(local.ports),
      remote: remoteSide(remote, knownHosts(checklist, secondary), family),
      remotePorts: portRanges(remote.ports),
      rule,
    };
  });
}

// A rule can be written when its far end is "any" or has at least one usable address.
export function writable(view: RuleView): boolean {
  return view.remote.any || view.remote.addresses.length > 0;
}

export function rangeText(range: PortRange, separator = '-'): string {
  return range.from === range.to ? String(range.from) : `${range.from}${separator}${range.to}`;
}

export function rangesText(ranges: readonly PortRange[], separator = '-', join = ','): string {
  return ranges.map((range) => rangeText(range, separator)).join(join);
}

export function rtpText(checklist: Checklist, separator = '-'): string {
  return rangeText(checklist.profile.rtp, separator);
}

// One line for a comment that cannot end early in any syntax: every control character (C0, DEL,
// C1 with NEL), every line or paragraph separator (U+2028, U+2029), invisible format characters
// (bidi overrides that make a line read differently from what runs) and lone surrogates become a
// space. And a short one: a line longer than a tool's line buffer is read as two lines, the second
// no longer a comment (iptables-restore reads 10,239 bytes at a time), so free text is cut.
const NOT_IN_ONE_LINE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
export const ONE_LINE_MAX_CHARS = 500;

export function oneLine(text: unknown, max = ONE_LINE_MAX_CHARS): string {
  return cut(singleLine(text), max);
}

// The same without the cut, for the quoted strings of code: an address list must stay whole.
export function singleLine(text: unknown): string {
  return String(text).replace(NOT_IN_ONE_LINE, ' ').replace(/\s+/g, ' ').trim();
}

// At most `max` code points, the last one "…" when something was cut; never half a surrogate pair.
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}

export function prefixLines(lines: readonly string[], prefix = '# '): string[] {
  return lines.map((line) => (line === '' ? prefix.trimEnd() : `${prefix}${line}`));
}

export function textFor(checklist: Checklist): FirewallText {
  return FIREWALL[checklist.language] ?? FIREWALL.en;
}

function portsWord(ranges: readonly PortRange[] | null, t: FirewallText): string {
  return ranges === null ? t.common.any : rangesText(ranges, '-', ', ');
}

function remoteWord(view: RuleView, t: FirewallText): string {
  if (view.remote.any) return t.common.any;
  return [...view.remote.addresses, ...view.remote.unresolved, ...view.remote.otherFamily].join(', ');
}

// "UDP 192.168.100.5 (port 55000-56000, 65002) -> 203.0.113.10 (port 3478, 5060)"
export function flowText(view: RuleView, t: FirewallText): string {
  const pbx = `${view.pbx} (${t.common.port} ${portsWord(view.pbxPorts, t)})`;
  const remote = `${remoteWord(view, t)} (${t.common.port} ${portsWord(view.remotePorts, t)})`;
  return view.direction === 'outbound' ? `UDP ${pbx} -> ${remote}` : `UDP ${remote} -> ${pbx}`;
}

// The header every export starts with: where, when, what was proven.
export function headerLines(checklist: Checklist, platform: string): string[] {
  const t = textFor(checklist);
  const c = t.common;
  const views = ruleViews(checklist);
  const { site, profile, network } = checklist;
  const lines = [c.title(platform)];
  if (oneLine(site.name) || oneLine(site.customer) || oneLine(site.technician)) {
    lines.push(c.site(oneLine(site.name), oneLine(site.customer), oneLine(site.technician)));
  }
  lines.push(c.pbx(network.pbxIp, oneLine(profile.name), profile.sipPort, rtpText(checklist)));
  lines.push(c.publicAddress(network.publicIp, checklist.nat.classic));
  const ipv6 = secondaryViews(views);
  if (network.ipv6 && ipv6.length > 0) {
    lines.push(c.pbxIpv6(network.ipv6.pbxIp, numbersText(ipv6)));
    const { pbxIp: local, publicIp: mapped } = network.ipv6;
    if (network.ipv6.translation === 'translated' && mapped !== null) lines.push(c.ipv6Translated(word(checklist.language, { code: 'ipv6/translated', local, mapped }), local, mapped));
  }
  lines.push(c.created(oneLine(checklist.createdAt)), c.verdict[checklist.verdict], '', c.rulesHeading);
  for (const view of views) {
    lines.push(c.ruleLine(view.number, ruleTitle(view, t), c.status[view.status], flowText(view, t)));
    lines.push(`    ${c.evidence(oneLine(wordAll(checklist.language, view.rule.evidence)))}`);
    // The fix travels in the checklist as a code whose values the guard has not seen: one line, like the evidence.
    if (view.status === 'failed' && view.rule.fix) lines.push(`    ${c.fix(oneLine(word(checklist.language, view.rule.fix)))}`);
  }
  const numbers = (status: RuleStatus) => views.filter((view) => view.status === status).map((view) => String(view.number)).join(', ') || c.none;
  lines.push(c.summary(numbers('verified'), numbers('failed'), numbers('untested')));
  if (views.some((view) => view.status === 'untested')) lines.push(c.untestedNote);
  if (views.some((view) => view.status === 'failed')) lines.push(c.failedNote);
  if (checklist.nat.portPreserved === false) lines.push(c.natRewritesPorts);
  return lines;
}

// Stand-ins for a far end that has no usable address: shown only in commented-out rules.
export function placeholders(view: RuleView): string[] {
  return view.remote.unresolved.length > 0 ? view.remote.unresolved.map((host) => `<IP-of-${host}>`) : ['<IP-of-provider>'];
}

// Notes for names without an address and addresses of the other family, for one rule.
export function remoteNotes(view: RuleView, t: FirewallText): string[] {
  const notes = view.remote.unresolved.map((host) => t.common.unresolved(host));
  if (view.remote.otherFamily.length > 0) notes.push(t.common.otherFamily(view.remote.otherFamily.join(', ')));
  if (!writable(view)) notes.push(t.common.cannotWrite(view.number));
  return notes;
}

// The public address a port forward listens on, when there is NAT in front of the PBX.
export function forwardedPublicIp(checklist: Checklist): string | null {
  const { publicIp, pbxIp } = checklist.network;
  if (publicIp === null || publicIp === pbxIp || ipFamily(publicIp) !== 4 || ipFamily(pbxIp) !== 4) return null;
  return publicIp;
}

// Names usable as identifiers in rule names and object names of every platform.
export function ruleName(view: RuleView): string {
  return `TrunkCheck-${view.number}-${view.id}${view.secondary ? '-v6' : ''}`;
}

// The rule's title in the checklist's language; an IPv6 rule beside IPv4 ones says so.
export function ruleTitle(view: RuleView, t: FirewallText): string {
  return view.secondary ? `${t.common.ruleTitle[view.id]} (IPv6)` : t.common.ruleTitle[view.id];
}

// The IPv6 rules of a dual-stack PBX, beside its IPv4 ones.
export function secondaryViews(views: readonly RuleView[]): RuleView[] {
  return views.filter((view) => view.secondary);
}

export function primaryViews(views: readonly RuleView[]): RuleView[] {
  return views.filter((view) => !view.secondary);
}

// "5-8": the numbers of consecutive rules, or a list.
export function numbersText(views: readonly RuleView[]): string {
  const numbers = views.map((view) => view.number);
  const first = numbers[0];
  const last = numbers.at(-1);
  if (first === undefined || last === undefined) return '';
  return numbers.length > 1 && last - first === numbers.length - 1 ? `${first}-${last}` : numbers.join(', ');
}

// The eight 16-bit groups of an IPv6 address (RFC 4291 §2.2), a dotted IPv4 tail as the last two.
// Only for an address isIpv6Address accepted.
function ipv6Groups(ip: string): number[] {
  let text = ip;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const [a = 0, b = 0, c = 0, d = 0] = tail.split('.').map(Number);
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const zeros = rest === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...zeros, ...right].map((group) => Number.parseInt(group, 16));
}

// RFC 5952 §4: lower case, no leading zeros, the longest run of two or more zero groups as "::".
function ipv6Text(groups: readonly number[]): string {
  let best = { start: -1, length: 0 };
  for (let start = 0; start < groups.length; start += 1) {
    let length = 0;
    while (groups[start + length] === 0) length += 1;
    if (length > best.length && length >= 2) best = { start, length };
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

// The interface ID of an IPv6 address (its last 64 bits, RFC 4291 §2.5.1), written as an address
// with a zero prefix, as routers that open ports by interface ID take it: 2001:db8::5 → ::5.
export function interfaceId(ip: string): string {
  return ipv6Text([0, 0, 0, 0, ...ipv6Groups(ip).slice(4)]);
}
