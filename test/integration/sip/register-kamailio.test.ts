// Registering with a real kamailio registrar on loopback (test/support/kamailio-registrar.ts):
// digest auth without a database, usrloc in memory, nathelper pinging the registered contact.
// Every test checks that the password appears in nothing registerWithProvider hands back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TransportAddress } from '../../../shared/address';
import type { RegisterReport, RegisterRequest } from '../../../shared/register';
import type { ProgressMessage } from '../../../shared/text/messages/progress';
import { openUdpEndpoint, type UdpEndpoint } from '../../../electron/net/udp-endpoint';
import { sendOptions } from '../../../electron/sip/options-client';
import { registerWithProvider, type RegisterWithProviderInput } from '../../../electron/sip/register/register';
import { newRegisterCounters } from '../../../electron/sip/register/transaction';
import { canRunKamailio } from '../../support/kamailio';
import { startKamailioRegistrar, type KamailioRegistrar, type KamailioRegistrarOptions } from '../../support/kamailio-registrar';

const capability = await canRunKamailio();
const skipReason = capability.ok ? '' : capability.reason;
if (!capability.ok) console.warn(`[test/integration/sip] kamailio registrar tests skipped: ${skipReason}`);

const USER = 'trunk1';
const PASSWORD = 'Tr0ub4dor-3-secret';

async function openLoopback(): Promise<UdpEndpoint> {
  const opened = await openUdpEndpoint({ port: 0, localIp: '127.0.0.1' });
  if (!opened.ok) throw new Error(opened.error.code);
  return opened.value;
}

function expectNoPassword(value: unknown): void {
  expect(JSON.stringify(value)).not.toContain(PASSWORD);
}

describe.skipIf(!capability.ok)(`REGISTER against a kamailio registrar${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const started: KamailioRegistrar[] = [];
  let endpoint: UdpEndpoint;

  async function registrar(options: Partial<KamailioRegistrarOptions> = {}): Promise<KamailioRegistrar> {
    const server = await startKamailioRegistrar({ user: USER, password: PASSWORD, ...options });
    started.push(server);
    return server;
  }

  const targetOf = (server: KamailioRegistrar): TransportAddress => ({ family: 'IPv4', ip: server.address, port: server.port });

  async function register(server: KamailioRegistrar | TransportAddress, request: Partial<RegisterRequest> = {}, extra: Partial<RegisterWithProviderInput> = {}): Promise<RegisterReport> {
    const target = 'realm' in server ? targetOf(server) : server;
    const report = await registerWithProvider({
      endpoint,
      target,
      targetHost: '127.0.0.1',
      localSentBy: endpoint.local,
      request: { user: USER, password: PASSWORD, inboundWaitSec: 8, ...request },
      ...extra,
    });
    expectNoPassword(report);
    return report;
  }

  beforeAll(async () => {
    endpoint = await openLoopback();
  });

  afterEach(async () => {
    await Promise.all(started.splice(0).map((server) => server.stop()));
  });

  afterAll(async () => {
    await endpoint?.close();
  });

  it('registers with the right password, answers the registrar\'s OPTIONS ping and removes the contact again', async () => {
    const server = await registrar();
    const progress: ProgressMessage[] = [];
    const counters = newRegisterCounters();
    const report = await register(server, {}, { progress: (message) => progress.push(message), counters });

    expect(report).toMatchObject({
      aor: 'sip:trunk1@127.0.0.1',
      outcome: 'registered',
      status: 200,
      reason: 'OK',
      challenged: true,
      algorithm: 'MD5',
      expiresSec: 120,
      contact: `sip:trunk1@127.0.0.1:${endpoint.local.port}`,
      via: { received: '127.0.0.1', rport: endpoint.local.port },
      unregistered: true,
    });
    expect(report.rttMs).toBeLessThan(1000);
    // nathelper pings every second: the first ping ends the wait early.
    expect(report.inbound).toMatchObject({ received: true, method: 'OPTIONS', from: targetOf(server), answered: 200 });
    expect(report.inbound?.afterMs).toBeLessThan(3000);
    expect(report.inbound?.waitedMs).toBeLessThan(3000);
    // kamailio took our 200 as the answer to its ping (nathelper's keepalive bookkeeping) …
    expect(await server.pingRepliesSeen()).toBeGreaterThanOrEqual(1);
    // … and after the un-REGISTER usrloc holds no contact for the user any more.
    expect(await server.isRegistered(USER)).toBe(false);
    expect(counters).toMatchObject({ malformed: 0, unmatched: 0, foreign: 0 });
    expect(progress.map((message) => message.code)).toEqual(expect.arrayContaining(['register/inbound-wait', 'register/unregister']));
    expectNoPassword(progress);
  });

  it('names a wrong password as wrong credentials and registers nothing', async () => {
    const server = await registrar();
    const report = await register(server, { password: 'not-the-password' });
    expect(report).toMatchObject({ outcome: 'wrong-credentials', status: 401, challenged: true, algorithm: 'MD5', expiresSec: null, unregistered: null, inbound: null });
    expect(await server.isRegistered(USER)).toBe(false);
    expect(JSON.stringify(report)).not.toContain('not-the-password');
  });

  it('names a 403 for an account the registrar does not know as wrong credentials (RFC 3261 §21.4.4)', async () => {
    const server = await registrar();
    const report = await register(server, { user: 'trunk2' });
    expect(report).toMatchObject({ aor: 'sip:trunk2@127.0.0.1', outcome: 'wrong-credentials', status: 403, reason: 'Forbidden', challenged: true, unregistered: null, inbound: null });
    expect(await server.isRegistered('trunk2')).toBe(false);
  });

  it('answers a registrar that asks for SHA-256 (RFC 8760) with SHA-256', async () => {
    const server = await registrar({ algorithm: 'SHA-256' });
    const report = await register(server);
    expect(report).toMatchObject({ outcome: 'registered', status: 200, algorithm: 'SHA-256', unregistered: true });
    expect(report.inbound?.received).toBe(true);
  });

  it('answers a 407 with Proxy-Authorization (RFC 3261 §22.3)', async () => {
    const server = await registrar({ challenge: 'proxy' });
    const report = await register(server);
    expect(report).toMatchObject({ outcome: 'registered', challenged: true, unregistered: true });
    expect(await server.isRegistered(USER)).toBe(false);
  });

  it('answers a challenge without qop the RFC 2069 way', async () => {
    const server = await registrar({ qop: false });
    const report = await register(server);
    expect(report).toMatchObject({ outcome: 'registered', challenged: true, unregistered: true });
  });

  it('answers a stale=true challenge once more, the password being right (RFC 7616 §3.3)', async () => {
    const server = await registrar({ staleOnce: true });
    const report = await register(server);
    expect(report).toMatchObject({ outcome: 'registered', status: 200, challenged: true });
    expect(server.output()).toContain('trunkcheck-test: stale challenge');
  });

  it('reports the expiry the registrar granted, not the one asked for (RFC 3261 §10.2.4)', async () => {
    const server = await registrar({ maxExpiresSec: 90 });
    const report = await register(server);
    expect(report).toMatchObject({ outcome: 'registered', expiresSec: 90 });
  });

  it('ends the inbound wait on cancel, after proving the contact was registered meanwhile, and still removes it', async () => {
    const server = await registrar({ ping: false });
    const controller = new AbortController();
    let registeredDuringWait: boolean | undefined;
    const started = performance.now();
    const report = await register(server, { inboundWaitSec: 20 }, {
      signal: controller.signal,
      progress: (message) => {
        if (message.code !== 'register/inbound-wait' || message.elapsed !== 0) return;
        void server.isRegistered(USER).then((registered) => {
          registeredDuringWait = registered;
          controller.abort();
        });
      },
    });
    expect(registeredDuringWait).toBe(true);
    expect(report).toMatchObject({ outcome: 'registered', unregistered: true, inbound: { received: false, method: null, from: null, afterMs: null, answered: null } });
    expect(report.inbound?.waitedMs).toBeLessThan(5000);
    expect(performance.now() - started).toBeLessThan(8000);
    expect(await server.isRegistered(USER)).toBe(false);
  });

  it('waits the whole limit when the registrar never pings, and says so', async () => {
    const server = await registrar({ ping: false });
    const report = await register(server, { inboundWaitSec: 1.5 });
    expect(report).toMatchObject({ outcome: 'registered', unregistered: true, inbound: { received: false } });
    expect(report.inbound?.waitedMs).toBeGreaterThanOrEqual(1450);
    expect(report.inbound?.waitedMs).toBeLessThan(2500);
  });

  // --inbound-wait 0: the person chose not to wait, so there is no "nothing arrived within 0 s".
  it('does not listen for the provider\'s request with a wait of 0 s, and reports none as not waited for', async () => {
    const server = await registrar();
    const progress: ProgressMessage[] = [];
    const report = await register(server, { inboundWaitSec: 0 }, { progress: (message) => progress.push(message) });
    expect(report).toMatchObject({ outcome: 'registered', status: 200, unregistered: true, inbound: null });
    expect(progress.map((message) => message.code)).not.toContain('register/inbound-wait');
    expect(await server.isRegistered(USER)).toBe(false);
  });

  it('reports no answer within the timeout when the server is silent', async () => {
    const silent = await openLoopback(); // a socket that reads nothing and answers nothing
    try {
      const started = performance.now();
      const report = await register({ family: 'IPv4', ip: '127.0.0.1', port: silent.local.port }, {}, { timeoutMs: 1200 });
      const took = performance.now() - started;
      expect(report).toMatchObject({ outcome: 'no-answer', status: null, challenged: false, unregistered: null, inbound: null });
      expect(took).toBeGreaterThanOrEqual(1150);
      expect(took).toBeLessThan(3000);
    } finally {
      await silent.close();
    }
  });

  it('leaves the OPTIONS check working against the same registrar', async () => {
    const server = await registrar();
    const outcome = await sendOptions(endpoint, targetOf(server), { requestUriHost: '127.0.0.1', localSentBy: endpoint.local });
    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
  });
});
