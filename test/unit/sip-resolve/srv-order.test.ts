import { describe, expect, it } from 'vitest';
import { orderSrvRecords } from '../../../electron/sip/resolve/srv-order';
import { srv } from './fake-resolver';

// A small deterministic PRNG (mulberry32), so the weight test is repeatable.
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('RFC 2782 SRV ordering', () => {
  it('tries the lowest priority first, whatever the weights', () => {
    const records = [srv('backup', 5060, 20, 100), srv('main', 5060, 10, 1)];
    expect(orderSrvRecords(records, () => 0.99).map((r) => r.name)).toEqual(['main', 'backup']);
  });

  it('selects by running weight sum within a priority: draw 99 of 0..100 picks the 40 after the 60', () => {
    const records = [srv('a', 5060, 10, 60), srv('b', 5060, 10, 40), srv('c', 5060, 20, 0)];
    expect(orderSrvRecords(records, () => 0.99).map((r) => r.name)).toEqual(['b', 'a', 'c']);
    expect(orderSrvRecords(records, () => 0).map((r) => r.name)).toEqual(['a', 'b', 'c']);
  });

  it('puts weight-0 records first in the draw, so only a draw of 0 picks them', () => {
    const records = [srv('heavy', 5060, 10, 10), srv('zero', 5060, 10, 0)];
    expect(orderSrvRecords(records, () => 0).map((r) => r.name)).toEqual(['zero', 'heavy']);
    expect(orderSrvRecords(records, () => 0.5).map((r) => r.name)).toEqual(['heavy', 'zero']);
  });

  it('picks a record first in proportion to its weight (60:40 over 10 000 draws)', () => {
    const random = seeded(3263);
    const records = [srv('a', 5060, 10, 60), srv('b', 5060, 10, 40)];
    let aFirst = 0;
    for (let i = 0; i < 10_000; i++) if (orderSrvRecords(records, random)[0]?.name === 'a') aFirst += 1;
    // Each draw is one of 101 values (0..100); 'a' wins 61 of them.
    expect(aFirst / 10_000).toBeCloseTo(61 / 101, 1);
  });

  it('keeps every record exactly once', () => {
    const records = [srv('a', 1, 1, 5), srv('b', 2, 1, 0), srv('c', 3, 2, 7), srv('d', 4, 1, 5)];
    expect(orderSrvRecords(records, seeded(1)).map((r) => r.name).sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});
