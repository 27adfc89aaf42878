// Browser mode: the wizard served on 127.0.0.1 for a server without a desktop (reach it through
// an SSH tunnel) and for the browser tests. It carries the same IPC contract over HTTP to the
// very same handlers the Electron main process registers:
//   POST /api/invoke/<channel>   JSON request body → JSON Result
//   GET  /api/events             server-sent events: "progress" (ProgressEvent), "monitor" (MonitorEvent)
import { randomBytes } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { EVENTS, type EventContract, type EventName } from '../../shared/ipc-contract';
import { errorOf, fail, type ErrorData, type Result } from '../../shared/result';
import { languageOf, word, type Language } from '../../shared/text';
import { dispatch, type Handlers } from '../handlers';
import { requestLanguage } from './accept-language';
import { checkRequest, TOKEN_COOKIE } from './guard';
import { readStatic } from './static-files';

export interface UiServer {
  readonly url: string;       // with the token: what the user opens
  readonly origin: string;
  readonly token: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface UiServerOptions {
  readonly handlers: Handlers;
  readonly staticDir: string;
  readonly port?: number;     // 0 or absent: a free port
  readonly timeouts?: UiServerTimeouts; // absent: UI_SERVER_TIMEOUTS; shorter ones for tests
}

export interface UiServerTimeouts {
  readonly headersMs: number; // the request line and headers must be in by then
  readonly requestMs: number; // the whole request, body included
}

// A report with every RTP port probed (--rtp-full) is a few hundred KiB.
const MAX_BODY_BYTES = 4 * 1024 * 1024;
// One wizard page holds one event stream; a few tabs are fine, an unbounded number is not.
export const MAX_EVENT_STREAMS = 16;
// A request (headers and body) that trickles in slower than this is dropped (slowloris): the
// figures SECURITY.md promises.
export const UI_SERVER_TIMEOUTS: UiServerTimeouts = { headersMs: 10_000, requestMs: 30_000 };
// Node checks those timeouts only every connectionsCheckingInterval (30 s by default, which made
// 10 s into 24 s): checking every tenth of the headers timeout keeps them within half a second.
const checkingIntervalMs = (timeouts: UiServerTimeouts): number => Math.max(10, Math.min(500, Math.floor(timeouts.headersMs / 10)));

// The renderer's own CSP (index.html) says the same; the header covers every response.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// On every response, whatever its kind: files, actions, refusals, the token redirect, event
// streams, and the errors Node answers itself (malformed or too slow requests).
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
const TOO_LARGE = fail('ipc/too-large', { maxMib: MAX_BODY_BYTES / 1024 / 1024 });

export function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const token = randomBytes(24).toString('base64url');
  const listeners = new Set<ServerResponse>();
  let port = 0;

  const broadcast = <E extends EventName>(name: E, event: EventContract[E]): void => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(event)}\n\n`;
    for (const response of listeners) response.write(frame);
  };

  const timeouts = options.timeouts ?? UI_SERVER_TIMEOUTS;
  const server: Server = createServer(
    { headersTimeout: timeouts.headersMs, requestTimeout: timeouts.requestMs, connectionsCheckingInterval: checkingIntervalMs(timeouts) },
    (request, response) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
      handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) send(response, 500, 'application/json', resultBody(fail('internal/error', { channel: null, detail: String(error) }), requestLanguage(request.headers['accept-language'])));
        else response.end();
      });
    },
  );
  server.on('clientError', answerClientError);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // The server's own answers are for a person reading them: in the browser's language.
    const language = requestLanguage(request.headers['accept-language']);
    const refuse = (status: number, error: ErrorData): void => send(response, status, 'text/plain; charset=utf-8', `${word(language, error)}\n`);
    const verdict = checkRequest(request, url, port, token);
    if (!verdict.ok) return refuse(verdict.status, verdict.reason);

    if (url.searchParams.has('token')) {
      // First visit: move the token into a cookie the page cannot read, and drop it from the address bar.
      response.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      // One leading slash only: "//evil.example" would be a protocol-relative redirect off this server.
      // The wizard's first language (`trunkcheck ui --lang de`) stays in the address, one of ours only.
      const lang = languageOf(url.searchParams.get('lang') ?? '');
      response.writeHead(303, { Location: url.pathname.replace(/^[/\\]+/, '/') + (lang === undefined ? '' : `?lang=${lang}`) });
      return void response.end();
    }
    if (url.pathname === '/api/events' && request.method === 'GET') {
      if (listeners.size >= MAX_EVENT_STREAMS) return refuse(503, errorOf('http/too-many-streams'));
      response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      response.write(': connected\n\n');
      listeners.add(response);
      response.on('close', () => listeners.delete(response));
      return;
    }
    const invoke = /^\/api\/invoke\/([a-z:-]{1,64})$/.exec(url.pathname);
    if (invoke) {
      if (request.method !== 'POST') return refuse(405, errorOf('http/use-post'));
      if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
        response.setHeader('Connection', 'close');
        return send(response, 413, 'application/json', resultBody(TOO_LARGE, language));
      }
      const body = await readBody(request);
      if (body === 'gone') return;
      if (body === 'too-large') {
        // A chunked body has no length to refuse up front: answer once it passes the limit, then
        // close; Node discards the rest of the body meanwhile, so the client reads the 413
        // instead of a reset connection.
        response.setHeader('Connection', 'close');
        return send(response, 413, 'application/json', resultBody(TOO_LARGE, language));
      }
      let input: unknown = null;
      if (body.length > 0) {
        try {
          input = JSON.parse(body);
        } catch {
          return send(response, 400, 'application/json', resultBody(fail('ipc/not-json'), language));
        }
      }
      const controller = new AbortController();
      response.on('close', () => {
        if (!response.writableFinished) controller.abort();
      });
      const result = await dispatch(options.handlers, invoke[1], input, {
        progress: (event) => broadcast(EVENTS.progress, event),
        monitorEvent: (event) => broadcast(EVENTS.monitor, event),
        signal: controller.signal,
      });
      return send(response, 200, 'application/json', resultBody(result, language));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, errorOf('http/method-not-allowed'));
    const file = await readStatic(options.staticDir, url.pathname);
    if (file === undefined) return refuse(404, errorOf('http/not-found'));
    response.setHeader('Cache-Control', 'no-store');
    send(response, 200, file.type, request.method === 'HEAD' ? '' : file.body);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        url: `${origin}/?token=${token}`,
        origin,
        token,
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const response of listeners) response.end();
            listeners.clear();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

// A Result as JSON. An error keeps its code and values (the wizard words it in its language) and
// gains its sentence beside it in the request's Accept-Language, for a person reading the answer
// with curl.
function resultBody(result: Result<unknown>, language: Language): string {
  return JSON.stringify(result.ok ? result : { ...result, text: word(language, result.error) });
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'Content-Type': type });
  response.end(body);
}

// Node's own answers to a request it could not read (malformed: 400; headers too large: 431;
// too slow: 408), with the same headers as every other response. A reset connection, or one
// whose response has begun, is just closed. They are in the request's language when its headers
// were read (a body that trickled in too slowly), else in English.
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  const pending = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || pending?.headersSent === true) return void socket.destroy();
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const language = requestLanguage(pending?.req?.headers['accept-language']);
  const reason = status === 408 ? errorOf('http/too-slow') : status === 431 ? errorOf('http/headers-too-large') : errorOf('http/malformed');
  const body = `${word(language, reason)}\n`;
  const headers = { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' };
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n${body}`);
}

// The body as text; 'too-large' past MAX_BODY_BYTES (the rest is then discarded unread), 'gone'
// when the client went away or was dropped as too slow before sending all of it.
function readBody(request: IncomingMessage): Promise<string | 'too-large' | 'gone'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.off('data', collect);
        chunks.length = 0;
        request.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', collect);
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve('gone'));
    request.on('close', () => resolve('gone'));
  });
}
