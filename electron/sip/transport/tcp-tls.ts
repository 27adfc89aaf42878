// Can the PBX reach the provider over SIP/TCP (RFC 3261 §18) and SIP/TLS (RFC 5630, port 5061)?
// Connect and handshake only, no SIP message: enough to tell a firewall that drops or rejects
// TCP from a certificate a PBX will refuse. The certificate is inspected with verification off
// and then judged here, so one run reports every problem with it, not just the first.
import { connect as connectTcp, isIP, type Socket } from 'node:net';
import { checkServerIdentity, connect as connectTls, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';
import { formatAddress } from '../../../shared/address';
import { errorOf, type ErrorData } from '../../../shared/result';
import { certificateFacts, type CertificateFacts } from './certificate';

export type { CertificateFacts } from './certificate';

export interface TransportTarget {
  readonly ip: string;
  readonly port: number;
}

export type ConnectOutcome = 'connected' | 'refused' | 'timeout' | 'unreachable' | 'failed';

export interface TcpCheck {
  readonly ok: boolean;
  readonly outcome: ConnectOutcome;
  /** Until the connection was made or the attempt ended. */
  readonly ms: number;
  readonly error?: ErrorData;
}

export type TlsProblem = 'expired' | 'not-yet-valid' | 'name-mismatch' | 'self-signed' | 'untrusted';
export type TlsOutcome = 'ok' | TlsProblem | 'handshake-failed' | Exclude<ConnectOutcome, 'connected'>;

export interface TlsCheck {
  readonly ok: boolean;
  /** 'ok', else the first entry of `problems`, else why no handshake happened. */
  readonly outcome: TlsOutcome;
  readonly ms: number;
  readonly handshake: boolean;
  readonly protocol?: string;
  readonly cipher?: string;
  readonly certificate?: CertificateFacts;
  /** tls.checkServerIdentity(servername, certificate) passed. */
  readonly nameMatches?: boolean;
  /** The chain verifies against the CAs given (or node's bundled roots). */
  readonly trusted?: boolean;
  readonly authorizationError?: string;
  readonly problems: readonly TlsProblem[];
  readonly error?: ErrorData;
}

export function checkTcp(target: TransportTarget, timeoutMs: number): Promise<TcpCheck> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connectTcp({ host: target.ip, port: target.port });
    settleOnce(socket, timeoutMs, (result) => {
      const ms = elapsed(started);
      if (result.kind === 'ready') return resolve({ ok: true, outcome: 'connected', ms });
      const outcome = connectOutcome(result);
      resolve({ ok: false, outcome, ms, error: connectError(outcome, target, timeoutMs, result.kind === 'error' ? result.code : undefined) });
    }, 'connect');
  });
}

export function checkTls(target: TransportTarget, servername: string, timeoutMs: number, ca?: string | Buffer | readonly (string | Buffer)[]): Promise<TlsCheck> {
  const started = performance.now();
  return new Promise((resolve) => {
    let tcpConnected = false;
    const socket: TLSSocket = connectTls({
      host: target.ip,
      port: target.port,
      // RFC 6066 §3: SNI carries host names only, never an IP literal.
      ...(isIP(servername) === 0 ? { servername } : {}),
      rejectUnauthorized: false,
      // Node folds a host name mismatch into `authorized`; the name is judged below on its own,
      // so that `authorized` speaks for the chain alone.
      checkServerIdentity: () => undefined,
      ...(ca === undefined ? {} : { ca: typeof ca === 'string' || Buffer.isBuffer(ca) ? ca : [...ca] }),
    });
    socket.once('connect', () => (tcpConnected = true));
    settleOnce(socket, timeoutMs, (result) => {
      const ms = elapsed(started);
      if (result.kind === 'ready') return resolve(judgeHandshake(socket, target, servername, ms));
      if (tcpConnected) {
        const error = result.kind === 'timeout'
          ? errorOf('tls/timeout', { target: formatAddress(target), ms: timeoutMs })
          : errorOf('tls/handshake-failed', { target: formatAddress(target), detail: result.message });
        return resolve({ ok: false, outcome: result.kind === 'timeout' ? 'timeout' : 'handshake-failed', ms, handshake: false, problems: [], error });
      }
      const outcome = connectOutcome(result);
      resolve({ ok: false, outcome, ms, handshake: false, problems: [], error: connectError(outcome, target, timeoutMs, result.kind === 'error' ? result.code : undefined) });
    }, 'secureConnect');
  });
}

function judgeHandshake(socket: TLSSocket, target: TransportTarget, servername: string, ms: number): TlsCheck {
  // An empty object, not null, when the server sent no certificate.
  const peer: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  const protocol = socket.getProtocol() ?? undefined;
  const cipher = socket.getCipher()?.name;
  const authorizationError = socket.authorizationError === undefined || socket.authorizationError === null
    ? undefined : String((socket.authorizationError as unknown as { code?: string }).code ?? socket.authorizationError);
  socket.destroy();
  const base = { ms, handshake: true, ...(protocol ? { protocol } : {}), ...(cipher ? { cipher } : {}) };
  if (peer === undefined || peer.raw === undefined) {
    const error = errorOf('tls/no-certificate', { target: formatAddress(target) });
    return { ...base, ok: false, outcome: 'handshake-failed', problems: [], error };
  }
  const facts = certificateFacts(peer, new Date());
  const nameMatches = checkServerIdentity(servername, peer) === undefined;
  const trusted = socket.authorized;
  const problems: TlsProblem[] = [];
  if (facts.daysUntilExpiry < 0 || authorizationError === 'CERT_HAS_EXPIRED') problems.push('expired');
  if (Date.parse(facts.validFrom) > Date.now() || authorizationError === 'CERT_NOT_YET_VALID') problems.push('not-yet-valid');
  if (!nameMatches) problems.push('name-mismatch');
  const selfSigned = authorizationError === 'DEPTH_ZERO_SELF_SIGNED_CERT' || authorizationError === 'SELF_SIGNED_CERT_IN_CHAIN';
  if (selfSigned) problems.push('self-signed');
  // OpenSSL names one reason only; an expiry or self-signature already explains `authorized: false`.
  if (!trusted && !selfSigned && authorizationError !== 'CERT_HAS_EXPIRED' && authorizationError !== 'CERT_NOT_YET_VALID') problems.push('untrusted');
  const first = problems[0];
  const judged = { ...base, certificate: facts, nameMatches, trusted, ...(authorizationError ? { authorizationError } : {}), problems };
  if (first === undefined) return { ...judged, ok: true, outcome: 'ok' };
  return { ...judged, ok: false, outcome: first, error: certificateError(first, target, servername, facts, authorizationError) };
}

// One error per problem: what is wrong with the certificate (the wording adds what to do).
function certificateError(problem: TlsProblem, target: TransportTarget, servername: string, facts: CertificateFacts, reason: string | undefined): ErrorData {
  const where = { server: servername, target: formatAddress(target) };
  switch (problem) {
    case 'expired':
      return errorOf('tls/expired', { ...where, date: facts.validTo.slice(0, 10) });
    case 'not-yet-valid':
      return errorOf('tls/not-yet-valid', { ...where, date: facts.validFrom.slice(0, 10) });
    case 'name-mismatch':
      return errorOf('tls/name-mismatch', { ...where, names: facts.subjectAltNames.length > 0 ? facts.subjectAltNames : facts.subjectCN ? [facts.subjectCN] : [] });
    case 'self-signed':
      return errorOf('tls/self-signed', where);
    case 'untrusted':
      return errorOf('tls/untrusted', { ...where, reason: reason ?? null });
  }
}

type Settled = { kind: 'ready' } | { kind: 'timeout' } | { kind: 'error'; code: string; message: string };

function settleOnce(socket: Socket, timeoutMs: number, done: (result: Settled) => void, readyEvent: 'connect' | 'secureConnect'): void {
  let settled = false;
  const settle = (result: Settled): void => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    if (result.kind !== 'ready') socket.destroy();
    done(result);
  };
  const timer = setTimeout(() => settle({ kind: 'timeout' }), timeoutMs);
  socket.once(readyEvent, () => {
    settle({ kind: 'ready' });
    if (readyEvent === 'connect') socket.destroy();
  });
  // OpenSSL's errors carry a short `reason` ("wrong version number") beside a long message.
  socket.on('error', (error: NodeJS.ErrnoException & { reason?: string }) =>
    settle({ kind: 'error', code: error.code ?? 'EUNKNOWN', message: error.reason ?? error.code ?? error.message }));
  // A server that closes without an error (a plain-TCP peer hanging up on the ClientHello).
  socket.once('close', () => settle({ kind: 'error', code: 'ECONNRESET', message: 'the server closed the connection' }));
}

function connectOutcome(result: Exclude<Settled, { kind: 'ready' }>): Exclude<ConnectOutcome, 'connected'> {
  if (result.kind === 'timeout') return 'timeout';
  if (result.code === 'ECONNREFUSED') return 'refused';
  if (['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL'].includes(result.code)) return 'unreachable';
  return 'failed';
}

function connectError(outcome: Exclude<ConnectOutcome, 'connected'>, target: TransportTarget, timeoutMs: number, code: string | undefined): ErrorData {
  const where = formatAddress(target);
  switch (outcome) {
    case 'refused':
      return errorOf('tcp/refused', { target: where });
    case 'timeout':
      return errorOf('tcp/timeout', { target: where, ms: timeoutMs });
    case 'unreachable':
      return errorOf('tcp/unreachable', { target: where, errno: code ?? 'EUNKNOWN' });
    case 'failed':
      return errorOf('tcp/failed', { target: where, errno: code ?? 'EUNKNOWN' });
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
