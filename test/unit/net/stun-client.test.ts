// The client's matching rules with a peer that misbehaves on purpose, and its timing with an
// injected clock (no real delay can be made on this kernel).
import { describe, expect, it } from 'vitest';
import { StunClient } from '../../../electron/net/stun-client';
import { buildBindingRequest, encodeMessage, encodeXorAddressValue, Attr, Method, newTransactionId } from '../../../shared/stun';
import { FakeClock } from '../../support/fake-clock';
import { memoryEndpoint } from '../../support/memory-endpoint';

const server = { family: 'IPv4', ip: '203.0.113.10', port: 3478 } as const;
const other = { family: 'IPv4', ip: '203.0.113.11', port: 3479 } as const;

function successFor(transactionId: Uint8Array): Uint8Array {
  return encodeMessage({
    method: Method.Binding,
    cls: 'success',
    transactionId,
    attributes: [{ type: Attr.XOR_MAPPED_ADDRESS, value: encodeXorAddressValue({ family: 'IPv4', ip: '198.51.100.7', port: 65002 }, transactionId) }],
    fingerprint: true,
  });
}

describe('StunClient transactions', () => {
  it('retransmits on the RFC 8489 schedule and reports a timeout as an outcome', async () => {
    const clock = new FakeClock();
    const endpoint = memoryEndpoint();
    const client = new StunClient(endpoint, clock);
    const { bytes, transactionId } = buildBindingRequest();
    const pending = client.transact(bytes, transactionId, server, { policy: { rtoMs: 500, rc: 7, rm: 16 } });
    clock.advance(39_499);
    expect(endpoint.sentPackets).toHaveLength(7);
    clock.advance(1);
    await expect(pending).resolves.toEqual({ kind: 'timeout', requestsSent: 7, waitedMs: 39_500 });
    expect(clock.pending).toBe(0);
  });

  it('accepts the answer to its transaction from the server, and measures the round trip from the latest send', async () => {
    const clock = new FakeClock();
    const endpoint = memoryEndpoint();
    const client = new StunClient(endpoint, clock);
    const { bytes, transactionId } = buildBindingRequest();
    const pending = client.transact(bytes, transactionId, server);
    clock.advance(620); // first request lost; the retransmission at 500 ms is answered 120 ms later
    endpoint.deliver(successFor(transactionId), server);
    const outcome = await pending;
    expect(outcome.kind).toBe('response');
    if (outcome.kind !== 'response') return;
    expect(outcome.requestsSent).toBe(2);
    expect(outcome.rttMs).toBe(120);
    expect(outcome.rttExact).toBe(false);
    expect(outcome.firstSendToAnswerMs).toBe(620);
    expect(clock.pending).toBe(0);
  });

  it('ignores and counts answers with an unknown transaction ID, from an unexpected address, or undecodable', async () => {
    const clock = new FakeClock();
    const endpoint = memoryEndpoint();
    const client = new StunClient(endpoint, clock);
    const { bytes, transactionId } = buildBindingRequest();
    const pending = client.transact(bytes, transactionId, server, { policy: { rtoMs: 100, rc: 2, rm: 4 } });
    clock.advance(1);
    endpoint.deliver(successFor(newTransactionId()), server);
    endpoint.deliver(successFor(transactionId), other);
    endpoint.deliver(new Uint8Array([0, 1, 0, 4, 0x21, 0x12, 0xa4, 0x42]), server);
    clock.advance(600);
    await expect(pending).resolves.toMatchObject({ kind: 'timeout' });
    expect(client.counters).toEqual({ unknownTransaction: 1, unexpectedSource: 1, undecodable: 1, duplicates: 0, unexpectedSources: [other] });
  });

  it('takes an answer from the alternate address when the request allowed it (RFC 5780 CHANGE-REQUEST)', async () => {
    const clock = new FakeClock();
    const endpoint = memoryEndpoint();
    const client = new StunClient(endpoint, clock);
    const { bytes, transactionId } = buildBindingRequest({ changeIp: true, changePort: true });
    const pending = client.transact(bytes, transactionId, server, { acceptFrom: [other] });
    clock.advance(5);
    endpoint.deliver(successFor(transactionId), other);
    await expect(pending).resolves.toMatchObject({ kind: 'response', from: other, rttExact: true });
  });

  it('counts a late duplicate of a finished transaction as a duplicate, not as unknown', async () => {
    const clock = new FakeClock();
    const endpoint = memoryEndpoint();
    const client = new StunClient(endpoint, clock);
    const { bytes, transactionId } = buildBindingRequest();
    const pending = client.transact(bytes, transactionId, server);
    clock.advance(1);
    endpoint.deliver(successFor(transactionId), server);
    await pending;
    endpoint.deliver(successFor(transactionId), server);
    expect(client.counters.duplicates).toBe(1);
    expect(client.counters.unknownTransaction).toBe(0);
  });

  it('ends a transaction at once when its signal aborts', async () => {
    const clock = new FakeClock();
    const client = new StunClient(memoryEndpoint(), clock);
    const { bytes, transactionId } = buildBindingRequest();
    const controller = new AbortController();
    const pending = client.transact(bytes, transactionId, server, { signal: controller.signal });
    clock.advance(10);
    controller.abort();
    await expect(pending).resolves.toMatchObject({ kind: 'timeout', requestsSent: 1 });
    expect(clock.pending).toBe(0);
  });
});
