// nftables: one complete, loadable file (`nft -f`), checked offline with `nft -c -f` (field-notes.md).
// Chains: forward for the Linux router between LAN and internet, input/output for the PBX host's own
// firewall, a dstnat chain for the port forwards, and a postrouting chain at mangle priority that
// marks voice DSCP EF. Syntax and verdict semantics: nft(8) (wiki.nftables.org; "VERDICT STATEMENTS":
// an accept ends only its own base chain).
import type { Checklist } from '../checklist/model';
import { assertExportable, forwardedPublicIp, headerLines, ipFamily, numbersText, placeholders, prefixLines, rangeText, remoteNotes, ruleName, ruleTitle, ruleViews, secondaryViews, singleLine, textFor, writable, type RuleView } from './common';

export const NFTABLES_PLATFORM = 'nftables (Linux)';
const TABLE = 'inet trunkcheck';

// nft(8) quoted strings know no escape: a double quote inside is written as a single one. One line.
export const nftString = (text: string) => `"${singleLine(text).replace(/"/g, "'")}"`;

const set = (items: readonly string[]) => (items.length === 1 ? (items[0] ?? '') : `{ ${items.join(', ')} }`);
const portSet = (view: RuleView, which: 'pbx' | 'remote') => {
  const ranges = which === 'pbx' ? view.pbxPorts : view.remotePorts;
  return ranges === null ? null : set(ranges.map((range) => rangeText(range)));
};

// The match part of a rule: PBX address and ports on one side, the far end on the other.
function match(view: RuleView): string {
  const family = view.family === 4 ? 'ip' : 'ip6';
  const outbound = view.direction === 'outbound';
  const parts = [`${family} ${outbound ? 'saddr' : 'daddr'} ${view.pbx}`];
  if (!view.remote.any) parts.push(`${family} ${outbound ? 'daddr' : 'saddr'} ${set(writable(view) ? view.remote.addresses : placeholders(view))}`);
  const pbxPorts = portSet(view, 'pbx');
  const remotePorts = portSet(view, 'remote');
  if (pbxPorts) parts.push(`udp ${outbound ? 'sport' : 'dport'} ${pbxPorts}`);
  if (remotePorts) parts.push(`udp ${outbound ? 'dport' : 'sport'} ${remotePorts}`);
  if (!pbxPorts && !remotePorts) parts.push('meta l4proto udp');
  return parts.join(' ');
}

function ruleLines(views: readonly RuleView[], checklist: Checklist, statement: (view: RuleView) => string): string[] {
  const t = textFor(checklist);
  return views.flatMap((view) => [
    `\t\t# ${view.number}. ${ruleTitle(view, t)} (${t.common.status[view.status]})`,
    ...prefixLines(remoteNotes(view, t), '\t\t# '),
    writable(view) ? `\t\t${statement(view)}` : `\t\t# ${statement(view)}`,
  ]);
}

function baseChain(name: string, hook: string, comment: string, body: readonly string[], type = 'filter', priority = 'filter'): string[] {
  return [`\tchain ${name} {`, `\t\t# ${comment}`, `\t\ttype ${type} hook ${hook} priority ${priority}; policy accept;`, ...body, '\t}'];
}

export function render(checklist: Checklist): string {
  assertExportable(checklist);
  const t = textFor(checklist);
  const views = ruleViews(checklist);
  const accept = (view: RuleView) => `${match(view)} accept comment ${nftString(ruleName(view))}`;
  const inbound = views.filter((view) => view.direction === 'inbound');
  const outbound = views.filter((view) => view.direction === 'outbound');
  const publicIp = forwardedPublicIp(checklist);
  const media = views.filter((view) => view.media);

  const chains = [
    ...baseChain('forward', 'forward', t.nftables.forward, ruleLines(views, checklist, accept)),
    ...baseChain('input', 'input', t.nftables.input, ruleLines(inbound, checklist, accept)),
    ...baseChain('output', 'output', t.nftables.output, ruleLines(outbound, checklist, accept)),
  ];
  if (publicIp !== null) {
    // The port forward keeps the port: "dnat ip to <PBX>" rewrites the address only. IPv4 only:
    // the IPv6 rules of a dual-stack PBX reach its own address.
    const dnat = (view: RuleView) => `${match(view).replace(`ip daddr ${view.pbx}`, `ip daddr ${publicIp}`)} dnat ip to ${view.pbx} comment ${nftString(ruleName(view))}`;
    chains.push(...baseChain('prerouting', 'prerouting', t.nftables.dnat, ruleLines(inbound.filter((view) => view.family === ipFamily(publicIp)), checklist, dnat), 'nat', 'dstnat'));
  }
  if (checklist.qos && media.length > 0) {
    const mark = (view: RuleView) => `${match(view)} ${view.family === 6 ? 'ip6' : 'ip'} dscp set ef comment ${nftString(ruleName(view))}`;
    chains.push(...baseChain('postrouting', 'postrouting', t.nftables.dscp, ruleLines(media, checklist, mark), 'filter', 'mangle'));
  }

  const notes = [...t.nftables.scope, ...t.nftables.acceptNote];
  const ipv6 = secondaryViews(views);
  if (ipv6.length > 0) notes.push(t.nftables.dualStack(numbersText(ipv6)));
  if (publicIp === null && checklist.network.publicIp === null) notes.push(t.common.noPublicIp);
  if (publicIp !== null) notes.push(t.common.publicIpMayChange(publicIp));
  if (checklist.nat.portPreserved === false) notes.push(t.nftables.masquerade);
  notes.push(t.nftables.load, `${t.common.sources} nft(8), wiki.nftables.org; field-notes.md (iptables / nftables).`);

  const lines = [
    '#!/usr/sbin/nft -f',
    ...prefixLines(headerLines(checklist, NFTABLES_PLATFORM)),
    `# ${t.common.qos(checklist.qos)}`,
    '#',
    ...prefixLines(notes),
    '',
    // Declare, flush, define: loading the file again replaces the table instead of failing or doubling it.
    `table ${TABLE}`,
    `flush table ${TABLE}`,
    `table ${TABLE} {`,
    ...chains,
    '}',
  ];
  return `${lines.join('\n')}\n`;
}
