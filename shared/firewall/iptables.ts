// iptables-restore format (ip6tables-restore when the PBX has an IPv6 address), checked offline with
// `iptables-restore --test` (field-notes.md). One file loads with one tool and one IP version, so a
// dual-stack PBX gets two exports: "iptables" with its IPv4 rules, "ip6tables" with its IPv6 rules
// for ip6tables-restore (as iptables-persistent keeps rules.v4 and rules.v6 apart). The rules live in TRUNKCHECK-* chains that one jump from
// each built-in chain enters, so `--noflush` adds them to a running firewall without touching it.
// Syntax: iptables(8), iptables-extensions(8) (multiport: at most 15 ports, a range counts as two;
// DSCP target: mangle table, --set-dscp-class EF); iptables-restore(8).
import type { Checklist } from '../checklist/model';
import type { PortRange } from '../port-range';
import { assertExportable, cut, forwardedPublicIp, headerLines, ipFamily, numbersText, placeholders, prefixLines, primaryViews, rangeText, remoteNotes, ruleName, ruleTitle, ruleViews, secondaryViews, singleLine, textFor, writable, type RuleView } from './common';

export const IPTABLES_PLATFORM = 'iptables (iptables-restore)';
export const IP6TABLES_PLATFORM = 'ip6tables (ip6tables-restore, IPv6)';
const MULTIPORT_LIMIT = 15;

// iptables-restore(8) splits a line at spaces outside double quotes and takes a backslash as an
// escape: neither a quote nor a backslash is written inside one. One line.
export const iptablesString = (text: string) => `"${singleLine(text).replace(/["\\]/g, '')}"`;

// Port matches for one side: a single range as --sport/--dport, several through multiport, split so
// that no multiport match holds more than 15 ports.
function portMatches(ranges: readonly PortRange[] | null, side: 's' | 'd'): string[] {
  if (ranges === null) return [''];
  if (ranges.length === 1 && ranges[0]) return [`--${side}port ${rangeText(ranges[0], ':')}`];
  const chunks: PortRange[][] = [[]];
  let weight = 0;
  for (const range of ranges) {
    const cost = range.from === range.to ? 1 : 2;
    if (weight + cost > MULTIPORT_LIMIT) {
      chunks.push([]);
      weight = 0;
    }
    chunks[chunks.length - 1]?.push(range);
    weight += cost;
  }
  return chunks.map((chunk) => `-m multiport --${side}ports ${chunk.map((range) => rangeText(range, ':')).join(',')}`);
}

function ruleSpecs(view: RuleView, chain: string, target: string, pbxAddress: string = view.pbx): string[] {
  const outbound = view.direction === 'outbound';
  const pbx = `${outbound ? '-s' : '-d'} ${pbxAddress}`;
  const remote = view.remote.any ? '' : `${outbound ? '-d' : '-s'} ${(writable(view) ? view.remote.addresses : placeholders(view)).join(',')}`;
  const pbxPorts = portMatches(view.pbxPorts, outbound ? 's' : 'd');
  const remotePorts = portMatches(view.remotePorts, outbound ? 'd' : 's');
  const specs: string[] = [];
  for (const local of pbxPorts) {
    for (const far of remotePorts) {
      // A plain --sport/--dport belongs to the match loaded last: after "-m multiport" it is read
      // as multiport's own option, which refuses source and destination ports together
      // (iptables-extensions(8), multiport). So the udp match's ports come first, right after -p udp.
      const ports = [local, far].sort((a, b) => Number(a.startsWith('-m multiport')) - Number(b.startsWith('-m multiport')));
      const parts = [`-A ${chain}`, pbx, remote, '-p udp', ...ports, `-m comment --comment ${iptablesString(ruleName(view))}`, target];
      specs.push(parts.filter((part) => part !== '').join(' '));
    }
  }
  return specs;
}

function ruleLines(views: readonly RuleView[], checklist: Checklist, spec: (view: RuleView) => string[]): string[] {
  const t = textFor(checklist);
  return views.flatMap((view) => [
    `# ${view.number}. ${ruleTitle(view, t)} (${t.common.status[view.status]})`,
    ...prefixLines(remoteNotes(view, t)),
    ...spec(view).map((line) => (writable(view) ? line : `# ${line}`)),
  ]);
}

// One table: declare the own chains, jump to them from the built-in ones, add the rules, commit.
function table(name: string, hooks: readonly [string, string, string][], body: readonly string[]): string[] {
  return [
    `*${name}`,
    ...hooks.map(([, chain]) => `:${chain} - [0:0]`),
    ...hooks.map(([builtIn, chain, comment]) => `-I ${builtIn} -m comment --comment ${iptablesString(comment)} -j ${chain}`),
    ...body,
    'COMMIT',
  ];
}

// iptables-restore reads a line with fgets into 10,240 bytes: the rest of a longer comment line
// would be read as a line of its own, and run (a long list of names in a comment can get there).
const LINE_BUFFER_BYTES = 10_240;
const COMMENT_MAX_CHARS = Math.floor((LINE_BUFFER_BYTES - 2) / 4); // UTF-8: at most 4 bytes a code point

function boundedComment(line: string): string {
  return line.startsWith('#') ? cut(line, COMMENT_MAX_CHARS) : line;
}

export function restoreTool(checklist: Checklist): 'iptables-restore' | 'ip6tables-restore' {
  return checklist.network.pbxIp.includes(':') ? 'ip6tables-restore' : 'iptables-restore';
}

// The IPv4 export: the rules of the PBX address's own IP version (an IPv6-only PBX: its IPv6 rules,
// for ip6tables-restore); a dual-stack PBX's IPv6 rules are in the ip6tables export.
export function render(checklist: Checklist): string {
  assertExportable(checklist);
  const t = textFor(checklist);
  const views = ruleViews(checklist);
  const ipv6 = secondaryViews(views);
  return renderRules(checklist, IPTABLES_PLATFORM, primaryViews(views), restoreTool(checklist), ipv6.length > 0 ? [t.iptables.ipv6Elsewhere(numbersText(ipv6))] : []);
}

// The IPv6 export: every IPv6 rule of the checklist, for ip6tables-restore.
export function renderIp6tables(checklist: Checklist): string {
  assertExportable(checklist);
  const t = textFor(checklist);
  const views = ruleViews(checklist);
  const ipv6 = views.filter((view) => view.family === 6);
  if (ipv6.length === 0) return `${[...prefixLines(headerLines(checklist, IP6TABLES_PLATFORM)), '#', `# ${t.iptables.noIpv6}`].map(boundedComment).join('\n')}\n`;
  return renderRules(checklist, IP6TABLES_PLATFORM, ipv6, 'ip6tables-restore', ipv6.some((view) => view.secondary) ? [t.iptables.ipv6Only(numbersText(ipv6))] : []);
}

// Does the ip6tables export hold rules the iptables export leaves out (a dual-stack PBX)?
export function hasSeparateIpv6(checklist: Checklist): boolean {
  return checklist.network.ipv6 !== null && checklist.rules.some((rule) => rule.family === 6) && ipFamily(checklist.network.pbxIp) === 4;
}

function renderRules(checklist: Checklist, platform: string, views: readonly RuleView[], tool: string, familyNotes: readonly string[]): string {
  const t = textFor(checklist);
  const inbound = views.filter((view) => view.direction === 'inbound');
  const outbound = views.filter((view) => view.direction === 'outbound');
  const media = views.filter((view) => view.media);
  // Port forwards and the NAT notes belong to the PBX address's own IP version: IPv6 has no NAT here.
  const own = views.some((view) => !view.secondary);
  const publicIp = own ? forwardedPublicIp(checklist) : null;

  const body = [
    `# ${t.iptables.forward}`,
    ...ruleLines(views, checklist, (view) => ruleSpecs(view, 'TRUNKCHECK-FORWARD', '-j ACCEPT')),
    `# ${t.iptables.input}`,
    ...ruleLines(inbound, checklist, (view) => ruleSpecs(view, 'TRUNKCHECK-INPUT', '-j ACCEPT')),
    `# ${t.iptables.output}`,
    ...ruleLines(outbound, checklist, (view) => ruleSpecs(view, 'TRUNKCHECK-OUTPUT', '-j ACCEPT')),
  ];
  const hooks: [string, string, string][] = [
    ['FORWARD', 'TRUNKCHECK-FORWARD', 'TrunkCheck-forward'],
    ['INPUT', 'TRUNKCHECK-INPUT', 'TrunkCheck-input'],
    ['OUTPUT', 'TRUNKCHECK-OUTPUT', 'TrunkCheck-output'],
  ];
  const tables = [...table('filter', hooks, body)];
  if (publicIp !== null) {
    // DNAT without a port keeps the port: the PBX receives on the same port the provider sent to.
    const dnat = ruleLines(inbound, checklist, (view) => ruleSpecs(view, 'TRUNKCHECK-PREROUTING', `-j DNAT --to-destination ${view.pbx}`, publicIp));
    tables.push('', `# ${t.iptables.dnat}`, ...table('nat', [['PREROUTING', 'TRUNKCHECK-PREROUTING', 'TrunkCheck-port-forwards']], dnat));
  }
  if (checklist.qos && media.length > 0) {
    const marks = ruleLines(media, checklist, (view) => ruleSpecs(view, 'TRUNKCHECK-POSTROUTING', '-j DSCP --set-dscp-class EF'));
    tables.push('', `# ${t.iptables.dscp}`, ...table('mangle', [['POSTROUTING', 'TRUNKCHECK-POSTROUTING', 'TrunkCheck-voice-DSCP-EF']], marks));
  }

  const notes = [...t.iptables.scope, ...familyNotes];
  if (own && publicIp === null && checklist.network.publicIp === null) notes.push(t.common.noPublicIp);
  if (publicIp !== null) notes.push(t.common.publicIpMayChange(publicIp));
  if (own && checklist.nat.portPreserved === false) notes.push(t.iptables.masquerade);
  notes.push(t.iptables.load(tool), t.iptables.reload, `${t.common.sources} iptables(8), iptables-extensions(8), iptables-restore(8); field-notes.md (iptables / nftables).`);

  const lines = [...prefixLines(headerLines(checklist, platform)), `# ${t.common.qos(checklist.qos)}`, '#', ...prefixLines(notes), '', ...tables];
  return `${lines.map(boundedComment).join('\n')}\n`;
}
