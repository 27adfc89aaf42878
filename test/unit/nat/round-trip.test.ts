// Test I's round trip is ambiguous after a retransmission (Karn's rule); the NAT tests then take
// an exact sample first instead of assuming a slow line and waiting seconds for silence.
import { describe, expect, it } from 'vitest';
import type { TransportAddress } from '../../../shared/address';
import { Attr, decodeMessage, encodeMessage, encodeXorAddressValue, Method } from '../../../shared/stun';
import { exactRoundTrip } from '../../../electron/nat/round-trip';
import { StunClient } from '../../../electron/net/stun-client';
import { FakeClock } from '../../support/fake-clock';
import { memoryEndpoint } from '../../support/memory-endpoint';

const server: TransportAddress = { family: 'IPv4', ip: '203.0.113.10', port: 3478 };

// A server on a line with `rttMs` round trip that loses the requests whose number `lost` names.
function lossyLine(clock: FakeClock, rttMs: number, lost: (index: number) => boolean) {
  const endpoint = memoryEndpoint();
  const send = endpoint.send.bind(endpoint);
  let index = 0;
  endpoint.send = (data, to) => {
    send(data, to);
    if (lost(index++)) return;
    const request = decodeMessage(data);
    const answer = encodeMessage({
      method: Method.Binding,
      cls: 'success',
      transactionId: request.transactionId,
      attributes: [{ type: Attr.XOR_MAPPED_ADDRESS, value: encodeXorAddressValue({ family: 'IPv4', ip: '203.0.113.1', port: 65002 }, request.transactionId) }],
    });
    clock.setTimeout(() => endpoint.deliver(answer, server), rttMs);
  };
  return endpoint;
}

async function sample(rttMs: number, lost: (index: number) => boolean) {
  const clock = new FakeClock();
  const endpoint = lossyLine(clock, rttMs, lost);
  const client = new StunClient(endpoint, clock);
  let settledAt = -1;
  const pending = exactRoundTrip(client, server, 1000).then((value) => {
    settledAt = clock.now();
    return value;
  });
  for (let t = 0; t < 2000; t += 5) {
    clock.advance(5);
    await Promise.resolve();
  }
  return { rtt: await pending, settledAt, sent: endpoint.sentPackets.length, pending: clock.pending };
}

describe('an exact round trip after an ambiguous test I', () => {
  it('takes the first answer of three requests sent once each, and stops waiting for the others', async () => {
    const result = await sample(30, (index) => index === 0);
    expect(result).toMatchObject({ rtt: 30, sent: 3, pending: 0 });
    expect(result.settledAt).toBeLessThan(100); // not the full second: the answer ends the wait
  });

  it('gives no sample when all three are lost, after waiting a second for a slow line', async () => {
    const result = await sample(30, () => true);
    expect(result.rtt).toBeNull();
    expect(result.settledAt).toBeGreaterThanOrEqual(1000);
  });

  it('measures a slow line too, rather than guessing', async () => {
    expect((await sample(700, () => false)).rtt).toBe(700);
  });
});
