// What every firewall export shares: the four rules seen from the PBX (its address and ports on
// one side, the remote side on the other), the header that says which rules TrunkCheck proved,
// and small formatting helpers. Pure: no platform syntax lives here.
import type { Checklist, ChecklistRule, Endpoint, PortRange, Ports } from '../checklist/model';
import type { RuleId, RuleStatus } from '../report';
import { firewallText, type FirewallText } from './text';
import { wordAll } from '../text';

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

export interface RemoteSide {
  readonly any: boolean;
  readonly addresses: readonly string[];    // of the PBX's address family, usable in a rule
  readonly unresolved: readonly string[];   // names without a resolved address
  readonly otherFamily: readonly string[];  // addresses of the other family: never match a PBX rule
}

// One rule of the checklist, seen from the PBX: "local" is always the PBX, "remote" the far end.
export interface RuleView {
  readonly number: number;
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

// The names the checklist knows, with their address (null: not resolved).
function knownHosts(checklist: Checklist): Map<string, string | null> {
  const known = new Map<string, string | null>();
  const note = (host: string, ip: string | null) => known.set(host, ip ?? known.get(host) ?? null);
  for (const server of checklist.network.stun) note(server.host, server.ip);
  if (checklist.network.sip) note(checklist.network.sip.host, checklist.network.sip.ip);
  return known;
}

function remoteSide(endpoint: Endpoint, checklist: Checklist, family: Family): RemoteSide {
  if (endpoint.anyAddress) return { any: true, addresses: [], unresolved: [], otherFamily: [] };
  const known = knownHosts(checklist);
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
  const pbx = checklist.network.pbxIp;
  const family = ipFamily(pbx);
  return checklist.rules.map((rule, index) => {
    const local = rule.direction === 'outbound' ? rule.source : rule.destination;
    const remote = rule.direction === 'outbound' ? rule.destination : rule.source;
    return {
      number: index + 1,
      id: rule.id,
      status: rule.status,
      direction: rule.direction,
      media: rule.media,
      pbx,
      family,
      pbxPorts: portRanges(local.ports),
      remote: remoteSide(remote, checklist, family),
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

// One line, no control characters: evidence and site names go into comments of every syntax.
export function oneLine(text: string): string {
  const printable = Array.from(text, (char) => (char.charCodeAt(0) < 32 || char.charCodeAt(0) === 127 ? ' ' : char)).join('');
  return printable.replace(/\s+/g, ' ').trim();
}

export function prefixLines(lines: readonly string[], prefix = '# '): string[] {
  return lines.map((line) => (line === '' ? prefix.trimEnd() : `${prefix}${line}`));
}

export function textFor(checklist: Checklist): FirewallText {
  return firewallText(checklist.language);
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
  lines.push(c.created(checklist.createdAt), c.verdict[checklist.verdict], '', c.rulesHeading);
  for (const view of views) {
    lines.push(c.ruleLine(view.number, c.ruleTitle[view.id], c.status[view.status], flowText(view, t)));
    lines.push(`    ${c.evidence(oneLine(wordAll(checklist.language, view.rule.evidence)))}`);
    if (view.status === 'failed') {
      lines.push(`    ${c.fix[view.id](view.pbx, portsWord(view.pbxPorts, t), remoteWord(view, t), portsWord(view.remotePorts, t))}`);
    }
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
  return `TrunkCheck-${view.number}-${view.id}`;
}
