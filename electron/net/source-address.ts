// Which local address the operating system would send from to reach a server: a connected
// UDP socket picks it from the routing table without sending a single packet.
import { createSocket } from 'node:dgram';
import type { TransportAddress } from '../../shared/address';

export function sourceAddressFor(server: TransportAddress): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = createSocket(server.family === 'IPv6' ? 'udp6' : 'udp4');
    const done = (ip: string | null): void => {
      socket.close();
      resolve(ip);
    };
    socket.once('error', () => done(null));
    socket.connect(server.port, server.ip, () => done(socket.address().address));
  });
}
