// Registering with the provider from the PBX's SIP port (issue 16): REGISTER with digest
// credentials through the socket (and so the NAT binding) STUN and OPTIONS used, wait for the
// provider's own request to reach the contact, answer it, and remove the contact again
// (Expires: 0, RFC 3261 §10.2.2). The outcome is the report's `sip.register` section; the
// password is read by the digest only and appears in no result, progress message or error.
import { formatAddress, type TransportAddress } from '../../../shared/address';
import { REGISTER_EXPIRES_SEC, REGISTER_INBOUND_WAIT_MAX_SEC, REGISTER_INBOUND_WAIT_SEC, type RegisterInbound, type RegisterReport, type RegisterRequest } from '../../../shared/register';
import { grantedExpires } from '../../../shared/sip/contact';
import { SIP_DEFAULT_PORT } from '../../../shared/sip/options-request';
import { addressOfRecord, escapeSipUser, newRegisterDialog } from '../../../shared/sip/register-request';
import { clampText } from '../../../shared/text/messages/fields';
import { systemClock, type Clock } from '../../net/clock';
import type { ProgressSink } from '../../net/progress';
import type { UdpEndpoint } from '../../net/udp-endpoint';
import { APP_VERSION } from '../../version';
import { exchangeRegister, type ExchangeResult, type RegistrationParty } from './exchange';
import { startResponder, type InboundArrival } from './responder';
import { newRegisterCounters, type RegisterCounters } from './transaction';

export interface RegisterWithProviderInput {
  readonly endpoint: UdpEndpoint;            // the SIP port's socket, shared with STUN and OPTIONS
  readonly target: TransportAddress;         // the registrar, resolved (RFC 3263)
  readonly targetHost: string;               // its name as configured: the Request-URI and default domain
  readonly localSentBy: { readonly ip: string; readonly port: number }; // the PBX's LAN address and SIP port
  readonly request: RegisterRequest;
  readonly timeoutMs?: number;               // Timer F per request; default 8 s like the OPTIONS check
  readonly signal?: AbortSignal;             // ends the REGISTER or the inbound wait; the un-REGISTER still runs, briefly
  readonly clock?: Clock;
  readonly progress?: ProgressSink;
  readonly expiresSec?: number;              // asked for; default REGISTER_EXPIRES_SEC
  readonly version?: string;                 // User-Agent / Server version
  readonly timerT1Ms?: number;
  readonly counters?: RegisterCounters;      // filled in: what else arrived (hostile or stray datagrams)
}

export const REGISTER_TIMEOUT_MS = 8000;     // a person waits: Timer F capped as for OPTIONS
const UNREGISTER_AFTER_CANCEL_MS = 2000;     // cleaning up after a cancel is kept short

function emptyReport(aor: string): RegisterReport {
  return {
    aor, outcome: 'not-sent', status: null, reason: null, challenged: false, algorithm: null, expiresSec: null,
    contact: null, via: { received: null, rport: null }, rttMs: null, unregistered: null, inbound: null,
  };
}

function inboundWaitMs(request: RegisterRequest): number {
  const seconds = request.inboundWaitSec ?? REGISTER_INBOUND_WAIT_SEC;
  return Math.round(1000 * Math.max(0, Math.min(REGISTER_INBOUND_WAIT_MAX_SEC, Number.isFinite(seconds) ? seconds : REGISTER_INBOUND_WAIT_SEC)));
}

// The registration's own end, before the inbound wait.
function reportOf(aor: string, contact: string, result: ExchangeResult): RegisterReport {
  const report = emptyReport(aor);
  if (result.kind === 'invalid') return report;
  if (result.kind === 'timeout') return { ...report, outcome: 'no-answer', challenged: result.challenged, contact };
  const { response } = result;
  const registered = result.kind === 'final' && response.status >= 200 && response.status < 300;
  const outcome = registered ? 'registered' : result.kind === 'final' ? 'refused' : result.kind;
  const contactValues = response.headers.filter((header) => header.name === 'Contact').map((header) => header.value);
  const expiresHeader = response.headers.find((header) => header.name.toLowerCase() === 'expires')?.value;
  return {
    ...report,
    outcome,
    status: response.status,
    reason: clampText(response.reason),
    challenged: result.challenged,
    algorithm: result.algorithm,
    // §10.2.4: our contact's expires parameter in the 2xx, else its Expires header.
    expiresSec: registered ? grantedExpires(contactValues, expiresHeader, contact) : null,
    contact,
    via: { received: response.received, rport: response.rport },
    rttMs: Math.round(result.answeredAt - result.firstSentAt),
  };
}

// Listen for the provider's request until it comes, the wait ends, or the signal cancels.
async function waitForInbound(first: Promise<InboundArrival>, registeredAt: number, input: RegisterWithProviderInput, clock: Clock): Promise<RegisterInbound> {
  const limitMs = inboundWaitMs(input.request);
  const totalSec = Math.round(limitMs / 1000);
  const start = clock.now();
  let tick: unknown;
  let limit: unknown;
  let onAbort = (): void => undefined;
  const ended = new Promise<null>((resolve) => {
    const elapsed = (): number => Math.min(totalSec, Math.floor((clock.now() - start) / 1000));
    const report = (): void => {
      input.progress?.({ code: 'register/inbound-wait', elapsed: elapsed(), total: totalSec }, null);
      tick = clock.setTimeout(report, 1000);
    };
    report();
    limit = clock.setTimeout(() => resolve(null), limitMs);
    onAbort = () => resolve(null);
    if (input.signal?.aborted) resolve(null);
    input.signal?.addEventListener('abort', onAbort, { once: true });
  });
  const arrival = await Promise.race([first, ended]);
  clock.clearTimeout(tick);
  clock.clearTimeout(limit);
  input.signal?.removeEventListener('abort', onAbort);
  const waitedMs = Math.round(clock.now() - start);
  if (arrival === null) return { received: false, method: null, from: null, afterMs: null, waitedMs, answered: null };
  return { received: true, method: arrival.method.slice(0, 40), from: arrival.from, afterMs: Math.round(arrival.at - registeredAt), waitedMs, answered: arrival.answered };
}

export async function registerWithProvider(input: RegisterWithProviderInput): Promise<RegisterReport> {
  const clock = input.clock ?? systemClock;
  const counters = input.counters ?? newRegisterCounters();
  const timeoutMs = Math.max(1, Math.min(REGISTER_TIMEOUT_MS, input.timeoutMs ?? REGISTER_TIMEOUT_MS));
  const domain = input.request.domain ?? input.targetHost;
  const aor = addressOfRecord(input.request.user, domain);
  let cseq = 0;
  const party: RegistrationParty = {
    endpoint: input.endpoint,
    target: input.target,
    // §10.2: the registrar's domain; its port when we reach it on another than 5060 (§19.1.2).
    requestUri: domain === input.targetHost && input.target.port !== SIP_DEFAULT_PORT ? { host: domain, port: input.target.port } : { host: domain },
    user: input.request.user,
    password: input.request.password,
    domain,
    localSentBy: input.localSentBy,
    dialog: newRegisterDialog(),
    version: input.version ?? APP_VERSION,
    clock,
    counters,
    nextCSeq: () => (cseq += 1),
  };
  const timing = { timeoutMs, ...(input.signal ? { signal: input.signal } : {}), ...(input.timerT1Ms ? { t1Ms: input.timerT1Ms } : {}) };
  if (input.signal?.aborted) return emptyReport(aor);

  const target = formatAddress(input.target);
  const registration = await exchangeRegister(party, { ...timing, expiresSec: input.expiresSec ?? REGISTER_EXPIRES_SEC });
  if (registration.kind === 'invalid') return emptyReport(aor);
  const contact = registration.sent.contact;
  const report = reportOf(aor, contact, registration);

  // A cancelled REGISTER may still have been registered: remove it, briefly. Anything else
  // that did not register leaves nothing behind.
  const cancelled = registration.kind === 'timeout' && registration.aborted;
  if (report.outcome !== 'registered' && !cancelled) return report;

  let inbound: RegisterInbound | null = null;
  const responder = startResponder({ endpoint: input.endpoint, provider: input.target, contactUser: escapeSipUser(input.request.user), server: `TrunkCheck/${party.version}`, clock, counters });
  try {
    // A wait of 0 s is no wait: the report says "not waited for", not "nothing arrived".
    if (report.outcome === 'registered' && registration.kind !== 'timeout' && inboundWaitMs(input.request) > 0) {
      inbound = await waitForInbound(responder.first, registration.answeredAt, input, clock);
    }
    input.progress?.({ code: 'register/unregister', target }, null);
    responder.countStrays(false);
    const aborted = input.signal?.aborted === true;
    const removal = await exchangeRegister(party, { expiresSec: 0, timeoutMs: aborted ? Math.min(timeoutMs, UNREGISTER_AFTER_CANCEL_MS) : timeoutMs, ...(input.timerT1Ms ? { t1Ms: input.timerT1Ms } : {}) });
    const unregistered = removal.kind === 'final' && removal.response.status >= 200 && removal.response.status < 300;
    return { ...report, inbound, unregistered };
  } finally {
    responder.stop();
  }
}
