// HTTP to the router's UPnP server, against servers that misbehave on purpose (a fake peer for
// hostile answers no real IGD sends): every end is a typed outcome within the deadline.
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchBounded, type FetchOptions } from '../../../electron/net/gateway/http-fetch';

const servers: Server[] = [];
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

// A raw TCP server on loopback that does `serve` with each connection.
async function rawServer(serve: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    serve(socket);
  });
  servers.push(server);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return (server.address() as { port: number }).port;
}

const afterRequest = (socket: Socket, then: () => void): void => {
  let seen = '';
  socket.on('data', (chunk) => {
    seen += chunk.toString('latin1');
    if (seen.includes('\r\n\r\n')) then();
  });
};

const options = (overrides: Partial<FetchOptions> = {}): FetchOptions => ({
  method: 'GET',
  maxBytes: 4096,
  deadline: performance.now() + 300,
  signal: new AbortController().signal,
  ...overrides,
});

const url = (port: number, path = '/rootDesc.xml') => ({ host: '127.0.0.1', port, path });

describe('HTTP to the router', () => {
  it('reads a small answer', async () => {
    const port = await rawServer((socket) => afterRequest(socket, () => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\n<a/>\n')));
    expect(await fetchBounded(url(port), options())).toEqual({ ok: true, status: 200, body: '<a/>\n' });
  });

  it('refuses a body announced larger than allowed, before reading it', async () => {
    const port = await rawServer((socket) => afterRequest(socket, () => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 1073741824\r\n\r\n')));
    expect(await fetchBounded(url(port), options())).toEqual({ ok: false, problem: 'too-large' });
  });

  it('stops an endless chunked body at the size limit', async () => {
    const port = await rawServer((socket) =>
      afterRequest(socket, () => {
        socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
        const chunk = `400\r\n${'x'.repeat(1024)}\r\n`;
        const timer = setInterval(() => (socket.writable ? socket.write(chunk) : clearInterval(timer)), 1);
        socket.on('close', () => clearInterval(timer));
      }),
    );
    const started = performance.now();
    expect(await fetchBounded(url(port), options())).toEqual({ ok: false, problem: 'too-large' });
    expect(performance.now() - started).toBeLessThan(300);
  });

  it('gives up at the deadline on a server that never answers', async () => {
    const port = await rawServer(() => undefined);
    const started = performance.now();
    expect(await fetchBounded(url(port), options({ deadline: performance.now() + 100 }))).toEqual({ ok: false, problem: 'timeout' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('gives up at the deadline on a server that trickles its answer a byte at a time', async () => {
    const port = await rawServer((socket) =>
      afterRequest(socket, () => {
        const answer = `HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n${'x'.repeat(100)}`;
        let at = 0;
        const timer = setInterval(() => (socket.writable && at < answer.length ? socket.write(answer[at++]!) : clearInterval(timer)), 10);
        socket.on('close', () => clearInterval(timer));
      }),
    );
    expect(await fetchBounded(url(port), options({ deadline: performance.now() + 150 }))).toEqual({ ok: false, problem: 'timeout' });
  });

  it('says "refused" for a closed port', async () => {
    const port = await rawServer(() => undefined);
    await new Promise((done) => servers.pop()!.close(done));
    expect(await fetchBounded(url(port), options())).toEqual({ ok: false, problem: 'refused' });
  });

  it('says "malformed" for something that is not HTTP', async () => {
    const port = await rawServer((socket) => afterRequest(socket, () => socket.end('SSH-2.0-OpenSSH_9.2\r\n')));
    expect(await fetchBounded(url(port), options())).toEqual({ ok: false, problem: 'malformed' });
  });

  it('says "malformed" for headers beyond 8 KiB', async () => {
    const port = await rawServer((socket) => afterRequest(socket, () => socket.end(`HTTP/1.1 200 OK\r\nX-Pad: ${'a'.repeat(20_000)}\r\nContent-Length: 0\r\n\r\n`)));
    expect(await fetchBounded(url(port), options())).toEqual({ ok: false, problem: 'malformed' });
  });

  it('does not follow a redirect: the status is the answer', async () => {
    const port = await rawServer((socket) => afterRequest(socket, () => socket.end('HTTP/1.1 302 Found\r\nLocation: http://203.0.113.66/\r\nContent-Length: 0\r\n\r\n')));
    expect(await fetchBounded(url(port), options())).toEqual({ ok: true, status: 302, body: '' });
  });

  it('stops when cancelled', async () => {
    const port = await rawServer(() => undefined);
    const cancel = new AbortController();
    setTimeout(() => cancel.abort(), 20);
    const started = performance.now();
    expect(await fetchBounded(url(port), options({ signal: cancel.signal, deadline: performance.now() + 5000 }))).toEqual({ ok: false, problem: 'cancelled' });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('sends the SOAP request as a POST with its body and headers', async () => {
    let request = '';
    const port = await rawServer((socket) => {
      socket.on('data', (chunk) => {
        request += chunk.toString('latin1');
        if (request.endsWith('</x>')) socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
      });
    });
    const fetched = await fetchBounded(url(port, '/ctl/IPConn'), options({ method: 'POST', headers: { SOAPAction: '"urn:x#A"' }, body: '<x>ü</x>' }));
    expect(fetched).toEqual({ ok: true, status: 200, body: '' });
    expect(request).toMatch(/^POST \/ctl\/IPConn HTTP\/1\.1\r\n/);
    expect(request).toContain(`Host: 127.0.0.1:${port}\r\n`);
    expect(request).toContain('SOAPAction: "urn:x#A"\r\n');
    expect(request).toContain('Content-Length: 9\r\n');
  });
});
