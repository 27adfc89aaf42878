// TEMPORARY STAND-IN (register-surfaces branch): the coordinator replaces this file with the
// real protocol from the register-core branch at merge. It sends nothing and reports `not-sent`,
// so the pipeline, the report, the verdict and every surface can be built and tested before the
// digest REGISTER exists. Only the input type and the function's name are the contract.
import type { TransportAddress } from '../../../shared/address';
import type { RegisterReport, RegisterRequest } from '../../../shared/register';
import type { ProgressSink } from '../../net/progress';
import type { UdpEndpoint } from '../../net/udp-endpoint';

export interface RegisterInput {
  readonly endpoint: UdpEndpoint;
  readonly target: TransportAddress;
  readonly targetHost: string;
  readonly localSentBy: { readonly ip: string; readonly port: number };
  readonly register: RegisterRequest;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly progress?: ProgressSink;
}

export async function registerWithProvider(input: RegisterInput): Promise<RegisterReport> {
  return {
    aor: `sip:${input.register.user}@${input.register.domain ?? input.targetHost}`,
    outcome: 'not-sent',
    status: null,
    reason: null,
    challenged: false,
    algorithm: null,
    expiresSec: null,
    contact: null,
    via: { received: null, rport: null },
    rttMs: null,
    unregistered: null,
    inbound: null,
  };
}
