import { describe, expect, it } from 'vitest';
import { RFC8489_DEFAULT, retransmitSchedule, rtoFromRtt } from '../../../electron/net/retransmit';

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
