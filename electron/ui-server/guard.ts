// Who may talk to the browser-mode server: only a page from this very server, on loopback,
// holding the token printed at start. Host is checked against DNS rebinding, Origin against
// cross-site requests, and the token against every other local user and program.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { errorOf, type ErrorData } from '../../shared/result';

export const TOKEN_COOKIE = 'trunkcheck_token';
export const TOKEN_HEADER = 'x-trunkcheck-token';

// A refusal is a code; the server words it in the request's language.
export type GuardVerdict = { ok: true } | { ok: false; status: 403 | 421; reason: ErrorData };

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function tokenFromRequest(request: IncomingMessage, url: URL): string | undefined {
  const header = request.headers[TOKEN_HEADER];
  if (typeof header === 'string') return header;
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  const cookies = request.headers.cookie ?? '';
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return undefined;
}

export function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function checkRequest(request: IncomingMessage, url: URL, port: number, token: string): GuardVerdict {
  const hosts = allowedHosts(port);
  const host = request.headers.host;
  if (host === undefined || !hosts.has(host.toLowerCase())) {
    return { ok: false, status: 421, reason: errorOf('http/wrong-host', { hosts: [...hosts] }) };
  }
  const origin = request.headers.origin;
  // An Origin is scheme://host:port exactly; a bare "127.0.0.1:PORT" or https:// is not this server.
  if (origin !== undefined && origin !== 'null' && !(/^http:\/\//i.test(origin) && hosts.has(origin.slice('http://'.length).toLowerCase()))) {
    return { ok: false, status: 403, reason: errorOf('http/other-site') };
  }
  if (origin === 'null') return { ok: false, status: 403, reason: errorOf('http/other-site') };
  if (!sameToken(tokenFromRequest(request, url), token)) {
    return { ok: false, status: 403, reason: errorOf('http/no-token') };
  }
  return { ok: true };
}
