// Delay cannot be made in this kernel (no tc netem), so the delay-dependent logic (timeouts
// derived from the measured round trip) is tested here with an injected clock and an
// in-memory network that answers after a one-way delay of 100 ms, as netem would.
import { describe, expect, it } from 'vitest';
import type { TransportAddress } from '../../../shared/address';
import { Attr, decodeMessage, encodeMessage, encodeXorAddressValue, getChangeRequest, Method } from '../../../shared/stun';
import { probeFiltering } from '../../../electron/nat/filtering';
import { StunClient } from '../../../electron/net/stun-client';
import { FakeClock } from '../../support/fake-clock';
import { memoryEndpoint } from '../../support/memory-endpoint';

const primary: TransportAddress = { family: 'IPv4', ip: '203.0.113.10', port: 3478 };
const other: TransportAddress = { family: 'IPv4', ip: '203.0.113.11', port: 3479 };
const mapped: TransportAddress = { family: 'IPv4', ip: '203.0.113.1', port: 40000 };

// A STUN server with RFC 5780 behind a NAT whose filter lets `allowed` sources through, on a
// line with `oneWayMs` delay each way.
function delayedLab(clock: FakeClock, oneWayMs: number, allowed: (from: TransportAddress) => boolean) {
  const endpoint = memoryEndpoint();
  const originalSend = endpoint.send.bind(endpoint);
  endpoint.send = (data, to) => {
    originalSend(data, to);
    const request = decodeMessage(data);
    const change = getChangeRequest(request) ?? { changeIp: false, changePort: false };
    const from: TransportAddress = { family: 'IPv4', ip: change.changeIp ? other.ip : to.ip, port: change.changePort ? other.port : to.port };
    const answer = encodeMessage({
      method: Method.Binding,
      cls: 'success',
      transactionId: request.transactionId,
      attributes: [{ type: Attr.XOR_MAPPED_ADDRESS, value: encodeXorAddressValue(mapped, request.transactionId) }],
    });
    clock.setTimeout(() => {
      if (allowed(from)) endpoint.deliver(answer, from);
    }, 2 * oneWayMs);
  };
  return endpoint;
}

async function filteringAt(oneWayMs: number, measuredRttMs: number, allowed: (from: TransportAddress) => boolean) {
  const clock = new FakeClock();
  const client = new StunClient(delayedLab(clock, oneWayMs, allowed), clock);
  let resolvedAt = -1;
  const pending = probeFiltering(client, primary, other, measuredRttMs).then((result) => {
    resolvedAt = clock.now();
    return result;
  });
  for (let t = 0; t < 5000; t += 10) {
    clock.advance(10);
    await Promise.resolve();
  }
  return { result: await pending, resolvedAt };
}

describe('filtering verdicts with 100 ms delay each way (injected clock)', () => {
  it('still sees a full cone NAT: answers 200 ms late are waited for, because the timeout follows the measured round trip', async () => {
    const { result } = await filteringAt(100, 200, () => true);
    expect(result.behaviour).toBe('endpoint-independent');
  });

  it('still sees a restricted cone NAT', async () => {
    const { result } = await filteringAt(100, 200, (from) => from.ip === primary.ip);
    expect(result.behaviour).toBe('address-dependent');
  });

  it('calls silence address-and-port-dependent only after waiting several round trips', async () => {
    const { result, resolvedAt } = await filteringAt(100, 200, (from) => from.ip === primary.ip && from.port === primary.port);
    expect(result.behaviour).toBe('address-and-port-dependent');
    expect(result.probes.every((probe) => probe.evidence.requestsSent === 6)).toBe(true);
    // Six copies 100 ms apart (half the RTT), then four round trips: 500 + 800 ms (the
    // simulation advances in 10 ms steps, so the promise settles a few steps later).
    expect(resolvedAt).toBeGreaterThanOrEqual(1300);
    expect(resolvedAt).toBeLessThan(1400);
  });

  it('would misread a full cone NAT as filtered if the round trip were not measured (the reason it is)', async () => {
    const { result } = await filteringAt(400, 0.5, () => true);
    expect(result.behaviour).toBe('address-and-port-dependent');
  });
});
