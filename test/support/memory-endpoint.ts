// An in-memory UdpEndpoint for the client's matching rules with hostile peers (unknown
// transaction IDs, answers from the wrong address): things no real server does on purpose.
import type { TransportAddress } from '../../shared/address';
import type { DatagramListener, UdpEndpoint } from '../../electron/net/udp-endpoint';
import { classifyDatagram } from '../../electron/net/udp-endpoint';

export interface MemoryEndpoint extends UdpEndpoint {
  readonly sentPackets: { data: Uint8Array; to: TransportAddress }[];
  deliver(data: Uint8Array, from: TransportAddress): void;
}

export function memoryEndpoint(local = { ip: '192.168.100.5', port: 65002 }): MemoryEndpoint {
  const stun = new Set<DatagramListener>();
  const sip = new Set<DatagramListener>();
  const sentPackets: { data: Uint8Array; to: TransportAddress }[] = [];
  const stats = { received: 0, sent: 0, unclassified: 0, sendErrors: 0 };
  return {
    local,
    stats,
    sentPackets,
    send(data, to) {
      stats.sent += 1;
      sentPackets.push({ data, to });
    },
    onStun(listener) {
      stun.add(listener);
      return () => stun.delete(listener);
    },
    onSip(listener) {
      sip.add(listener);
      return () => sip.delete(listener);
    },
    deliver(data, from) {
      stats.received += 1;
      const kind = classifyDatagram(data);
      for (const listener of kind === 'stun' ? stun : kind === 'sip' ? sip : []) listener(data, from);
    },
    close: async () => undefined,
  };
}
