// Browser mode: the server's own plain answers (a refused request, a missing file, the wrong
// method, a request too large or too slow) are codes, worded in the language the request's
// Accept-Language ranks highest, else English; and the token redirect keeps the wizard's first
// language (`trunkcheck ui --lang de` opens /?lang=de).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/handlers';
import { requestLanguage } from '../../electron/ui-server/accept-language';
import { startUiServer, type UiServer } from '../../electron/ui-server/server';
import { englishLines } from '../support/english';

const root = mkdtempSync(join(tmpdir(), 'trunkcheck-ui-lang-'));
const webRoot = join(root, 'renderer');
let server: UiServer;
let quick: UiServer; // short timeouts, for the request that trickles in

const start = (timeouts?: { headersMs: number; requestMs: number }): Promise<UiServer> =>
  startUiServer({ handlers: createHandlers({ mode: 'browser', storeDir: join(root, 'store') }), staticDir: webRoot, ...(timeouts ? { timeouts } : {}) });

beforeAll(async () => {
  mkdirSync(webRoot, { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>TrunkCheck</title>');
  server = await start();
  quick = await start({ headersMs: 1000, requestMs: 1500 });
});

afterAll(async () => {
  await server?.close();
  await quick?.close();
  rmSync(root, { recursive: true, force: true });
});

interface Answer {
  readonly status: number;
  readonly head: string;
  readonly body: string;
}

// Raw HTTP/1.1, read until the server closes: what is written is exactly what goes on the wire.
function exchange(port: number, text: string, trickle = false): Promise<Answer> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const all = Buffer.concat(chunks).toString('utf8');
      const split = all.indexOf('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(all)?.[1] ?? 0), head: all.slice(0, split), body: all.slice(split + 4).trim() });
    });
    socket.on('connect', () => {
      socket.write(text);
      // A body that never finishes: one byte now and then, until the server gives up.
      if (trickle) {
        const timer = setInterval(() => (socket.writable ? socket.write(' ') : clearInterval(timer)), 100);
        socket.on('close', () => clearInterval(timer));
      }
    });
  });
}

type Lines = (port: number, token: string) => string[];

function ask(target: UiServer, lines: Lines, language: string | null, body = ''): Promise<Answer> {
  const head = [...lines(target.port, target.token), 'Connection: close', ...(language === null ? [] : [`Accept-Language: ${language}`])];
  return exchange(target.port, `${head.join('\r\n')}\r\n\r\n${body}`);
}

const get = (path: string, token = true): Lines => (port, secret) => [`GET ${path} HTTP/1.1`, `Host: 127.0.0.1:${port}`, ...(token ? [`X-TrunkCheck-Token: ${secret}`] : [])];
const CASES: [string, Lines, number, string?][] = [
  ['no token', get('/', false), 403],
  ['a request from another web site', (port, token) => [...get('/')(port, token), 'Origin: http://evil.example'], 403],
  ['a foreign Host', () => ['GET / HTTP/1.1', 'Host: evil.example'], 421],
  ['a missing file', get('/nope.js'), 404],
  ['PUT on a file', (port, token) => [`PUT / HTTP/1.1`, `Host: 127.0.0.1:${port}`, `X-TrunkCheck-Token: ${token}`, 'Content-Length: 0'], 405],
  ['GET on an action', get('/api/invoke/app:info'), 405],
  ['a body too large', (port, token) => [`POST /api/invoke/app:info HTTP/1.1`, `Host: 127.0.0.1:${port}`, `X-TrunkCheck-Token: ${token}`, `Content-Length: ${5 * 1024 * 1024}`], 413, '{'],
];

// The sentence of an answer: the plain text, or the "text" beside a JSON error.
const sentence = (answer: Answer): string => (answer.body.startsWith('{') ? (JSON.parse(answer.body) as { text: string }).text : answer.body);

describe('the browser-mode server answers in the request’s language', () => {
  it.each(CASES)('says why it refuses %s in German for Accept-Language de, in English otherwise', async (_what, lines, status, body = '') => {
    const german = await ask(server, lines, 'de-DE,de;q=0.9,en;q=0.8', body);
    const english = await ask(server, lines, null, body);
    expect(german.status).toBe(status);
    expect(english.status).toBe(status);
    expect(sentence(german).length).toBeGreaterThan(10);
    expect(englishLines(sentence(german)), sentence(german)).toEqual([]);
    expect(sentence(german)).not.toBe(sentence(english));
    // Umlauts need the charset on plain text; JSON is UTF-8 by definition (RFC 8259 §8.1).
    expect(german.head).toMatch(/\r\nContent-Type: (text\/plain; charset=utf-8|application\/json)\r\n/i);
    // An English browser that also reads German gets English.
    expect(sentence(await ask(server, lines, 'en-US,en;q=0.9,de;q=0.8', body))).toBe(sentence(english));
  });

  it('says that a request came in too slowly in German when its headers asked for it', async () => {
    const head = (language: string | null) =>
      [`POST /api/invoke/app:info HTTP/1.1`, `Host: 127.0.0.1:${quick.port}`, `X-TrunkCheck-Token: ${quick.token}`, 'Content-Length: 1000', ...(language ? [`Accept-Language: ${language}`] : [])].join('\r\n') + '\r\n\r\n';
    const [german, english] = await Promise.all([exchange(quick.port, head('de'), true), exchange(quick.port, head(null), true)]);
    expect(german.status).toBe(408);
    expect(german.body).toBe('Die Anfrage kam zu langsam an und wurde verworfen.');
    expect(english.body).toBe('The request came in too slowly and was dropped.');
  }, 10_000);

  it('keeps the wizard’s first language, and only one of its own, when it moves the token into a cookie', async () => {
    const redirect = async (query: string) => (await ask(server, (port) => [`GET /?token=${server.token}${query} HTTP/1.1`, `Host: 127.0.0.1:${port}`], null)).head;
    expect(await redirect('&lang=de')).toMatch(/\r\nLocation: \/\?lang=de\r\n/i);
    expect(await redirect('&lang=en')).toMatch(/\r\nLocation: \/\?lang=en\r\n/i);
    expect(await redirect('&lang=%0d%0aSet-Cookie:x')).toMatch(/\r\nLocation: \/\r\n/i);
    expect(await redirect('')).toMatch(/\r\nLocation: \/\r\n/i);
  });
});

describe('Accept-Language', () => {
  it.each([
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['en-US,en;q=0.9,de;q=0.8', 'en'],
    ['fr-FR, de;q=0.5', 'de'],
    ['fr-FR, it', 'en'],
    ['en;q=0.5, de-AT;q=0.7', 'de'],
    ['de;q=0, en', 'en'],
    ['de, en', 'de'],
    ['*', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('reads %j as %s', (header, language) => {
    expect(requestLanguage(header)).toBe(language);
  });
});
