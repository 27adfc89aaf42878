// One UDP question to the router, on a socket connected to it: the kernel then delivers only
// datagrams from the router's address and port (the source check RFC 6886 §3.1 asks for), and
// an ICMP port unreachable from the router arrives as an error (ECONNREFUSED on Linux,
// WSAECONNRESET on Windows), so a router without the service is known at once instead of at
// the end of the time allowed.
import { createSocket } from 'node:dgram';
import type { Decoded } from '../../../shared/gateway/decoded';

export type Exchange<T> =
  | { readonly kind: 'answer'; readonly value: T; readonly ms: number }
  | { readonly kind: 'malformed'; readonly where: string } // only undecodable answers came
  | { readonly kind: 'closed' } // ICMP port unreachable: nothing listens there
  | { readonly kind: 'silent' } // no answer in time, or the router could not be reached at all
  | { readonly kind: 'cancelled' };

export interface ExchangeOptions {
  readonly sends: readonly number[]; // ms after the start at which the request goes out
  readonly deadline: number; // performance.now() at which waiting ends
  readonly signal: AbortSignal;
}

// `request` gets the local address the kernel chose towards the router (PCP carries it, RFC
// 6887 §7.1) and the number of the send (0 first), and gives the datagrams to send then;
// none at the first send: nothing to send from there.
export function exchange<T>(
  to: { readonly ip: string; readonly port: number },
  request: (localIp: string, send: number) => readonly Uint8Array[],
  decode: (bytes: Uint8Array) => Decoded<T>,
  options: ExchangeOptions,
): Promise<Exchange<T>> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const timers: NodeJS.Timeout[] = [];
    let malformed: string | undefined;
    let done = false;
    const finish = (outcome: Exchange<T>): void => {
      if (done) return;
      done = true;
      for (const timer of timers) clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      try {
        socket.close();
      } catch {
        // Already closed: nothing left to release.
      }
      resolve(outcome);
    };
    const onAbort = (): void => finish({ kind: 'cancelled' });
    if (options.signal.aborted) return finish({ kind: 'cancelled' });
    options.signal.addEventListener('abort', onAbort, { once: true });
    timers.push(setTimeout(() => finish(malformed === undefined ? { kind: 'silent' } : { kind: 'malformed', where: malformed }), Math.max(0, options.deadline - started)));

    socket.on('error', (error: NodeJS.ErrnoException) => finish(error.code === 'ECONNREFUSED' || error.code === 'ECONNRESET' ? { kind: 'closed' } : { kind: 'silent' }));
    socket.on('message', (message) => {
      const answer = decode(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
      if (answer.ok) finish({ kind: 'answer', value: answer.value, ms: performance.now() - started });
      else malformed = answer.where;
    });
    socket.connect(to.port, to.ip, () => {
      if (done) return;
      const localIp = socket.address().address;
      if (request(localIp, 0).length === 0) return finish({ kind: 'silent' });
      options.sends.forEach((at, send) => {
        timers.push(
          setTimeout(() => {
            // A failed send shows as an 'error' event or as silence.
            for (const datagram of request(localIp, send)) if (!done) socket.send(datagram, () => undefined);
          }, Math.max(0, at - (performance.now() - started))),
        );
      });
    });
  });
}

// RFC 6886 §3.1: the first request, then again after 250 ms, the interval doubling each time;
// only the sends that fit into the time allowed.
export function natPmpSends(budgetMs: number): number[] {
  const sends: number[] = [];
  for (let at = 0, interval = 250; at < budgetMs && sends.length < 9; at += interval, interval *= 2) sends.push(at);
  return sends;
}
