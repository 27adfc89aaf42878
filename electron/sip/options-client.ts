// A SIP OPTIONS ping as a non-INVITE client transaction over UDP (RFC 3261 §17.1.2), on the
// UdpEndpoint that STUN uses too, so it travels through the NAT binding STUN measured.
// Timer E retransmits at T1, doubling up to T2 (to T2 at once after a 1xx); Timer F ends the
// transaction. Any final response proves the provider is reachable, whatever its status:
// 401/407 (authentication wanted), 403, 404, 405, 501 all came back through the NAT.
// A timeout is an outcome; datagrams that are not our answer are counted, never thrown.
import { formatAddress, isValidPort, type TransportAddress } from '../../shared/address';
import type { ErrorData } from '../../shared/result';
import { clampText } from '../../shared/text/messages/fields';
import type { RuleMessage } from '../../shared/text/messages/rules';
import { buildOptionsRequest, SIP_DEFAULT_PORT } from '../../shared/sip/options-request';
import { readOptionsDatagram, type OptionsResponse } from '../../shared/sip/options-response';
import type { SipHeader } from '../../shared/sip/message';
import { systemClock, type Clock } from '../net/clock';
import type { UdpEndpoint } from '../net/udp-endpoint';
import { APP_VERSION } from '../version';

export const TIMER_T1_MS = 500;   // RFC 3261 §17.1.1.1: RTT estimate
export const TIMER_T2_MS = 4000;  // RFC 3261 §17.1.2.2: maximum retransmit interval for non-INVITE

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

export interface SipOptionsCounters {
  malformed: number;    // not parseable as SIP, or a response missing what RFC 3261 §8.1.3.3 requires
  unmatched: number;    // a SIP response to another transaction (branch, Call-ID or CSeq differ)
  requests: number;     // SIP requests that arrived meanwhile (they are not answered here)
  provisional: number;  // 1xx for our transaction
}

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

const MAX_NOTED_PROVISIONAL = 8;

export function sendOptions(endpoint: UdpEndpoint, target: TransportAddress, options: SendOptionsOptions): Promise<SipOptionsOutcome> {
  const clock = options.clock ?? systemClock;
  const t1 = options.timerT1Ms ?? TIMER_T1_MS;
  const t2 = Math.max(t1, options.timerT2Ms ?? TIMER_T2_MS);
  const timerF = options.timeoutMs ?? 64 * t1;
  const uriPort = options.requestUriPort ?? (target.port === SIP_DEFAULT_PORT ? undefined : target.port);
  const built = buildOptionsRequest({
    requestUri: { host: options.requestUriHost, ...(uriPort === undefined ? {} : { port: uriPort }) },
    localSentBy: options.localSentBy,
    version: options.version ?? APP_VERSION,
    ...(options.rport === undefined ? {} : { rport: options.rport }),
    ...(options.cseq === undefined ? {} : { cseq: options.cseq }),
  });
  if (!built.ok) return Promise.resolve({ kind: 'invalid', error: built.error });
  const request = built.value;
  const sent: SentOptions = { branch: request.branch, callId: request.callId, cseq: request.cseq, fromTag: request.fromTag, via: request.via, from: request.from, contact: request.contact, requestUri: request.requestUri, target };
  const counters: SipOptionsCounters = { malformed: 0, unmatched: 0, requests: 0, provisional: 0 };
  const provisional: number[] = [];

  return new Promise<SipOptionsOutcome>((resolve) => {
    const start = clock.now();
    let lastSend = start;
    let requestsSent = 0;
    let interval = t1;
    let proceeding = false;
    let timerE: unknown;
    let finished = false;

    const finish = (outcome: SipOptionsOutcome): void => {
      if (finished) return;
      finished = true;
      clock.clearTimeout(timerE);
      clock.clearTimeout(timerFHandle);
      unsubscribe();
      options.signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const timeout = (aborted: boolean): void =>
      finish({ kind: 'timeout', requestsSent, waitedMs: clock.now() - start, aborted, provisional: [...provisional], counters: { ...counters }, request: sent });
    const onAbort = (): void => timeout(true);

    const transmit = (): void => {
      lastSend = clock.now();
      requestsSent += 1;
      endpoint.send(request.bytes, target);
    };
    // Timer E (§17.1.2.2): min(2·E, T2) in Trying, T2 in Proceeding.
    const armTimerE = (): void => {
      timerE = clock.setTimeout(() => {
        transmit();
        interval = proceeding ? t2 : Math.min(2 * interval, t2);
        armTimerE();
      }, interval);
    };

    const accept = (response: OptionsResponse, from: TransportAddress): void => {
      const now = clock.now();
      finish({
        kind: 'response',
        status: response.status,
        reason: response.reason,
        rttMs: now - lastSend,
        rttExact: requestsSent === 1,
        firstSendToAnswerMs: now - start,
        requestsSent,
        from,
        via: { received: response.received, rport: response.rport },
        topVia: response.topVia,
        server: response.server,
        userAgent: response.userAgent,
        headers: response.headers,
        provisional: [...provisional],
        counters: { ...counters },
        request: sent,
        at: new Date().toISOString(),
      });
    };

    const unsubscribe = endpoint.onSip((data, from) => {
      if (finished) return;
      const reading = readOptionsDatagram(data, request);
      switch (reading.kind) {
        case 'malformed':
          counters.malformed += 1;
          return;
        case 'unmatched':
          counters.unmatched += 1;
          return;
        case 'request':
          counters.requests += 1;
          return;
        case 'provisional':
          counters.provisional += 1;
          if (provisional.length < MAX_NOTED_PROVISIONAL) provisional.push(reading.response.status);
          if (!proceeding) {
            // §17.1.2.2: in Proceeding, retransmit every T2 from now on.
            proceeding = true;
            interval = t2;
            clock.clearTimeout(timerE);
            armTimerE();
          }
          return;
        case 'final':
          accept(reading.response, from);
      }
    });

    const timerFHandle = clock.setTimeout(() => timeout(false), timerF);
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    transmit();
    armTimerE();
  });
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
