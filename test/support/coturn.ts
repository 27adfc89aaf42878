// A real coturn STUN server for the tests. With two listening addresses it answers
// RFC 5780 behaviour-discovery requests (OTHER-ADDRESS, CHANGE-REQUEST); the alternate
// port is always port + 1 (coturn's default for --alt-listening-port).
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProcess, type Started } from './processes.js';

export interface Coturn {
  readonly addresses: readonly string[];
  readonly port: number;
  readonly altPort: number;
  output(): string;
  stop(): Promise<void>;
}

export interface CoturnOptions {
  addresses?: readonly string[];
  port?: number;
  netns?: string;
  rfc5780?: boolean;
}

export function randomTestPort(): number {
  // Even ports in 20000–39998, so port + 1 (coturn's alternate) stays free too.
  return 20000 + 2 * Math.floor(Math.random() * 10000);
}

export async function startCoturn(options: CoturnOptions = {}): Promise<Coturn> {
  const addresses = options.addresses ?? ['127.0.0.1', '127.0.0.2'];
  const port = options.port ?? randomTestPort();
  const dir = mkdtempSync(join(tmpdir(), 'trunkcheck-coturn-'));
  const args = [
    '--stun-only', '--no-cli', '--no-tls', '--no-dtls', '-n',
    '--listening-port', String(port),
    '--alt-listening-port', String(port + 1),
    '--userdb', join(dir, 'turndb'),
    '--pidfile', join(dir, 'turnserver.pid'),
    '--log-file', 'stdout', '--simple-log',
    ...addresses.flatMap((address) => ['--listening-ip', address]),
    ...(options.rfc5780 === false ? ['--no-rfc5780'] : []),
  ];
  const started: Started = startProcess('turnserver', args, options.netns);
  const stop = async (): Promise<void> => {
    await started.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  if (!options.netns) {
    const ready = await waitForStun(addresses[0] ?? '127.0.0.1', port, 5000);
    if (!ready) {
      await stop();
      throw new Error(`coturn did not answer on ${addresses[0]}:${port} within 5 s:\n${started.output()}`);
    }
  }
  return { addresses, port, altPort: port + 1, output: started.output, stop };
}

// A minimal RFC 8489 Binding request, hand-built so the readiness probe does not depend on
// the codec under test.
export function waitForStun(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const request = Buffer.alloc(20);
    request.writeUInt16BE(0x0001, 0);
    request.writeUInt32BE(0x2112a442, 4);
    for (let i = 8; i < 20; i++) request[i] = Math.floor(Math.random() * 256);
    const deadline = Date.now() + timeoutMs;
    const finish = (value: boolean): void => {
      clearInterval(timer);
      socket.close();
      resolve(value);
    };
    socket.on('message', () => finish(true));
    socket.on('error', () => undefined);
    const timer = setInterval(() => {
      if (Date.now() > deadline) return finish(false);
      socket.send(request, port, host);
    }, 100);
  });
}
