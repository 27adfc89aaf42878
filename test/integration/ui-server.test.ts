// Browser mode's guard: loopback only, a token, Host and Origin checked, no path traversal,
// and the IPC contract over HTTP reaching the real handlers.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/handlers';
import { startUiServer, type UiServer } from '../../electron/ui-server/server';
import { startCoturn, type Coturn } from '../support/coturn';

let server: UiServer;
let coturn: Coturn;
const root = mkdtempSync(join(tmpdir(), 'trunkcheck-ui-'));
const webRoot = join(root, 'renderer');

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

// node:http rather than fetch: fetch will not let a test forge Host or Origin.
function call(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${server.port}`, ...options.headers } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = () => ({ 'X-TrunkCheck-Token': server.token });

beforeAll(async () => {
  mkdirSync(webRoot, { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>TrunkCheck</title>');
  writeFileSync(join(root, 'secret.txt'), 'outside the web root');
  coturn = await startCoturn();
  server = await startUiServer({ handlers: createHandlers({ mode: 'browser', storeDir: join(root, 'store') }), staticDir: webRoot });
});

afterAll(async () => {
  await server?.close();
  await coturn?.stop();
});

describe('browser-mode server', () => {
  it('listens on loopback only and prints a URL with a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('refuses a request without the token with 403', async () => {
    expect((await call('/')).status).toBe(403);
    expect((await call('/api/invoke/app:info', { method: 'POST', body: 'null' })).status).toBe(403);
    expect((await call('/', { headers: { 'X-TrunkCheck-Token': server.token.slice(1) + 'x' } })).status).toBe(403);
  });

  it('trades the token in the URL for an HttpOnly, SameSite cookie and serves the page with it', async () => {
    const first = await call(`/?token=${server.token}`);
    expect(first.status).toBe(303);
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await call('/', { headers: { Cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>TrunkCheck</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin (cross-site request)', async () => {
    expect((await call('/', { headers: { ...auth(), Host: `evil.example:${server.port}` } })).status).toBe(421);
    expect((await call('/api/invoke/app:info', { method: 'POST', body: 'null', headers: { ...auth(), Origin: 'http://evil.example' } })).status).toBe(403);
    expect((await call('/api/invoke/app:info', { method: 'POST', body: 'null', headers: { ...auth(), Origin: 'null' } })).status).toBe(403);
    expect((await call('/api/invoke/app:info', { method: 'POST', body: 'null', headers: { ...auth(), Origin: `http://localhost:${server.port}` } })).status).toBe(200);
  });

  it('never serves a file outside the web root', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/a/../../secret.txt', '/%00']) {
      const reply = await call(path, { headers: auth() });
      expect(reply.body).not.toContain('outside the web root');
      expect([400, 404]).toContain(reply.status);
    }
  });

  it('carries the IPC contract to the real handlers', async () => {
    const info = JSON.parse((await call('/api/invoke/app:info', { method: 'POST', body: 'null', headers: auth() })).body);
    expect(info).toMatchObject({ ok: true, value: { name: 'TrunkCheck', mode: 'browser', defaults: { sipPort: 65002 } } });
    const sipPort = 45000 + Math.floor(Math.random() * 5000);
    const check = JSON.parse(
      (await call('/api/invoke/stun:public-address', { method: 'POST', body: JSON.stringify({ stun: `127.0.0.1:${coturn.port}`, localIp: '127.0.0.1', sipPort }), headers: auth() })).body,
    );
    expect(check).toMatchObject({ ok: true, value: { ok: true, binding: { mapped: { ip: '127.0.0.1', port: sipPort } } } });
  });

  it('runs the keep-alive monitor and streams its events to the page, and holds the SIP port until stopped', async () => {
    const events: string[] = [];
    const stream = await new Promise<import('node:http').IncomingMessage>((resolve) => {
      httpRequest({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { Host: `127.0.0.1:${server.port}`, ...auth() } }, resolve).end();
    });
    stream.on('data', (chunk: Buffer) => events.push(chunk.toString()));
    const sipPort = 45000 + Math.floor(Math.random() * 5000);
    const started = JSON.parse(
      (await call('/api/invoke/monitor:start', { method: 'POST', body: JSON.stringify({ stun: `127.0.0.1:${coturn.port}`, localIp: '127.0.0.1', sipPort, intervalSec: 0.3 }), headers: auth() })).body,
    );
    expect(started).toMatchObject({ ok: true, value: { local: { port: sipPort }, intervalSec: 0.3 } });
    const busy = JSON.parse((await call('/api/invoke/stun:public-address', { method: 'POST', body: JSON.stringify({ stun: `127.0.0.1:${coturn.port}`, sipPort }), headers: auth() })).body);
    expect(busy).toMatchObject({ ok: false, error: { code: 'app/monitor-running' } });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const stopped = JSON.parse((await call('/api/invoke/monitor:stop', { method: 'POST', body: 'null', headers: auth() })).body);
    stream.destroy();
    expect(stopped.ok).toBe(true);
    expect(stopped.value.answered).toBeGreaterThanOrEqual(2);
    const text = events.join('');
    expect(text).toContain('event: monitor');
    expect(text).toContain('"kind":"started"');
    expect(JSON.parse((await call('/api/invoke/monitor:stop', { method: 'POST', body: 'null', headers: auth() })).body)).toEqual({ ok: true, value: null });
  });

  it('builds the checklist from a real report, exports it, and keeps it in the site history', async () => {
    const report = JSON.parse(readFileSync('test/fixtures/report-masquerade.json', 'utf8'));
    const site = { name: 'Head office', customer: 'Müller GmbH', technician: 'J. Weiß' };
    const built = JSON.parse((await call('/api/invoke/checklist:build', { method: 'POST', body: JSON.stringify({ report, site, language: 'de' }), headers: auth() })).body);
    expect(built.ok).toBe(true);
    expect(built.value.checklist.rules).toHaveLength(4);
    expect(built.value.firewall.map((f: { id: string }) => f.id)).toContain('fortigate');
    const pdf = JSON.parse((await call('/api/invoke/checklist:export', { method: 'POST', body: JSON.stringify({ checklist: built.value.checklist, format: 'pdf' }), headers: auth() })).body);
    expect(pdf.value.mime).toBe('application/pdf');
    expect(Buffer.from(pdf.value.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const saved = JSON.parse((await call('/api/invoke/history:save', { method: 'POST', body: JSON.stringify({ siteId: 'head-office', report, checklist: built.value.checklist }), headers: auth() })).body);
    expect(saved.value.map((entry: { kind: string }) => entry.kind)).toEqual(['report', 'checklist']);
    const other = JSON.parse(readFileSync('test/fixtures/report-random-fully.json', 'utf8'));
    await call('/api/invoke/history:save', { method: 'POST', body: JSON.stringify({ siteId: 'head-office', report: other }), headers: auth() });
    const listed = JSON.parse((await call('/api/invoke/history:list', { method: 'POST', body: JSON.stringify({ siteId: 'head-office' }), headers: auth() })).body);
    expect(listed.value.entries.length).toBeGreaterThanOrEqual(3);
    expect(listed.value.changes).toContainEqual(expect.objectContaining({ topic: 'nat', message: expect.objectContaining({ code: 'change/nat-type', to: 'symmetric' }) }));
    const bad = JSON.parse((await call('/api/invoke/checklist:export', { method: 'POST', body: JSON.stringify({ checklist: { nope: 1 }, format: 'pdf' }), headers: auth() })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'checklist/unknown-version' } });
  });

  it('answers bad requests with typed errors, never a crash', async () => {
    const badJson = await call('/api/invoke/app:info', { method: 'POST', body: '{', headers: auth() });
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body)).toEqual({ ok: false, error: { code: 'ipc/not-json' }, text: 'The request body is not valid JSON.' });
    const unknown = JSON.parse((await call('/api/invoke/fs:delete', { method: 'POST', body: 'null', headers: auth() })).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'ipc/unknown-channel' } });
    const invalid = JSON.parse((await call('/api/invoke/stun:public-address', { method: 'POST', body: '{"stun":5}', headers: auth() })).body);
    expect(invalid).toEqual({ ok: false, error: { code: 'request/stun-server' }, text: expect.stringContaining('The STUN server must be written as host or host:port') });
    const huge = await call('/api/invoke/app:info', { method: 'POST', body: 'x'.repeat(5 * 1024 * 1024), headers: auth() }).catch(() => ({ status: 413 }));
    expect(huge.status).toBe(413);
    expect((await call('/api/invoke/app:info', { headers: auth() })).status).toBe(405);
  });
});
