// What a registration counts: its REGISTER transactions count like any non-INVITE client
// transaction (electron/sip/non-invite-transaction.ts, run by ./exchange.ts), and the
// responder (./responder.ts) counts the requests it answered or left alone.
import type { TransactionCounters } from '../non-invite-transaction';

export interface RegisterCounters extends TransactionCounters {
  foreign: number;      // requests not from the provider during the inbound wait, left unanswered
  answered: number;     // requests from the provider we answered (retransmissions included)
}

export function newRegisterCounters(): RegisterCounters {
  return { malformed: 0, unmatched: 0, requests: 0, provisional: 0, foreign: 0, answered: 0 };
}
