// The keep-alive monitor on a FakeClock with an in-memory STUN server behind a simulated NAT:
// a DSL reconnect (new public IP), a binding lost and back, and a clean stop.
import { describe, expect, it } from 'vitest';
import type { TransportAddress } from '../../../shared/address';
import { recommendInterval, startMonitor, type MonitorEvent } from '../../../electron/monitor/keepalive';
import { StunClient } from '../../../electron/net/stun-client';
import { word } from '../../../shared/text';
import { FakeClock } from '../../support/fake-clock';
import { flush, SERVER, servedEndpoint } from '../media/memory-stun-server';

const WALL = new Date('2024-01-24T03:00:00Z');

async function advance(clock: FakeClock, ms: number, stepMs = 50): Promise<void> {
  for (let done = 0; done < ms; done += stepMs) {
    clock.advance(stepMs);
    await flush();
  }
}

function setup(options: { intervalSec?: number; missesBeforeLost?: number } = {}) {
  const clock = new FakeClock();
  let publicAddress: TransportAddress = { family: 'IPv4', ip: '217.194.238.2', port: 65002 };
  let down = false;
  const endpoint = servedEndpoint(clock, 65002, { mapped: () => publicAddress, dropRequest: () => down, delayMs: () => 25 });
  const events: MonitorEvent[] = [];
  const monitor = startMonitor({
    endpoint,
    server: SERVER,
    clock,
    now: () => new Date(WALL.getTime() + clock.now()),
    onEvent: (event) => events.push(event),
    ...options,
  });
  return {
    clock,
    endpoint,
    events,
    monitor,
    kinds: () => events.map((event) => event.kind),
    setPublic: (address: TransportAddress) => (publicAddress = address),
    setDown: (value: boolean) => (down = value),
  };
}

describe('keep-alive monitor', () => {
  it('sends a Binding every 10 s by default (the SwyxWare profile) and reports the public address', async () => {
    const lab = setup();
    expect(lab.monitor.intervalSec).toBe(10);
    await advance(lab.clock, 30_100);
    expect(lab.kinds()).toEqual(['started', 'ok', 'ok', 'ok']);
    expect(lab.events[0]).toMatchObject({ kind: 'started', mapped: { ip: '217.194.238.2', port: 65002 }, rttMs: 25, elapsedMs: 25, at: '2024-01-24T03:00:00.025Z' });
    expect(lab.events.map((event) => event.elapsedMs)).toEqual([25, 10_025, 20_025, 30_025]);
    expect(lab.endpoint.sentPackets).toHaveLength(4);
    expect(await lab.monitor.stop()).toMatchObject({ sent: 4, answered: 4, missed: 0, addressChanges: 0, bindingLost: 0 });
    expect(lab.clock.pending).toBe(0);
  });

  it('reports a new public IP after a DSL reconnect, with old and new address', async () => {
    const lab = setup();
    await advance(lab.clock, 10_100);
    lab.setPublic({ family: 'IPv4', ip: '217.194.240.99', port: 65002 });
    await advance(lab.clock, 10_000);
    const change = lab.events.find((event) => event.kind === 'address-changed');
    expect(change).toMatchObject({
      kind: 'address-changed',
      from: { ip: '217.194.238.2', port: 65002 },
      to: { ip: '217.194.240.99', port: 65002 },
      ipChanged: true,
      portChanged: false,
      elapsedMs: 20_025,
    });
    expect(change?.message).toMatchObject({ code: 'monitor/address-changed', ipChanged: true });
    expect(change ? word('en', change.message) : '').toContain('re-register');
    expect(lab.kinds()).toEqual(['started', 'ok', 'address-changed', 'ok']);
    await lab.monitor.stop();
  });

  it('reports the binding lost after 3 unanswered keep-alives, and recovered with its new port', async () => {
    const lab = setup();
    await advance(lab.clock, 100);
    lab.setDown(true);
    await advance(lab.clock, 43_000); // keep-alives at 10, 20, 30 and 40 s time out 3 s later
    expect(lab.kinds()).toEqual(['started', 'miss', 'miss', 'miss', 'binding-lost', 'miss']);
    expect(lab.events.find((event) => event.kind === 'binding-lost')).toMatchObject({
      misses: 3,
      lastOkAt: '2024-01-24T03:00:00.025Z',
      elapsedMs: 33_000,
      message: { code: 'monitor/binding-lost', misses: 3, port: 65002 },
    });
    expect(lab.events.find((event) => event.kind === 'miss')).toMatchObject({ reason: 'timeout', message: { code: 'monitor/miss', consecutive: 1, reason: 'timeout' } });
    // Each keep-alive had two copies inside its 3 s timeout: one lost datagram is not a miss.
    expect(lab.endpoint.sentPackets).toHaveLength(1 + 4 * 2);

    lab.setDown(false);
    lab.setPublic({ family: 'IPv4', ip: '217.194.238.2', port: 40123 }); // the router made a new binding
    await advance(lab.clock, 7_000); // the keep-alive at 50 s is answered
    expect(lab.kinds().slice(-2)).toEqual(['address-changed', 'recovered']);
    expect(lab.events.at(-1)).toMatchObject({ kind: 'recovered', downMs: 50_000, mapped: { port: 40123 }, message: { code: 'monitor/recovered', misses: 4 } });
    expect(lab.events.at(-2)).toMatchObject({ ipChanged: false, portChanged: true });
    expect(await lab.monitor.stop()).toMatchObject({ bindingLost: 1, addressChanges: 1, missed: 4 });
  });

  it('one lost datagram is retransmitted within the interval and is not a miss', async () => {
    const clock = new FakeClock();
    const endpoint = servedEndpoint(clock, 65002, { dropRequest: (seq) => seq === 1, delayMs: () => 25 });
    const events: MonitorEvent[] = [];
    const monitor = startMonitor({ endpoint, server: SERVER, clock, onEvent: (event) => events.push(event) });
    await advance(clock, 20_100);
    expect(events.map((event) => event.kind)).toEqual(['started', 'ok', 'ok']);
    expect(events[1]).toMatchObject({ elapsedMs: 11_525 }); // the copy at +1.5 s was answered
    await monitor.stop();
  });

  it('stops cleanly with a keep-alive in flight: no timers left, no events after stop, the caller’s client untouched', async () => {
    const clock = new FakeClock();
    const endpoint = servedEndpoint(clock, 65002, { delayMs: () => 300 });
    const client = new StunClient(endpoint, clock);
    const events: MonitorEvent[] = [];
    const monitor = startMonitor({ client, server: SERVER, clock, intervalSec: 1, onEvent: (event) => events.push(event) });
    await advance(clock, 1_100, 10); // the second keep-alive is on the wire
    const summary = await monitor.stop();
    clock.advance(1000); // its answer arrives after stop
    expect(events.map((event) => event.kind)).toEqual(['started']);
    expect(summary).toMatchObject({ sent: 2, answered: 1 });
    expect(clock.pending).toBe(0);
    expect(endpoint.sentPackets).toHaveLength(2);
    expect(client.counters.unknownTransaction + client.counters.duplicates).toBe(1); // the client still listens
  });
});

describe('keep-alive interval from the binding lifetime', () => {
  it('keeps the profile’s 10 s when bindings outlive it, or when nothing was measured', () => {
    expect(recommendInterval(15, 10)).toMatchObject({ intervalSec: 10, basis: 'profile' });
    expect(recommendInterval(null, 10)).toMatchObject({ intervalSec: 10, basis: 'profile' });
    expect(recommendInterval(null, 10).reason).toEqual({ code: 'keepalive/not-measured', profile: 10 });
  });

  it('recommends the longest idle time proven safe when the router forgets bindings sooner', () => {
    const advice = recommendInterval(2.5, 10);
    expect(advice).toMatchObject({ intervalSec: 2, basis: 'measured' });
    expect(advice.reason).toEqual({ code: 'keepalive/shorter', lifetime: 2.5, profile: 10, interval: 2 });
    expect(word('en', advice.reason)).toContain('raise the router');
    expect(recommendInterval(0.5, 10).intervalSec).toBe(1);
  });
});
