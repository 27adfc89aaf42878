import { describe, expect, it } from 'vitest';
import { answeredSchedule, noAnswerSchedule, RFC8489_DEFAULT, retransmitSchedule, rtoFromRtt } from '../../../electron/net/retransmit';

describe('STUN retransmission schedule (RFC 8489 §6.2.1)', () => {
  it('sends 7 requests at 0, 500, 1500, 3500, 7500, 15500, 31500 ms and gives up at 39500 ms with the defaults', () => {
    expect(retransmitSchedule(RFC8489_DEFAULT)).toEqual({ sends: [0, 500, 1500, 3500, 7500, 15500, 31500], endMs: 39500 });
  });

  it('cuts the schedule at a deadline a person waits for, dropping sends at or after it', () => {
    expect(retransmitSchedule({ rtoMs: 500, rc: 7, rm: 16, deadlineMs: 8000 })).toEqual({ sends: [0, 500, 1500, 3500, 7500], endMs: 8000 });
  });

  it('always sends at least one request', () => {
    expect(retransmitSchedule({ rtoMs: 100, rc: 0, rm: 2 }).sends).toEqual([0]);
    expect(retransmitSchedule({ rtoMs: 100, rc: 3, rm: 2, deadlineMs: 1 }).sends).toEqual([0]);
  });

  it('derives a shorter RTO from a measured round trip, with a floor', () => {
    expect(rtoFromRtt(40)).toBe(120);
    expect(rtoFromRtt(0.3)).toBe(100);
    expect(rtoFromRtt(0.3, 50)).toBe(50);
  });
});

describe('schedules derived from the measured round trip', () => {
  it('sends six copies half an RTT apart and waits four RTTs for a test that may get no answer', () => {
    expect(noAnswerSchedule(200)).toEqual({ sends: [0, 100, 200, 300, 400, 500], endMs: 1300 });
  });

  it('keeps a floor on a fast LAN, so a busy server still has time to answer', () => {
    expect(noAnswerSchedule(0.4)).toEqual({ sends: [0, 10, 20, 30, 40, 50], endMs: 100 });
    // The first copy's answer has the copies' spread and the floor: 100 ms, two hundred LAN round trips.
    expect(noAnswerSchedule(12)).toEqual({ sends: [0, 10, 20, 30, 40, 50], endMs: 100 });
    expect(noAnswerSchedule(20).endMs).toBe(130);
  });

  it('starts the doubling from the RTT for tests that expect an answer', () => {
    expect(answeredSchedule(40).sends.slice(0, 4)).toEqual([0, 120, 360, 840]);
    expect(answeredSchedule(40).endMs).toBeLessThanOrEqual(4000);
  });
});
