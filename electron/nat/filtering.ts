// Filtering behaviour (RFC 5780 §4.4): which senders may reach the PBX through the mapping.
// Runs on a *fresh* socket that has only ever talked to the primary address: the SIP socket
// has already sent to the alternate address during the mapping tests, which would open an
// address- or port-restricted filter and make it look endpoint-independent.
import { formatAddress, sameAddress, type TransportAddress } from '../../shared/address';
import type { NatBehaviour } from '../../shared/report';
import { noAnswerSchedule } from '../net/retransmit';
import type { StunClient } from '../net/stun-client';
import { probe, type Probe } from './probe';

export interface FilteringResult {
  readonly behaviour: NatBehaviour;
  readonly reason: string;
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
    probe(client, { name: 'filtering test II (answer from alternate IP and port)', to: primary, request: { changeIp: true, changePort: true }, schedule, acceptFrom: 'any', ...(signal ? { signal } : {}) }),
    probe(client, { name: 'filtering test III (answer from alternate port)', to: primary, request: { changePort: true }, schedule, acceptFrom: 'any', ...(signal ? { signal } : {}) }),
  ]);
  const probes = [two, three];
  const changedBoth = { family: primary.family, ip: other.ip, port: other.port };
  const changedPort = { family: primary.family, ip: primary.ip, port: other.port };
  const from = (p: Probe): TransportAddress | null => p.evidence.respondedFrom;

  for (const p of probes) {
    if (p.result.outcome.kind === 'response' && p.result.outcome.message.cls === 'error') {
      return { behaviour: 'unknown', reason: `The server refused CHANGE-REQUEST: ${p.evidence.note ?? 'error response'}`, probes };
    }
    const source = from(p);
    if (source !== null && sameAddress(source, primary)) {
      return { behaviour: 'unknown', reason: `The server ignored CHANGE-REQUEST and answered from ${formatAddress(primary)}, so filtering cannot be tested with it.`, probes };
    }
  }
  const twoFrom = from(two);
  const threeFrom = from(three);
  if (twoFrom !== null && !sameAddress(twoFrom, changedBoth)) {
    return { behaviour: 'unknown', reason: `The answer to test II came from ${formatAddress(twoFrom)}, not from the alternate address ${formatAddress(changedBoth)}.`, probes };
  }
  if (threeFrom !== null && !sameAddress(threeFrom, changedPort)) {
    return { behaviour: 'unknown', reason: `The answer to test III came from ${formatAddress(threeFrom)}, not from ${formatAddress(changedPort)}.`, probes };
  }
  if (twoFrom !== null) {
    return { behaviour: 'endpoint-independent', reason: `An answer from ${formatAddress(changedBoth)}, an address this port never sent to, got through.`, probes };
  }
  if (threeFrom !== null) {
    return { behaviour: 'address-dependent', reason: `An answer from another port (${formatAddress(changedPort)}) of a known IP got through; one from an unknown IP (${formatAddress(changedBoth)}) did not.`, probes };
  }
  return {
    behaviour: 'address-and-port-dependent',
    reason: `Only answers from the exact address and port this socket sent to get through: none of ${two.evidence.requestsSent + three.evidence.requestsSent} answers from ${formatAddress(changedBoth)} or ${formatAddress(changedPort)} arrived.`,
    probes,
  };
}
