// The verified firewall checklist: the four rules of the source document (SwyxWare help 16.7),
// filled with the real addresses and ports of one site, each with its status and evidence.
// Every export (PDF, Markdown, JSON, vendor syntaxes) renders this one model.
import type { PbxProfile } from '../catalog/profiles';
import type { DiagnoseReport, NatReport, RuleId, RuleStatus, Verdict } from '../report';
import type { FixMessage, RuleMessage } from '../text/messages/rules';
import type { PortRange } from '../port-range';

// Schema 2: evidence and fix are codes with values (shared/text words them in the checklist's
// language); schema 1 carried English sentences, read as legacy text (report-upgrade.ts).
export const CHECKLIST_SCHEMA_VERSION = 2;

// "any" is explicit: an empty list would be ambiguous.
export type Ports = { readonly any: true } | { readonly any: false; readonly ranges: readonly PortRange[] };

export interface Endpoint {
  readonly label: string;                   // "PBX", "STUN server", "SIP provider", "any"
  readonly addresses: readonly string[];    // IP addresses; empty with anyAddress
  readonly hosts: readonly string[];        // the names behind them, for firewalls with FQDN objects
  readonly anyAddress: boolean;
  readonly ports: Ports;
}

export interface ChecklistRule {
  readonly id: RuleId;
  readonly direction: 'outbound' | 'inbound';
  readonly protocol: 'udp';
  readonly media: boolean;                  // voice: QoS marking (DSCP EF) applies
  readonly source: Endpoint;
  readonly destination: Endpoint;
  readonly status: RuleStatus;
  readonly evidence: readonly RuleMessage[];
  readonly fix: FixMessage | null;          // for a failed rule: what to set up, with the real addresses and ports
}

export interface Site {
  readonly name: string;
  readonly customer: string;
  readonly technician: string;
}

export interface Checklist {
  readonly schemaVersion: number;
  readonly createdAt: string;
  readonly language: 'en' | 'de';
  readonly site: Site;
  readonly profile: { readonly id: string; readonly name: string; readonly sipPort: number; readonly rtp: PortRange; readonly keepaliveSec: number };
  readonly network: {
    readonly pbxIp: string;
    readonly gateway: string | null;
    readonly publicIp: string | null;
    readonly publicPort: number | null;
    readonly stun: readonly { readonly host: string; readonly ip: string | null; readonly port: number }[];
    readonly sip: { readonly host: string; readonly ip: string | null; readonly port: number } | null;
  };
  readonly nat: NatReport;
  readonly rules: readonly ChecklistRule[];
  readonly verdict: Verdict;
  readonly qos: boolean;                    // add DSCP EF marking for RTP where the platform supports it
}

const ANY: Endpoint = { label: 'any', addresses: [], hosts: [], anyAddress: true, ports: { any: true } };
const ranges = (...list: PortRange[]): Ports => ({ any: false, ranges: list });
const single = (port: number): PortRange => ({ from: port, to: port });

function uniq<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

export function buildChecklist(report: DiagnoseReport, profile: PbxProfile, options: { site: Site; language: 'en' | 'de'; qos?: boolean; createdAt?: string }): Checklist {
  const { stun, sip, pbxIp, sipPort, rtp, rules } = checklistParts(report, profile);
  return {
    schemaVersion: CHECKLIST_SCHEMA_VERSION,
    createdAt: options.createdAt ?? new Date().toISOString(),
    language: options.language,
    site: options.site,
    profile: { id: profile.id, name: profile.name, sipPort, rtp, keepaliveSec: profile.keepaliveSec },
    network: { pbxIp, gateway: report.local.gateway, publicIp: report.publicAddress?.ip ?? null, publicPort: report.publicAddress?.port ?? null, stun, sip },
    nat: report.nat,
    rules,
    verdict: report.verdict,
    qos: options.qos ?? true,
  };
}

// The four rows with their real endpoints, status, evidence and fix (the "What to do" list takes
// the fixes of the failed ones from here: shared/verdict/what-to-do.ts).
export function checklistRules(report: DiagnoseReport, profile: PbxProfile): ChecklistRule[] {
  return checklistParts(report, profile).rules;
}

function checklistParts(report: DiagnoseReport, profile: PbxProfile) {
  const primary = report.checks.publicAddress.binding?.server ?? null;
  const stun = report.stunServers.map((server, index) => ({
    host: server.host,
    ip: index === 0 ? primary?.ip ?? (isIp(server.host) ? server.host : null) : isIp(server.host) ? server.host : null,
    port: server.port,
  }));
  const sipResolved = report.checks.sip?.resolved ?? null;
  const sip = report.sip ? { host: report.sip.target.replace(/:\d+$/, ''), ip: sipResolved?.ip ?? null, port: sipResolved?.port ?? profile.defaultProviderSipPort } : null;
  const pbxIp = report.local.ip;
  // The ports as measured: a run with --sip-port or --rtp overrides the profile's defaults.
  const sipPort = report.local.sipPort;
  const rtp = report.rtp ? { from: report.rtp.range.from, to: report.rtp.range.to } : { from: profile.rtp.from, to: profile.rtp.to };
  const servers: Endpoint = {
    label: sip ? 'STUN server / SIP provider' : 'STUN server',
    addresses: uniq([...stun.map((s) => s.ip), sip?.ip ?? null].filter((ip): ip is string => ip !== null)),
    hosts: uniq([...stun.map((s) => s.host), ...(sip ? [sip.host] : [])]),
    anyAddress: false,
    ports: ranges(...uniq([...stun.map((s) => s.port), ...(sip ? [sip.port] : [])]).map(single)),
  };
  const pbx = (ports: Ports): Endpoint => ({ label: 'PBX', addresses: [pbxIp], hosts: [], anyAddress: false, ports });
  const status = new Map(report.rules.map((rule) => [rule.id, rule]));
  const row = (id: RuleId, direction: 'outbound' | 'inbound', media: boolean, source: Endpoint, destination: Endpoint): ChecklistRule => {
    const measured = status.get(id);
    return {
      id,
      direction,
      protocol: 'udp',
      media,
      source,
      destination,
      status: measured?.status ?? 'untested',
      evidence: measured?.evidence ?? [{ code: 'rule/not-measured' }],
      fix: measured?.status === 'failed' ? fixFor(id, pbxIp, direction === 'outbound' ? [source, destination] : [destination, source]) : null,
    };
  };
  return {
    stun,
    sip,
    pbxIp,
    sipPort,
    rtp,
    rules: [
      // 1. STUN, SIP and audio from the PBX's ports to the STUN server(s) and the SIP provider.
      row('outbound-signalling', 'outbound', false, pbx(ranges(rtp, single(sipPort))), servers),
      // 2. Answers from the STUN server / SIP provider, any port, to the SIP port.
      row('inbound-signalling', 'inbound', false, { ...servers, ports: { any: true } }, pbx(ranges(single(sipPort)))),
      // 3. Voice from the RTP range to any address and port.
      row('outbound-media', 'outbound', true, pbx(ranges(rtp)), ANY),
      // 4. Voice from any address and port to the RTP range.
      row('inbound-media', 'inbound', true, ANY, pbx(ranges(rtp))),
    ],
  };
}

function isIp(text: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(text) || text.includes(':');
}

// The fix names the rule's own endpoints: the PBX side's ports, and the far side's addresses and ports.
function fixFor(id: RuleId, pbxIp: string, [pbxSide, peerSide]: readonly [Endpoint, Endpoint]): FixMessage {
  const pbxPorts = pbxSide.ports.any ? [] : pbxSide.ports.ranges;
  const peers = peerSide.anyAddress ? [] : peerSide.addresses.length > 0 ? peerSide.addresses : peerSide.hosts;
  switch (id) {
    case 'outbound-signalling':
      return { code: 'fix/outbound-signalling', pbxIp, pbxPorts, peers, peerPorts: peerSide.ports.any ? [] : peerSide.ports.ranges };
    case 'inbound-signalling':
      return { code: 'fix/inbound-signalling', pbxIp, pbxPorts, peers };
    case 'outbound-media':
      return { code: 'fix/outbound-media', pbxIp, pbxPorts };
    case 'inbound-media':
      return { code: 'fix/inbound-media', pbxIp, pbxPorts };
  }
}

export function formatPorts(ports: Ports): string {
  if (ports.any) return 'any';
  return ports.ranges.map((range) => (range.from === range.to ? String(range.from) : `${range.from}-${range.to}`)).join(', ');
}

export function formatEndpointAddresses(endpoint: Endpoint): string {
  if (endpoint.anyAddress) return 'any';
  return endpoint.addresses.length > 0 ? endpoint.addresses.join(', ') : endpoint.hosts.join(', ');
}
