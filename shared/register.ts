// Registering with the provider (issue 16): the report's `sip.register` section and what a run
// is asked to do. Both sides read these shapes: electron/sip/register/ produces them, the
// renderer and the exporters word them through shared/text. No field ever holds the password.
import type { TransportAddress } from './address';

// RFC 8760 §2: the digest algorithms SIP may use; we answer MD5 and SHA-256 (RFC 7616 §3.2).
export const DIGEST_ALGORITHMS = ['MD5', 'SHA-256'] as const;
export type DigestAlgorithm = (typeof DIGEST_ALGORITHMS)[number];

// How the REGISTER transaction ended:
//   registered         a 2xx (after at most one challenge answered)
//   wrong-credentials  a second challenge after our answer, or 403 (RFC 3261 §22.2, §21.4.4)
//   refused            another final status (404 unknown user, 423 interval too brief, 5xx, …)
//   unsupported        a challenge we cannot answer (algorithm or qop we do not speak)
//   no-answer          Timer F ran out (RFC 3261 §17.1.2.2)
//   not-sent           nothing was sent (no SIP server, the SIP port could not be used, cancelled first)
export const REGISTER_OUTCOMES = ['registered', 'wrong-credentials', 'refused', 'unsupported', 'no-answer', 'not-sent'] as const;
export type RegisterOutcome = (typeof REGISTER_OUTCOMES)[number];

// The provider's own request arriving at the SIP port through the NAT binding after the
// registration (an OPTIONS ping, a NOTIFY): the proof of rule 2 and of the keep-alive.
export interface RegisterInbound {
  readonly received: boolean;
  readonly method: string | null;           // OPTIONS, NOTIFY, …
  readonly from: TransportAddress | null;   // the datagram's source
  readonly afterMs: number | null;          // from the 2xx to the request's arrival
  readonly waitedMs: number;                // how long we listened in all
  readonly answered: number | null;         // the status we answered with (200 to OPTIONS)
}

export interface RegisterReport {
  readonly aor: string;                     // the address of record, sip:user@domain (no password)
  readonly outcome: RegisterOutcome;
  readonly status: number | null;           // the final status of the last REGISTER
  readonly reason: string | null;           // its reason phrase (one line, bounded)
  readonly challenged: boolean;             // a 401/407 came and was answered
  readonly algorithm: DigestAlgorithm | null; // the algorithm answered
  readonly expiresSec: number | null;       // the expiry the registrar granted our contact
  readonly contact: string | null;          // the Contact URI we registered
  readonly via: { readonly received: string | null; readonly rport: number | null }; // what the registrar saw (RFC 3581)
  readonly rttMs: number | null;            // first request to final response
  readonly unregistered: boolean | null;    // Expires: 0 answered 2xx; null: not attempted
  readonly inbound: RegisterInbound | null; // null: not waited for (no registration, or a wait of 0 s)
}

// What a diagnosis is asked to register with. Lives in memory for one run only: it is never
// written to a file, a report, the history or a log.
export interface RegisterRequest {
  readonly user: string;                    // the user part of the AOR, and the digest username
  readonly password: string;
  readonly domain?: string;                 // the AOR's domain; default: the SIP server's host
  readonly inboundWaitSec?: number;         // how long to wait for the provider's request (default REGISTER_INBOUND_WAIT_SEC)
}

export const REGISTER_INBOUND_WAIT_SEC = 30;   // default wait for the provider's ping
export const REGISTER_INBOUND_WAIT_MAX_SEC = 300;
export const REGISTER_EXPIRES_SEC = 120;       // asked for: short, so a test that dies leaves little behind
