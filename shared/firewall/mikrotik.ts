// MikroTik RouterOS script (/import): an address list for the provider side, filter rules in the
// forward chain, dst-nat port forwards for the inbound rules, DSCP EF via mangle change-dscp, and the
// SIP helper (a "service port") switched off. A dual-stack PBX's IPv6 rules follow under
// /ipv6 firewall (its own address lists, filter and mangle; no NAT). Syntax: help.mikrotik.com (Filter, NAT, Mangle,
// "Services"); field-notes.md (MikroTik RouterOS).
import type { Checklist } from '../checklist/model';
import { assertExportable, DSCP_EF, forwardedPublicIp, headerLines, numbersText, prefixLines, primaryViews, rangesText, remoteNotes, ruleName, ruleTitle, ruleViews, secondaryViews, singleLine, textFor, writable, type RuleView } from './common';

export const MIKROTIK_PLATFORM = 'MikroTik RouterOS';
const LIST = 'trunkcheck-servers';

// RouterOS scripting ("Scripting", string escapes): inside double quotes a backslash escapes, "$"
// substitutes a variable or a command ($[...]) and "?" asks for help; each is escaped. One line.
export const routerosString = (text: string) => `"${singleLine(text).replace(/[\\"$?]/g, (char) => `\\${char}`)}"`;

// RouterOS port lists: "55000-56000,65002".
const ports = (view: RuleView, which: 'pbx' | 'remote') => {
  const ranges = which === 'pbx' ? view.pbxPorts : view.remotePorts;
  return ranges === null ? null : rangesText(ranges, '-', ',');
};

// The matchers of one rule; the far end goes through the address list.
function matchers(view: RuleView, pbxAddress: string = view.pbx): string[] {
  const outbound = view.direction === 'outbound';
  const parts = ['protocol=udp', `${outbound ? 'src' : 'dst'}-address=${pbxAddress}`];
  const pbxPorts = ports(view, 'pbx');
  const remotePorts = ports(view, 'remote');
  if (pbxPorts) parts.push(`${outbound ? 'src' : 'dst'}-port=${pbxPorts}`);
  if (!view.remote.any) parts.push(`${outbound ? 'dst' : 'src'}-address-list=${LIST}`);
  if (remotePorts) parts.push(`${outbound ? 'dst' : 'src'}-port=${remotePorts}`);
  return parts;
}

function ruleLines(views: readonly RuleView[], checklist: Checklist, command: (view: RuleView) => string): string[] {
  const t = textFor(checklist);
  return views.flatMap((view) => [
    `# ${view.number}. ${ruleTitle(view, t)} (${t.common.status[view.status]})`,
    ...prefixLines(remoteNotes(view, t)),
    writable(view) ? command(view) : `# ${command(view)}`,
  ]);
}

const comment = (view: RuleView) => `comment=${routerosString(ruleName(view))}`;

// The provider side is one list per IP version: the same servers appear in rule 1 (to them) and
// rule 2 (from them). RouterOS keeps /ip and /ipv6 address lists apart, so the name can repeat.
function addressList(ip: '/ip' | '/ipv6', views: readonly RuleView[], t: ReturnType<typeof textFor>): string[] {
  const listed = views.filter((view) => !view.remote.any);
  const addresses = [...new Set(listed.flatMap((view) => view.remote.addresses))];
  const unresolved = [...new Set(listed.flatMap((view) => view.remote.unresolved))];
  return [
    `${ip} firewall address-list`,
    ...addresses.map((address) => `add list=${LIST} address=${address} comment=${routerosString('TrunkCheck')}`),
    ...unresolved.flatMap((host) => [`# ${t.common.unresolved(host)}`, `# add list=${LIST} address=<IP-of-${host}> comment=${routerosString(`TrunkCheck ${host}`)}`]),
  ];
}

function filterRules(ip: '/ip' | '/ipv6', views: readonly RuleView[], checklist: Checklist): string[] {
  return [`${ip} firewall filter`, ...ruleLines(views, checklist, (view) => ['add chain=forward action=accept', ...matchers(view), comment(view)].join(' '))];
}

function mangleRules(ip: '/ip' | '/ipv6', media: readonly RuleView[], checklist: Checklist): string[] {
  return [`${ip} firewall mangle`, ...ruleLines(media, checklist, (view) => ['add chain=forward action=change-dscp', `new-dscp=${DSCP_EF}`, 'passthrough=yes', ...matchers(view), comment(view)].join(' '))];
}

export function render(checklist: Checklist): string {
  assertExportable(checklist);
  const t = textFor(checklist);
  const all = ruleViews(checklist);
  const views = primaryViews(all);
  const ipv6 = secondaryViews(all);
  const ip = views[0]?.family === 6 ? '/ipv6' : '/ip';
  const inbound = views.filter((view) => view.direction === 'inbound');
  const media = views.filter((view) => view.media);
  const publicIp = forwardedPublicIp(checklist);

  const lines = [
    ...prefixLines(headerLines(checklist, MIKROTIK_PLATFORM)),
    `# ${t.common.qos(checklist.qos)}`,
    '#',
    ...prefixLines([t.mikrotik.scope, t.mikrotik.order, `${t.common.sources} help.mikrotik.com (Filter, NAT, Mangle); field-notes.md (MikroTik RouterOS).`]),
    '',
    `# ${t.mikrotik.addressList}`,
    ...addressList(ip, views, t),
    '',
    `# ${t.mikrotik.filter}`,
    ...filterRules(ip, views, checklist),
  ];

  lines.push('', `# ${t.mikrotik.dnat}`);
  if (publicIp !== null) {
    lines.push(
      `# ${t.common.publicIpMayChange(publicIp)} ${t.mikrotik.reconnect}`,
      `${ip} firewall nat`,
      ...ruleLines(inbound, checklist, (view) => ['add chain=dstnat action=dst-nat', ...matchers(view, publicIp), `to-addresses=${view.pbx}`, comment(view)].join(' ')),
    );
  } else if (checklist.network.publicIp === null) {
    lines.push(`# ${t.common.noPublicIp}`);
  }

  if (checklist.qos && media.length > 0) lines.push('', `# ${t.mikrotik.mangle}`, ...mangleRules(ip, media, checklist));
  if (ipv6.length > 0) {
    lines.push('', `# ${t.mikrotik.ipv6(numbersText(ipv6))}`, `# ${t.mikrotik.ipv6AddressList}`, ...addressList('/ipv6', ipv6, t), '', `# ${t.mikrotik.filter}`, ...filterRules('/ipv6', ipv6, checklist));
    const media6 = ipv6.filter((view) => view.media);
    if (checklist.qos && media6.length > 0) lines.push('', `# ${t.mikrotik.mangle}`, ...mangleRules('/ipv6', media6, checklist));
  }
  lines.push('', `# ${t.mikrotik.sipHelper}`, '/ip firewall service-port', 'set sip disabled=yes');
  return `${lines.join('\n')}\n`;
}
