// After the registrar's 2xx: answer what the provider sends to the registered contact (an
// OPTIONS ping, a NOTIFY) as the PBX would (shared/sip/server-response.ts), and note the first
// one: it came in through the NAT binding the REGISTER opened, the proof that inbound signalling
// reaches the PBX. A retransmitted request gets the same answer again (RFC 3261 §17.2.2).
// Requests from elsewhere for other users (a scanner on port 5060) are counted, not answered.
import type { TransportAddress } from '../../../shared/address';
import { randomBytes, toHex } from '../../../shared/bytes';
import { getHeader, isSipError, parseSipMessage, type SipMessage } from '../../../shared/sip/message';
import { answerFor, buildResponse } from '../../../shared/sip/server-response';
import { parseVia } from '../../../shared/sip/via';
import type { Clock } from '../../net/clock';
import type { UdpEndpoint } from '../../net/udp-endpoint';
import type { RegisterCounters } from './transaction';

export interface InboundArrival {
  readonly method: string;
  readonly from: TransportAddress;
  readonly at: number;               // clock time
  readonly answered: number | null;  // null: ACK, which is never answered
}

export interface Responder {
  readonly first: Promise<InboundArrival>;  // settles with the first request from the provider
  // While no REGISTER is open the responder counts what else arrives (the transaction does otherwise).
  countStrays(on: boolean): void;
  stop(): void;
}

export interface ResponderOptions {
  readonly endpoint: UdpEndpoint;
  readonly provider: TransportAddress;
  readonly contactUser: string;             // the escaped user part of our Contact
  readonly server: string;                  // Server: TrunkCheck/<version>
  readonly clock: Clock;
  readonly counters: RegisterCounters;
}

const REMEMBERED_ANSWERS = 32;

// From the provider: sent from the registrar's address, or (a provider pinging from another
// host) addressed to our contact's user.
function fromProvider(message: SipMessage, from: TransportAddress, options: ResponderOptions): boolean {
  if (from.ip === options.provider.ip) return true;
  if (message.start.kind !== 'request') return false;
  const user = /^sips?:([^@;?]+)@/i.exec(message.start.uri)?.[1];
  return user === options.contactUser;
}

export function startResponder(options: ResponderOptions): Responder {
  const { endpoint, clock, counters } = options;
  const toTag = toHex(randomBytes(6));
  const answers = new Map<string, Uint8Array>(); // top Via branch + CSeq → the answer sent
  let resolveFirst: (arrival: InboundArrival) => void = () => undefined;
  const first = new Promise<InboundArrival>((resolve) => (resolveFirst = resolve));
  let counting = true;

  const unsubscribe = endpoint.onSip((data, from) => {
    let message: SipMessage;
    try {
      message = parseSipMessage(data);
    } catch (error) {
      if (!isSipError(error)) throw error;
      if (counting) counters.malformed += 1; // garbage is never answered
      return;
    }
    if (message.start.kind !== 'request') {
      if (counting) counters.unmatched += 1; // no transaction of ours is open
      return;
    }
    if (!fromProvider(message, from, options)) {
      counters.foreign += 1;
      return;
    }
    const method = message.start.method;
    const key = `${parseVia(getHeader(message, 'Via') ?? '')?.params.branch ?? ''} ${getHeader(message, 'CSeq') ?? ''}`;
    const answer = answerFor(method);
    let bytes = answers.get(key);
    if (answer !== null && bytes === undefined) {
      bytes = buildResponse(message, { ...answer, toTag, source: from, server: options.server })?.bytes;
      if (bytes !== undefined) {
        if (answers.size >= REMEMBERED_ANSWERS) answers.delete(answers.keys().next().value as string);
        answers.set(key, bytes);
      }
    }
    // §18.2.2 with RFC 3581 §4: the answer goes to the packet's source, i.e. back through the NAT.
    if (bytes !== undefined) {
      endpoint.send(bytes, from);
      counters.answered += 1;
    }
    resolveFirst({ method, from, at: clock.now(), answered: bytes === undefined ? null : (answer?.status ?? null) });
  });

  return { first, countStrays: (on) => (counting = on), stop: unsubscribe };
}
