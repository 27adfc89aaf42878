// The media-port probe on a FakeClock with in-memory sockets behind a simulated NAT: which RTP
// ports get out, keep their number, and let in packets from an address they never sent to.
import { describe, expect, it } from 'vitest';
import { probeMediaPorts, samplePorts, type MediaPortProbeOptions } from '../../../electron/media/outbound';
import { mediaRules } from '../../../electron/media/rules';
import type { UdpEndpoint } from '../../../electron/net/udp-endpoint';
import { fail, ok, type Result } from '../../../shared/result';
import { formatAddress } from '../../../shared/address';
import { wordAll } from '../../../shared/text';
import { FakeClock } from '../../support/fake-clock';
import { OTHER, runClock, SERVER, servedEndpoint, type ServedEndpoint, type SimulatedNat } from './memory-stun-server';

const RANGE = { from: 55000, to: 56000 };

function probeWith(nat: SimulatedNat & { taken?: number[]; withOther?: boolean; blocked?: number[] }, extra: Partial<MediaPortProbeOptions> = {}) {
  const clock = new FakeClock();
  const sockets = new Map<number, ServedEndpoint>();
  const sendTimes: number[] = [];
  const openSocket = async (port: number): Promise<Result<UdpEndpoint>> => {
    if (nat.taken?.includes(port)) return fail('net/port-in-use', { port });
    const endpoint = servedEndpoint(clock, port, { ...nat, ...(nat.blocked?.includes(port) ? { dropRequest: () => true } : {}) }, nat.withOther ?? true);
    const send = endpoint.send;
    endpoint.send = (data, to) => {
      sendTimes.push(clock.now());
      send(data, to);
    };
    sockets.set(port, endpoint);
    return ok(endpoint);
  };
  const ports = extra.ports ?? samplePorts(RANGE);
  const done = probeMediaPorts({ ports, server: SERVER, other: nat.withOther === false ? null : OTHER, rttMs: 20, clock, openSocket, ...extra });
  return { clock, sockets, sendTimes, result: runClock(clock, done, 5) };
}

describe('sample of the RTP range', () => {
  it('takes the first, the last and evenly spaced ports between (12 by default)', () => {
    const ports = samplePorts(RANGE);
    expect(ports).toHaveLength(12);
    expect(ports[0]).toBe(55000);
    expect(ports.at(-1)).toBe(56000);
    expect(ports.slice(0, 3)).toEqual([55000, 55091, 55182]);
  });

  it('takes every port of a small range, and all 1001 for --rtp-full', () => {
    expect(samplePorts({ from: 9000, to: 9004 })).toEqual([9000, 9001, 9002, 9003, 9004]);
    expect(samplePorts(RANGE, 1001)).toHaveLength(1001);
    expect(samplePorts(RANGE, 1)).toEqual([55000]);
  });
});

describe('media-port probe', () => {
  it('verifies outbound, port preservation and inbound from an unknown address behind a full-cone NAT', async () => {
    const { result, sockets } = probeWith({});
    const probe = await result;
    expect(probe.summary).toMatchObject({ requested: 12, probed: 12, outboundVerified: 12, portPreserved: 12, inboundVerified: 12, inboundNotVerified: [], publicIps: ['198.51.100.7'] });
    expect(probe.ports[0]).toMatchObject({ port: 55000, outbound: 'verified', mapped: { ip: '198.51.100.7', port: 55000 }, portPreserved: true, inboundFromUnknown: 'verified', respondedFrom: OTHER });
    // Nothing was ever sent to the alternate address: that would open the filter and fake the result.
    for (const socket of sockets.values()) expect(socket.sentPackets.every((packet) => packet.to.ip === SERVER.ip && packet.to.port === SERVER.port)).toBe(true);
    expect(mediaRules(probe, { pbxIp: '192.168.100.5', range: RANGE, inboundMedia: 'any-source' }).map((rule) => rule.status)).toEqual(['verified', 'verified']);
    expect(mediaRules(probe, { pbxIp: '192.168.100.5', range: RANGE, inboundMedia: 'return-path' }).map((rule) => rule.status)).toEqual(['verified', 'verified']);
  });

  it('finds inbound media from unknown addresses blocked behind a filtering NAT (masquerade)', async () => {
    const probe = await probeWith({ filtersUnknown: true }).result;
    expect(probe.summary).toMatchObject({ outboundVerified: 12, portPreserved: 12, inboundVerified: 0 });
    expect(probe.summary.inboundNotVerified).toHaveLength(12);
    expect(probe.ports[0]?.evidence).toContainEqual({ code: 'port/inbound-blocked', port: 55000, from: formatAddress(OTHER), requests: 6 });
    const [outbound, inbound] = mediaRules(probe, { pbxIp: '192.168.100.5', range: RANGE, inboundMedia: 'any-source' });
    expect(outbound?.status).toBe('verified');
    expect(inbound).toMatchObject({ id: 'inbound-media', status: 'failed' });
    expect(inbound?.evidence.map((message) => message.code)).toEqual(['media/needs-any-source', 'media/return-path-open', 'media/inbound-blocked', 'fix/inbound-media']);
    expect(wordAll('en', inbound?.evidence ?? [])).toContain('forward that range to 192.168.100.5 with the same ports');
  });

  it('verifies inbound media by the return path for a PBX that sends first, the unknown address kept as a fact', async () => {
    const probe = await probeWith({ filtersUnknown: true }).result;
    const [, inbound] = mediaRules(probe, { pbxIp: '192.168.100.5', range: RANGE, inboundMedia: 'return-path' });
    expect(inbound).toMatchObject({ id: 'inbound-media', status: 'verified' });
    expect(inbound?.evidence.map((message) => message.code)).toEqual(['media/needs-return-path', 'media/return-path-open', 'media/inbound-blocked']);
    expect(inbound?.evidence[1]).toEqual({ code: 'media/return-path-open', server: formatAddress(SERVER), tested: 12, range: RANGE });
  });

  it('leaves inbound untested, with the reason, when the server has no OTHER-ADDRESS', async () => {
    const probe = await probeWith({ withOther: false }).result;
    expect(probe.summary).toMatchObject({ outboundVerified: 12, inboundUntested: 12 });
    expect(probe.inboundUntestedReason).toEqual({ code: 'media/no-alternate-address', server: formatAddress(SERVER) });
    expect(probe.requestsSent).toBe(12); // one Binding per port, no CHANGE-REQUEST
    expect(mediaRules(probe, { pbxIp: '192.168.100.5', range: RANGE, inboundMedia: 'any-source' })[1]).toMatchObject({ status: 'untested' });
    // The return path needs no alternate address.
    expect(mediaRules(probe, { pbxIp: '192.168.100.5', range: RANGE, inboundMedia: 'return-path' })[1]).toMatchObject({ status: 'verified' });
  });

  it('does not mistake a server that ignores CHANGE-REQUEST for an open NAT', async () => {
    const probe = await probeWith({ ignoresChangeRequest: true }).result;
    expect(probe.summary.inboundVerified).toBe(0);
    expect(probe.ports[0]).toMatchObject({ inboundFromUnknown: 'untested' });
    expect(probe.ports[0]?.evidence).toContainEqual({ code: 'port/inbound-ignored', server: formatAddress(SERVER) });
    // The rule names why, from the first port that could not be tested.
    expect(mediaRules(probe, { pbxIp: '192.168.100.5', range: RANGE, inboundMedia: 'any-source' })[1]).toEqual({
      id: 'inbound-media',
      status: 'untested',
      evidence: [{ code: 'media/needs-any-source' }, { code: 'media/return-path-open', server: formatAddress(SERVER), tested: 12, range: RANGE }, { code: 'port/inbound-ignored', server: formatAddress(SERVER) }],
    });
  });

  it('reports a port the router renumbers, a port blocked outbound and a port another program holds', async () => {
    const probe = await probeWith({
      mapped: (port) => ({ family: 'IPv4', ip: '198.51.100.7', port: port === 55091 ? 1024 : port }),
      blocked: [55182],
      taken: [56000],
    }).result;
    expect(probe.summary).toMatchObject({ probed: 11, taken: [56000], outboundFailed: [55182], portChanged: [55091], outboundVerified: 10 });
    expect(probe.ports.find((port) => port.port === 56000)).toMatchObject({ status: 'taken', outbound: 'untested' });
    expect(probe.ports.find((port) => port.port === 55182)).toMatchObject({ status: 'probed', outbound: 'failed', inboundFromUnknown: 'untested' });
    const [outbound, inbound] = mediaRules(probe, { pbxIp: '192.168.100.5', range: RANGE, inboundMedia: 'return-path' });
    // No answer came back to 55182: whether the way out or back is blocked there is not known.
    expect(inbound).toMatchObject({ status: 'untested' });
    expect(inbound?.evidence).toContainEqual({ code: 'media/return-path-unproven', server: formatAddress(SERVER), ports: [55182] });
    expect(outbound).toMatchObject({ status: 'failed' });
    expect(outbound?.evidence).toContainEqual({ code: 'media/outbound-blocked', ports: [55182], probed: 11, server: formatAddress(SERVER) });
    expect(outbound?.evidence).toContainEqual({ code: 'media/ports-held', ports: [56000] });
    expect(probe.ports.find((port) => port.port === 55091)?.evidence[0]).toEqual({ code: 'port/answered', port: 55091, server: formatAddress(SERVER), mapped: '198.51.100.7:1024' });
    expect(wordAll('de', outbound?.evidence ?? [])).toContain('Übersprungen, weil ein anderes Programm auf diesem Rechner sie belegt: 56000.');
  });

  it('paces the requests of a full-range probe (default 50 per second, every copy counted)', async () => {
    const ports = samplePorts(RANGE, 100);
    const { sendTimes, result } = probeWith({ filtersUnknown: true }, { ports });
    const probe = await result;
    expect(probe.summary.probed).toBe(100);
    expect(probe.requestsSent).toBe(sendTimes.length);
    expect(sendTimes.length).toBe(700); // 1 Binding + 6 CHANGE-REQUEST copies per port
    // Over any one-second window, no more than the rate plus one port's burst allowance.
    const budget = 5 + 6;
    for (let i = 0; i < sendTimes.length; i++) {
      const windowEnd = (sendTimes[i] as number) + 1000;
      let n = 0;
      for (let j = i; j < sendTimes.length && (sendTimes[j] as number) < windowEnd; j++) n++;
      expect(n).toBeLessThanOrEqual(50 + budget);
    }
    const seconds = ((sendTimes.at(-1) as number) - (sendTimes[0] as number)) / 1000;
    console.log(`[media] 100 ports behind a filtering NAT at 50 requests/s: ${sendTimes.length} requests in ${seconds.toFixed(1)} s (${(700 / seconds).toFixed(1)}/s)`);
    expect(700 / seconds).toBeGreaterThan(40); // and it does use the rate it is given
  });

  it('can be cancelled', async () => {
    const cancel = new AbortController();
    const { clock, result } = probeWith({ filtersUnknown: true }, { ports: samplePorts(RANGE, 1001), signal: cancel.signal });
    setTimeout(() => cancel.abort(), 20);
    const probe = await result;
    expect(probe.aborted).toBe(true);
    expect(probe.ports.length).toBeLessThan(1001);
    clock.advance(10_000);
    expect(clock.pending).toBe(0);
  });
});
