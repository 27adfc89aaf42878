// What the media-port probe proves about the seed document's rules 3 and 4, as checklist rows.
// - outbound-media "from the PBX, ports 55000–56000, to any address, any port": each probed port
//   reached the STUN server. That is one destination; a firewall that allows RTP only to some
//   addresses would still pass, which the evidence says.
// - inbound-media "from any address, any port, to the PBX, ports 55000–56000": judged by what the
//   PBX needs (its profile's media.inbound). A PBX that sends first from every RTP port and uses
//   each port's STUN mapping (return-path) needs only answers from the address a port sent to:
//   the rule is verified by the return path, and an unknown address being filtered is a fact (the
//   caveat is the verdict's, shared/verdict/what-to-do.ts). A PBX that needs media from any
//   address (any-source) is verified only by an answer from an address the port never sent to
//   (RFC 5780 CHANGE-REQUEST); when that is filtered the row fails with the fix.
import { formatAddress } from '../../shared/address';
import type { InboundMediaNeed, RuleResult } from '../../shared/report';
import type { RuleMessage } from '../../shared/text/messages/rules';
import type { MediaPortProbe } from './outbound';
import type { PortRange } from '../../shared/port-range';

export function mediaRules(probe: MediaPortProbe, context: { readonly pbxIp: string; readonly range: PortRange; readonly inboundMedia: InboundMediaNeed; readonly behindCgn?: boolean }): RuleResult[] {
  const s = probe.summary;
  const range = { from: context.range.from, to: context.range.to };
  const server = formatAddress(probe.server);
  const other = probe.other ? formatAddress(probe.other) : null;
  const held: RuleMessage[] = s.taken.length > 0 ? [{ code: 'media/ports-held', ports: s.taken }] : [];
  const fix = (code: 'fix/outbound-media' | 'fix/inbound-media' | 'fix/inbound-media-cgn'): RuleMessage => ({ code, pbxIp: context.pbxIp, pbxPorts: [range] });

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

  // Rule 4 measured both ways: the answer from the very address each port sent to (the return
  // path, which the outbound probe's answer already is), and an answer from an address the port
  // never sent to (RFC 5780 CHANGE-REQUEST). Which of the two the PBX needs decides the status.
  const unknown = unknownSource(probe, other, range, fix(context.behindCgn === true ? 'fix/inbound-media-cgn' : 'fix/inbound-media'));
  const returnPath: RuleMessage | null =
    s.probed === 0
      ? null
      : s.outboundFailed.length === 0
        ? { code: 'media/return-path-open', server, tested: s.outboundVerified, range }
        : { code: 'media/return-path-unproven', server, ports: s.outboundFailed };
  const facts = returnPath === null ? [] : [returnPath];
  let inbound: RuleResult;
  if (context.inboundMedia === 'any-source') {
    inbound = { id: 'inbound-media', status: unknown.status, evidence: [{ code: 'media/needs-any-source' }, ...facts, ...unknown.evidence] };
  } else {
    // What the unknown address showed stays as a fact; its fix belongs to the any-source case.
    const known = unknown.evidence.filter((message) => message.code !== 'fix/inbound-media');
    const status = returnPath?.code === 'media/return-path-open' ? 'verified' : 'untested';
    inbound = { id: 'inbound-media', status, evidence: [{ code: 'media/needs-return-path' }, ...facts, ...known] };
  }
  return [outbound, inbound];
}

// Rule 4 as the seed document writes it, "from any address, any port": verified only by an answer
// from an address the port never sent to.
function unknownSource(probe: MediaPortProbe, other: string | null, range: PortRange, fix: RuleMessage): { status: RuleResult['status']; evidence: RuleMessage[] } {
  const s = probe.summary;
  const held: RuleMessage[] = s.taken.length > 0 ? [{ code: 'media/ports-held', ports: s.taken }] : [];
  if (probe.inboundUntestedReason !== null) return { status: 'untested', evidence: [probe.inboundUntestedReason] };
  if (s.inboundNotVerified.length > 0) {
    return { status: 'failed', evidence: [{ code: 'media/inbound-blocked', from: other, ports: s.inboundNotVerified, tested: s.outboundVerified }, fix] };
  }
  if (s.inboundVerified === 0) {
    // Why the first port that could not be tested inbound could not: its evidence after the outbound part.
    const port = probe.ports.find((result) => result.status === 'probed' && result.inboundFromUnknown === 'untested');
    const reason = port?.evidence.filter((message) => message.code !== 'port/answered') ?? [];
    return { status: 'untested', evidence: reason.length > 0 ? reason : [{ code: 'media/inbound-not-tested' }] };
  }
  return { status: 'verified', evidence: [{ code: 'media/inbound-open', from: other, tested: s.inboundVerified, range }, ...held] };
}
