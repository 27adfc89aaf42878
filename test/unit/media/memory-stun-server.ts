// A STUN server behind a simulated NAT, in memory and on a FakeClock: answers Binding requests
// sent through a memoryEndpoint after a chosen delay, from the primary or (CHANGE-REQUEST) the
// alternate address, and can lose requests, rewrite the public address or filter answers from
// unknown addresses. This kernel has no tc netem, so delay, jitter and a changing public address
// can only be made here; the real-network counterparts are the coturn and NAT-lab tests.
import type { TransportAddress } from '../../../shared/address';
import { Attr, decodeMessage, encodeAddressValue, encodeMessage, encodeXorAddressValue, getChangeRequest, Method } from '../../../shared/stun';
import type { FakeClock } from '../../support/fake-clock';
import { memoryEndpoint, type MemoryEndpoint } from '../../support/memory-endpoint';

export interface SimulatedNat {
  // The public address the server sees for a local port; default: the same port on 198.51.100.7.
  mapped?: (localPort: number) => TransportAddress;
  // Drop the request with this sequence number (0-based, per endpoint) on its way out.
  dropRequest?: (seq: number) => boolean;
  // Delay of the answer to request `seq` (the whole round trip).
  delayMs?: (seq: number) => number;
  // Address-and-port-dependent filtering: answers from an address the port never sent to are dropped.
  filtersUnknown?: boolean;
  // The server ignores CHANGE-REQUEST and answers from its primary address.
  ignoresChangeRequest?: boolean;
}

export const SERVER: TransportAddress = { family: 'IPv4', ip: '203.0.113.10', port: 3478 };
export const OTHER: TransportAddress = { family: 'IPv4', ip: '203.0.113.11', port: 3479 };
export const PUBLIC_IP = '198.51.100.7';

export interface ServedEndpoint extends MemoryEndpoint {
  readonly requests: number;
}

export function servedEndpoint(clock: FakeClock, localPort: number, nat: SimulatedNat = {}, withOther = true): ServedEndpoint {
  const endpoint = memoryEndpoint({ ip: '192.168.100.5', port: localPort });
  const contacted: TransportAddress[] = [];
  let seq = 0;
  const record = endpoint.send.bind(endpoint);
  Object.defineProperty(endpoint, 'requests', { get: () => seq });
  const served = endpoint as ServedEndpoint;
  served.send = (data, to) => {
    record(data, to);
    contacted.push(to);
    const n = seq++;
    if (nat.dropRequest?.(n)) return;
    const request = decodeMessage(data);
    const change = getChangeRequest(request);
    const fromOther = withOther && !nat.ignoresChangeRequest && change?.changeIp === true && change.changePort === true;
    const from = fromOther ? OTHER : SERVER;
    if (nat.filtersUnknown && !contacted.some((address) => address.ip === from.ip && address.port === from.port)) return;
    const mapped = nat.mapped?.(localPort) ?? { family: 'IPv4', ip: PUBLIC_IP, port: localPort };
    const answer = encodeMessage({
      method: Method.Binding,
      cls: 'success',
      transactionId: request.transactionId,
      attributes: [
        { type: Attr.XOR_MAPPED_ADDRESS, value: encodeXorAddressValue(mapped, request.transactionId) },
        ...(withOther ? [{ type: Attr.OTHER_ADDRESS, value: encodeAddressValue(OTHER) }] : []),
      ],
      fingerprint: true,
    });
    clock.setTimeout(() => endpoint.deliver(answer, from), nat.delayMs?.(n) ?? 5);
  };
  return served;
}

// Lets promise callbacks run between clock steps.
export const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

// Advances the fake clock in steps until `done` settles (or the step budget runs out).
export async function runClock<T>(clock: FakeClock, done: Promise<T>, stepMs = 5, maxMs = 600_000): Promise<T> {
  let settled = false;
  void done.then(() => (settled = true), () => (settled = true));
  for (let elapsed = 0; !settled && elapsed < maxMs; elapsed += stepMs) {
    clock.advance(stepMs);
    await flush();
  }
  return done;
}
