// One UDP question to the router (NAT-PMP, PCP, SSDP unicast) on loopback: a closed port is known
// at once, silence lasts until the deadline, a lost request is sent again after 250 ms (RFC 6886
// §3.1), and only the router's own address and port are heard. The peers are fakes for what a
// real server does not do on purpose: lose a request, answer garbage, or answer from elsewhere.
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { exchange, natPmpSends } from '../../../electron/net/gateway/udp-exchange';
import { fromHex } from '../../../shared/bytes';
import { decodePublicAddressAnswer, encodePublicAddressRequest } from '../../../shared/gateway/nat-pmp';
import { NAT_PMP_PUBLIC } from '../gateway/fixtures/miniupnpd';

const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});

async function peer(onRequest: (request: Buffer, from: RemoteInfo, self: Socket) => void): Promise<number> {
  const socket = createSocket('udp4');
  sockets.push(socket);
  socket.on('message', (request, from) => onRequest(request, from, socket));
  await new Promise<void>((bound) => socket.bind(0, '127.0.0.1', bound));
  return socket.address().port;
}

const ANSWER = fromHex(NAT_PMP_PUBLIC)!;
const ask = (port: number, budgetMs: number, signal = new AbortController().signal) =>
  exchange({ ip: '127.0.0.1', port }, () => [encodePublicAddressRequest()], decodePublicAddressAnswer, { sends: natPmpSends(budgetMs), deadline: performance.now() + budgetMs, signal });

describe('a UDP question to the router', () => {
  it('sends at 0 and 250 ms within a 350 ms budget, and the RFC 6886 §3.1 doubling beyond', () => {
    expect(natPmpSends(350)).toEqual([0, 250]);
    expect(natPmpSends(100)).toEqual([0]);
    expect(natPmpSends(1e6)).toEqual([0, 250, 750, 1750, 3750, 7750, 15750, 31750, 63750]);
  });

  it('reads the answer', async () => {
    const port = await peer((_request, from, self) => self.send(ANSWER, from.port, from.address));
    expect(await ask(port, 350)).toMatchObject({ kind: 'answer', value: { kind: 'address', ip: '11.0.0.1' } });
  });

  it('knows at once when nothing listens (ICMP port unreachable)', async () => {
    const port = await peer(() => undefined);
    sockets.pop()!.close();
    const started = performance.now();
    expect(await ask(port, 350)).toEqual({ kind: 'closed' });
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('asks again after 250 ms when the first request is lost', async () => {
    let requests = 0;
    const port = await peer((_request, from, self) => {
      if (++requests === 2) self.send(ANSWER, from.port, from.address);
    });
    const outcome = await ask(port, 350);
    expect(outcome).toMatchObject({ kind: 'answer' });
    expect(outcome.kind === 'answer' && outcome.ms).toBeGreaterThanOrEqual(245);
  });

  it('waits out the budget for a router that stays silent', async () => {
    const port = await peer(() => undefined);
    const started = performance.now();
    expect(await ask(port, 200)).toEqual({ kind: 'silent' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
  });

  it('reports garbage as malformed, at the deadline, in case a real answer follows', async () => {
    const port = await peer((_request, from, self) => self.send(Buffer.from('garbage!'), from.port, from.address));
    expect(await ask(port, 150)).toEqual({ kind: 'malformed', where: 'nat-pmp/not-a-response' });
  });

  it('does not hear an answer from another port than the router’s (RFC 6886 §3.1)', async () => {
    const impostor = createSocket('udp4');
    sockets.push(impostor);
    await new Promise<void>((bound) => impostor.bind(0, '127.0.0.1', bound));
    const port = await peer((_request, from) => impostor.send(ANSWER, from.port, from.address));
    expect(await ask(port, 150)).toEqual({ kind: 'silent' });
  });

  it('stops when cancelled', async () => {
    const port = await peer(() => undefined);
    const cancel = new AbortController();
    setTimeout(() => cancel.abort(), 20);
    const started = performance.now();
    expect(await ask(port, 5000, cancel.signal)).toEqual({ kind: 'cancelled' });
    expect(performance.now() - started).toBeLessThan(500);
  });
});
