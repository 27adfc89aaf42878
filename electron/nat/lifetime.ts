// Binding lifetime (RFC 5780 §4.6): how long the NAT keeps an idle mapping open. One socket
// per probed delay makes a binding at once; after its delay, another socket asks the server
// (RESPONSE-PORT, RFC 5780 §7.5) to answer to that binding's public port. If the answer
// arrives, the binding was still alive. Each binding is probed only once, because the answer
// itself would refresh it; all delays run at the same time, so the test takes the longest one.
import { formatAddress, type TransportAddress } from '../../shared/address';
import { bytesEqual } from '../../shared/bytes';
import { buildBindingRequest, decodeMessage, isStunError } from '../../shared/stun';
import type { Result } from '../../shared/result';
import type { LifetimeFailure, NatMessage } from '../../shared/text/messages/nat';
import { sendBinding } from '../net/binding';
import { answeredSchedule, noAnswerSchedule } from '../net/retransmit';
import { StunClient } from '../net/stun-client';
import type { UdpEndpoint } from '../net/udp-endpoint';

export interface LifetimeResult {
  readonly aliveAfterSec: number[];
  readonly deadAfterSec: number[];
  readonly reason: NatMessage;               // lifetime/*
  readonly lowerBoundSec: number | null; // the longest idle time a binding survived
}

export interface LifetimeOptions {
  readonly server: TransportAddress;
  readonly delaysSec: readonly number[];
  readonly rttMs: number;
  readonly openSocket: () => Promise<Result<UdpEndpoint>>;
  readonly asker: StunClient;
  readonly signal?: AbortSignal;
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

type Verdict = 'alive' | 'dead' | { unusable: LifetimeFailure };

async function probeOne(options: LifetimeOptions, delaySec: number): Promise<Verdict> {
  const opened = await options.openSocket();
  if (!opened.ok) return { unusable: 'socket' };
  const endpoint = opened.value;
  const client = new StunClient(endpoint);
  try {
    const made = await sendBinding(client, options.server, { schedule: answeredSchedule(options.rttMs) });
    if (!made.ok) return { unusable: 'no-binding' };
    await sleep(delaySec * 1000, options.signal);
    if (options.signal?.aborted) return { unusable: 'cancelled' };

    const { bytes, transactionId } = buildBindingRequest({ responsePort: made.evidence.mapped.port });
    const arrived = new Promise<boolean>((resolve) => {
      const stop = endpoint.onStun((data) => {
        try {
          if (bytesEqual(decodeMessage(data).transactionId, transactionId)) {
            stop();
            resolve(true);
          }
        } catch (error) {
          if (!isStunError(error)) throw error;
        }
      });
      setTimeout(() => {
        stop();
        resolve(false);
      }, noAnswerSchedule(options.rttMs).endMs + 50);
    });
    // The asker must *not* get the answer: a server that ignores RESPONSE-PORT answers it.
    const asked = options.asker.transact(bytes, transactionId, options.server, { schedule: noAnswerSchedule(options.rttMs), acceptFrom: 'any' });
    const [gotIt, askerOutcome] = await Promise.all([arrived, asked]);
    if (gotIt) return 'alive';
    if (askerOutcome.kind === 'response') return { unusable: 'response-port-ignored' };
    return 'dead';
  } finally {
    client.dispose();
    await endpoint.close();
  }
}

export async function probeLifetime(options: LifetimeOptions): Promise<LifetimeResult> {
  const verdicts = await Promise.all(options.delaysSec.map((delay) => probeOne(options, delay)));
  const unusable = verdicts.find((verdict): verdict is { unusable: LifetimeFailure } => typeof verdict === 'object');
  const aliveAfterSec = options.delaysSec.filter((_, i) => verdicts[i] === 'alive');
  const deadAfterSec = options.delaysSec.filter((_, i) => verdicts[i] === 'dead');
  if (unusable !== undefined && aliveAfterSec.length + deadAfterSec.length === 0) {
    return { aliveAfterSec, deadAfterSec, lowerBoundSec: null, reason: { code: 'lifetime/not-measured', why: unusable.unusable, server: formatAddress(options.server) } };
  }
  // Bindings can only die, never come back: the lower bound is the longest delay survived
  // below the first one that died.
  const firstDead = Math.min(...deadAfterSec, Infinity);
  const survived = aliveAfterSec.filter((delay) => delay < firstDead);
  const lowerBoundSec = survived.length > 0 ? Math.max(...survived) : null;
  const reason: NatMessage =
    firstDead === Infinity
      ? { code: 'lifetime/survived-all', delays: [...options.delaysSec] }
      : lowerBoundSec === null
        ? { code: 'lifetime/gone-at-first', dead: firstDead }
        : { code: 'lifetime/between', alive: lowerBoundSec, dead: firstDead };
  return { aliveAfterSec, deadAfterSec, lowerBoundSec, reason };
}

// The keep-alive interval a PBX needs: its own default when the binding outlives it,
// otherwise the longest idle time proven safe.
export function recommendKeepalive(lifetime: LifetimeResult, profileKeepaliveSec: number): { intervalSec: number | null; enough: boolean | null } {
  if (lifetime.lowerBoundSec === null && lifetime.deadAfterSec.length === 0) return { intervalSec: null, enough: null };
  if (lifetime.lowerBoundSec !== null && lifetime.lowerBoundSec >= profileKeepaliveSec && Math.min(...lifetime.deadAfterSec, Infinity) > profileKeepaliveSec) {
    return { intervalSec: profileKeepaliveSec, enough: true };
  }
  return { intervalSec: lifetime.lowerBoundSec === null ? 1 : Math.max(1, Math.floor(lifetime.lowerBoundSec)), enough: false };
}
