// A hostile STUN "server" on loopback, for what no real server does on purpose: garbage,
// answers from the wrong address, bogus OTHER-ADDRESS, rewritten MAPPED-ADDRESS.
import { createSocket, type Socket } from 'node:dgram';
import type { TransportAddress } from '../../shared/address';
import { decodeMessage, type StunMessage } from '../../shared/stun';

export type Reply = (request: StunMessage, from: TransportAddress) => { data: Uint8Array; via?: 'main' | 'other' }[];

export interface FakePeer {
  readonly address: TransportAddress;
  readonly otherSocketAddress: TransportAddress;
  received: number;
  close(): Promise<void>;
}

async function bind(ip: string): Promise<Socket> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, ip, () => resolve()));
  return socket;
}

export async function startFakePeer(reply: Reply, otherIp = '127.0.0.3'): Promise<FakePeer> {
  const main = await bind('127.0.0.1');
  const other = await bind(otherIp);
  const peer: FakePeer = {
    address: { family: 'IPv4', ip: '127.0.0.1', port: main.address().port },
    otherSocketAddress: { family: 'IPv4', ip: otherIp, port: other.address().port },
    received: 0,
    close: async () => {
      await new Promise<void>((resolve) => main.close(() => resolve()));
      await new Promise<void>((resolve) => other.close(() => resolve()));
    },
  };
  main.on('message', (message, info) => {
    peer.received += 1;
    let request: StunMessage;
    try {
      request = decodeMessage(new Uint8Array(message));
    } catch {
      return;
    }
    for (const answer of reply(request, { family: 'IPv4', ip: info.address, port: info.port })) {
      (answer.via === 'other' ? other : main).send(answer.data, info.port, info.address);
    }
  });
  return peer;
}
