// Issue 11 item 4: a PDF export must not freeze browser mode. The built `trunkcheck ui` (the
// real bundle, with its export worker) lays out a PDF while the same page asks for the app's
// info and a static file: both are answered before the PDF is done.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let child: ChildProcess;
let port = 0;
let token = '';

function call(path: string, body?: string, sent?: () => void): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: body === undefined ? 'GET' : 'POST', headers: { Host: `127.0.0.1:${port}`, 'X-TrunkCheck-Token': token } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (sent) req.on('finish', sent);
    req.end(body);
  });
}

beforeAll(async () => {
  if (!existsSync('out/main/export-worker.js')) throw new Error('out/main/export-worker.js is missing: run "npm run build" (npm test does it) before these tests.');
  child = spawn('node', ['bin/trunkcheck.js', 'ui'], { env: { ...process.env, TRUNKCHECK_HOME: mkdtempSync(join(tmpdir(), 'trunkcheck-home-')) } });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const deadline = Date.now() + 15_000;
  while (!/token=/.test(out) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const url = new URL(/http:\S+/.exec(out)?.[0] ?? 'http://invalid');
  port = Number(url.port);
  token = url.searchParams.get('token') ?? '';
  expect(token).not.toBe('');
});

afterAll(() => {
  child?.kill('SIGTERM');
});

describe('browser mode while an export runs', () => {
  it('answers app info and a static file while a PDF is being made', async () => {
    const report = JSON.parse(readFileSync('test/fixtures/report-masquerade.json', 'utf8'));
    const site = { name: 'Head office', customer: 'Müller GmbH', technician: 'J. Weiß' };
    const built = JSON.parse((await call('/api/invoke/checklist:build', JSON.stringify({ report, site, language: 'en' }))).body);
    expect(built.ok).toBe(true);

    const finished: string[] = [];
    let exportSent!: () => void;
    const exportOnServer = new Promise<void>((resolve) => (exportSent = resolve));
    const pdf = call('/api/invoke/checklist:export', JSON.stringify({ checklist: built.value.checklist, format: 'pdf' }), () => exportSent()).then((reply) => {
      finished.push('pdf');
      return reply;
    });
    // The export's request is on the server (a real checklist's PDF takes about a second to lay out).
    await exportOnServer;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const info = call('/api/invoke/app:info', 'null').then((reply) => {
      finished.push('app:info');
      return reply;
    });
    const page = call('/').then((reply) => {
      finished.push('index.html');
      return reply;
    });
    const [pdfReply, infoReply, pageReply] = await Promise.all([pdf, info, page]);

    expect(JSON.parse(infoReply.body)).toMatchObject({ ok: true, value: { name: 'TrunkCheck', mode: 'browser' } });
    expect(pageReply.status).toBe(200);
    const file = JSON.parse(pdfReply.body);
    expect(file).toMatchObject({ ok: true, value: { mime: 'application/pdf' } });
    expect(Buffer.from(file.value.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // Both quick requests were answered while the PDF was still being made.
    expect(finished).toHaveLength(3);
    expect(finished.at(-1)).toBe('pdf');
  });
});
