// The keep-alive monitor for real: its own UDP socket, a real coturn, a 0.2 s interval for 2 s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMonitor, startMonitor, type MonitorEvent } from '../../../electron/monitor/keepalive';
import { openUdpEndpoint } from '../../../electron/net/udp-endpoint';
import { startCoturn, type Coturn } from '../../support/coturn';
import { word } from '../../../shared/text';

let coturn: Coturn;
beforeAll(async () => void (coturn = await startCoturn()));
afterAll(async () => void (await coturn?.stop()));

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('keep-alive monitor against coturn', () => {
  it('keeps the binding with a Binding every 0.2 s for 2 s, then closes its socket', async () => {
    const events: MonitorEvent[] = [];
    const opened = await openMonitor({ port: 0, localIp: '127.0.0.1', server: { family: 'IPv4', ip: '127.0.0.1', port: coturn.port }, intervalSec: 0.2, onEvent: (event) => events.push(event) });
    if (!opened.ok) throw new Error(word('en', opened.error));
    const monitor = opened.value;
    const port = monitor.local.port;
    await sleep(2000);
    const summary = await monitor.stop();
    const kinds = events.map((event) => event.kind);
    console.log(`[monitor] 2 s at 0.2 s: ${summary.sent} keep-alives, ${summary.answered} answered, events ${[...new Set(kinds)].join(', ')}`);
    expect(kinds[0]).toBe('started');
    expect(events[0]).toMatchObject({ mapped: { ip: '127.0.0.1', port } });
    expect(summary.sent).toBeGreaterThanOrEqual(9);
    expect(summary.sent).toBeLessThanOrEqual(11);
    // The last keep-alive may still be on its way when stop() ends it.
    expect(summary.answered).toBeGreaterThanOrEqual(summary.sent - 1);
    expect(summary.missed).toBe(0);
    expect(kinds.filter((kind) => kind !== 'ok' && kind !== 'started')).toEqual([]);
    // Elapsed times follow the 200 ms grid (scheduled against the start, no drift).
    const last = events.at(-1)?.elapsedMs ?? 0;
    expect(last).toBeGreaterThanOrEqual(1600);
    // The socket is closed: the very port can be bound exclusively again.
    const again = await openUdpEndpoint({ port, localIp: '127.0.0.1' });
    expect(again.ok).toBe(true);
    if (again.ok) await again.value.close();
    const eventsAtStop = events.length;
    await sleep(450);
    expect(events).toHaveLength(eventsAtStop); // no timer survived stop()
  });

  it('reports the binding lost when the server goes quiet (nothing listens on the port)', async () => {
    const events: MonitorEvent[] = [];
    const opened = await openUdpEndpoint({ port: 0, localIp: '127.0.0.1' });
    if (!opened.ok) throw new Error(word('en', opened.error));
    // A port where no STUN server listens: every keep-alive goes unanswered.
    const monitor = startMonitor({ endpoint: opened.value, server: { family: 'IPv4', ip: '127.0.0.1', port: coturn.port + 2 }, intervalSec: 0.2, missesBeforeLost: 3, onEvent: (event) => events.push(event) });
    await sleep(900);
    await monitor.stop();
    await opened.value.close();
    expect(events.map((event) => event.kind).slice(0, 4)).toEqual(['miss', 'miss', 'miss', 'binding-lost']);
  });
});
