// Line quality from a paced stream of STUN Binding requests, one every 20 ms by default like the
// voice frames of a G.711 call, each sent once (no retransmission: a lost request is a lost
// frame, RFC 8489 §6.2.1 retransmission would hide exactly what is measured).
//
// What STUN round trips can and cannot measure: every sample is a *round trip* PBX → server →
// PBX, timed on this machine's clock only, so no clock sync with the far end is needed.
// - RTT: answer time − send time.
// - Jitter: RFC 3550 §6.4.1 with S = our send time and R = our receive time of the answer,
//   so the "transit time" is the RTT and D(i,j) is the change in RTT between consecutive
//   answers. That is the jitter an RTP receiver would compute if the stream were echoed
//   back; it contains the variation of both directions (and of the server's answering time),
//   so it errs on the high side for either single direction.
// - Loss: unanswered requests are lost in either direction; see shared/quality/jitter.ts
//   oneWayLoss() for the per-direction estimate that is graded.
// - An answer later than answerWaitMs counts as lost, as a jitter buffer would drop it; such
//   late answers are counted separately so loss and extreme delay can be told apart.
// - A server that goes silent for good is not a bad line: when the stream ends in a run of
//   unanswered requests, one more request is retried (RFC 8489 §6.2.1, a short schedule); if
//   that too goes unanswered, the server stopped answering (or a router dropped the binding),
//   the run is reported as `stopped` and left out of the figures.
import { setMaxListeners } from 'node:events';
import type { TransportAddress } from '../../shared/address';
import type { ServerStop } from '../../shared/quality/grade';
import { summarizeSamples, type LineQualityMetrics, type ProbeSample } from '../../shared/quality/jitter';
import { buildBindingRequest } from '../../shared/stun';
import { systemClock, type Clock } from '../net/clock';
import type { StunClient } from '../net/stun-client';

export const DEFAULT_STREAM_RATE = 50;          // requests per second: 20 ms voice frames
export const DEFAULT_STREAM_DURATION_SEC = 10;
export const DEFAULT_ANSWER_WAIT_MS = 1000;
// Half a second of silence at the end (at least 5 requests) is worth asking whether the server is still there.
const silentRunToConfirm = (ratePerSecond: number): number => Math.max(5, Math.round(ratePerSecond / 2));
// The confirming request: sent three times within 0.75 s, then answerWaitMs for an answer.
const CONFIRM_SENDS_MS = [0, 250, 750];

export interface LineQualityOptions {
  readonly client: StunClient;
  readonly server: TransportAddress;
  readonly ratePerSecond?: number;
  readonly durationSec?: number;
  readonly answerWaitMs?: number;
  readonly clock?: Clock;                         // must be the clock the client was built with
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: LineQualityProgress) => void;
}

export interface LineQualityProgress {
  readonly sent: number;
  readonly answered: number;
  readonly planned: number;
  readonly elapsedMs: number;
}

export interface LineQualityResult {
  readonly server: TransportAddress;
  readonly localPort: number;
  readonly ratePerSecond: number;
  readonly durationSec: number;
  readonly answerWaitMs: number;
  readonly planned: number;
  readonly metrics: LineQualityMetrics;
  readonly lateAnswers: number;                   // answers that came after answerWaitMs
  readonly aborted: boolean;
  readonly durationMs: number;
  readonly samples: readonly ProbeSample[];
  readonly stopped?: ServerStop;                  // the server went silent for good; its run is not in metrics
}

interface MutableSample {
  seq: number;
  sentAtMs: number;
  receivedAtMs: number | null;
  cancelled: boolean;
}

export function measureLineQuality(options: LineQualityOptions): Promise<LineQualityResult> {
  const clock = options.clock ?? systemClock;
  const ratePerSecond = options.ratePerSecond ?? DEFAULT_STREAM_RATE;
  const durationSec = options.durationSec ?? DEFAULT_STREAM_DURATION_SEC;
  const answerWaitMs = options.answerWaitMs ?? DEFAULT_ANSWER_WAIT_MS;
  const planned = Math.max(1, Math.round(ratePerSecond * durationSec));
  const periodMs = 1000 / ratePerSecond;
  const progressEvery = Math.max(1, Math.round(ratePerSecond));
  const client = options.client;
  const duplicatesBefore = client.counters.duplicates;
  const cancel = new AbortController();
  // Every request still waiting for its answer listens for the cancel: up to answerWaitMs of them.
  setMaxListeners(Math.ceil((ratePerSecond * answerWaitMs) / 1000) + 10, cancel.signal);
  const samples: MutableSample[] = [];
  const inFlight: Promise<void>[] = [];
  const start = clock.now();
  let answered = 0;
  let timer: unknown;

  const report = (): void =>
    options.onProgress?.({ sent: samples.length, answered, planned, elapsedMs: clock.now() - start });

  return new Promise<LineQualityResult>((resolve) => {
    let finished = false;
    const finish = (stopped?: ServerStop): void => {
      if (finished) return;
      finished = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      report();
      const kept = samples.filter((sample) => !sample.cancelled).map(({ seq, sentAtMs, receivedAtMs }) => ({ seq, sentAtMs, receivedAtMs }));
      resolve({
        server: options.server,
        localPort: client.endpoint.local.port,
        ratePerSecond,
        durationSec,
        answerWaitMs,
        planned,
        metrics: summarizeSamples(stopped === undefined ? kept : kept.slice(0, kept.length - stopped.unanswered)),
        lateAnswers: client.counters.duplicates - duplicatesBefore,
        aborted: cancel.signal.aborted,
        durationMs: clock.now() - start,
        samples: kept,
        ...(stopped === undefined ? {} : { stopped }),
      });
    };
    // After the last request: did the server stop answering, or is this loss on the line?
    const confirmEnd = async (): Promise<ServerStop | undefined> => {
      let lastAnswered = samples.length - 1;
      while (lastAnswered >= 0 && samples[lastAnswered]?.receivedAtMs === null) lastAnswered -= 1;
      const unanswered = samples.length - 1 - lastAnswered;
      if (cancel.signal.aborted || unanswered < silentRunToConfirm(ratePerSecond)) return undefined;
      const { bytes, transactionId } = buildBindingRequest();
      const outcome = await client.transact(bytes, transactionId, options.server, {
        schedule: { sends: CONFIRM_SENDS_MS, endMs: (CONFIRM_SENDS_MS.at(-1) ?? 0) + answerWaitMs },
        signal: cancel.signal,
      });
      if (outcome.kind === 'response' || cancel.signal.aborted) return undefined;
      return { afterMs: samples[lastAnswered + 1]?.sentAtMs ?? 0, unanswered };
    };
    // Cancelling ends the transactions still waiting; they are dropped from the statistics
    // instead of being counted as lost.
    const onAbort = (): void => {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      cancel.abort();
      void Promise.all(inFlight).then(() => finish());
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const sendNext = (): void => {
      timer = undefined;
      const sample: MutableSample = { seq: samples.length, sentAtMs: clock.now() - start, receivedAtMs: null, cancelled: false };
      samples.push(sample);
      const { bytes, transactionId } = buildBindingRequest();
      inFlight.push(
        client.transact(bytes, transactionId, options.server, { schedule: { sends: [0], endMs: answerWaitMs }, signal: cancel.signal }).then((outcome) => {
          if (outcome.kind === 'response') {
            // rttMs is exact: exactly one request went out. Received = sent + RTT keeps both
            // times on the client's clock.
            sample.receivedAtMs = sample.sentAtMs + outcome.rttMs;
            answered += 1;
          } else if (cancel.signal.aborted) {
            sample.cancelled = true;
          }
        }),
      );
      if (samples.length % progressEvery === 0) report();
      if (samples.length < planned) {
        // Scheduled against the start time, so timer lateness does not accumulate as drift.
        timer = clock.setTimeout(sendNext, Math.max(0, start + samples.length * periodMs - clock.now()));
      } else {
        void Promise.all(inFlight).then(confirmEnd).then(finish);
      }
    };
    timer = clock.setTimeout(sendNext, 0);
  });
}
