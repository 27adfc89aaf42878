// The rules of a checklist with one site's real endpoints, status, evidence and fix: the four of
// the PBX address's IP version, and for a dual-stack PBX the same four over IPv6 (the "What to do"
// list takes the fixes of the failed ones from here: shared/verdict/what-to-do.ts).
import type { PbxProfile } from '../catalog/profiles';
import type { PortRange } from '../port-range';
import type { DiagnoseReport, RuleId, RuleResult } from '../report';
import type { Ipv6Section, Ipv6Server } from '../report-ipv6';
import type { FixMessage } from '../text/messages/rules';
import type { ChecklistIpv6, ChecklistRule, ChecklistServer, Endpoint, IpFamily, Ports } from './model';

const ANY: Endpoint = { label: 'any', addresses: [], hosts: [], anyAddress: true, ports: { any: true } };
const ranges = (...list: PortRange[]): Ports => ({ any: false, ranges: list });
const single = (port: number): PortRange => ({ from: port, to: port });

function uniq<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

export function checklistRules(report: DiagnoseReport, profile: PbxProfile): ChecklistRule[] {
  return checklistParts(report, profile).rules;
}

export function checklistParts(report: DiagnoseReport, profile: PbxProfile) {
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
  const family: IpFamily = pbxIp.includes(':') ? 6 : 4;
  const ipv6 = ipv6Network(report, family);
  const ports = { sipPort, rtp, behindCgn: report.nat.carrierGrade === 'yes' };
  // A STUN server given as an address of the other IP version served the other path alone (one
  // STUN server per version, as the wizard asks for them): it is no far end of this path's rules.
  const servers = serversEndpoint(stun.filter((server) => server.ip === null || (server.ip.includes(':') ? 6 : 4) === family), sip);
  const rules = [
    ...fourRules(family, pbxIp, servers, report.rules, ports),
    // A dual-stack PBX: the same four rules over IPv6, with its IPv6 address and the servers' AAAA addresses.
    ...(ipv6 === null ? [] : fourRules(6, ipv6.pbxIp, servers6(ipv6, servers), report.ipv6?.rules ?? [], ports)),
  ];
  return { stun, sip, pbxIp, sipPort, rtp, ipv6, rules };
}

// The STUN server(s) and the SIP provider as the far end of rules 1 and 2.
function serversEndpoint(stun: readonly ChecklistServer[], sip: ChecklistServer | null): Endpoint {
  return {
    label: sip ? 'STUN server / SIP provider' : 'STUN server',
    addresses: uniq([...stun.map((s) => s.ip), sip?.ip ?? null].filter((ip): ip is string => ip !== null)),
    hosts: uniq([...stun.map((s) => s.host), ...(sip ? [sip.host] : [])]),
    anyAddress: false,
    ports: ranges(...uniq([...stun.map((s) => s.port), ...(sip ? [sip.port] : [])]).map(single)),
  };
}

// The far end of the IPv6 rules 1 and 2: the servers' IPv6 addresses. Without any (no AAAA record
// was found), the servers' names and ports as configured, so the exports say which address is missing.
function servers6(ipv6: ChecklistIpv6, servers4: Endpoint): Endpoint {
  if (ipv6.stun.length > 0 || ipv6.sip !== null) return serversEndpoint(ipv6.stun, ipv6.sip);
  return { ...servers4, addresses: [], hosts: servers4.hosts.filter((host) => !isIp(host)) };
}

// The four rules of the source document for one PBX address, with their measured status.
// Behind the provider's carrier-grade NAT (IPv4) the inbound media fix names what works instead of a forward.
function fourRules(family: IpFamily, pbxIp: string, servers: Endpoint, measured: readonly RuleResult[], { sipPort, rtp, behindCgn }: { sipPort: number; rtp: PortRange; behindCgn: boolean }): ChecklistRule[] {
  const pbx = (ports: Ports): Endpoint => ({ label: 'PBX', addresses: [pbxIp], hosts: [], anyAddress: false, ports });
  const status = new Map(measured.map((rule) => [rule.id, rule]));
  const row = (id: RuleId, direction: 'outbound' | 'inbound', media: boolean, source: Endpoint, destination: Endpoint): ChecklistRule => {
    const rule = status.get(id);
    return {
      id,
      family,
      direction,
      protocol: 'udp',
      media,
      source,
      destination,
      status: rule?.status ?? 'untested',
      evidence: rule?.evidence ?? [{ code: 'rule/not-measured' }],
      fix: rule?.status === 'failed' ? fixFor(id, pbxIp, direction === 'outbound' ? [source, destination] : [destination, source], behindCgn && family === 4) : null,
    };
  };
  return [
    // 1. STUN, SIP and audio from the PBX's ports to the STUN server(s) and the SIP provider.
    row('outbound-signalling', 'outbound', false, pbx(ranges(rtp, single(sipPort))), servers),
    // 2. Answers from the STUN server / SIP provider, any port, to the SIP port.
    row('inbound-signalling', 'inbound', false, { ...servers, ports: { any: true } }, pbx(ranges(single(sipPort)))),
    // 3. Voice from the RTP range to any address and port.
    row('outbound-media', 'outbound', true, pbx(ranges(rtp)), ANY),
    // 4. Voice from any address and port to the RTP range.
    row('inbound-media', 'inbound', true, ANY, pbx(ranges(rtp))),
  ];
}

// The IPv6 path of a dual-stack PBX: the report's ipv6 section with the PBX's global IPv6 address.
// A PBX measured over IPv6 alone (local.ip is IPv6) has its IPv6 rules as its only rules already.
function ipv6Network(report: DiagnoseReport, family: IpFamily): ChecklistIpv6 | null {
  const section: Ipv6Section | null = report.ipv6 ?? null;
  if (section === null || section.address === null || family === 6) return null;
  const server = (address: Ipv6Server): ChecklistServer => ({ host: address.host ?? address.ip, ip: address.ip, port: address.port });
  return {
    pbxIp: section.address,
    publicIp: section.publicAddress?.ip ?? null,
    translation: section.nat.translation,
    filtering: section.filtering,
    verdict: section.verdict,
    stun: section.servers.stun.map(server),
    sip: section.servers.sip === null ? null : server(section.servers.sip),
  };
}

function isIp(text: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(text) || text.includes(':');
}

// The fix names the rule's own endpoints: the PBX side's ports, and the far side's addresses and ports.
function fixFor(id: RuleId, pbxIp: string, [pbxSide, peerSide]: readonly [Endpoint, Endpoint], behindCgn: boolean): FixMessage {
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
      return { code: behindCgn ? 'fix/inbound-media-cgn' : 'fix/inbound-media', pbxIp, pbxPorts };
  }
}
