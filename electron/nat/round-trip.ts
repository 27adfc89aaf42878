// An exact round trip when test I's is ambiguous. After a retransmission nothing tells which copy
// was answered (Karn's rule, RFC 6298 §3), and the tests that wait for silence would have to
// assume a slow line (a wait of seconds). A few Binding requests, each sent once at the same
// moment as its own transaction, give an exact sample with the first answer: on a line that lost
// test I's first request, at least one of three gets through in most runs.
import type { TransportAddress } from '../../shared/address';
import { sendBinding } from '../net/binding';
import type { StunClient } from '../net/stun-client';

export async function exactRoundTrip(client: StunClient, server: TransportAddress, waitMs: number, signal?: AbortSignal, copies = 3): Promise<number | null> {
  const answered = new AbortController();
  const stop = signal ? AbortSignal.any([signal, answered.signal]) : answered.signal;
  let best: number | null = null;
  await Promise.all(
    Array.from({ length: copies }, async () => {
      const result = await sendBinding(client, server, { schedule: { sends: [0], endMs: waitMs }, signal: stop });
      if (!result.ok || !result.outcome.rttExact) return;
      best = best === null ? result.outcome.rttMs : Math.min(best, result.outcome.rttMs);
      // One sample is enough: the other requests stop waiting.
      answered.abort();
    }),
  );
  return best;
}
