// One UDP socket for STUN and SIP, exactly as the PBX uses port 65002: both protocols leave
// through the same NAT binding. Incoming datagrams are told apart by their first byte: STUN's is
// 0–3 (RFC 7983 §7); a SIP message starts with "SIP/" or with its method, which may be any token,
// "!" and "%" included (RFC 3261 §25.1, RFC 4475 §3.1.1.2). The two ranges do not meet.
import { createSocket, type Socket } from 'node:dgram';
import type { TransportAddress } from '../../shared/address';
import { fail, ok, type Result } from '../../shared/result';
import { isTokenByte } from '../../shared/sip/grammar';

export type DatagramListener = (data: Uint8Array, from: TransportAddress) => void;

export interface UdpEndpoint {
  readonly local: { readonly ip: string; readonly port: number };
  send(data: Uint8Array, to: TransportAddress): void;
  onStun(listener: DatagramListener): () => void;
  onSip(listener: DatagramListener): () => void;
  readonly stats: { received: number; sent: number; unclassified: number; sendErrors: number };
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly localIp?: string; // default: every IPv4 interface
  readonly port: number;     // 0 for any free port
}

export type Classification = 'stun' | 'sip' | 'other';

export function classifyDatagram(data: Uint8Array): Classification {
  const first = data[0];
  if (first === undefined) return 'other';
  if (first <= 3) return 'stun';
  if (isTokenByte(first)) return 'sip';
  return 'other';
}

// A port that cannot be bound: the error names the port, and its wording the likely holder and the way out.
function bindError(error: NodeJS.ErrnoException, options: OpenOptions): Result<never> {
  const ip = options.localIp ?? '0.0.0.0';
  switch (error.code) {
    case 'EADDRINUSE':
      return fail('net/port-in-use', { port: options.port });
    case 'EADDRNOTAVAIL':
      return fail('net/address-not-available', { ip });
    case 'EACCES':
      return fail('net/permission-denied', { ip, port: options.port });
    default:
      return fail('net/socket', { ip, port: options.port, detail: error.message });
  }
}

export function openUdpEndpoint(options: OpenOptions): Promise<Result<UdpEndpoint>> {
  const ipv6 = options.localIp !== undefined && options.localIp.includes(':');
  const socket: Socket = createSocket({ type: ipv6 ? 'udp6' : 'udp4', reuseAddr: false });
  const stunListeners = new Set<DatagramListener>();
  const sipListeners = new Set<DatagramListener>();
  const stats = { received: 0, sent: 0, unclassified: 0, sendErrors: 0 };

  return new Promise((resolve) => {
    const onBindError = (error: NodeJS.ErrnoException): void => {
      socket.close();
      resolve(bindError(error, options));
    };
    socket.once('error', onBindError);
    socket.bind({ port: options.port, address: options.localIp, exclusive: true }, () => {
      socket.off('error', onBindError);
      // After bind, an error event is an ICMP-driven send failure or similar: count it, stay open.
      socket.on('error', () => (stats.sendErrors += 1));
      socket.on('message', (message, info) => {
        stats.received += 1;
        const data = new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
        const from: TransportAddress = { family: info.family === 'IPv6' ? 'IPv6' : 'IPv4', ip: info.address, port: info.port };
        const kind = classifyDatagram(data);
        const listeners = kind === 'stun' ? stunListeners : kind === 'sip' ? sipListeners : undefined;
        if (listeners === undefined) {
          stats.unclassified += 1;
          return;
        }
        for (const listener of listeners) listener(data, from);
      });
      const bound = socket.address();
      let closed = false;
      resolve(
        ok({
          local: { ip: bound.address, port: bound.port },
          stats,
          send(data, to) {
            if (closed) return;
            stats.sent += 1;
            socket.send(data, to.port, to.ip, (error) => {
              if (error) stats.sendErrors += 1;
            });
          },
          onStun(listener) {
            stunListeners.add(listener);
            return () => stunListeners.delete(listener);
          },
          onSip(listener) {
            sipListeners.add(listener);
            return () => sipListeners.delete(listener);
          },
          close: () =>
            new Promise<void>((done) => {
              if (closed) return done();
              closed = true;
              stunListeners.clear();
              sipListeners.clear();
              socket.close(() => done());
            }),
        }),
      );
    });
  });
}
