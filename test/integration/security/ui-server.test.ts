// The browser-mode server under attack, beyond the contract test in test/integration/ui-server.test.ts:
// where it listens, the token's strength, Host/Origin edge cases (DNS rebinding), path traversal
// in every spelling and through symbolic links, methods, body limits, slow clients, event streams.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/handlers';
import { MAX_EVENT_STREAMS, startUiServer, type UiServer } from '../../../electron/ui-server/server';

let server: UiServer;
const root = mkdtempSync(join(tmpdir(), 'trunkcheck-ui-sec-'));
const webRoot = join(root, 'renderer');
const SECRET = 'outside-the-web-root-secret';

// Raw HTTP/1.1 over a socket: the path and headers go on the wire exactly as written.
function raw(head: string, body = '', port = server.port, host = '127.0.0.1'): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
    socket.write(head.replace(/\n/g, '\r\n') + '\r\n' + body);
    socket.setTimeout(3000, () => socket.destroy());
  });
}
const get = (path: string, headers: string[] = []): Promise<{ status: number; text: string }> =>
  raw([`GET ${path} HTTP/1.1`, `Host: 127.0.0.1:${server.port}`, `X-TrunkCheck-Token: ${server.token}`, 'Connection: close', ...headers, ''].join('\n'));

function openSocket(port = server.port): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => resolve(socket));
    socket.on('error', reject);
  });
}

beforeAll(async () => {
  mkdirSync(join(webRoot, 'assets'), { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>TrunkCheck</title>');
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  mkdirSync(join(root, 'outside'));
  writeFileSync(join(root, 'outside', 'index.html'), SECRET);
  symlinkSync(join(root, 'secret.txt'), join(webRoot, 'link.txt'));
  symlinkSync(join(root, 'outside'), join(webRoot, 'linkdir'));
  symlinkSync('/etc/passwd', join(webRoot, 'passwd.js'));
  server = await startUiServer({ handlers: createHandlers({ mode: 'browser', storeDir: join(root, 'store') }), staticDir: webRoot });
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('browser-mode server: where it listens and the token', () => {
  it('is reachable on 127.0.0.1 only, not on 127.0.0.2, ::1 or any LAN address', async () => {
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect((await get('/')).status).toBe(200);
    const others = ['127.0.0.2', '::1', ...Object.values(networkInterfaces()).flatMap((list) => (list ?? []).filter((entry) => !entry.internal).map((entry) => entry.address))];
    for (const host of others) {
      await expect(raw(`GET / HTTP/1.1\nHost: x\nConnection: close\n`, '', server.port, host)).rejects.toMatchObject({ code: expect.stringMatching(/ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH|EINVAL/) });
    }
  });

  it('makes a fresh 192-bit token each start, URL-safe, compared in constant time', async () => {
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(Buffer.from(server.token, 'base64url')).toHaveLength(24);
    const second = await startUiServer({ handlers: createHandlers({ mode: 'browser', storeDir: join(root, 'store2') }), staticDir: webRoot });
    try {
      expect(second.token).not.toBe(server.token);
      expect(new Set(server.token).size).toBeGreaterThan(12); // not a constant or a counter
    } finally {
      await second.close();
    }
    for (const wrong of ['', server.token.toUpperCase() === server.token ? 'x' : server.token.toUpperCase(), server.token + 'x', server.token.slice(0, -1)]) {
      expect((await raw(`GET / HTTP/1.1\nHost: 127.0.0.1:${server.port}\nX-TrunkCheck-Token: ${wrong}\nConnection: close\n`)).status).toBe(403);
    }
  });
});

describe('browser-mode server: Host and Origin', () => {
  const withHost = (host: string | null, extra: string[] = []) =>
    raw([`GET / HTTP/1.1`, ...(host === null ? [] : [`Host: ${host}`]), `X-TrunkCheck-Token: ${server.token}`, 'Connection: close', ...extra, ''].join('\n'));

  it('answers for 127.0.0.1:PORT and localhost:PORT in any case', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `LOCALHOST:${server.port}`, `LocalHost:${server.port}`]) {
      expect((await withHost(host)).status, host).toBe(200);
    }
  });

  it('refuses every other Host with 421: rebinding names, suffixes, IPv6 loopback, no port, none at all', async () => {
    const port = server.port;
    for (const host of [`127.0.0.1:${port}.evil.com`, `evil.com`, `evil.com:${port}`, `localhost.:${port}`, `127.0.0.1`, `localhost`, `[::1]:${port}`, `0.0.0.0:${port}`, `127.1:${port}`, `2130706433:${port}`, `127.0.0.1:0${port}`, `sub.localhost:${port}`, `127.0.0.1:${port}@evil.com`]) {
      expect((await withHost(host)).status, host).toBe(421);
    }
    // HTTP/1.1 without Host is a 400 from Node itself; HTTP/1.0 without Host reaches our guard.
    expect([400, 421]).toContain((await withHost(null)).status);
    expect((await raw(`GET / HTTP/1.0\nX-TrunkCheck-Token: ${server.token}\n`)).status).toBe(421);
  });

  it('accepts only its own Origin, exactly spelled', async () => {
    const port = server.port;
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `HTTP://LOCALHOST:${port}`]) {
      expect((await withHost(`127.0.0.1:${port}`, [`Origin: ${origin}`])).status, origin).toBe(200);
    }
    for (const origin of ['null', 'http://evil.com', `https://127.0.0.1:${port}`, `127.0.0.1:${port}`, `http://127.0.0.1:${port}.evil.com`, `http://127.0.0.1:${port}/`, `http://[::1]:${port}`, `file://`, `http://127.0.0.1:${port + 1}`]) {
      expect((await withHost(`127.0.0.1:${port}`, [`Origin: ${origin}`])).status, origin).toBe(403);
    }
  });

  it('moves the token into a cookie and redirects only within this server', async () => {
    for (const path of [`//evil.com/?token=${server.token}`, `/\\evil.com?token=${server.token}`, `///evil.com?token=${server.token}`]) {
      const reply = await get(path);
      expect(reply.status).toBe(303);
      const location = /\r\nLocation: ([^\r]*)/i.exec(reply.text)?.[1] ?? '';
      expect(location, path).toMatch(/^\/(?![/\\])/);
    }
  });
});

describe('browser-mode server: static files', () => {
  it('serves the web root', async () => {
    expect((await get('/assets/app.js')).status).toBe(200);
    expect((await get('/%61ssets/app.js')).status).toBe(200);
  });

  it('never serves a file outside the web root, whatever the spelling', async () => {
    const paths = [
      '/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/%252e%252e%252fsecret.txt',
      '/..\\secret.txt', '/..%5csecret.txt', '/%c0%ae%c0%ae/secret.txt', '/%e0%80%ae%e0%80%ae/secret.txt', '/..%c0%afsecret.txt',
      '/．．/secret.txt', '/%ef%bc%8e%ef%bc%8e/secret.txt', '/assets/../../secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt',
      '/' + encodeURIComponent(join(root, 'secret.txt')), '//' + join(root, 'secret.txt'), '/secret.txt%00.html', '/%00',
      '/link.txt', '/linkdir/', '/linkdir/index.html', '/passwd.js', '/assets/..%2f..%2flink.txt',
    ];
    for (const path of paths) {
      const reply = await get(path);
      expect(reply.text, path).not.toContain(SECRET);
      expect(reply.text, path).not.toContain('root:');
      expect([400, 404], path).toContain(reply.status);
    }
  });
});

describe('browser-mode server: methods, bodies and slow clients', () => {
  it('answers only GET and HEAD for files and POST for actions', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND']) {
      const reply = await raw([`${method} / HTTP/1.1`, `Host: 127.0.0.1:${server.port}`, `X-TrunkCheck-Token: ${server.token}`, 'Content-Length: 0', 'Connection: close', ''].join('\n'));
      expect(reply.status, method).toBe(405);
    }
    const head = await raw([`HEAD / HTTP/1.1`, `Host: 127.0.0.1:${server.port}`, `X-TrunkCheck-Token: ${server.token}`, 'Connection: close', ''].join('\n'));
    expect(head.status).toBe(200);
    expect(head.text).not.toContain('<title>');
    const getInvoke = await get('/api/invoke/app:info');
    expect(getInvoke.status).toBe(405);
  });

  it('refuses a body over 4 MiB by its Content-Length before reading it', async () => {
    const reply = await raw([`POST /api/invoke/app:info HTTP/1.1`, `Host: 127.0.0.1:${server.port}`, `X-TrunkCheck-Token: ${server.token}`, `Content-Length: ${10 * 1024 * 1024 * 1024}`, ''].join('\n'), '{');
    expect(reply.status).toBe(413);
  });

  it('keeps answering others while a client trickles a body (slowloris)', async () => {
    const slow: Socket[] = [];
    for (let i = 0; i < 20; i++) {
      const socket = await openSocket();
      socket.write([`POST /api/invoke/app:info HTTP/1.1`, `Host: 127.0.0.1:${server.port}`, `X-TrunkCheck-Token: ${server.token}`, 'Content-Length: 1000', '', 'nu'].join('\r\n'));
      slow.push(socket);
    }
    const half: Socket = await openSocket();
    half.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`); // headers never finished
    const started = Date.now();
    const reply = await raw([`POST /api/invoke/app:info HTTP/1.1`, `Host: 127.0.0.1:${server.port}`, `X-TrunkCheck-Token: ${server.token}`, 'Content-Length: 4', 'Connection: close', ''].join('\n'), 'null');
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('"ok":true');
    expect(Date.now() - started).toBeLessThan(1000);
    for (const socket of [...slow, half]) socket.destroy();
  });
});

describe('browser-mode server: event streams', () => {
  const openStream = (): Promise<{ socket: Socket; head: string }> =>
    new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: server.port });
      let head = '';
      socket.on('data', (chunk) => {
        head += chunk.toString();
        if (head.includes('\r\n\r\n')) resolve({ socket, head });
      });
      socket.on('error', reject);
      socket.write([`GET /api/events HTTP/1.1`, `Host: 127.0.0.1:${server.port}`, `X-TrunkCheck-Token: ${server.token}`, '', ''].join('\r\n'));
    });

  it(`allows ${MAX_EVENT_STREAMS} streams at once, refuses more, and frees a slot when a client goes away`, async () => {
    const open = [];
    for (let i = 0; i < MAX_EVENT_STREAMS; i++) {
      const stream = await openStream();
      expect(stream.head).toMatch(/^HTTP\/1\.1 200/);
      open.push(stream);
    }
    expect((await openStream()).head).toMatch(/^HTTP\/1\.1 503/);
    for (const stream of open.splice(0, 4)) stream.socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (let i = 0; i < 4; i++) {
      const stream = await openStream();
      expect(stream.head).toMatch(/^HTTP\/1\.1 200/);
      open.push(stream);
    }
    for (const stream of open) stream.socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // All slots are free again after every client left.
    const again = [];
    for (let i = 0; i < MAX_EVENT_STREAMS; i++) again.push(await openStream());
    expect(again.every((stream) => stream.head.startsWith('HTTP/1.1 200'))).toBe(true);
    for (const stream of again) stream.socket.destroy();
  });
});
