// Faults on the network side, each ending in a clear state and one clear sentence: RTP ports
// held by another program, the STUN server gone in the middle of a monitor run and back again,
// total loss (a server that swallows everything), and two checks started at once.
import { spawn } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../../electron/handlers';
import { openUdpEndpoint, type UdpEndpoint } from '../../../electron/net/udp-endpoint';
import { randomTestPort, startCoturn, type Coturn } from '../../support/coturn';
import { runProcess } from '../../support/processes';
import { word } from '../../../shared/text';

process.env.TRUNKCHECK_HOME = mkdtempSync(join(tmpdir(), 'trunkcheck-faults-home-'));
const cli = (...args: string[]) => runProcess('node', ['bin/trunkcheck.js', ...args], { timeoutMs: 30_000 });
const freePort = () => 41000 + Math.floor(Math.random() * 4000);
const storeDir = mkdtempSync(join(tmpdir(), 'trunkcheck-faults-store-'));
let coturn: Coturn;

// A UDP socket on loopback that reads and never answers: 100 % loss without ICMP port-unreachable.
function blackHole(): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.on('message', () => undefined);
    socket.bind(0, '127.0.0.1', () => resolve(socket));
  });
}

beforeAll(async () => {
  if (!existsSync('out/main/cli.js')) throw new Error('out/main/cli.js is missing: run "npm run build" before these tests.');
  coturn = await startCoturn();
});
afterAll(async () => {
  await coturn?.stop();
  rmSync(storeDir, { recursive: true, force: true });
});

describe('fault: RTP ports held by another program', () => {
  let heldPorts: number[] = [];
  let report: { rtp: { local: { taken: number[] }; probe: { summary: { probed: number }; ports: { port: number; status: string }[] } }; rules: { id: string; evidence: { code: string; ports?: number[] }[] }[] } | undefined;

  it('reports each held port as taken in the diagnose JSON, skips it, and still checks the rest', async () => {
    const from = 47300 + 20 * Math.floor(Math.random() * 50);
    heldPorts = [from + 2, from + 5];
    const held: UdpEndpoint[] = [];
    for (const port of heldPorts) {
      const opened = await openUdpEndpoint({ port });
      if (!opened.ok) throw new Error(word('en', opened.error));
      held.push(opened.value);
    }
    try {
      const result = await cli('diagnose', '--stun', `127.0.0.1:${coturn.port}`, '--sip-port', String(freePort()), '--rtp', `${from}-${from + 9}`, '--rtp-full', '--json');
      expect([0, 1], result.stderr).toContain(result.code); // a result, not a crash (exit 3 is for the SIP port itself)
      report = JSON.parse(result.stdout);
      expect(report?.rtp.local.taken).toEqual(heldPorts);
      const probed = report?.rtp.probe.ports.map((port) => port.port) ?? [];
      expect(probed).toHaveLength(8);
      expect(probed.some((port) => heldPorts.includes(port))).toBe(false);
      expect(report?.rtp.probe.summary.probed).toBe(8);
    } finally {
      await Promise.all(held.map((endpoint) => endpoint.close()));
    }
  }, 40_000);

  // Known gap, outside this change's files: electron/diagnose/media.ts probes only the free ports,
  // so mediaRules() never sees the held ones and the checklist row does not name them (the
  // sentence of describePortScan() is unused). Remove .fails once the row names them.
  it('names the held ports in the outbound-media checklist row', () => {
    const row = report?.rules.find((rule) => rule.id === 'outbound-media');
    const held = row?.evidence.find((message) => message.code === 'media/ports-held');
    for (const port of heldPorts) expect(held?.ports).toContain(port);
  });
});

describe('fault: the STUN server goes away in the middle of a monitor run', () => {
  it('reports binding-lost, then recovered when it is back, and sums it up with exit 1', async () => {
    const port = randomTestPort();
    let server = await startCoturn({ port });
    const child = spawn('node', ['bin/trunkcheck.js', 'monitor', '--json', '--stun', `127.0.0.1:${port}`, '--interval', '0.3', '--sip-port', String(freePort())]);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const kinds = () => out.split('\n').filter((line) => line.startsWith('{"at"') || line.includes('"kind"')).map((line) => (JSON.parse(line) as { kind?: string }).kind);
    const waitFor = async (kind: string, ms: number) => {
      const until = Date.now() + ms;
      while (!kinds().includes(kind) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(kinds(), out).toContain(kind);
    };
    try {
      await waitFor('started', 5000);
      await server.stop();
      await waitFor('binding-lost', 8000);
      server = await startCoturn({ port });
      await waitFor('recovered', 8000);
    } finally {
      child.kill('SIGINT');
      await server.stop();
    }
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const lines = out.trim().split('\n');
    const summary = JSON.parse(lines.at(-1) ?? '{}').summary;
    expect(summary.bindingLost).toBe(1);
    expect(summary.missed).toBeGreaterThanOrEqual(3);
    expect(summary.answered).toBeGreaterThan(1);
    const lost = lines.map((line) => JSON.parse(line)).find((event) => event.kind === 'binding-lost');
    expect(lost.message).toMatchObject({ code: 'monitor/binding-lost', misses: lost.misses });
    const recovered = lines.map((line) => JSON.parse(line)).find((event) => event.kind === 'recovered');
    expect(recovered.downMs).toBeGreaterThan(0);
    expect(code).toBe(1); // a lost binding is a failed check, not a clean run
  }, 40_000);
});

describe('fault: 100 % loss', () => {
  it('diagnose ends "blocked" within its deadline, with the advice to allow UDP', async () => {
    const hole = await blackHole();
    try {
      const port = (hole.address() as { port: number }).port;
      const started = Date.now();
      const result = await cli('diagnose', '--stun', `127.0.0.1:${port}`, '--sip', `127.0.0.1:${port}`, '--sip-port', String(freePort()), '--json');
      const ms = Date.now() - started;
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report.verdict).toBe('blocked');
      expect(report.nat.classic).toBe('blocked');
      expect(report.publicAddress).toBeNull();
      expect(result.stderr).toContain('allow UDP');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(ms).toBeLessThan(20_000); // RFC 5389 §7.2.1 gives up after about 8 s; the SIP check runs beside it
    } finally {
      hole.close();
    }
  }, 30_000);
});

describe('fault: two checks at once through the handlers', () => {
  it('the second diagnosis gets app/busy at once; the first ends as cancelled and frees the port', async () => {
    const handlers = createHandlers({ mode: 'browser', storeDir });
    const hole = await blackHole();
    const port = (hole.address() as { port: number }).port;
    const controller = new AbortController();
    try {
      const request = { stun: [`127.0.0.1:${port}`], media: 'off', localIp: '127.0.0.1', sipPort: freePort() };
      const first = dispatch(handlers, 'nat:diagnose', request, { progress: () => undefined, signal: controller.signal });
      const t0 = Date.now();
      const second = await dispatch(handlers, 'nat:diagnose', { ...request, sipPort: freePort() }, { progress: () => undefined });
      expect(Date.now() - t0).toBeLessThan(200);
      expect(second).toMatchObject({ ok: false, error: { code: 'app/busy' } });
      expect(second).toMatchObject({ error: { asked: 'check' } });
      if (!second.ok) expect(word('en', second.error)).toContain('wait for it to finish');
      const publicAddress = await dispatch(handlers, 'stun:public-address', { stun: `127.0.0.1:${port}` }, { progress: () => undefined });
      expect(publicAddress).toMatchObject({ ok: false, error: { code: 'app/busy' } });
      const monitor = await dispatch(handlers, 'monitor:start', { stun: `127.0.0.1:${port}` }, { progress: () => undefined });
      expect(monitor).toMatchObject({ ok: false, error: { code: 'app/busy' } });
      // The caller going away (the browser closed the request) cancels the whole run.
      controller.abort();
      expect(await first).toMatchObject({ ok: false, error: { code: 'checks/cancelled' } });
      // Free again: the next check runs (and is cancelled the same way, through checks:cancel).
      const third = dispatch(handlers, 'nat:diagnose', { ...request, sipPort: freePort() }, { progress: () => undefined });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await dispatch(handlers, 'checks:cancel', { check: 'all' }, { progress: () => undefined })).toEqual({ ok: true, value: { cancelled: true } });
      expect(await third).toMatchObject({ ok: false, error: { code: 'checks/cancelled' } });
    } finally {
      hole.close();
    }
  }, 30_000);
});
