// Reading a datagram that arrived on the SIP port while an OPTIONS transaction is open: is it
// the answer to it (RFC 3261 §17.1.3: top Via branch and CSeq method; we also require our
// Call-ID and CSeq number), somebody else's, a request, or garbage. Never throws.
import { getHeader, isSipError, parseSipMessage, type SipHeader, type SipMessage } from './message';
import { parseVia, type Via } from './via';

export interface OptionsResponse {
  readonly status: number;
  readonly reason: string;
  readonly topVia: string;                 // the top Via value as received
  readonly via: Via;
  readonly received: string | null;        // RFC 3261 §18.2.1
  readonly rport: number | null;           // RFC 3581 §4
  readonly server: string | null;
  readonly userAgent: string | null;
  readonly headers: readonly SipHeader[];
}

export type DatagramReading =
  | { readonly kind: 'final' | 'provisional'; readonly response: OptionsResponse }
  | { readonly kind: 'unmatched'; readonly reason: string }
  | { readonly kind: 'request'; readonly method: string }
  | { readonly kind: 'malformed'; readonly reason: string };

export interface SentTransaction {
  readonly branch: string;
  readonly callId: string;
  readonly cseq: number;
}

const CSEQ = /^(\d{1,10})\s+([A-Za-z0-9.!%*_+`'~-]+)$/;

export function readOptionsDatagram(data: Uint8Array, sent: SentTransaction): DatagramReading {
  return readResponseDatagram(data, sent, 'OPTIONS');
}

// The same for any non-INVITE client transaction: REGISTER uses it too (electron/sip/register/).
export function readResponseDatagram(data: Uint8Array, sent: SentTransaction, method: string): DatagramReading {
  let message: SipMessage;
  try {
    message = parseSipMessage(data);
  } catch (error) {
    if (!isSipError(error)) throw error;
    return { kind: 'malformed', reason: error.message };
  }
  if (message.start.kind === 'request') return { kind: 'request', method: message.start.method };
  const { status, reason } = message.start;
  // RFC 3261 §7.2: status codes are 100–699; anything else is not a SIP response we can act on.
  if (status < 100 || status > 699) return { kind: 'malformed', reason: `status ${status} is outside 100–699` };
  const topVia = getHeader(message, 'Via');
  const callId = getHeader(message, 'Call-ID');
  const cseqText = getHeader(message, 'CSeq');
  // RFC 3261 §8.1.3.3: a response must carry Via, Call-ID and CSeq.
  if (topVia === undefined || callId === undefined || cseqText === undefined) return { kind: 'malformed', reason: 'a response without Via, Call-ID or CSeq' };
  const via = parseVia(topVia);
  if (via === undefined) return { kind: 'malformed', reason: 'the top Via header cannot be read' };
  const cseq = CSEQ.exec(cseqText);
  if (!cseq) return { kind: 'malformed', reason: 'the CSeq header cannot be read' };
  if (via.params.branch !== sent.branch) return { kind: 'unmatched', reason: 'another branch' };
  if (callId !== sent.callId) return { kind: 'unmatched', reason: 'another Call-ID' };
  if (cseq[2] !== method || Number(cseq[1]) !== sent.cseq) return { kind: 'unmatched', reason: 'another CSeq' };
  const response: OptionsResponse = {
    status,
    reason,
    topVia,
    via,
    received: via.params.received ?? null,
    rport: typeof via.params.rport === 'number' ? via.params.rport : null,
    server: getHeader(message, 'Server') ?? null,
    userAgent: getHeader(message, 'User-Agent') ?? null,
    headers: message.headers,
  };
  return { kind: status < 200 ? 'provisional' : 'final', response };
}
