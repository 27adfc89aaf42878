// The local RTP-port scan with real sockets: ports held by another program are found, the rest
// are free, and the whole SwyxWare range (1001 ports) is scanned in well under a second or two.
import { createSocket, type Socket } from 'node:dgram';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_RTP_RANGE, describePortScan, scanLocalPorts } from '../../../electron/media/local-ports';

const held: Socket[] = [];

// Another program's socket. Ports of 55000–56000 can be in use by chance (Linux hands out
// ephemeral ports from 32768–60999), so take the first ones that are free.
async function holdPort(port: number, address?: string): Promise<boolean> {
  const socket = createSocket('udp4');
  return new Promise((resolve) => {
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind({ port, address, exclusive: true }, () => {
      held.push(socket);
      resolve(true);
    });
  });
}

async function holdSome(candidates: number[], count: number, address?: string): Promise<number[]> {
  const ports: number[] = [];
  for (const port of candidates) {
    if (ports.length === count) break;
    if (await holdPort(port, address)) ports.push(port);
  }
  return ports;
}

afterAll(async () => {
  await Promise.all(held.map((socket) => new Promise<void>((resolve) => socket.close(() => resolve()))));
});

describe('local RTP-port scan', () => {
  it('scans all 1001 ports of 55000–56000 quickly and names the ones another program holds', async () => {
    const mine = await holdSome([55000, 55001, 55500, 56000, 55999, 55777], 3);
    const loopbackOnly = await holdSome([55321, 55322, 55323], 1, '127.0.0.1'); // a wildcard bind conflicts with it too
    const scan = await scanLocalPorts(DEFAULT_RTP_RANGE);
    console.log(`[media] local scan of 1001 ports: ${scan.ms} ms, ${scan.free} free, taken: ${scan.taken.join(', ')}`);
    expect(scan.errors).toEqual([]);
    expect(scan.free + scan.taken.length).toBe(1001);
    for (const port of [...mine, ...loopbackOnly]) expect(scan.taken).toContain(port);
    expect(scan.ms).toBeLessThan(5000);
    expect(describePortScan(scan)).toContain('held by another program');
  });

  it('binds no more sockets at once than asked and leaves every port free again', async () => {
    const range = { from: 55600, to: 55663 };
    const first = await scanLocalPorts(range, '127.0.0.1', { concurrency: 4 });
    const second = await scanLocalPorts(range, '127.0.0.1');
    expect(second.free).toBe(first.free); // the first scan closed everything it opened
  });

  it('reports an address that is not this machine’s once, with every port it hit', async () => {
    const scan = await scanLocalPorts({ from: 55010, to: 55019 }, '192.0.2.77');
    expect(scan.free).toBe(0);
    expect(scan.errors).toEqual([expect.objectContaining({ code: 'net/address-not-available', ports: Array.from({ length: 10 }, (_, i) => 55010 + i) })]);
  });
});
