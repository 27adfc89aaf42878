// The STUN retransmission schedule over UDP, RFC 8489 §6.2.1: send at 0, RTO, 3·RTO, 7·RTO …
// (the interval doubles), Rc requests in all, then wait Rm·RTO after the last one.
// With the RFC defaults (RTO 500 ms, Rc 7, Rm 16) a transaction gives up after 39.5 s.

export interface RetransmitPolicy {
  readonly rtoMs: number;  // initial RTO; RFC 8489 §6.2.1 recommends ≥ 500 ms when nothing is known
  readonly rc: number;     // requests in all, default 7
  readonly rm: number;     // final wait in multiples of RTO, default 16
  readonly deadlineMs?: number; // an overall cap, for checks a person waits for
}

export const RFC8489_DEFAULT: RetransmitPolicy = { rtoMs: 500, rc: 7, rm: 16 };

// Times (ms after the first send) at which each request goes out, and when the transaction ends.
export function retransmitSchedule(policy: RetransmitPolicy): { sends: number[]; endMs: number } {
  const sends: number[] = [];
  let at = 0;
  let interval = policy.rtoMs;
  for (let i = 0; i < Math.max(1, policy.rc); i++) {
    sends.push(at);
    at += interval;
    interval *= 2;
  }
  const last = sends[sends.length - 1] ?? 0;
  let endMs = last + policy.rm * policy.rtoMs;
  if (policy.deadlineMs !== undefined && policy.deadlineMs < endMs) {
    endMs = policy.deadlineMs;
    while (sends.length > 1 && (sends[sends.length - 1] ?? 0) >= endMs) sends.pop();
  }
  return { sends, endMs };
}

// RFC 8489 §6.2.1: once an RTT is known, RTO may follow it (SRTT + 4·RTTVAR, RFC 6298),
// never below a floor that keeps a loaded PBX server from racing its own retransmissions.
export function rtoFromRtt(rttMs: number, floorMs = 100): number {
  return Math.max(floorMs, Math.ceil(3 * rttMs));
}

export interface Schedule {
  readonly sends: readonly number[];
  readonly endMs: number;
}

// The least a test that may get no answer waits after its last copy, whatever the round trip:
// on a LAN-fast line four round trips are a few milliseconds, and the copies' own spread (five
// spacings, at least 50 ms) already gives the first copy's answer that much longer. Waiting
// longer on a fast line proves nothing more and is paid by every diagnosis.
export const NO_ANSWER_FLOOR_MS = 50;

// For tests that may rightly get *no* answer (RFC 5780 filtering, hairpinning, lifetime): a
// short train of copies spaced by about half a round trip, then a wait of a few round trips.
// Waiting the RFC's 39.5 s would prove nothing more; sending several copies is what keeps
// the verdict right on a lossy line (at 20 % loss each way, six copies all go unanswered with
// probability 0.36⁶ ≈ 0.2 %).
export function noAnswerSchedule(rttMs: number, copies = 6): Schedule {
  const spacing = Math.min(100, Math.max(10, rttMs / 2));
  const sends = Array.from({ length: copies }, (_, i) => Math.round(i * spacing));
  const last = sends[sends.length - 1] ?? 0;
  return { sends, endMs: last + Math.max(NO_ANSWER_FLOOR_MS, Math.ceil(4 * rttMs)) };
}

// For follow-up requests that should be answered, once the server's round trip is known:
// the RFC 8489 doubling, starting from an RTO that follows the measured RTT.
export function answeredSchedule(rttMs: number, deadlineMs = 4000): Schedule {
  return retransmitSchedule({ rtoMs: rtoFromRtt(rttMs), rc: 7, rm: 4, deadlineMs });
}
