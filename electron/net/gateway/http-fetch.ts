// HTTP to the router's UPnP server, which may be anything: a deadline for the whole exchange,
// a cap on the body (counted as it arrives, and refused early by Content-Length), small headers,
// no redirects, no connection reuse. Every end is a typed outcome.
import { request, type IncomingMessage } from 'node:http';
import type { HttpUrl } from '../../../shared/gateway/http-url';

export type FetchProblem = 'timeout' | 'too-large' | 'refused' | 'malformed' | 'cancelled';

export type Fetched = { readonly ok: true; readonly status: number; readonly body: string } | { readonly ok: false; readonly problem: FetchProblem };

export interface FetchOptions {
  readonly method: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly maxBytes: number;
  readonly deadline: number; // performance.now() by which the whole body must be in
  readonly signal: AbortSignal;
}

const MAX_HEADER_BYTES = 8192;

export function fetchBounded(url: HttpUrl, options: FetchOptions): Promise<Fetched> {
  return new Promise((resolve) => {
    let done = false;
    const body = options.body === undefined ? undefined : Buffer.from(options.body, 'utf8');
    const req = request({
      host: url.host,
      port: url.port,
      path: url.path,
      method: options.method,
      agent: false,
      maxHeaderSize: MAX_HEADER_BYTES,
      headers: {
        Host: `${url.host}:${url.port}`,
        Connection: 'close',
        ...(body === undefined ? {} : { 'Content-Length': String(body.length) }),
        ...options.headers,
      },
    });
    const finish = (outcome: Fetched): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      req.destroy();
      resolve(outcome);
    };
    const onAbort = (): void => finish({ ok: false, problem: 'cancelled' });
    const timer = setTimeout(() => finish({ ok: false, problem: 'timeout' }), Math.max(0, options.deadline - performance.now()));
    if (options.signal.aborted) return onAbort();
    options.signal.addEventListener('abort', onAbort, { once: true });

    req.on('error', (error: NodeJS.ErrnoException) => {
      const refused = error.code === 'ECONNREFUSED' || error.code === 'ECONNRESET' || error.code === 'EHOSTUNREACH' || error.code === 'ENETUNREACH';
      finish({ ok: false, problem: refused ? 'refused' : 'malformed' });
    });
    req.on('response', (response: IncomingMessage) => {
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) return finish({ ok: false, problem: 'too-large' });
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) return finish({ ok: false, problem: 'too-large' });
        chunks.push(chunk);
      });
      response.on('error', () => finish({ ok: false, problem: 'malformed' }));
      response.on('end', () => finish({ ok: true, status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.end(body);
  });
}
