// The four rules of a checklist with one site's real endpoints, status, evidence and fix (the
// "What to do" list takes the fixes of the failed ones from here: shared/verdict/what-to-do.ts).
import type { PbxProfile } from '../catalog/profiles';
import type { PortRange } from '../port-range';
import type { DiagnoseReport, RuleId } from '../report';
import type { FixMessage } from '../text/messages/rules';
import type { ChecklistRule, Endpoint, Ports } from './model';

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