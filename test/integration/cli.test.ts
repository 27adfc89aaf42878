// The built `trunkcheck` command, as a user runs it (npm test builds out/ first).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../shared/bytes';
import { REPORT_SCHEMA_VERSION, type DiagnoseReport } from '../../shared/report';
import { isRuleMessage } from '../../shared/text/messages/rules';
import { isMessage } from '../../shared/text';
import { openUdpEndpoint } from '../../electron/net/udp-endpoint';
import { startCoturn, type Coturn } from '../support/coturn';
import { startKamailio, type Kamailio } from '../support/kamailio';
import { runProcess } from '../support/processes';
import { SAMPLE_IPV4_RESPONSE } from '../unit/stun/fixtures/rfc5769';
import { word } from '../../shared/text';

// Sites, history and custom providers go to a folder of this test run, never the user's own.
process.env.TRUNKCHECK_HOME = mkdtempSync(join(tmpdir(), 'trunkcheck-home-'));
// The output follows the system locale; these tests read English unless they ask otherwise.
process.env.LC_ALL = 'C.UTF-8';
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
    while (!/OK: [\s\S]*OK: /.test(out) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(out).toContain('Started: public address 127.0.0.1:');
    expect(out).toMatch(/OK: 127\.0\.0\.1:\d+/);
    expect(out).toMatch(/\d+ keep-alives, \d+ answered, 0 missed, 0 address changes, 0 bindings lost\./);
  });

  it('refuses a bad interval with exit 2', async () => {
    const result = await cli('monitor', '--stun', '127.0.0.1', '--interval', '0');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--interval: The keep-alive interval must be a number of seconds from 0.2 to 3600.');
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
    // No SIP server named: the signalling rules stay untested, so the verdict is incomplete (exit 1).
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(report.verdict).toBe('incomplete');
    // No router between this machine and a server on loopback: none is asked, no hop probed, and the
    // mapped address is the local one, so there is no second NAT.
    expect(report).toMatchObject({ pbx: { inboundMedia: 'return-path' }, nat: { doubleNat: 'no', carrierGrade: 'no' }, gateway: null, checks: { path: { hops: [], method: 'none' } } });
    expect(['passes', 'untested']).toContain(report.fragments.outbound);
    // Language-free evidence: codes with values, each one a reader of the file accepts.
    for (const rule of report.rules) expect(rule.evidence.length > 0 && rule.evidence.every(isRuleMessage), JSON.stringify(rule)).toBe(true);
    expect(report.rules[0].evidence[0]).toMatchObject({ code: 'signalling/stun-out', port: sipPort, server: `127.0.0.1:${coturn.port}` });
    expect(report.publicAddress).toEqual({ ip: '127.0.0.1', port: sipPort });
    expect(report.nat.portPreserved).toBe(true);
    expect(report.rules.map((rule: { id: string }) => rule.id)).toEqual(['outbound-signalling', 'inbound-signalling', 'outbound-media', 'inbound-media']);
  });

  it('prints a readable summary without --json', async () => {
    const sipPort = freePort();
    const result = await cli('diagnose', '--stun', `127.0.0.1:${coturn.port}`, '--sip-port', String(sipPort));
    expect(result.code).toBe(1);
    // The headline is the verdict, the NAT type a fact under it, then what to do.
    const [, blank, headline, natType] = result.stdout.split('\n');
    expect([blank, headline]).toEqual(['', 'Verdict: INCOMPLETE']);
    expect(natType).toMatch(/^NAT type\s+No NAT \(open internet\)$/);
    expect(result.stdout).toMatch(/What to do:\n {2}1\. outbound-signalling: Name the provider’s SIP server and run the check again/);
    expect(result.stdout).not.toContain('supported by');
    expect(result.stdout).toContain(`Public address   127.0.0.1:${sipPort}  (port preserved)`);
    expect(result.stdout).toMatch(
      new RegExp(`untested  outbound-signalling  The STUN Binding request from UDP ${sipPort} to 127\\.0\\.0\\.1:${coturn.port} was answered at [\\d-]+ [\\d:]+ UTC\\. SIP not tested: name the provider's SIP server\\.`),
    );
    expect(result.stdout).not.toMatch(/\[object Object\]|legacy\/text/);
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
    [['--stun', 'a b'], '--stun: The STUN server must be written as host or host:port'],
    [['--stun', 'x', '--sip-port', '70000'], '--sip-port: The SIP port must be a whole number from 1 to 65535.'],
    [['--stun', 'x', '--profile', 'nope'], 'no PBX profile "nope"'],
    [['--stun', 'x', '--local-ip', 'pc'], '--local-ip: The local address must be an IPv4 or IPv6 address'],
    [['--stun', 'x', '--family', 'ipv6'], '--family: The IP version must be 4, 6 or both.'],
    [['--bogus'], 'Unknown option --bogus'],
    [['--provider', 'nobody'], 'no provider "nobody"'],
    [['--provider', 'plusnet'], 'The catalog knows no STUN server for'],
  ])('refuses %j with exit 2', async (args, words) => {
    const result = await cli('diagnose', ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
  });

  it.each([
    [['--stun', 'x', '--rtp', '56000-55000'], '--rtp: The RTP range must be two port numbers'],
    [['--stun', 'x', '--quality', 'lots'], '--quality: The line-quality measurement takes 1 to 300 whole seconds.'],
    [['--stun', 'x', '--rtp-full', '--no-media'], 'contradict'],
    [['--stun', 'a', '--stun', 'b', '--stun', 'c'], '--stun: Name at most 2 STUN servers'],
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
    expect((await cli(...base, '--rerun', 'dns', '--from', join(dir, 'first.json'))).stderr).toContain('--rerun: The check to run again must be one of nat, sip, register, media, quality');
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
    // diagnose knows it by its id, as the wizard does: it names no STUN server, so one is asked for.
    const diagnosed = await cli('diagnose', '--provider', 'my-carrier');
    expect(diagnosed.code).toBe(2);
    expect(diagnosed.stderr).toContain('The catalog knows no STUN server for My Carrier');
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

// Words that mark an English sentence (as in test/unit/text); none is a German word or a protocol name.
const ENGLISH = [' the ', ' was ', ' were ', ' from ', ' could ', ' not ', ' and ', ' with ', ' is ', ' of ', ' to ', ' answered', ' request ', 'allow ', ' any ', ' by ', ' no ', ' this ', ' which ', ' only ', ' every ', ' ms after', 'port preserved', 'verified', 'untested'];

describe('trunkcheck in German', () => {
  let kamailio: Kamailio;
  beforeAll(async () => {
    kamailio = await startKamailio();
  });
  afterAll(async () => kamailio?.stop());

  it('says the whole diagnosis in German with --lang de: no English sentence on any line', async () => {
    const sipPort = freePort();
    const rtpFrom = 47000 + 20 * Math.floor(Math.random() * 40);
    const target = ['--stun', `127.0.0.1:${coturn.port}`, '--sip', `127.0.0.1:${kamailio.port}`, '--sip-port', String(sipPort), '--local-ip', '127.0.0.1'];
    const out = join(process.env.TRUNKCHECK_HOME as string, `german-${sipPort}.json`);
    const result = await cli('diagnose', ...target, '--rtp', `${rtpFrom}-${rtpFrom + 9}`, '--quality', '1', '--lang', 'de', '--out', out);
    expect(result.code, result.stderr).toBe(0);
    // The report itself stays language-free: every finding is a code with values a reader can check.
    const report = JSON.parse(readFileSync(out, 'utf8')) as DiagnoseReport;
    const nat = report.checks.nat;
    const sip = report.checks.sip;
    const messages = [
      nat?.mappingReason, nat?.filteringReason, ...(nat?.probes ?? []).flatMap((probe) => [probe.name, ...(probe.note ? [probe.note] : [])]), ...(nat?.server?.problems ?? []),
      sip?.evidence, ...(sip?.resolution?.steps ?? []), ...(sip?.algEvidence ?? []), ...(sip?.algNotes ?? []),
      report.keepalive?.reason, ...(report.quality?.findings ?? []), ...report.rules.flatMap((rule) => rule.evidence),
      ...(report.rtp?.probe?.ports ?? []).flatMap((port) => port.evidence),
    ];
    expect(messages.length).toBeGreaterThan(20);
    for (const message of messages) expect(isMessage(message) && message.code !== 'legacy/text', JSON.stringify(message)).toBe(true);
    const text = result.stdout;
    // Every part of the report is there, in German.
    expect(text).toContain(`Öffentliche Adresse`);
    expect(text).toContain(`127.0.0.1:${sipPort}  (Port beibehalten)`);
    expect(text.split('\n').slice(2, 4)).toEqual(['Ergebnis: BEREIT', expect.stringMatching(/^NAT-Typ\s+Kein NAT \(offenes Internet\)$/)]);
    expect(text).not.toContain('unterstützt');
    expect(text).toContain('Zuordnung');
    expect(text).toContain('Filterung');
    expect(text).toMatch(/DNS\s+127\.0\.0\.1 ist eine IP-Adresse/);
    expect(text).toMatch(/SIP OPTIONS\s+127\.0\.0\.1:\d+: 200 OK/);
    expect(text).toContain('Leitungsqualität');
    // The expected call quality of each codec the profile offers, under the line quality.
    expect(report.quality?.mos?.length).toBeGreaterThan(0);
    expect(text).toMatch(/^Erwarteter MOS +G\.711: (MOS \d,\d\d, (gut|annehmbar|schlecht) \(R \d+,\d, Jitterpuffer \d+ ms, Mund zu Ohr \d+ ms\)|unbekannt, zu wenige Antworten für eine Schätzung)$/m);
    expect(text).toContain('Firewall-Regeln');
    // The rule names have spaces of their own: two spaces keep them apart from the evidence.
    expect(text).toMatch(/^ {2}bestätigt {2,}Signalisierung ausgehend {2,}\S/m);
    expect(text).toMatch(/^ {2}bestätigt {2,}Signalisierung eingehend {2,}\S/m);
    for (const line of text.split('\n')) {
      for (const marker of ENGLISH) expect(` ${line} `.toLowerCase(), line).not.toContain(marker);
    }
  }, 30_000);

  it('follows the system locale without --lang (LANG=de_DE.UTF-8), and --lang en wins over it', async () => {
    const args = ['diagnose', '--stun', `127.0.0.1:${coturn.port}`, '--no-media', '--local-ip', '127.0.0.1'];
    const german = await runProcess('node', ['bin/trunkcheck.js', ...args, '--sip-port', String(freePort())], { env: { LC_ALL: '', LANG: 'de_DE.UTF-8' }, timeoutMs: 20_000 });
    expect(german.stdout).toContain('Öffentliche Adresse');
    const english = await runProcess('node', ['bin/trunkcheck.js', ...args, '--sip-port', String(freePort()), '--lang', 'en'], { env: { LC_ALL: '', LANG: 'de_DE.UTF-8' }, timeoutMs: 20_000 });
    expect(english.stdout).toContain('Public address');
    expect((await cli(...args, '--lang', 'fr')).stderr).toContain('--lang takes en or de');
  });

  it('logs the keep-alive monitor in German with --lang de', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn('node', ['bin/trunkcheck.js', 'monitor', '--stun', `127.0.0.1:${coturn.port}`, '--interval', '0.3', '--sip-port', String(freePort()), '--lang', 'de']);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const deadline = Date.now() + 15_000;
    while (!/OK: [\s\S]*OK: /.test(out) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGINT');
    expect(await new Promise<number | null>((resolve) => child.on('close', resolve))).toBe(0);
    expect(out).toContain('Gestartet: öffentliche Adresse 127.0.0.1:');
    expect(out).toContain('Beenden mit Strg+C');
    expect(out).toMatch(/\d+ Keep-alives, \d+ beantwortet, 0 verpasst, 0 Adresswechsel, 0 Zuordnungen verloren\./);
  });
});
