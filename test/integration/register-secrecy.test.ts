// The SIP password of `trunkcheck diagnose --register USER` (issue 16, item 3) reaches no output:
// not the --json report, the --out file, the terminal text (English and German), stderr, the
// site's history, nor any document made from the report (Markdown, checklist JSON, PDF, every
// firewall syntax), nor a refusal of a bad request, nor the terminal when it is typed at the prompt.
// The runs register for real with the kamailio registrar (digest auth with this password, usrloc,
// nathelper pinging every second): each REGISTER is challenged and answered with the password
// hashed, registered (200), the registrar's OPTIONS ping answered and the contact removed again,
// so every place the password could leak to has been through a whole registration.
import { createHash } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREWALL_IDS } from '../../shared/ipc';
import type { DiagnoseReport } from '../../shared/report';
import { startCoturn, type Coturn } from '../support/coturn';
import { startKamailioRegistrar, type KamailioRegistrar } from '../support/kamailio-registrar';
import { runProcess } from '../support/processes';
import { runAtTerminal } from '../support/terminal';

// Distinctive, so a hit is never a coincidence; within what the registrar's config takes.
const PASSWORD = 'Zq7!trunk.SECRET~4711';
const USER = 'trunk1';
const home = mkdtempSync(join(tmpdir(), 'trunkcheck-secrecy-'));
// Every folder a store could write to is this test's own.
const env = { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local', 'share'), TRUNKCHECK_HOME: join(home, 'trunkcheck'), LC_ALL: 'C.UTF-8' };
const cli = (args: readonly string[], input = `${PASSWORD}\n`) => runProcess('node', ['bin/trunkcheck.js', ...args], { timeoutMs: 60_000, input, env });
const sipPort = 45000 + Math.floor(Math.random() * 2000);

let coturn: Coturn;
let registrar: KamailioRegistrar;
let target: string[];

beforeAll(async () => {
  if (!existsSync('out/main/cli.js')) throw new Error('out/main/cli.js is missing: run "npx electron-vite build" before these tests.');
  [coturn, registrar] = await Promise.all([startCoturn(), startKamailioRegistrar({ user: USER, password: PASSWORD, pingIntervalSec: 1 })]);
  // The wait for the registrar's ping ends at the ping, within a second or so.
  target = ['--stun', `127.0.0.1:${coturn.port}`, '--sip', `127.0.0.1:${registrar.port}`, '--sip-port', String(sipPort), '--local-ip', '127.0.0.1', '--no-media', '--register', USER, '--inbound-wait', '5'];
}, 30_000);
afterAll(async () => Promise.all([coturn?.stop(), registrar?.stop()]));

// The whole registration happened: challenged, registered, the ping answered, the contact removed.
async function expectWholeRegistration(report: DiagnoseReport): Promise<void> {
  expect(report.sip?.register).toMatchObject({
    aor: `sip:${USER}@127.0.0.1`,
    outcome: 'registered',
    status: 200,
    challenged: true,
    algorithm: 'MD5',
    unregistered: true,
    inbound: { received: true, method: 'OPTIONS', answered: 200 },
  });
  expect(await registrar.isRegistered(USER)).toBe(false);
}

// The terminal report's registration lines of a whole registration, in either language.
function expectWholeRegistrationShown(stdout: string, lang: 'en' | 'de'): void {
  if (lang === 'en') {
    expect(stdout).toContain(`Registered as sip:${USER}@127.0.0.1: the registrar answered 200 OK`);
    expect(stdout).toContain("The provider's own OPTIONS reached the SIP port");
    expect(stdout).toContain('The test contact was removed again');
  } else {
    expect(stdout).toContain(`Registriert als sip:${USER}@127.0.0.1: Der Registrar antwortete`);
    expect(stdout).toContain('Ein eigenes OPTIONS des Providers erreichte den SIP-Port');
    expect(stdout).toContain('Der Testkontakt wurde wieder entfernt');
  }
}

// The password as typed, in the encodings a careless writer might use, and the digest's HA1
// (RFC 7616 §3.4.2: H(user:realm:password)), which is as good as the password to an attacker.
function secretForms(): Record<string, string> {
  const ha1 = (algorithm: 'md5' | 'sha256') => createHash(algorithm).update(`${USER}:${registrar.realm}:${PASSWORD}`).digest('hex');
  return {
    password: PASSWORD,
    base64: Buffer.from(PASSWORD).toString('base64'),
    hex: Buffer.from(PASSWORD).toString('hex'),
    'URI-escaped': encodeURIComponent(PASSWORD),
    'HA1 MD5': ha1('md5'),
    'HA1 SHA-256': ha1('sha256'),
  };
}

function expectNoSecret(where: string, text: string): void {
  for (const [form, secret] of Object.entries(secretForms())) expect(text.toLowerCase(), `${form} in ${where}`).not.toContain(secret.toLowerCase());
}

// A PDF's bytes as written, and each of its Flate streams inflated (page text, fonts, metadata).
function pdfContents(bytes: Buffer): string[] {
  const parts = [bytes.toString('latin1')];
  const streams = /stream\r?\n/g;
  for (let match = streams.exec(parts[0] as string); match !== null; match = streams.exec(parts[0] as string)) {
    const start = match.index + match[0].length;
    const end = bytes.indexOf('endstream', start);
    if (end < 0) break;
    try {
      parts.push(inflateSync(bytes.subarray(start, end)).toString('latin1'));
    } catch {
      // not a Flate stream
    }
  }
  return parts;
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the SIP password of --register', () => {
  const reportFile = join(home, 'report.json');

  it('is in neither the --json report, the --out file, stderr nor the site\'s history, after a whole registration', async () => {
    const result = await cli(['diagnose', ...target, '--json', '--out', reportFile, '--site', 'office']);
    const report = JSON.parse(result.stdout) as DiagnoseReport;
    await expectWholeRegistration(report);
    // Without media the media rules stay untested: incomplete, exit 1.
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(`Warning: TrunkCheck registers as sip:${USER}@127.0.0.1`);
    const history = filesUnder(env.TRUNKCHECK_HOME);
    expect(history.some((file) => file.endsWith('-report.json'))).toBe(true);
    expectNoSecret('stdout', result.stdout);
    expectNoSecret('stderr', result.stderr);
    expectNoSecret('--out', readFileSync(reportFile, 'utf8'));
    for (const file of filesUnder(home)) expectNoSecret(file, readFileSync(file, 'latin1'));
  });

  it('is not in the terminal report, in English or German', async () => {
    for (const lang of ['en', 'de'] as const) {
      const result = await cli(['diagnose', ...target, '--lang', lang]);
      expect(result.code, result.stderr).toBe(1);
      expectWholeRegistrationShown(result.stdout, lang);
      expect(await registrar.isRegistered(USER)).toBe(false);
      expectNoSecret(`terminal ${lang}`, result.stdout + result.stderr);
    }
  });

  it('is not echoed when typed at the terminal\'s prompt, and the run registers with it', async () => {
    const typedReport = join(home, 'typed-report.json');
    const prompt = `SIP password for ${USER} (not shown): `;
    const run = await runAtTerminal(['node', 'bin/trunkcheck.js', 'diagnose', ...target, '--out', typedReport], { after: prompt, keys: `${PASSWORD}\r` }, { env });
    expect(run.code, run.transcript).toBe(1);
    // The line ends right after the prompt: nothing of what was typed showed.
    expect(run.transcript).toContain(`${prompt}\r\n`);
    expectNoSecret('the terminal', run.transcript);
    await expectWholeRegistration(JSON.parse(readFileSync(typedReport, 'utf8')) as DiagnoseReport);
    expectWholeRegistrationShown(run.transcript, 'en');
    expectNoSecret('--out', readFileSync(typedReport, 'utf8'));
  });

  it('is in no document made from the report: Markdown, checklist JSON, the PDF and every firewall syntax, in both languages', { timeout: 60_000 }, async () => {
    // Each language's documents at once: a dozen short processes.
    await Promise.all((['en', 'de'] as const).map(async (lang) => {
      await Promise.all(['md', 'json', ...FIREWALL_IDS].map(async (format) => {
        const result = await cli(['checklist', '--from', reportFile, '--format', format, '--lang', lang], '');
        expect(result.code, `${format}: ${result.stderr}`).toBe(0);
        expectNoSecret(`${format} ${lang}`, result.stdout + result.stderr);
        if (format === 'md') expect(result.stdout).toContain(lang === 'en' ? 'The test contact was removed again' : 'Der Testkontakt wurde wieder entfernt');
      }));
      const pdf = join(home, `checklist-${lang}.pdf`);
      expect((await cli(['checklist', '--from', reportFile, '--format', 'pdf', '--lang', lang, '-o', pdf], '')).code).toBe(0);
      const text = (await runProcess('pdftotext', [pdf, '-'])).stdout;
      expect(text).toContain(lang === 'en' ? 'Registration with the provider' : 'Registrierung beim Provider');
      expectNoSecret(`PDF text ${lang}`, text);
      const contents = pdfContents(readFileSync(pdf));
      expect(contents.length).toBeGreaterThan(1); // the compressed streams were read too
      contents.forEach((bytes, index) => expectNoSecret(`PDF ${lang} ${index === 0 ? 'bytes' : `stream ${index}`}`, bytes));
    }));
  });

  it('is not in the refusal of a bad request', async () => {
    const badUser = await cli(['diagnose', ...target.map((arg) => (arg === 'trunk1' ? 'trunk 1' : arg))]);
    expect(badUser.code).toBe(2);
    const tooLong = await cli(['diagnose', ...target, '--json'], `${PASSWORD}${'x'.repeat(300)}\n`);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stdout).toContain('request/register-password');
    for (const result of [badUser, tooLong]) expectNoSecret('refusal', result.stdout + result.stderr);
  });

  it('is never sent while another program holds the SIP port, and the refusal says the registration was not attempted', async () => {
    const holder = createSocket('udp4');
    await new Promise<void>((resolve) => holder.bind(sipPort, '127.0.0.1', resolve));
    try {
      const result = await cli(['diagnose', ...target]);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('the registration was not attempted');
      expect(result.stderr).not.toContain('Warning: TrunkCheck registers');
      expectNoSecret('refusal', result.stdout + result.stderr);
      expect(await registrar.isRegistered(USER)).toBe(false);
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
