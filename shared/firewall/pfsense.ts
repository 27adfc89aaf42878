// pfSense / OPNsense: the GUI steps, then the same objects as the config.xml elements pfSense stores
// for them (aliases, outbound NAT in hybrid mode with a Static Port rule for the PBX, port forwards
// whose filter rule association is "Pass", LAN pass rules). pfSense rewrites source ports on outbound
// NAT by default, which turns a port-preserving NAT symmetric: docs.netgate.com/pfsense/en/latest/nat/outbound.html
// ("Static Port"); element names as written by pfSense's firewall_nat_edit.php / firewall_nat_out_edit.php;
// OPNsense has no SIP helper (opnsense/core#4477); field-notes.md (pfSense, OPNsense).
import type { Checklist } from '../checklist/model';
import type { PortRange } from '../port-range';
import { assertExportable, headerLines, numbersText, prefixLines, primaryViews, rangeText, rangesText, ruleName, ruleViews, secondaryViews, singleLine, textFor, type RuleView } from './common';

export const PFSENSE_PLATFORM = 'pfSense / OPNsense';
const SERVERS = 'TrunkCheck_servers';
const SERVERS_V6 = 'TrunkCheck_servers_v6';

// XML 1.0 §2.4 and §2.2: the markup characters of character data as references, one line, and no character XML forbids
// (singleLine already turned C0 controls and lone surrogates into spaces; U+FFFE and U+FFFF remain).
export const xml = (text: string) =>
  singleLine(text)
    .replace(/[\uFFFE\uFFFF]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
// XML 1.0 §2.5: a comment holds no "--" and does not end in "-".
const xmlComment = (text: string) => `<!-- ${singleLine(text).replace(/[\uFFFE\uFFFF]/g, ' ').replace(/-{2,}/g, '-').replace(/-$/, '- ')} -->`;

// A port field: a single range as written by the GUI ("55000-56000"), several through a port alias.
interface PortField {
  readonly value: string;
  readonly alias: { readonly name: string; readonly entries: string } | null;
}

function portField(ranges: readonly PortRange[] | null, aliasName: string): PortField | null {
  if (ranges === null) return null;
  if (ranges.length === 1 && ranges[0]) return { value: rangeText(ranges[0]), alias: null };
  // Port aliases write ranges with a colon, entries separated by spaces.
  return { value: aliasName, alias: { name: aliasName, entries: rangesText(ranges, ':', ' ') } };
}

// "any", a network ("wanip", "192.168.100.5/32") or an address / alias name.
function addressXml(tag: 'source' | 'destination', address: string, port: PortField | null, indent: string, kind: 'address' | 'network' = 'address'): string[] {
  const inner: string[] = [];
  if (address === 'any') inner.push('<any></any>');
  else inner.push(`<${kind}>${xml(address)}</${kind}>`);
  if (port) inner.push(`<port>${xml(port.value)}</port>`);
  return [`${indent}<${tag}>`, ...inner.map((line) => `${indent}\t${line}`), `${indent}</${tag}>`];
}

interface Alias {
  readonly name: string;
  readonly type: 'host' | 'port';
  readonly entries: string;
}

// The objects of one IP version: aliases, GUI steps, outbound NAT and port forwards (IPv4 behind
// NAT), filter rules. IPv6 (a PBX with an IPv6 address, or the IPv6 rules of a dual-stack PBX) has
// no NAT here: WAN pass rules to the PBX's own address instead of port forwards.
interface FamilyPart {
  readonly aliases: readonly Alias[];
  readonly steps: readonly string[];
  readonly nat: readonly string[];
  readonly filter: readonly string[];
}

function familyPart(checklist: Checklist, views: readonly RuleView[], serversAlias: string, secondary: boolean): FamilyPart {
  const t = textFor(checklist);
  const p = t.pfsense;
  const pbx = views[0]?.pbx ?? checklist.network.pbxIp;
  const ipv6 = views[0]?.family === 6;
  const listed = views.filter((view) => !view.remote.any);
  // Host aliases take addresses and FQDNs; pfSense resolves the names again periodically.
  const serverEntries = [...new Set(listed.flatMap((view) => [...view.remote.addresses, ...view.remote.unresolved]))];
  const remoteOf = (view: RuleView) => (view.remote.any ? 'any' : serversAlias);
  const aliases: Alias[] = [];
  if (serverEntries.length > 0) aliases.push({ name: serversAlias, type: 'host', entries: serverEntries.join(' ') });

  const steps: string[] = [];
  if (serverEntries.length > 0) steps.push(p.aliasStep(serversAlias, serverEntries.join(', ')));
  else if (listed.length > 0) steps.push(t.common.cannotWrite(listed[0]?.number ?? 1));

  const outbound = views.filter((view) => view.direction === 'outbound');
  const inbound = views.filter((view) => view.direction === 'inbound');
  const lanRules = outbound.map((view) => {
    const source = portField(view.pbxPorts, `TrunkCheck_rule${view.number}_src`);
    const destination = portField(view.remotePorts, `TrunkCheck_rule${view.number}_dst`);
    for (const field of [source, destination]) if (field?.alias) aliases.push({ name: field.alias.name, type: 'port', entries: field.alias.entries });
    return { view, source, destination };
  });
  const wanPorts = new Map(inbound.map((view) => [view.number, portField(view.pbxPorts, `TrunkCheck_rule${view.number}_dst`)]));
  if (ipv6) for (const field of wanPorts.values()) if (field?.alias) aliases.push({ name: field.alias.name, type: 'port', entries: field.alias.entries });
  for (const alias of aliases.filter((entry) => entry.type === 'port')) steps.push(p.portAliasStep(alias.name, alias.entries));

  if (!ipv6) {
    steps.push(p.outboundModeStep);
    steps.push(`${p.staticPortStep(pbx)} ${p.staticPortWhy}`);
  }
  // The IPv6 rules of a dual-stack PBX name their address family: the GUI's default is IPv4.
  const wanStep = secondary ? p.wanRule6Step : p.wanRuleStep;
  const lanStep = secondary ? p.lanRule6Step : p.lanRuleStep;
  for (const view of inbound) {
    const ports = view.pbxPorts ? rangesText(view.pbxPorts, '-', ', ') : t.common.any;
    const source = view.remote.any ? t.common.any : serversAlias;
    steps.push(ipv6 ? wanStep(view.number, source, ports, pbx) : p.portForwardStep(view.number, source, ports, pbx));
  }
  for (const { view, source, destination } of lanRules) {
    steps.push(lanStep(view.number, pbx, source?.value ?? t.common.any, view.remote.any ? t.common.any : serversAlias, destination?.value ?? t.common.any));
  }

  // The config.xml elements, inside the <pfsense> root they have in config.xml.
  const nat: string[] = [];
  if (!ipv6) {
    nat.push('\t<nat>', '\t\t<outbound>', '\t\t\t<mode>hybrid</mode>', '\t\t\t<rule>');
    nat.push('\t\t\t\t<interface>wan</interface>', '\t\t\t\t<protocol>udp</protocol>');
    nat.push(...addressXml('source', `${pbx}/32`, null, '\t\t\t\t', 'network'));
    nat.push('\t\t\t\t<destination>', '\t\t\t\t\t<any></any>', '\t\t\t\t</destination>', '\t\t\t\t<staticnatport></staticnatport>', '\t\t\t\t<descr>TrunkCheck-static-port-PBX</descr>', '\t\t\t</rule>', '\t\t</outbound>');
    // One port forward per range; the redirect target port is the first port, as the GUI stores it.
    for (const view of inbound) {
      for (const range of view.pbxPorts ?? []) {
        nat.push('\t\t<rule>', '\t\t\t<interface>wan</interface>', '\t\t\t<protocol>udp</protocol>');
        nat.push(...addressXml('source', remoteOf(view), null, '\t\t\t'));
        nat.push(...addressXml('destination', 'wanip', { value: rangeText(range), alias: null }, '\t\t\t', 'network'));
        nat.push(`\t\t\t<target>${xml(pbx)}</target>`, `\t\t\t<local-port>${range.from}</local-port>`, `\t\t\t<descr>${xml(ruleName(view))}</descr>`, '\t\t\t<associated-rule-id>pass</associated-rule-id>', '\t\t</rule>');
      }
    }
    nat.push('\t</nat>');
  }
  const filter: string[] = [];
  const filterRule = (view: RuleView, iface: 'lan' | 'wan', source: string[], destination: string[]) => [
    '\t\t<rule>',
    '\t\t\t<type>pass</type>',
    `\t\t\t<interface>${iface}</interface>`,
    `\t\t\t<ipprotocol>${ipv6 ? 'inet6' : 'inet'}</ipprotocol>`,
    '\t\t\t<protocol>udp</protocol>',
    ...source,
    ...destination,
    `\t\t\t<descr>${xml(ruleName(view))}</descr>`,
    '\t\t</rule>',
  ];
  for (const { view, source, destination } of lanRules) {
    filter.push(...filterRule(view, 'lan', addressXml('source', pbx, source, '\t\t\t'), addressXml('destination', remoteOf(view), destination, '\t\t\t')));
  }
  if (ipv6) {
    for (const view of inbound) {
      const ports = wanPorts.get(view.number) ?? null;
      filter.push(...filterRule(view, 'wan', addressXml('source', remoteOf(view), null, '\t\t\t'), addressXml('destination', pbx, ports, '\t\t\t')));
    }
  }
  return { aliases, steps, nat, filter };
}

export function render(checklist: Checklist): string {
  assertExportable(checklist);
  const t = textFor(checklist);
  const p = t.pfsense;
  const views = ruleViews(checklist);
  const own = familyPart(checklist, primaryViews(views), SERVERS, false);
  const ipv6Views = secondaryViews(views);
  const parts = ipv6Views.length > 0 ? [own, familyPart(checklist, ipv6Views, SERVERS_V6, true)] : [own];
  const aliases = parts.flatMap((part) => part.aliases);

  const steps = [...parts.flatMap((part) => part.steps), p.statesStep].map((step, index) => `${index + 1}. ${step}`);
  const body: string[] = [];
  if (aliases.length > 0) {
    body.push('\t<aliases>');
    for (const alias of aliases) {
      body.push('\t\t<alias>', `\t\t\t<name>${xml(alias.name)}</name>`, `\t\t\t<type>${alias.type}</type>`, `\t\t\t<address>${xml(alias.entries)}</address>`, `\t\t\t<descr>TrunkCheck</descr>`, '\t\t</alias>');
    }
    body.push('\t</aliases>');
  }
  body.push(...own.nat, '\t<filter>', ...parts.flatMap((part) => part.filter), '\t</filter>');

  const notes = [p.scope, ...(ipv6Views.length > 0 ? [p.ipv6(numbersText(ipv6Views))] : []), `${t.common.sources} docs.netgate.com/pfsense/en/latest/nat/outbound.html; opnsense/core#4477; field-notes.md (pfSense, OPNsense).`];
  const lines = [
    ...prefixLines(headerLines(checklist, PFSENSE_PLATFORM)),
    `# ${checklist.qos ? p.qos : t.common.qos(false)}`,
    '#',
    ...prefixLines(notes),
    '',
    `== ${p.stepsHeading} ==`,
    ...steps,
    '',
    p.opnsense,
    '',
    `== ${p.xmlHeading} ==`,
    xmlComment(p.xmlMerge),
    '<pfsense>',
    ...body,
    '</pfsense>',
  ];
  return `${lines.join('\n')}\n`;
}
