// SIP over TCP and TLS against real servers on loopback: node:tls servers with certificates the
// openssl CLI made for this run, a closed port, a listener whose accept queue is full (the
// kernel drops the SYN, as a dropping firewall would), and a peer that never speaks TLS.
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTcp, checkTls } from '../../../electron/sip/transport/tcp-tls';
import {
  canRunOpenssl, makeTestCertificates, startSilentServer, startStalledListener, startTlsServer,
  type LoopbackServer, type TestCertificates,
} from '../../support/tls-server';
import { word } from '../../../shared/text';

const capability = await canRunOpenssl();
const skipReason = capability.ok ? '' : capability.reason;
if (!capability.ok) console.warn(`[test/integration/sip-transport] TLS tests skipped: ${skipReason}`);

const NAME = 'sip.provider.test';
const TIMEOUT_MS = 2000;

async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.skipIf(!capability.ok)(`SIP transport checks on loopback${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let certs: TestCertificates;
  const servers: Record<string, LoopbackServer> = {};
  const at = (name: string) => ({ ip: '127.0.0.1', port: servers[name]!.port });

  beforeAll(async () => {
    const started = performance.now();
    certs = await makeTestCertificates(NAME);
    console.info(`[test/integration/sip-transport] openssl made 6 certificates in ${Math.round(performance.now() - started)} ms`);
    const entries = await Promise.all((['valid', 'expired', 'notYetValid', 'wrongName', 'selfSigned'] as const).map(async (kind) => [kind, await startTlsServer(certs[kind])] as const));
    for (const [kind, server] of entries) servers[kind] = server;
  });
  afterAll(async () => {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  });

  it('connects over TCP to a listening port', async () => {
    const result = await checkTcp(at('valid'), TIMEOUT_MS);
    expect(result).toMatchObject({ ok: true, outcome: 'connected' });
    expect(result.ms).toBeLessThan(TIMEOUT_MS);
  });

  it('reports a closed port as refused', async () => {
    const result = await checkTcp({ ip: '127.0.0.1', port: await closedPort() }, TIMEOUT_MS);
    expect(result).toMatchObject({ ok: false, outcome: 'refused', error: { code: 'tcp/refused' } });
  });

  it('reports a port whose SYNs are dropped as a timeout after the time allowed', async () => {
    const stalled = await startStalledListener();
    try {
      const result = await checkTcp({ ip: '127.0.0.1', port: stalled.port }, 400);
      expect(result).toMatchObject({ ok: false, outcome: 'timeout', error: { code: 'tcp/timeout' } });
      expect(result.ms).toBeGreaterThanOrEqual(390);
      expect(result.ms).toBeLessThan(1500);
      const tls = await checkTls({ ip: '127.0.0.1', port: stalled.port }, NAME, 400);
      expect(tls).toMatchObject({ ok: false, outcome: 'timeout', handshake: false, error: { code: 'tcp/timeout' } });
    } finally {
      await stalled.stop();
    }
  });

  it('accepts a valid certificate from a CA it is given, and reports its facts', async () => {
    const result = await checkTls(at('valid'), NAME, TIMEOUT_MS, certs.ca.cert);
    expect(result, JSON.stringify(result.error)).toMatchObject({ ok: true, outcome: 'ok', handshake: true, nameMatches: true, trusted: true, problems: [] });
    expect(result.protocol).toBe('TLSv1.3');
    expect(result.cipher).toMatch(/^TLS_/);
    expect(result.certificate).toMatchObject({ subjectCN: NAME, subjectAltNames: [`DNS:${NAME}`], issuer: 'CN=TrunkCheck Test CA' });
    expect(result.certificate?.daysUntilExpiry).toBeGreaterThanOrEqual(29);
    expect(result.certificate?.daysUntilExpiry).toBeLessThanOrEqual(30);
    expect(result.authorizationError).toBeUndefined();
  });

  it('calls the same certificate untrusted without its CA', async () => {
    const result = await checkTls(at('valid'), NAME, TIMEOUT_MS);
    expect(result).toMatchObject({ ok: false, outcome: 'untrusted', nameMatches: true, trusted: false, error: { code: 'tls/untrusted' } });
    expect(result.authorizationError).toMatch(/UNABLE_TO_(GET_ISSUER_CERT_LOCALLY|VERIFY_LEAF_SIGNATURE)/);
  });

  it('reports a certificate for another name as a name mismatch', async () => {
    const result = await checkTls(at('wrongName'), NAME, TIMEOUT_MS, certs.ca.cert);
    expect(result).toMatchObject({ ok: false, outcome: 'name-mismatch', nameMatches: false, trusted: true, problems: ['name-mismatch'] });
    expect((result.error ? word('en', result.error) : undefined)).toContain(`issued for DNS:other.example, not ${NAME}`);
  });

  it('lists every problem of a certificate for another name from an unknown CA', async () => {
    const result = await checkTls(at('wrongName'), NAME, TIMEOUT_MS);
    expect(result).toMatchObject({ outcome: 'name-mismatch', problems: ['name-mismatch', 'untrusted'], trusted: false });
  });

  it('reports a self-signed certificate', async () => {
    const result = await checkTls(at('selfSigned'), NAME, TIMEOUT_MS, certs.ca.cert);
    expect(result).toMatchObject({ ok: false, outcome: 'self-signed', nameMatches: true, trusted: false, authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(result.certificate?.issuer).toBe(`CN=${NAME}`);
  });

  it('reports an expired certificate with the day it expired', async () => {
    const result = await checkTls(at('expired'), NAME, TIMEOUT_MS, certs.ca.cert);
    expect(result).toMatchObject({ ok: false, outcome: 'expired', authorizationError: 'CERT_HAS_EXPIRED', problems: ['expired'] });
    expect(result.certificate?.validTo).toBe('2020-02-01T00:00:00.000Z');
    expect(result.certificate?.daysUntilExpiry).toBeLessThan(0);
    expect((result.error ? word('en', result.error) : undefined)).toContain('expired on 2020-02-01');
  });

  it('reports a certificate that is not valid yet', async () => {
    const result = await checkTls(at('notYetValid'), NAME, TIMEOUT_MS, certs.ca.cert);
    expect(result).toMatchObject({ ok: false, outcome: 'not-yet-valid', authorizationError: 'CERT_NOT_YET_VALID' });
  });

  it('reports a port that accepts TCP but never answers the ClientHello', async () => {
    const silent = await startSilentServer();
    try {
      const result = await checkTls({ ip: '127.0.0.1', port: silent.port }, NAME, 400);
      expect(result).toMatchObject({ ok: false, outcome: 'timeout', handshake: false, error: { code: 'tls/timeout' } });
    } finally {
      await silent.stop();
    }
  });

  it('reports a port that speaks plain SIP instead of TLS as a failed handshake', async () => {
    const plain = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.resume(); // read the ClientHello away, so the client's close is seen and close() returns
      socket.end('SIP/2.0 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    try {
      const result = await checkTls({ ip: '127.0.0.1', port: (plain.address() as { port: number }).port }, NAME, TIMEOUT_MS);
      expect(result).toMatchObject({ ok: false, outcome: 'handshake-failed', error: { code: 'tls/handshake-failed' } });
      expect((result.error ? word('en', result.error) : undefined)).toContain('(wrong version number)');
    } finally {
      await new Promise<void>((resolve) => plain.close(() => resolve()));
    }
  });
});
