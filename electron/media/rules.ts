// What the media-port probe proves about the seed document's rules 3 and 4, as checklist rows.
// - outbound-media "from the PBX, ports 55000–56000, to any address, any port": each probed port
//   reached the STUN server. That is one destination; a firewall that allows RTP only to some
//   addresses would still pass, which the evidence says.
// - inbound-media "from any address, any port, to the PBX, ports 55000–56000": verified only by an
//   answer from an address the port never sent to (RFC 5780 CHANGE-REQUEST). When that answer is
//   filtered, the rule as written is not in effect, so the row fails with the fix. (A PBX that
//   sends media first still gets answers through a port-restricted cone NAT; the NAT verdict
//   says whether the profile supports that, the rule row says whether the rule is in effect.)
import { formatAddress } from '../../shared/address';
import type { RuleResult } from '../../shared/report';
import type { RuleMessage } from '../../shared/text/messages/rules';
import type { MediaPortProbe } from './outbound';
import type { PortRange } from '../../shared/port-range';

export function mediaRules(probe: MediaPortProbe, context: { readonly pbxIp: string; readonly range: PortRange }): RuleResult[] {
  const s = probe.summary;
  const range = { from: context.range.from, to: context.range.to };
  const server = formatAddress(probe.server);
  const other = probe.other ? formatAddress(probe.other) : null;
  const held: RuleMessage[] = s.taken.length > 0 ? [{ code: 'media/ports-held', ports: s.taken }] : [];
  const fix = (code: 'fix/outbound-media' | 'fix/inbound-media'): RuleMessage => ({ code, pbxIp: context.pbxIp, pbxPorts: [range] });

  let outbound: RuleResult;
  if (s.probed === 0) {
    outbound = { id: 'outbound-media', status: 'untested', evidence: [{ code: 'media/none-opened', range }, ...held] };
  } else if (s.outboundFailed.length > 0) {
    outbound = {
      id: 'outbound-media',
      status: 'failed',
      evidence: [{ code: 'media/outbound-blocked', ports: s.outboundFailed, probed: s.probed, server }, fix('fix/outbound-media'), ...held],
    };
  } else {
    outbound = {
      id: 'outbound-media',
      status: 'verified',
      evidence: [{ code: 'media/outbound-answered', probed: s.probed, range, server, changed: s.portChanged, publicIps: s.publicIps }, { code: 'media/one-destination' }, ...held],
    };
  }

  let inbound: RuleResult;
  if (probe.inboundUntestedReason !== null) {
    inbound = { id: 'inbound-media', status: 'untested', evidence: [probe.inboundUntestedReason] };
  } else if (s.inboundNotVerified.length > 0) {
    inbound = {
      id: 'inbound-media',
      status: 'failed',
      evidence: [{ code: 'media/inbound-blocked', from: other, ports: s.inboundNotVerified, tested: s.outboundVerified }, fix('fix/inbound-media')],
    };
  } else if (s.inboundVerified === 0) {
    // Why the first port that could not be tested inbound could not: its evidence after the outbound part.
    const port = probe.ports.find((result) => result.status === 'probed' && result.inboundFromUnknown === 'untested');
    const reason = port?.evidence.filter((message) => message.code !== 'port/answered') ?? [];
    inbound = { id: 'inbound-media', status: 'untested', evidence: reason.length > 0 ? reason : [{ code: 'media/inbound-not-tested' }] };
  } else {
    inbound = { id: 'inbound-media', status: 'verified', evidence: [{ code: 'media/inbound-open', from: other, tested: s.inboundVerified, range }, ...held] };
  }
  return [outbound, inbound];
}
