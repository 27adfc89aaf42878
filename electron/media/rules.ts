// What the media-port probe proves about the seed document's rules 3 and 4, as checklist rows.
// - outbound-media "from the PBX, ports 55000–56000, to any address, any port": each probed port
//   reached the STUN server. That is one destination; a firewall that allows RTP only to some
//   addresses would still pass, which the evidence says.
// - inbound-media "from any address, any port, to the PBX, ports 55000–56000": verified only by an
//   answer from an address the port never sent to (RFC 5780 CHANGE-REQUEST). When that answer is
//   filtered, the rule as written is not in effect, so the row fails with the fix. (A PBX that
//   sends media first still gets answers through a port-restricted cone NAT; the NAT verdict
//   says whether the profile supports that, the rule row says whether the rule is in effect.)
import type { RuleResult } from '../../shared/report';
import type { MediaPortProbe } from './outbound';
import type { PortRange } from './local-ports';

const list = (ports: readonly number[]): string => (ports.length <= 8 ? ports.join(', ') : `${ports.slice(0, 8).join(', ')} and ${ports.length - 8} more`);

export function mediaRules(probe: MediaPortProbe, context: { readonly pbxIp: string; readonly range: PortRange }): RuleResult[] {
  const s = probe.summary;
  const range = `${context.range.from}–${context.range.to}`;
  const server = `${probe.server.ip}:${probe.server.port}`;
  const skippedNote = s.taken.length > 0 ? ` Skipped, held by another program on this machine: ${list(s.taken)}.` : '';

  let outbound: RuleResult;
  if (s.probed === 0) {
    outbound = { id: 'outbound-media', status: 'untested', evidence: `No port of UDP ${range} could be opened for the test.${skippedNote}` };
  } else if (s.outboundFailed.length > 0) {
    outbound = {
      id: 'outbound-media',
      status: 'failed',
      evidence:
        `Binding requests from ${s.outboundFailed.length} of ${s.probed} tested ports got no answer from ${server} (ports ${list(s.outboundFailed)}): ` +
        `allow UDP from ${context.pbxIp} ports ${range} to any address and port.${skippedNote}`,
    };
  } else {
    const preserved = s.portChanged.length === 0 ? 'the router kept every port' : `the router changed the port of ${list(s.portChanged)}`;
    outbound = {
      id: 'outbound-media',
      status: 'verified',
      evidence:
        `Binding requests from all ${s.probed} tested ports of UDP ${range} were answered by ${server} (${preserved}; public IP ${s.publicIps.join(', ')}). ` +
        `Tested towards the STUN server only; a rule that allows RTP to some destinations only would pass too.${skippedNote}`,
    };
  }

  let inbound: RuleResult;
  if (probe.inboundUntestedReason !== null) {
    inbound = { id: 'inbound-media', status: 'untested', evidence: probe.inboundUntestedReason };
  } else if (s.inboundNotVerified.length > 0) {
    inbound = {
      id: 'inbound-media',
      status: 'failed',
      evidence:
        `Answers from ${probe.other ? `${probe.other.ip}:${probe.other.port}` : 'the alternate address'}, an address the ports never sent to, did not reach ` +
        `${s.inboundNotVerified.length} of ${s.outboundVerified} tested ports (${list(s.inboundNotVerified)}): the router drops media from unknown addresses. ` +
        `Forward UDP ${range} from any address to ${context.pbxIp} (same ports) and allow it in the firewall.`,
    };
  } else if (s.inboundVerified === 0) {
    const reason = probe.ports.find((port) => port.status === 'probed' && port.inboundFromUnknown === 'untested')?.evidence;
    inbound = { id: 'inbound-media', status: 'untested', evidence: reason ?? 'No port could be tested for inbound media.' };
  } else {
    inbound = {
      id: 'inbound-media',
      status: 'verified',
      evidence: `Answers from ${probe.other ? `${probe.other.ip}:${probe.other.port}` : 'the alternate address'}, an address the ports never sent to, reached all ${s.inboundVerified} tested ports of UDP ${range}.${skippedNote}`,
    };
  }
  return [outbound, inbound];
}
