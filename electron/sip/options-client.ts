// A SIP OPTIONS ping as a non-INVITE client transaction over UDP (RFC 3261 §17.1.2; the
// transaction itself, its timers and counters, is electron/sip/non-invite-transaction.ts).
// Any final response proves the provider is reachable, whatever its status:
// 401/407 (authentication wanted), 403, 404, 405, 501 all came back through the NAT.
import { formatAddress, isValidPort, type TransportAddress } from '../../shared/address';
import type { ErrorData } from '../../shared/result';
import { clampText } from '../../shared/text/messages/fields';
import type { RuleMessage } from '../../shared/text/messages/rules';
import { buildOptionsRequest, SIP_DEFAULT_PORT } from '../../shared/sip/options-request';
import { readOptionsDatagram } from '../../shared/sip/options-response';
import type { SipHeader } from '../../shared/sip/message';
import { systemClock, type Clock } from '../net/clock';
import type { UdpEndpoint } from '../net/udp-endpoint';
import { APP_VERSION } from '../version';
import { runNonInviteTransaction, TIMER_T1_MS, type TransactionCounters } from './non-invite-transaction';

export interface SendOptionsOptions {
  readonly requestUriHost: string;
  // Written into the Request-URI; by default the target's port unless it is 5060 (RFC 3261 §19.1.2).
  readonly requestUriPort?: number;
  // The PBX's own address and SIP port as it would write them in Via and Contact.
  readonly localSentBy: { readonly ip: string; readonly port: number };
  readonly clock?: Clock;
  readonly timerT1Ms?: number;
  readonly timerT2Ms?: number;
  // Timer F, 64·T1 = 32 s by the RFC (§17.1.2.2); a wizard may cap it lower.
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly rport?: boolean;        // default true (RFC 3581)
  readonly version?: string;       // User-Agent version, default the app's
  readonly cseq?: number;
}

export type SipOptionsCounters = TransactionCounters;

export interface SentOptions {
  readonly branch: string;
  readonly callId: string;
  readonly cseq: number;
  readonly fromTag: string;
  readonly via: string;
  readonly from: string;
  readonly contact: string;
  readonly requestUri: string;
  readonly target: TransportAddress;
}

export type SipOptionsOutcome =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly reason: string;
      readonly rttMs: number;               // from the latest send to the answer
      readonly rttExact: boolean;           // only one request went out (Karn)
      readonly firstSendToAnswerMs: number;
      readonly requestsSent: number;
      readonly from: TransportAddress;
      readonly via: { readonly received: string | null; readonly rport: number | null };
      readonly topVia: string;              // the top Via as it came back, for the ALG check
      readonly server: string | null;
      readonly userAgent: string | null;
      readonly headers: readonly SipHeader[];
      readonly provisional: readonly number[];
      readonly counters: SipOptionsCounters;
      readonly request: SentOptions;
      readonly at: string;                  // ISO time of the answer
    }
  | {
      readonly kind: 'timeout';
      readonly requestsSent: number;
      readonly waitedMs: number;
      readonly aborted: boolean;
      readonly provisional: readonly number[];
      readonly counters: SipOptionsCounters;
      readonly request: SentOptions;
    }
  | { readonly kind: 'invalid'; readonly error: ErrorData };

export async function sendOptions(endpoint: UdpEndpoint, target: TransportAddress, options: SendOptionsOptions): Promise<SipOptionsOutcome> {
  const t1 = options.timerT1Ms ?? TIMER_T1_MS;
  const uriPort = options.requestUriPort ?? (target.port === SIP_DEFAULT_PORT ? undefined : target.port);
  const built = buildOptionsRequest({
    requestUri: { host: options.requestUriHost, ...(uriPort === undefined ? {} : { port: uriPort }) },
    localSentBy: options.localSentBy,
    version: options.version ?? APP_VERSION,
    ...(options.rport === undefined ? {} : { rport: options.rport }),
    ...(options.cseq === undefined ? {} : { cseq: options.cseq }),
  });
  if (!built.ok) return { kind: 'invalid', error: built.error };
  const request = built.value;
  const sent: SentOptions = { branch: request.branch, callId: request.callId, cseq: request.cseq, fromTag: request.fromTag, via: request.via, from: request.from, contact: request.contact, requestUri: request.requestUri, target };
  const counters: SipOptionsCounters = { malformed: 0, unmatched: 0, requests: 0, provisional: 0 };
  const result = await runNonInviteTransaction(
    endpoint,
    target,
    request.bytes,
    (data) => readOptionsDatagram(data, request),
    {
      clock: options.clock ?? systemClock,
      timeoutMs: options.timeoutMs ?? 64 * t1,
      t1Ms: t1,
      ...(options.timerT2Ms === undefined ? {} : { t2Ms: options.timerT2Ms }),
      ...(options.signal ? { signal: options.signal } : {}),
    },
    counters,
  );
  if (result.kind === 'timeout') {
    return { kind: 'timeout', requestsSent: result.requestsSent, waitedMs: result.endedAt - result.firstSentAt, aborted: result.aborted, provisional: result.provisional, counters: { ...counters }, request: sent };
  }
  const { response } = result;
  return {
    kind: 'response',
    status: response.status,
    reason: response.reason,
    rttMs: result.answeredAt - result.lastSentAt,
    rttExact: result.requestsSent === 1,
    firstSendToAnswerMs: result.answeredAt - result.firstSentAt,
    requestsSent: result.requestsSent,
    from: result.from,
    via: { received: response.received, rport: response.rport },
    topVia: response.topVia,
    server: response.server,
    userAgent: response.userAgent,
    headers: response.headers,
    provisional: result.provisional,
    counters: { ...counters },
    request: sent,
    at: new Date().toISOString(),
  };
}

// The outcome as the report's evidence: a code and its values (worded by shared/text).
export function optionsEvidence(outcome: SipOptionsOutcome, target: TransportAddress): RuleMessage {
  const where = formatAddress(target);
  switch (outcome.kind) {
    case 'response': {
      const who = outcome.server ?? outcome.userAgent;
      return {
        code: 'options/answered',
        target: where,
        status: outcome.status,
        reason: clampText(outcome.reason),
        server: who ? clampText(who) : null,
        rttMs: Math.round(outcome.rttMs),
        received: outcome.via.received === null ? null : clampText(outcome.via.received),
        rport: outcome.via.rport !== null && isValidPort(outcome.via.rport) ? outcome.via.rport : null,
      };
    }
    case 'timeout':
      return outcome.aborted
        ? { code: 'options/cancelled', target: where, requests: outcome.requestsSent }
        : { code: 'options/no-answer', target: where, requests: outcome.requestsSent, waitedMs: Math.round(outcome.waitedMs) };
    case 'invalid':
      return { code: 'options/not-asked', target: where, reason: 'not-sent' };
  }
}
