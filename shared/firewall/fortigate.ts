// FortiGate (FortiOS CLI): address objects (FQDN objects for names without an address), custom UDP
// services, VIPs as port forwards for the inbound rules, four policies, DSCP EF on the voice
// policies, and the SIP ALG switched to the kernel helper. Syntax: docs.fortinet.com CLI reference
// (firewall address: type fqdn; firewall vip: portforward, extport, mappedport; firewall policy:
// diffserv-forward, diffservcode-forward); SIP ALG and session TTL: community.fortinet.com 211669 and
// field-notes.md (FortiGate). A dual-stack PBX's IPv6 rules: address6 objects and policies with
// srcaddr6/dstaddr6 in the one policy table of FortiOS 6.4 and later ("Consolidated IPv4 and IPv6
// policy configuration", FortiOS 6.4 new features); no VIP and no NAT over IPv6.
import type { Checklist } from '../checklist/model';
import { assertExportable, DSCP_EF_BITS, headerLines, numbersText, prefixLines, rangeText, ruleName, ruleTitle, ruleViews, singleLine, textFor, type RuleView } from './common';

export const FORTIGATE_PLATFORM = 'FortiGate (FortiOS CLI)';
const LAN = 'LAN_INTERFACE';
const WAN = 'WAN_INTERFACE';
const PBX_OBJECT = 'TrunkCheck-PBX';
const SERVERS = 'TrunkCheck-servers';
const PBX_OBJECT_V6 = 'TrunkCheck-PBX-v6';
const SERVERS_V6 = 'TrunkCheck-servers-v6';
// FortiGate's default UDP session TTL (community.fortinet.com 211669, field-notes.md).
const DEFAULT_UDP_TTL_SEC = 180;

// A FortiOS CLI string: double quotes, a backslash escapes the next character, so a quote or a
// backslash inside is escaped. One line: a new line ends the command whatever the quotes.
export const fortigateString = (text: string) => `"${singleLine(text).replace(/[\\"]/g, (char) => `\\${char}`)}"`;
const q = fortigateString;
const mask = (ip: string) => (ip.includes(':') ? `${ip}/128` : `${ip} 255.255.255.255`);

// `edit 0` (unquoted) creates a new policy with the next free number.
function edit(name: string, settings: readonly string[], raw = false): string[] {
  return [`    edit ${raw ? name : q(name)}`, ...settings.map((line) => `        ${line}`), '    next'];
}

// A far end FortiGate can express: any, addresses, or names through FQDN objects.
const reachable = (view: RuleView) => view.remote.any || view.remote.addresses.length > 0 || view.remote.unresolved.length > 0;

function serviceFor(view: RuleView): string {
  const destination = view.direction === 'outbound' ? view.remotePorts : view.pbxPorts;
  return destination === null ? '1-65535' : destination.map((range) => rangeText(range)).join(' ');
}

// One policy, commented out when its far end has no address yet.
function policy(view: RuleView, settings: readonly string[], t: ReturnType<typeof textFor>): string[] {
  const block = [`    # ${view.number}. ${ruleTitle(view, t)} (${t.common.status[view.status]})`, ...edit('0', settings, true)];
  return reachable(view) ? block : [`    # ${t.common.cannotWrite(view.number)}`, ...block.map((line) => `#${line}`)];
}

// The IPv6 objects: the PBX's IPv6 address, the servers' IPv6 addresses (FQDN objects for names
// without one), and their group.
function addresses6(views: readonly RuleView[], t: ReturnType<typeof textFor>): string[] {
  const listed = views.filter((view) => !view.remote.any);
  const addresses = [...new Set(listed.flatMap((view) => view.remote.addresses))];
  const fqdns = [...new Set(listed.flatMap((view) => view.remote.unresolved))];
  const pbx = views[0]?.pbx ?? '';
  const lines = [
    'config firewall address6',
    ...edit(PBX_OBJECT_V6, [`set ip6 ${pbx}/128`, `set comment ${q(PBX_OBJECT_V6)}`]),
    ...addresses.flatMap((ip) => edit(`TrunkCheck-${ip}`, [`set ip6 ${ip}/128`])),
    ...fqdns.flatMap((host) => [`    # ${t.fortigate.fqdn(host)}`, ...edit(`TrunkCheck-v6-${host}`, ['set type fqdn', `set fqdn ${q(host)}`])]),
    'end',
  ];
  const members = [...addresses.map((ip) => `TrunkCheck-${ip}`), ...fqdns.map((host) => `TrunkCheck-v6-${host}`)].map(q);
  if (members.length > 0) lines.push('config firewall addrgrp6', ...edit(SERVERS_V6, [`set member ${members.join(' ')}`]), 'end');
  return lines;
}

// An IPv6 policy: the IPv6 address fields, the PBX's own address both ways, no NAT.
function policy6Settings(view: RuleView, checklist: Checklist): string[] {
  const outbound = view.direction === 'outbound';
  const remote = view.remote.any ? q('all') : q(SERVERS_V6);
  const settings = [
    `set name ${q(ruleName(view))}`,
    `set srcintf ${q(outbound ? LAN : WAN)}`,
    `set dstintf ${q(outbound ? WAN : LAN)}`,
    `set srcaddr6 ${outbound ? q(PBX_OBJECT_V6) : remote}`,
    `set dstaddr6 ${outbound ? remote : q(PBX_OBJECT_V6)}`,
    'set action accept',
    `set schedule ${q('always')}`,
    `set service ${q(ruleName(view))}`,
  ];
  if (view.media && checklist.qos) settings.push('set diffserv-forward enable', `set diffservcode-forward ${DSCP_EF_BITS}`);
  return settings;
}

export function render(checklist: Checklist): string {
  assertExportable(checklist);
  const t = textFor(checklist);
  const all = ruleViews(checklist);
  // IPv4 and IPv6 objects are apart in FortiOS (address / address6): a PBX with an IPv6 address
  // only has IPv6 objects only.
  const views = all.filter((view) => view.family === 4);
  const ipv6 = all.filter((view) => view.family === 6);
  const { publicIp, pbxIp } = checklist.network;
  const direct = publicIp === pbxIp;
  const listed = views.filter((view) => !view.remote.any);
  const addresses = [...new Set(listed.flatMap((view) => view.remote.addresses))];
  const fqdns = [...new Set(listed.flatMap((view) => view.remote.unresolved))];
  const lines = [
    ...prefixLines(headerLines(checklist, FORTIGATE_PLATFORM)),
    `# ${t.common.qos(checklist.qos)}`,
    '#',
    ...prefixLines([t.fortigate.scope, t.fortigate.interfaces, `${t.common.sources} docs.fortinet.com (CLI reference: firewall address, vip, policy); community.fortinet.com 211669; field-notes.md (FortiGate).`]),
  ];
  if (views.length > 0) {
    lines.push(
      '',
      `# ${t.fortigate.addresses}`,
      'config firewall address',
      ...edit(PBX_OBJECT, [`set subnet ${mask(pbxIp)}`, `set comment ${q(PBX_OBJECT)}`]),
      ...addresses.flatMap((ip) => edit(`TrunkCheck-${ip}`, [`set subnet ${mask(ip)}`])),
      ...fqdns.flatMap((host) => [`    # ${t.fortigate.fqdn(host)}`, ...edit(`TrunkCheck-${host}`, ['set type fqdn', `set fqdn ${q(host)}`])]),
      'end',
    );
  }
  const members = [...addresses, ...fqdns].map((name) => q(`TrunkCheck-${name}`));
  if (members.length > 0) lines.push('config firewall addrgrp', ...edit(SERVERS, [`set member ${members.join(' ')}`]), 'end');
  if (ipv6.length > 0) lines.push('', `# ${t.fortigate.addresses6}`, ...addresses6(ipv6, t));

  lines.push('', `# ${t.fortigate.services}`, 'config firewall service custom');
  for (const view of all) {
    lines.push(...edit(`${ruleName(view)}`, ['set protocol TCP/UDP/SCTP', `set udp-portrange ${serviceFor(view)}`]));
  }
  lines.push('end');
  // Services match destination ports; the PBX's source ports of the outbound rules stay open.
  const sourcePorts = all.filter((view) => view.direction === 'outbound' && view.pbxPorts !== null);
  if (sourcePorts.length > 0) {
    lines.push(`# ${t.fortigate.sourcePorts(sourcePorts.map((view) => `${view.number}: ${(view.pbxPorts ?? []).map((range) => rangeText(range)).join(', ')}`).join('; '))}`);
  }

  // Inbound rules reach the PBX through VIPs (port forwards) unless the PBX has the public address.
  const inbound = views.filter((view) => view.direction === 'inbound');
  const vipNames = new Map<number, string[]>();
  if (!direct && views.length > 0) {
    lines.push('', `# ${t.fortigate.vips}`);
    if (publicIp === null) lines.push(`# ${t.common.noPublicIp}`);
    else lines.push(`# ${t.common.publicIpMayChange(publicIp)}`);
    const vipLines = ['config firewall vip'];
    for (const view of inbound) {
      const ranges = view.pbxPorts ?? [];
      const names = ranges.map((_, index) => (ranges.length === 1 ? `TrunkCheck-VIP-${view.number}` : `TrunkCheck-VIP-${view.number}-${index + 1}`));
      vipNames.set(view.number, names);
      ranges.forEach((range, index) => {
        vipLines.push(
          ...edit(names[index] ?? `TrunkCheck-VIP-${view.number}`, [
            `set extip ${publicIp ?? '<PUBLIC-IP>'}`,
            `set mappedip ${q(view.pbx)}`,
            `set extintf ${q(WAN)}`,
            'set portforward enable',
            'set protocol udp',
            `set extport ${rangeText(range)}`,
            `set mappedport ${rangeText(range)}`,
          ]),
        );
      });
    }
    vipLines.push('end');
    lines.push(...(publicIp === null ? vipLines.map((line) => `# ${line}`) : vipLines));
  }

  lines.push('', `# ${t.fortigate.policies}`, 'config firewall policy');
  for (const view of views) {
    const outbound = view.direction === 'outbound';
    const remote = view.remote.any ? q('all') : q(SERVERS);
    const pbx = !outbound && !direct && publicIp !== null ? (vipNames.get(view.number) ?? []).map(q).join(' ') : q(PBX_OBJECT);
    const settings = [
      `set name ${q(ruleName(view))}`,
      `set srcintf ${q(outbound ? LAN : WAN)}`,
      `set dstintf ${q(outbound ? WAN : LAN)}`,
      `set srcaddr ${outbound ? q(PBX_OBJECT) : remote}`,
      `set dstaddr ${outbound ? remote : pbx}`,
      'set action accept',
      `set schedule ${q('always')}`,
      `set service ${q(ruleName(view))}`,
    ];
    if (outbound && !direct) settings.push('set nat enable');
    if (view.media && checklist.qos) settings.push('set diffserv-forward enable', `set diffservcode-forward ${DSCP_EF_BITS}`);
    lines.push(...policy(view, settings, t));
  }
  if (ipv6.length > 0) {
    lines.push(`    # ${t.fortigate.policies6(numbersText(ipv6))}`);
    for (const view of ipv6) lines.push(...policy(view, policy6Settings(view, checklist), t));
  }
  lines.push('end');

  lines.push('', `# ${t.fortigate.alg}`, 'config system settings', '    set default-voip-alg-mode kernel-helper-based', 'end');
  lines.push(`# ${t.fortigate.helperCheck}`, '# config system session-helper', '#     delete 13', '# end');
  const keepalive = checklist.profile.keepaliveSec;
  lines.push(`# ${keepalive < DEFAULT_UDP_TTL_SEC ? t.fortigate.ttl(keepalive) : t.fortigate.ttlTooLong(keepalive)}`);
  return `${lines.join('\n')}\n`;
}
