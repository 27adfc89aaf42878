// The two questions on the router's port 5351: NAT-PMP's public address request (RFC 6886
// §3.2) and PCP's ANNOUNCE (RFC 6887 §14.1). Neither creates a mapping. Each has its own
// socket, so each answer is read by the codec of the question it answers; a server speaking
// only the other protocol says so in that protocol's version (RFC 6887 §9).
import { decodePublicAddressAnswer, encodePublicAddressRequest, NAT_PMP_PORT } from '../../../shared/gateway/nat-pmp';
import { decodeAnnounceAnswer, encodeAnnounceRequest, PCP_PORT, PCP_RESULT } from '../../../shared/gateway/pcp';
import type { GatewayMessage } from '../../../shared/text/messages/gateway';
import type { ServiceOutcome } from './outcome';
import { exchange, type Exchange } from './udp-exchange';

export interface PortControlOptions {
  readonly sends: readonly number[];
  readonly deadline: number;
  readonly signal: AbortSignal;
}

export async function askNatPmp(gatewayIp: string, options: PortControlOptions): Promise<ServiceOutcome> {
  const outcome = await exchange({ ip: gatewayIp, port: NAT_PMP_PORT }, () => [encodePublicAddressRequest()], decodePublicAddressAnswer, options);
  if (outcome.kind !== 'answer') return unanswered(outcome, 'nat-pmp');
  const answer = outcome.value;
  switch (answer.kind) {
    case 'address':
      return { service: true, externalIp: answer.ip, evidence: [{ code: 'gateway/natpmp-address', ip: answer.ip }] };
    case 'no-address':
      return { service: true, externalIp: null, evidence: [{ code: 'gateway/natpmp-no-address' }] };
    case 'refused':
      // RFC 6886 §3.5 result 3: the router has no public address (yet); the service is there but refuses.
      return { service: false, externalIp: null, evidence: [{ code: 'gateway/natpmp-refused', result: answer.result }] };
    case 'other-version':
      return { service: false, externalIp: null, evidence: [{ code: 'gateway/natpmp-other-version', version: answer.version }] };
  }
}

export async function askPcp(gatewayIp: string, options: PortControlOptions): Promise<ServiceOutcome> {
  const request = (localIp: string): Uint8Array[] => {
    const announce = encodeAnnounceRequest(localIp);
    return announce === undefined ? [] : [announce];
  };
  const outcome = await exchange({ ip: gatewayIp, port: PCP_PORT }, request, decodeAnnounceAnswer, options);
  if (outcome.kind !== 'answer') return unanswered(outcome, 'pcp');
  const answer = outcome.value;
  switch (answer.kind) {
    case 'answer':
      return answer.result === PCP_RESULT.success
        ? { service: true, externalIp: null, evidence: [{ code: 'gateway/pcp-answered' }] }
        : { service: false, externalIp: null, evidence: [{ code: 'gateway/pcp-refused', result: answer.result }] };
    case 'nat-pmp-only':
      return { service: false, externalIp: null, evidence: [{ code: 'gateway/pcp-nat-pmp-only' }] };
    case 'other-version':
      return { service: false, externalIp: null, evidence: [{ code: 'gateway/pcp-other-version', version: answer.version }] };
  }
}

function unanswered(outcome: Exclude<Exchange<unknown>, { kind: 'answer' }>, service: 'nat-pmp' | 'pcp'): ServiceOutcome {
  const evidence: GatewayMessage[] =
    outcome.kind === 'cancelled' ? [] : outcome.kind === 'malformed' ? [{ code: 'gateway/malformed', service }] : [{ code: 'gateway/silent', service, closed: outcome.kind === 'closed' }];
  return { service: null, externalIp: null, evidence };
}
