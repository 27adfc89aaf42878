// Filtering behaviour (RFC 5780 §4.4): which senders may reach the PBX through the mapping.
// Runs on a *fresh* socket that has only ever talked to the primary address: the SIP socket
// has already sent to the alternate address during the mapping tests, which would open an
// address- or port-restricted filter and make it look endpoint-independent.
import { formatAddress, sameAddress, type TransportAddress } from '../../shared/address';
import type { NatBehaviour } from '../../shared/report';
import type { NatMessage } from '../../shared/text/messages/nat';
import { noAnswerSchedule } from '../net/retransmit';
import type { StunClient } from '../net/stun-client';
import { probe, type Probe } from './probe';

export interface FilteringResult {
  readonly behaviour: NatBehaviour;
  readonly reason: NatMessage;               // filtering/*
  readonly probes: readonly Probe[];
}

// Tests II and III both go to the primary address and run at the same time: an answer from
// the alternate IP and port proves endpoint-independent filtering, one from the primary IP
// and alternate port proves address-dependent filtering; silence from both means
// address-and-port-dependent. Answers are accepted from anywhere so that a server which
// ignores CHANGE-REQUEST (answers from the primary address) is caught, not misread.
export async function probeFiltering(client: StunClient, primary: TransportAddress, other: TransportAddress, rttMs: number, signal?: AbortSignal): Promise<FilteringResult> {
  const schedule = noAnswerSchedule(rttMs);
  const [two, three] = await Promise.all([
    probe(client, { name: { code: 'probe/filtering-ii' }, to: primary, request: { changeIp: true, changePort: true }, schedule, acceptFrom: 'any', ...(signal ? { signal } : {}) }),
    probe(client, { name: { code: 'probe/filtering-iii' }, to: primary, request: { changePort: true }, schedule, acceptFrom: 'any', ...(signal ? { signal } : {}) }),
  ]);
  const probes = [two, three];
  const changedBoth = { family: primary.family, ip: other.ip, port: other.port };
  const changedPort = { family: primary.family, ip: primary.ip, port: other.port };
  const from = (p: Probe): TransportAddress | null => p.evidence.respondedFrom;

  for (const p of probes) {
    if (p.result.outcome.kind === 'response' && p.result.outcome.message.cls === 'error') {
      return { behaviour: 'unknown', reason: { code: 'filtering/refused', server: formatAddress(primary) }, probes };
    }
    const source = from(p);
    if (source !== null && sameAddress(source, primary)) {
      return { behaviour: 'unknown', reason: { code: 'filtering/ignored', server: formatAddress(primary) }, probes };
    }
  }
  const twoFrom = from(two);
  const threeFrom = from(three);
  if (twoFrom !== null && !sameAddress(twoFrom, changedBoth)) {
    return { behaviour: 'unknown', reason: { code: 'filtering/wrong-source', test: 'ii', from: formatAddress(twoFrom), expected: formatAddress(changedBoth) }, probes };
  }
  if (threeFrom !== null && !sameAddress(threeFrom, changedPort)) {
    return { behaviour: 'unknown', reason: { code: 'filtering/wrong-source', test: 'iii', from: formatAddress(threeFrom), expected: formatAddress(changedPort) }, probes };
  }
  if (twoFrom !== null) {
    return { behaviour: 'endpoint-independent', reason: { code: 'filtering/endpoint-independent', from: formatAddress(changedBoth) }, probes };
  }
  if (threeFrom !== null) {
    return { behaviour: 'address-dependent', reason: { code: 'filtering/address-dependent', knownIp: formatAddress(changedPort), unknownIp: formatAddress(changedBoth) }, probes };
  }
  return {
    behaviour: 'address-and-port-dependent',
    reason: { code: 'filtering/address-and-port-dependent', requests: two.evidence.requestsSent + three.evidence.requestsSent, from: [formatAddress(changedBoth), formatAddress(changedPort)] },
    probes,
  };
}
