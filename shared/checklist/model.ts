// The verified firewall checklist: the four rules of the source document (SwyxWare help 16.7),
// filled with the real addresses and ports of one site, each with its status and evidence.
// Every export (PDF, Markdown, JSON, vendor syntaxes) renders this one model.
import type { PbxProfile } from '../catalog/profiles';
import type { FragmentsReport, GatewayReport } from '../path';
import type { DiagnoseReport, MosEstimate, NatBehaviour, NatReport, RuleId, RuleStatus, Verdict } from '../report';
import type { Ipv6Translation, Ipv6Verdict } from '../report-ipv6';
import type { LegacyText } from '../text/messages/legacy';
import type { FixMessage, RuleMessage } from '../text/messages/rules';
import type { PortRange } from '../port-range';
import type { RegisterReport } from '../register';
import { whatToDo, type TodoKind, type TodoMessage } from '../verdict/what-to-do';
import { checklistParts } from './rows';

export { checklistRules } from './rows';

// Schema 3: every rule names its IP version (family), and a dual-stack site carries its IPv6 rules
// beside the IPv4 ones (network.ipv6); the verdict's "What to do" list and the facts of the path
// (the LAN's router, IP fragments) travel with the checklist, so every document leads with them.
// Schema 2: evidence and fix are codes with values (shared/text words them in the checklist's
// language); schema 1 carried English sentences, read as legacy text (report-upgrade.ts).
export const CHECKLIST_SCHEMA_VERSION = 3;

export type IpFamily = 4 | 6;

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
  readonly family: IpFamily;                // the IP version: the PBX address it uses is network.pbxIp's, or network.ipv6.pbxIp
  readonly direction: 'outbound' | 'inbound';
  readonly protocol: 'udp';
  readonly media: boolean;                  // voice: QoS marking (DSCP EF) applies
  readonly source: Endpoint;
  readonly destination: Endpoint;
  readonly status: RuleStatus;
  readonly evidence: readonly RuleMessage[];
  readonly fix: FixMessage | null;          // for a failed rule: what to set up, with the real addresses and ports
}

// One item of "What to do" (shared/verdict/what-to-do.ts); a schema-1 checklist's fix is legacy text.
export interface ChecklistTodo {
  readonly kind: TodoKind;
  readonly rule: RuleId | null;
  readonly message: TodoMessage | LegacyText;
}

export interface Site {
  readonly name: string;
  readonly customer: string;
  readonly technician: string;
}

export interface ChecklistServer {
  readonly host: string;
  readonly ip: string | null;
  readonly port: number;
}

// The IPv6 path of a dual-stack PBX (report's ipv6 section): no NAT, so its rules are pure firewall
// rules for the PBX's own IPv6 address.
export interface ChecklistIpv6 {
  readonly pbxIp: string;
  readonly publicIp: string | null;         // what STUN saw over IPv6: the PBX's own address unless translated
  readonly translation: Ipv6Translation;
  readonly filtering: NatBehaviour;         // the router's IPv6 firewall
  readonly verdict: Ipv6Verdict;
  readonly stun: readonly ChecklistServer[];
  readonly sip: ChecklistServer | null;
}

// The expected call quality per codec (the report's quality.mos) and the figures it rests on.
export interface ChecklistCallQuality {
  readonly lossPercent: number;             // one way
  readonly jitterMs: number | null;
  readonly rttMs: number | null;            // mean round trip
  readonly estimates: readonly MosEstimate[];
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
    readonly stun: readonly ChecklistServer[];
    readonly sip: ChecklistServer | null;
    readonly ipv6: ChecklistIpv6 | null;    // null: an IPv4-only (or IPv6-only) site
  };
  readonly nat: NatReport;
  readonly rules: readonly ChecklistRule[];
  readonly verdict: Verdict;
  readonly todo: readonly ChecklistTodo[];  // fixes in order, then caveats and notes
  readonly gateway: GatewayReport | null;   // what the LAN's router said of itself
  readonly fragments: FragmentsReport | null;
  readonly qos: boolean;                    // add DSCP EF marking for RTP where the platform supports it
  readonly callQuality?: ChecklistCallQuality; // absent: the line quality was not measured (or a checklist from before)
  // The registration with the provider (report's sip.register, issue 16); absent or null: not asked.
  readonly register?: RegisterReport | null;
}

function callQualityOf(report: DiagnoseReport): ChecklistCallQuality | null {
  const quality = report.quality;
  if (quality === null || quality.mos === undefined || quality.mos.length === 0) return null;
  return { lossPercent: quality.lossOneWayPercent, jitterMs: quality.jitterMs, rttMs: quality.rttMs?.avg ?? null, estimates: quality.mos };
}

export function buildChecklist(report: DiagnoseReport, profile: PbxProfile, options: { site: Site; language: 'en' | 'de'; qos?: boolean; createdAt?: string }): Checklist {
  const { stun, sip, pbxIp, sipPort, rtp, ipv6, rules } = checklistParts(report, profile);
  const callQuality = callQualityOf(report);
  return {
    schemaVersion: CHECKLIST_SCHEMA_VERSION,
    createdAt: options.createdAt ?? new Date().toISOString(),
    language: options.language,
    site: options.site,
    profile: { id: profile.id, name: profile.name, sipPort, rtp, keepaliveSec: profile.keepaliveSec },
    network: { pbxIp, gateway: report.local.gateway, publicIp: report.publicAddress?.ip ?? null, publicPort: report.publicAddress?.port ?? null, stun, sip, ipv6 },
    nat: report.nat,
    rules,
    verdict: report.verdict,
    todo: whatToDo(report),
    gateway: report.gateway,
    fragments: report.fragments,
    qos: options.qos ?? true,
    ...(callQuality === null ? {} : { callQuality }),
    ...(report.sip?.register ? { register: report.sip.register } : {}),
  };
}

export function formatPorts(ports: Ports): string {
  if (ports.any) return 'any';
  return ports.ranges.map((range) => (range.from === range.to ? String(range.from) : `${range.from}-${range.to}`)).join(', ');
}

export function formatEndpointAddresses(endpoint: Endpoint): string {
  if (endpoint.anyAddress) return 'any';
  return endpoint.addresses.length > 0 ? endpoint.addresses.join(', ') : endpoint.hosts.join(', ');
}
