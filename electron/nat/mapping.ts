// Mapping behaviour (RFC 5780 §4.3): does the NAT keep the same public address and port for
// the SIP socket whatever the destination? Tests II and III leave from the same socket as
// test I and run at the same time: each is an independent request to another server address.
import { formatAddress, sameAddress, type TransportAddress } from '../../shared/address';
import type { BindingEvidence, NatBehaviour } from '../../shared/report';
import { answeredSchedule } from '../net/retransmit';
import type { StunClient } from '../net/stun-client';
import { probe, type Probe } from './probe';
import { word } from '../../shared/text';

export interface MappingResult {
  readonly behaviour: NatBehaviour;
  readonly method: 'rfc5780' | 'two-servers' | 'none';
  readonly reason: string;
  readonly probes: readonly Probe[];
  readonly alternateAnswered: boolean | null; // RFC 5780: did the server's other IP answer at all
}

const fmt = (address: TransportAddress | null | undefined): string => (address ? formatAddress(address) : 'none');

export async function probeMappingRfc5780(client: StunClient, first: BindingEvidence, other: TransportAddress, rttMs: number, signal?: AbortSignal): Promise<MappingResult> {
  const primary = first.respondedFrom;
  const testII = { family: other.family, ip: other.ip, port: primary.port };
  const schedule = answeredSchedule(rttMs);
  const testTwo = () => probe(client, { name: 'mapping test II (alternate IP, primary port)', to: testII, schedule, ...(signal ? { signal } : {}) });
  const [firstTwo, three] = await Promise.all([testTwo(), probe(client, { name: 'mapping test III (alternate IP and port)', to: other, schedule, ...(signal ? { signal } : {}) })]);
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
      reason: `The server's alternate address ${formatAddress(testII)} did not answer, so its OTHER-ADDRESS cannot be trusted.`,
      probes,
      alternateAnswered: false,
    };
  }
  if (sameAddress(m1, m2)) {
    return { behaviour: 'endpoint-independent', method: 'rfc5780', reason: `The same public address ${fmt(m1)} towards ${formatAddress(primary)} and ${formatAddress(testII)}.`, probes, alternateAnswered: true };
  }
  if (m3 === null) {
    return { behaviour: 'unknown', method: 'rfc5780', reason: `Mapping changed (${fmt(m1)} → ${fmt(m2)}), but ${formatAddress(other)} did not answer to tell whether the port matters.`, probes, alternateAnswered: true };
  }
  return sameAddress(m2, m3)
    ? { behaviour: 'address-dependent', method: 'rfc5780', reason: `A new public address for another server IP (${fmt(m1)} → ${fmt(m2)}), the same for another port on it.`, probes, alternateAnswered: true }
    : { behaviour: 'address-and-port-dependent', method: 'rfc5780', reason: `A new public address for every destination: ${fmt(m1)}, ${fmt(m2)}, ${fmt(m3)}.`, probes, alternateAnswered: true };
}

// Without RFC 5780: the same socket asks a second, independent STUN server (DESIGN.md). Equal
// mappings towards two server IPs mean endpoint-independent mapping; different ones mean at
// least address-dependent (whether the port matters too needs an RFC 5780 server).
export async function probeMappingTwoServers(client: StunClient, first: BindingEvidence, second: TransportAddress, rttMs: number, signal?: AbortSignal): Promise<MappingResult> {
  const other = await probe(client, { name: 'mapping test against a second STUN server', to: second, schedule: answeredSchedule(Math.max(rttMs, 100)), ...(signal ? { signal } : {}) });
  if (!other.result.ok) {
    return { behaviour: 'unknown', method: 'two-servers', reason: `The second STUN server ${formatAddress(second)} gave no usable answer: ${word('en', other.result.error)}`, probes: [other], alternateAnswered: null };
  }
  const m2 = other.result.evidence.mapped;
  if (sameAddress(first.mapped, m2)) {
    return { behaviour: 'endpoint-independent', method: 'two-servers', reason: `The same public address ${fmt(m2)} towards ${formatAddress(first.respondedFrom)} and ${formatAddress(second)}.`, probes: [other], alternateAnswered: null };
  }
  return {
    behaviour: 'address-dependent',
    method: 'two-servers',
    reason: `Different public addresses towards two servers (${fmt(first.mapped)} and ${fmt(m2)}): at least address-dependent mapping; whether the port matters too needs a server with RFC 5780.`,
    probes: [other],
    alternateAnswered: null,
  };
}
