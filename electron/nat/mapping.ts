// Mapping behaviour (RFC 5780 §4.3): does the NAT keep the same public address and port for
// the SIP socket whatever the destination? Tests II and III leave from the same socket as
// test I and run at the same time: each is an independent request to another server address.
import { formatAddress, sameAddress, type TransportAddress } from '../../shared/address';
import type { BindingEvidence, NatBehaviour } from '../../shared/report';
import type { NatMessage } from '../../shared/text/messages/nat';
import { stunFailureOf } from '../../shared/text/messages/rules';
import { answeredSchedule } from '../net/retransmit';
import type { StunClient } from '../net/stun-client';
import { probe, type Probe } from './probe';

export interface MappingResult {
  readonly behaviour: NatBehaviour;
  readonly method: 'rfc5780' | 'two-servers' | 'none';
  readonly reason: NatMessage;               // mapping/*
  readonly probes: readonly Probe[];
  readonly alternateAnswered: boolean | null; // RFC 5780: did the server's other IP answer at all
}

export async function probeMappingRfc5780(client: StunClient, first: BindingEvidence, other: TransportAddress, rttMs: number, signal?: AbortSignal): Promise<MappingResult> {
  const primary = first.respondedFrom;
  const testII = { family: other.family, ip: other.ip, port: primary.port };
  const schedule = answeredSchedule(rttMs);
  const testTwo = () => probe(client, { name: { code: 'probe/mapping-ii' }, to: testII, schedule, ...(signal ? { signal } : {}) });
  const [firstTwo, three] = await Promise.all([testTwo(), probe(client, { name: { code: 'probe/mapping-iii' }, to: other, schedule, ...(signal ? { signal } : {}) })]);
  let two = firstTwo;
  // The alternate IP answered test III, so it is alive: a lost test II was bad luck on a lossy
  // line, not a bogus OTHER-ADDRESS. Ask once more before drawing any conclusion.
  if (!two.result.ok && three.result.ok) two = await testTwo();
  const m1 = first.mapped;
  const m2 = two.result.ok ? two.result.evidence.mapped : null;
  const m3 = three.result.ok ? three.result.evidence.mapped : null;
  const probes = [two, three];
  if (m2 === null) {
    return {
      behaviour: 'unknown',
      method: 'rfc5780',
      reason: { code: 'mapping/alternate-silent', alternate: formatAddress(testII) },
      probes,
      alternateAnswered: false,
    };
  }
  if (sameAddress(m1, m2)) {
    // Every server address that saw the same mapping (test III too, when it answered alike).
    const towards = [primary, testII, ...(m3 !== null && sameAddress(m1, m3) ? [other] : [])].map(formatAddress);
    return { behaviour: 'endpoint-independent', method: 'rfc5780', reason: { code: 'mapping/same', mapped: formatAddress(m1), towards }, probes, alternateAnswered: true };
  }
  if (m3 === null) {
    return {
      behaviour: 'unknown',
      method: 'rfc5780',
      reason: { code: 'mapping/port-unknown', from: formatAddress(m1), to: formatAddress(m2), other: formatAddress(other) },
      probes,
      alternateAnswered: true,
    };
  }
  return sameAddress(m2, m3)
    ? { behaviour: 'address-dependent', method: 'rfc5780', reason: { code: 'mapping/address-dependent', from: formatAddress(m1), to: formatAddress(m2) }, probes, alternateAnswered: true }
    : { behaviour: 'address-and-port-dependent', method: 'rfc5780', reason: { code: 'mapping/address-and-port-dependent', mapped: [m1, m2, m3].map(formatAddress) }, probes, alternateAnswered: true };
}

// Without RFC 5780: the same socket asks a second, independent STUN server (DESIGN.md). Equal
// mappings towards two server IPs mean endpoint-independent mapping; different ones mean at
// least address-dependent (whether the port matters too needs an RFC 5780 server).
export async function probeMappingTwoServers(client: StunClient, first: BindingEvidence, second: TransportAddress, rttMs: number, signal?: AbortSignal): Promise<MappingResult> {
  const other = await probe(client, { name: { code: 'probe/second-server' }, to: second, schedule: answeredSchedule(Math.max(rttMs, 100)), ...(signal ? { signal } : {}) });
  if (!other.result.ok) {
    return {
      behaviour: 'unknown',
      method: 'two-servers',
      reason: { code: 'mapping/second-server-failed', server: formatAddress(second), reason: stunFailureOf(other.result.error.code) },
      probes: [other],
      alternateAnswered: null,
    };
  }
  const m2 = other.result.evidence.mapped;
  if (sameAddress(first.mapped, m2)) {
    return {
      behaviour: 'endpoint-independent',
      method: 'two-servers',
      reason: { code: 'mapping/same', mapped: formatAddress(m2), towards: [formatAddress(first.respondedFrom), formatAddress(second)] },
      probes: [other],
      alternateAnswered: null,
    };
  }
  return {
    behaviour: 'address-dependent',
    method: 'two-servers',
    reason: { code: 'mapping/two-servers-differ', first: formatAddress(first.mapped), second: formatAddress(m2) },
    probes: [other],
    alternateAnswered: null,
  };
}
