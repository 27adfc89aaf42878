// A real keep-alive monitor run against coturn on loopback: SOAK_SECONDS (default 600, ten
// minutes) at a 1 s interval, so 600 keep-alives through a real UDP socket. Prints memory at the
// start and the end and the open handles, and checks that nothing leaked: every keep-alive
// answered, heap and handles back where they were once the monitor is stopped.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openMonitor } from '../electron/monitor/keepalive';
import { startCoturn, type Coturn } from '../test/support/coturn';
import { word } from '../shared/text';

const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const INTERVAL_SEC = 1;
let coturn: Coturn;

function collector(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return () => undefined;
  }
}
const gc = collector();
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const handles = () => process.getActiveResourcesInfo().filter((kind) => kind !== 'TTYWrap');
const snapshot = () => {
  gc();
  gc();
  const memory = process.memoryUsage();
  return { heap: memory.heapUsed, rss: memory.rss, external: memory.external, handles: handles() };
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => void (coturn = await startCoturn()));
afterAll(async () => coturn?.stop());

it(`keep-alive soak: ${SOAK_SECONDS} s at ${INTERVAL_SEC} s against coturn on loopback`, async () => {
  await sleep(200);
  const before = snapshot();
  const kinds = new Map<string, number>();
  const opened = await openMonitor({
    port: 43000 + Math.floor(Math.random() * 2000),
    localIp: '127.0.0.1',
    server: { family: 'IPv4', ip: '127.0.0.1', port: coturn.port },
    intervalSec: INTERVAL_SEC,
    onEvent: (event) => kinds.set(event.kind, (kinds.get(event.kind) ?? 0) + 1),
  });
  if (!opened.ok) throw new Error(word('en', opened.error));
  await sleep(Math.min(10_000, SOAK_SECONDS * 100)); // warm-up before the first sample
  const start = snapshot();
  await sleep(SOAK_SECONDS * 1000 - Math.min(10_000, SOAK_SECONDS * 100) + 200);
  const end = snapshot();
  const summary = await opened.value.stop();
  await sleep(200);
  const after = snapshot();

  const rows = [
    ['', 'heap', 'rss', 'external', 'handles'],
    ['before', mb(before.heap), mb(before.rss), mb(before.external), String(before.handles.length)],
    ['start', mb(start.heap), mb(start.rss), mb(start.external), String(start.handles.length)],
    ['end', mb(end.heap), mb(end.rss), mb(end.external), String(end.handles.length)],
    ['stopped', mb(after.heap), mb(after.rss), mb(after.external), String(after.handles.length)],
  ];
  console.log(
    [
      `monitor soak: ${SOAK_SECONDS} s, ${summary.sent} keep-alives, ${summary.answered} answered, ${summary.missed} missed; events ${JSON.stringify(Object.fromEntries(kinds))}`,
      ...rows.map((row) => row.map((cell) => cell.padEnd(12)).join('')),
      `handles while running: ${start.handles.join(', ')}`,
      `handles after stop:    ${after.handles.join(', ')}`,
    ].join('\n'),
  );

  const expected = Math.floor(SOAK_SECONDS / INTERVAL_SEC);
  expect(summary.sent).toBeGreaterThanOrEqual(expected - 1);
  expect(summary.sent).toBeLessThanOrEqual(expected + 1);
  expect(summary.answered).toBe(summary.sent);
  expect(summary.bindingLost).toBe(0);
  expect(summary.addressChanges).toBe(0);
  // While running: one UDP socket and a few timers (the interval, an in-flight transaction's
  // retransmission and timeout, this test's sleep), however many keep-alives went before.
  for (const sample of [start, end]) {
    expect(sample.handles.filter((kind) => kind === 'UDPWrap')).toHaveLength(1);
    expect(sample.handles.filter((kind) => kind === 'Timeout').length).toBeLessThanOrEqual(6);
  }
  expect(after.handles.length).toBeLessThanOrEqual(before.handles.length); // the socket and timer are gone
  expect(end.heap - start.heap).toBeLessThan(2 * 1024 * 1024);     // not a few hundred bytes per keep-alive
}, (SOAK_SECONDS + 120) * 1000);
