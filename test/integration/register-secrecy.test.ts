// The SIP password of `trunkcheck diagnose --register USER` (issue 16, item 3) reaches no output:
// not the --json report, the --out file, the terminal text (English and German), stderr, the
// site's history, nor any document made from the report (Markdown, checklist JSON, PDF, every
// firewall syntax), nor a refusal of a bad request. Each run shows the registration went through
// the pipeline (the AOR's user is there), so a leak would be found where it happened.
// With the protocol stand-in (electron/sip/register/index.ts) the registration is "not sent"; with
// the real one, kamailio answers REGISTER and the same assertions hold.
import { createSocket } from 'node:dgram';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREWALL_IDS } from '../../shared/ipc';
import type { DiagnoseReport } from '../../shared/report';
import { startCoturn, type Coturn } from '../support/coturn';
import { startKamailio, type Kamailio } from '../support/kamailio';
import { runProcess } from '../support/processes';

const PASSWORD = 's3cr3t-Pa55!';
const home = mkdtempSync(join(tmpdir(), 'trunkcheck-secrecy-'));
// Every folder a store could write to is this test's own.
const env = { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local', 'share'), TRUNKCHECK_HOME: join(home, 'trunkcheck'), LC_ALL: 'C.UTF-8' };
const cli = (args: readonly string[], input = `${PASSWORD}\n`) => runProcess('node', ['bin/trunkcheck.js', ...args], { timeoutMs: 60_000, input, env });
const sipPort = 45000 + Math.floor(Math.random() * 2000);

let coturn: Coturn;
let kamailio: Kamailio;
let target: string[];

beforeAll(async () => {
  if (!existsSync('out/main/cli.js')) throw new Error('out/main/cli.js is missing: run "npx electron-vite build" before these tests.');
  [coturn, kamailio] = await Promise.all([startCoturn(), startKamailio()]);
  target = ['--stun', `127.0.0.1:${coturn.port}`, '--sip', `127.0.0.1:${kamailio.port}`, '--sip-port', String(sipPort), '--local-ip', '127.0.0.1', '--no-media', '--register', 'trunk1', '--inbound-wait', '0'];
}, 30_000);
afterAll(async () => Promise.all([coturn?.stop(), kamailio?.stop()]));

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the SIP password of --register', () => {
  const reportFile = join(home, 'report.json');

  it('is in neither the --json report, the --out file, stderr nor the site\'s history', async () => {
    const result = await cli(['diagnose', ...target, '--json', '--out', reportFile, '--site', 'office']);
    expect(result.code, result.stderr).not.toBeNull();
    expect([0, 1]).toContain(result.code);
    const report = JSON.parse(result.stdout) as DiagnoseReport;
    expect(report.sip?.register?.aor).toBe(`sip:trunk1@127.0.0.1`);
    expect(result.stderr).toContain('Warning: TrunkCheck registers as sip:trunk1@127.0.0.1');
    const history = filesUnder(env.TRUNKCHECK_HOME);
    expect(history.some((file) => file.endsWith('-report.json'))).toBe(true);
    for (const [where, text] of [['stdout', result.stdout], ['stderr', result.stderr], ['--out', readFileSync(reportFile, 'utf8')], ...filesUnder(home).map((file) => [file, readFileSync(file, 'latin1')])]) {
      expect(text, where).not.toContain(PASSWORD);
    }
  });

  it('is not in the terminal report, in English or German', async () => {
    for (const lang of ['en', 'de']) {
      const result = await cli(['diagnose', ...target, '--lang', lang]);
      expect([0, 1]).toContain(result.code);
      expect(result.stdout).toContain(lang === 'en' ? 'Registration' : 'Registrierung');
      expect(result.stdout + result.stderr).not.toContain(PASSWORD);
    }
  });

  it('is in no document made from the report: Markdown, checklist JSON, the PDF and every firewall syntax', async () => {
    for (const format of ['md', 'json', ...FIREWALL_IDS]) {
      const result = await cli(['checklist', '--from', reportFile, '--format', format], '');
      expect(result.code, `${format}: ${result.stderr}`).toBe(0);
      expect(result.stdout + result.stderr, format).not.toContain(PASSWORD);
      if (format === 'md') expect(result.stdout).toContain('Registration with the provider');
    }
    const pdf = join(home, 'checklist.pdf');
    expect((await cli(['checklist', '--from', reportFile, '--format', 'pdf', '-o', pdf], '')).code).toBe(0);
    const text = (await runProcess('pdftotext', [pdf, '-'])).stdout;
    expect(text).toContain('Registration with the provider');
    expect(text).not.toContain(PASSWORD);
    expect(readFileSync(pdf, 'latin1')).not.toContain(PASSWORD);
  });

  it('is not in the refusal of a bad request', async () => {
    const badUser = await cli(['diagnose', ...target.map((arg) => (arg === 'trunk1' ? 'trunk 1' : arg))]);
    expect(badUser.code).toBe(2);
    const tooLong = await cli(['diagnose', ...target, '--json'], `${PASSWORD}${'x'.repeat(300)}\n`);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stdout).toContain('request/register-password');
    for (const result of [badUser, tooLong]) expect(result.stdout + result.stderr).not.toContain(PASSWORD);
  });

  it('is never sent while another program holds the SIP port, and the refusal says the registration was not attempted', async () => {
    const holder = createSocket('udp4');
    await new Promise<void>((resolve) => holder.bind(sipPort, '127.0.0.1', resolve));
    try {
      const result = await cli(['diagnose', ...target]);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('the registration was not attempted');
      expect(result.stderr).not.toContain('Warning: TrunkCheck registers');
      expect(result.stdout + result.stderr).not.toContain(PASSWORD);
    } finally {
      holder.close();
    }
  });

  it('is refused empty, with one sentence and exit 2', async () => {
    const result = await cli(['diagnose', ...target], '\n');
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('trunkcheck: The SIP password is empty: give it on standard input or type it at the prompt.');
  });

  it('is documented with its flags in the help of both languages', async () => {
    const en = await cli(['diagnose', '--help', '--lang', 'en'], '');
    const de = await cli(['diagnose', '--help', '--lang', 'de'], '');
    expect(en.stdout).toContain('[--register USER [--register-domain HOST] [--inbound-wait SEC]]');
    expect(en.stdout).toContain('password: the first line of standard input, or typed at a prompt without echo');
    expect(de.stdout).toContain('[--register BENUTZER [--register-domain HOST] [--inbound-wait SEK]]');
    expect(de.stdout).toContain('ohne Echo an der Eingabeaufforderung');
  });
});
