// The built `trunkcheck` command, as a user runs it (npm test builds out/ first).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../shared/bytes';
import { openUdpEndpoint } from '../../electron/net/udp-endpoint';
import { startCoturn, type Coturn } from '../support/coturn';
import { runProcess } from '../support/processes';
import { SAMPLE_IPV4_RESPONSE } from '../unit/stun/fixtures/rfc5769';
import { word } from '../../shared/text';

// Sites, history and custom providers go to a folder of this test run, never the user's own.
process.env.TRUNKCHECK_HOME = mkdtempSync(join(tmpdir(), 'trunkcheck-home-'));
const cli = (...args: string[]) => runProcess('node', ['bin/trunkcheck.js', ...args], { timeoutMs: 20_000 });
let coturn: Coturn;

beforeAll(async () => {
  if (!existsSync('out/main/cli.js')) throw new Error('out/main/cli.js is missing: run "npm run build" (npm test does it) before these tests.');
  coturn = await startCoturn();
});
afterAll(async () => coturn?.stop());

const freePort = () => 41000 + Math.floor(Math.random() * 4000);

describe('trunkcheck monitor', () => {
  it('sends keep-alives from the SIP port, logs each answer and sums up on Ctrl+C', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn('node', ['bin/trunkcheck.js', 'monitor', '--stun', `127.0.0.1:${coturn.port}`, '--interval', '0.3', '--sip-port', String(freePort())]);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    // Ctrl+C only once it is running (two answers seen), however slow the machine is.
    const deadline = Date.now() + 15_000;
    while (!/ok: [\s\S]*ok: /.test(out) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(out).toContain('started: public address 127.0.0.1:');
    expect(out).toMatch(/ok: 127\.0\.0\.1:\d+/);
    expect(out).toMatch(/\d+ keep-alives, \d+ answered, 0 missed, 0 address changes, 0 bindings lost\./);
  });

  it('refuses a bad interval with exit 2', async () => {
    const result = await cli('monitor', '--stun', '127.0.0.1', '--interval', '0');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--interval takes seconds');
  });
});

describe('trunkcheck decode', () => {
  it('decodes the RFC 5769 IPv4 sample response: XOR-MAPPED-ADDRESS 192.0.2.1:32853 and a valid FINGERPRINT', async () => {
    const result = await cli('decode', toHex(SAMPLE_IPV4_RESPONSE));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/XOR-MAPPED-ADDRESS\s+192\.0\.2\.1:32853/);
    expect(result.stdout).toMatch(/FINGERPRINT.*valid/);
    expect(result.stdout).not.toMatch(/invalid/);
  });

  it('prints the same as JSON', async () => {
    const result = await cli('decode', toHex(SAMPLE_IPV4_RESPONSE), '--json');
    const decoded = JSON.parse(result.stdout);
    expect(decoded).toMatchObject({ protocol: 'stun', cls: 'success', fingerprint: 'valid' });
    expect(decoded.attributes).toContainEqual(expect.objectContaining({ name: 'XOR-MAPPED-ADDRESS', value: expect.objectContaining({ ip: '192.0.2.1', port: 32853 }) }));
  });

  it('decodes a SIP response given as hex', async () => {
    const sip = Buffer.from('SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.168.100.5:65002;rport=40001;received=198.51.100.7\r\nContent-Length: 0\r\n\r\n').toString('hex');
    const result = await cli('decode', sip);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('SIP response 200 OK');
    expect(result.stdout).toContain('received=198.51.100.7');
  });

  it('decodes a request whose method is any token, "!" first (RFC 3261 §25.1, RFC 4475 §3.1.1.2)', async () => {
    const sip = Buffer.from("!interesting-Method0123456789_*+`.%indeed'~ sip:x@example.com SIP/2.0\r\nCSeq: 1 !interesting-Method0123456789_*+`.%indeed'~\r\nl: 0\r\n\r\n").toString('hex');
    const result = await cli('decode', sip);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("SIP !interesting-Method0123456789_*+`.%indeed'~ request to sip:x@example.com");
  });

  it.each([
    ['zz', 'hexadecimal'],
    ['0001000', 'hexadecimal'],
    ['00010004' + '2112a442' + '00'.repeat(12), 'start like STUN (first two bits 0) but are not a valid STUN message: message/length'],
    ['2a2a2a2a', 'start like STUN (first two bits 0) but are not a valid STUN message: message/header'],
    ['ff00ff00', 'neither a STUN message (its first two bits are 0; these start with 0xff)'],
    [Buffer.from('SIP/2.0 4294967301 better not break the receiver\r\n\r\n').toString('hex'), 'Not a valid SIP message: message/status'],
  ])('refuses %s with exit 2 and one sentence', async (input, words) => {
    const result = await cli('decode', input);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('trunkcheck diagnose', () => {
  it('prints the public address of the SIP port as JSON against coturn', async () => {
    const sipPort = freePort();
    const result = await cli('diagnose', '--stun', `127.0.0.1:${coturn.port}`, '--sip-port', String(sipPort), '--local-ip', '127.0.0.1', '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.publicAddress).toEqual({ ip: '127.0.0.1', port: sipPort });
    expect(report.nat.portPreserved).toBe(true);
    expect(report.rules.map((rule: { id: string }) => rule.id)).toEqual(['outbound-signalling', 'inbound-signalling', 'outbound-media', 'inbound-media']);
  });

  it('prints a readable summary without --json', async () => {
    const sipPort = freePort();
    const result = await cli('diagnose', '--stun', `127.0.0.1:${coturn.port}`, '--sip-port', String(sipPort));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Public address   127.0.0.1:${sipPort}  (port preserved)`);
  });

  it('exits 3 naming the port and the PBX link manager when the SIP port is taken', async () => {
    const holder = await openUdpEndpoint({ port: 0 });
    if (!holder.ok) throw new Error(word('en', holder.error));
    try {
      const port = holder.value.local.port;
      const result = await cli('diagnose', '--stun', `127.0.0.1:${coturn.port}`, '--sip-port', String(port));
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(`UDP port ${port} is already in use`);
      expect(result.stderr).toContain('link manager');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      await holder.value.close();
    }
  });

  it('exits 1 with the fix when no STUN answer comes back', async () => {
    const result = await cli('diagnose', '--stun', `127.0.0.1:${coturn.port + 9}`, '--sip-port', String(freePort()), '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.verdict).toBe('blocked');
    expect(report.publicAddress).toBeNull();
    expect(result.stderr).toContain('allow UDP');
  }, 20_000);

  it.each([
    [['--stun'], 'needs a value'],
    [[], 'Name a STUN server'],
    [['--stun', 'a b'], 'The STUN server must be written as host or host:port'],
    [['--stun', 'x', '--sip-port', '70000'], '--sip-port must be a port number'],
    [['--stun', 'x', '--profile', 'nope'], 'no PBX profile "nope"'],
    [['--stun', 'x', '--local-ip', 'pc'], '--local-ip must be an IP address'],
    [['--bogus'], 'Unknown option --bogus'],
    [['--provider', 'nobody'], 'no provider "nobody"'],
    [['--provider', 'plusnet'], 'the catalog knows none for'],
  ])('refuses %j with exit 2', async (args, words) => {
    const result = await cli('diagnose', ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
  });

  it.each([
    [['--stun', 'x', '--rtp', '56000-55000'], '--rtp must be a port range'],
    [['--stun', 'x', '--quality', 'lots'], '--quality takes the seconds'],
    [['--stun', 'x', '--rtp-full', '--no-media'], 'contradict'],
    [['--stun', 'a', '--stun', 'b', '--stun', 'c'], 'at most two STUN servers'],
  ])('refuses %j with exit 2 and one sentence', async (args, words) => {
    const result = await cli('diagnose', ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
  });

  it('tests a spread of the RTP range and reports the media rules', async () => {
    const result = await cli('diagnose', '--stun', `127.0.0.1:${coturn.port}`, '--sip-port', String(freePort()), '--rtp', '47000-47100', '--json');
    const report = JSON.parse(result.stdout);
    expect(report.rtp.range).toEqual({ from: 47000, to: 47100 });
    expect(report.rtp.probe.summary.probed).toBeGreaterThanOrEqual(10);
    expect(report.rules.find((rule: { id: string }) => rule.id === 'outbound-media').status).toBe('verified');
    expect(report.keepalive.recommendedIntervalSec).toBe(10);
  });

  it('runs one check again with --rerun and --from, keeping the rest of the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trunkcheck-rerun-'));
    const sipPort = String(freePort());
    const base = ['diagnose', '--stun', `127.0.0.1:${coturn.port}`, '--local-ip', '127.0.0.1', '--sip-port', sipPort, '--rtp', '47200-47209'];
    const first = await cli(...base, '--out', join(dir, 'first.json'), '--json');
    const before = JSON.parse(first.stdout);
    const again = await cli(...base, '--rerun', 'nat', '--from', join(dir, 'first.json'), '--json');
    const after = JSON.parse(again.stdout);
    expect(after.nat).toEqual(before.nat);
    // Equal down to each probe's timing: the voice ports were not probed again.
    expect(after.rtp).toEqual(before.rtp);
    expect(after.startedAt).not.toBe(before.startedAt);

    const moved = await cli('diagnose', '--stun', `127.0.0.1:${coturn.port}`, '--sip-port', String(Number(sipPort) + 1), '--rerun', 'sip', '--from', join(dir, 'first.json'));
    expect(moved.code).toBe(2);
    expect(moved.stderr).toContain(`measured with SIP port ${sipPort}`);
    expect((await cli(...base, '--rerun', 'sip')).stderr).toContain('--rerun and --from go together');
    expect((await cli(...base, '--rerun', 'dns', '--from', join(dir, 'first.json'))).stderr).toContain('--rerun takes one of nat, sip, media, quality');
    writeFileSync(join(dir, 'broken.json'), '{"tool":');
    expect(await cli(...base, '--rerun', 'sip', '--from', join(dir, 'broken.json'))).toMatchObject({ code: 2, stderr: expect.stringContaining('is not JSON') });
  });

  it('keeps each run in the site history and says what changed since the last one', async () => {
    const args = ['diagnose', '--stun', `127.0.0.1:${coturn.port}`, '--no-media', '--site', 'head-office'];
    const first = await cli(...args, '--sip-port', String(freePort()));
    expect(first.stdout).toContain('Saved as the first report of site head-office');
    const second = await cli(...args, '--sip-port', String(freePort()));
    expect(second.stdout).toContain('Since the previous run of head-office');
    expect(second.stdout).toMatch(/Public address changed from 127\.0\.0\.1:\d+ to 127\.0\.0\.1:\d+/);
    expect((await cli(...args, '--site', 'Head Office')).stderr).toMatch(/given twice|--site takes an id/);
  });

  it('adds a provider of ones own and lists it, and refuses a broken one by name', async () => {
    const file = join(process.env.TRUNKCHECK_HOME as string, 'provider.json');
    writeFileSync(file, JSON.stringify({
      id: 'my-carrier', name: 'My Carrier', sip: { host: 'sip.example.net', alternateHosts: [], port: 5060, transport: 'udp', outboundProxy: null, source: 'contract, page 3' },
      stun: null, media: null, networks: null, quality: null, notes: [],
    }));
    const added = await cli('providers', '--add', file);
    expect(added.code, added.stderr).toBe(0);
    expect((await cli('providers')).stdout).toMatch(/my-carrier.*sip\.example\.net:5060.*added here/);
    writeFileSync(file, JSON.stringify({ id: 'Bad Id', name: '' }));
    const refused = await cli('providers', '--add', file);
    expect(refused.code).toBe(2);
    expect(refused.stderr.length).toBeGreaterThan(10);
  });

  it('answers an unknown command with exit 2', async () => {
    const result = await cli('frobnicate');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command "frobnicate"');
  });
});
