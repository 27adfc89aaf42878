// The line-quality findings (QualitySection.findings) and the keep-alive reasoning
// (KeepaliveSection.reason), as codes with values; the catalog words the numbers per language.
import { amount, codesOf, guardOf, type MessageIn, type MessagesOf } from './area';
import { count } from './fields';

export const QUALITY_MESSAGES = {
  'quality/loss-pass': { oneWay: amount, roundTrip: amount, limit: amount },
  'quality/loss-fail': { oneWay: amount, roundTrip: amount, limit: amount },
  'quality/jitter-pass': { jitter: amount, limit: amount },
  'quality/jitter-fail': { jitter: amount, limit: amount },
  'quality/rtt-pass': { avg: amount, p95: amount, limit: amount },
  'quality/rtt-fail': { avg: amount, p95: amount, limit: amount },
  'quality/nothing-sent': {},
  'quality/no-answers': { sent: count },
  'quality/server-stopped': { after: amount, duration: amount, unanswered: count },
  'quality/too-few-for-jitter': {},
  'quality/good': {},
  'quality/bad': {},

  // Why the keep-alive interval is what it is (electron/monitor/interval.ts).
  'keepalive/not-measured': { profile: amount },
  'keepalive/enough': { lifetime: amount, profile: amount },
  'keepalive/shorter': { lifetime: amount, profile: amount, interval: amount },
} as const;

type Table = typeof QUALITY_MESSAGES;
export type QualityCode = keyof Table;
export type QualityMessageOf<C extends QualityCode> = MessageIn<Table, C>;
export type QualityMessage = MessagesOf<Table>;
export type KeepaliveMessage = Extract<QualityMessage, { readonly code: `keepalive/${string}` }>;
export const QUALITY_CODES = codesOf(QUALITY_MESSAGES);
export const isQualityMessage = guardOf(QUALITY_MESSAGES);
