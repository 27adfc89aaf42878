// The registration step of a diagnosis (issue 16): REGISTER with the provider's credentials from
// the SIP port, on the socket and the server address the SIP check resolved (so through the very
// NAT binding STUN and OPTIONS used), then the provider's own request and the un-REGISTER, all in
// electron/sip/register. What is this step's own: which server and domain, and nothing sent when
// the SIP check found no server.
import { formatAddress, parseHostPort } from '../../shared/address';
import { REGISTER_INBOUND_WAIT_SEC, type RegisterReport, type RegisterRequest } from '../../shared/register';
import { clampText } from '../../shared/text/messages/fields';
import { registerWithProvider } from '../sip/register/register';
import type { CheckContext } from './context';
import type { SipResult } from './sip';

// RFC 3261 §17.1.2.2 Timer F, capped as for OPTIONS: a person waits.
const REGISTER_TIMEOUT_MS = 8000;
const SIP_PORT = 5060; // RFC 3261 §19.1.2

// RFC 3261 §10.2: the Request-URI names the domain of the registration ("sip:chicago.com"), the
// host the person typed or the domain they named, not the SRV target it resolved to.
export function registrationDomain(sipServer: string, register: RegisterRequest): string {
  return register.domain ?? parseHostPort(sipServer, SIP_PORT)?.host ?? sipServer;
}

export async function registerStep(context: CheckContext, sip: SipResult | null): Promise<RegisterReport> {
  const request = context.request.register as RegisterRequest;
  const domain = registrationDomain(context.request.sip as string, request);
  const target = sip?.evidence.resolved ?? null;
  if (target === null) return notSent(`sip:${request.user}@${domain}`);
  context.progress({ code: 'register/request', port: context.sipPort, target: formatAddress(target), aor: clampText(`sip:${request.user}@${domain}`) }, 0);
  return registerWithProvider({
    endpoint: context.endpoint,
    target,
    targetHost: domain,
    localSentBy: { ip: context.sentByIp, port: context.sipPort },
    request: { ...request, domain, inboundWaitSec: request.inboundWaitSec ?? REGISTER_INBOUND_WAIT_SEC },
    timeoutMs: REGISTER_TIMEOUT_MS,
    signal: context.signal,
    progress: context.progress,
  });
}

// The SIP check found no server to register with: the section says so, and nothing was sent.
function notSent(aor: string): RegisterReport {
  return {
    aor,
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
