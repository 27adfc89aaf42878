// One hour of the keep-alive monitor at the SwyxWare interval (10 s → 360 keep-alives), simulated
// on a FakeClock against an in-memory STUN server that answers every request: all answered, no
// timer left after stop, and the heap does not grow with the run time.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { startMonitor, type MonitorEvent } from '../../../electron/monitor/keepalive';
import type { TransportAddress } from '../../../shared/address';
import { Attr, decodeMessage, encodeMessage, encodeXorAddressValue, Method } from '../../../shared/stun';
import { FakeClock } from '../../support/fake-clock';
import { memoryEndpoint, type MemoryEndpoint } from '../../support/memory-endpoint';

const SERVER: TransportAddress = { family: 'IPv4', ip: '203.0.113.10', port: 3478 };
const PUBLIC: TransportAddress = { family: 'IPv4', ip: '198.51.100.7', port: 65002 };
const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

// A STUN server in memory that answers every Binding request after 20 ms and keeps nothing:
// whatever the heap holds after an hour is the monitor's own.
function answeringEndpoint(clock: FakeClock): MemoryEndpoint & { readonly sent: () => number } {
  const endpoint = memoryEndpoint({ ip: '192.168.100.5', port: 65002 });
  const record = endpoint.send.bind(endpoint);
  let sent = 0;
  endpoint.send = (data, to) => {
    record(data, to);
    endpoint.sentPackets.length = 0;
    sent += 1;
    const request = decodeMessage(data);
    const answer = encodeMessage({
      method: Method.Binding,
      cls: 'success',
      transactionId: request.transactionId,
      attributes: [{ type: Attr.XOR_MAPPED_ADDRESS, value: encodeXorAddressValue(PUBLIC, request.transactionId) }],
      fingerprint: true,
    });
    clock.setTimeout(() => endpoint.deliver(answer, SERVER), 20);
  };
  return Object.assign(endpoint, { sent: () => sent });
}

// global.gc without --expose-gc on the command line: the flag can be set at run time and the
// function fetched from a fresh context (a V8 idiom; harmless in a test process).
function collector(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

const HOUR_MS = 3_600_000;
const INTERVAL_SEC = 10;
const STEP_MS = 500;

async function run(clock: FakeClock, ms: number): Promise<void> {
  for (let done = 0; done < ms; done += STEP_MS) {
    clock.advance(STEP_MS);
    await flush();
  }
}

function heapAfterGc(gc: (() => void) | undefined): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

describe('keep-alive monitor over a long run', () => {
  it('one simulated hour at 10 s: 360 keep-alives all answered, no timers left, bounded heap', async () => {
    const gc = collector();
    const clock = new FakeClock();
    const endpoint = answeringEndpoint(clock);
    const counts = new Map<MonitorEvent['kind'], number>();
    const monitor = startMonitor({
      endpoint,
      server: SERVER,
      clock,
      intervalSec: INTERVAL_SEC,
      now: () => new Date(Date.UTC(2024, 0, 24) + clock.now()),
      onEvent: (event) => counts.set(event.kind, (counts.get(event.kind) ?? 0) + 1),
    });

    await run(clock, 10 * 60_000); // warm-up: JIT, first allocations
    const before = heapAfterGc(gc);
    await run(clock, HOUR_MS - 10 * 60_000 - 1000);
    const after = heapAfterGc(gc);
    const summary = await monitor.stop();
    await flush();

    expect(summary).toMatchObject({ sent: 360, answered: 360, missed: 0, addressChanges: 0, bindingLost: 0 });
    expect(counts.get('started')).toBe(1);
    expect(counts.get('ok')).toBe(359);
    expect(counts.get('miss')).toBeUndefined();
    expect(clock.pending).toBe(0); // no timer of the monitor or its client survives stop()
    clock.advance(HOUR_MS);
    await flush();
    expect(endpoint.sent()).toBe(360); // and nothing is sent after it
    expect(endpoint.stats.received).toBe(360);
    const growth = after - before;
    console.log(`monitor 1 h simulated: heap ${(before / 1e6).toFixed(1)} MB → ${(after / 1e6).toFixed(1)} MB (${growth >= 0 ? '+' : ''}${(growth / 1024).toFixed(0)} KiB), gc ${gc ? 'forced' : 'not available'}`);
    // 300 keep-alives between the two samples. A leak per transaction (a timer, a listener, a
    // closure holding the packet: a few hundred bytes each) would pass 100 KiB; noise stays below.
    expect(growth).toBeLessThan(gc ? 100 * 1024 : 16 * 1024 * 1024);
  }, 60_000);
});
