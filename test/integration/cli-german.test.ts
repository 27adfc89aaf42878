// The built `trunkcheck` command refuses in the chosen language: every way it says no (a flag it
// cannot parse, a value the validators refuse, a file it cannot use, a packet it cannot decode)
// is one German sentence with --lang de anywhere on the line, or with a German system locale, and
// no English sentence; the help too. Nothing here sends a packet: each refusal comes first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishLines } from '../support/english';
import { runProcess, type RunResult } from '../support/processes';
import { dualStackReport } from '../support/report-fixture';

// Sites and providers go to a folder of this test run; the system locale says English, so only
// --lang can make the answer German.
const home = mkdtempSync(join(tmpdir(), 'trunkcheck-german-'));
const ENGLISH_SYSTEM = { TRUNKCHECK_HOME: home, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };
const GERMAN_SYSTEM = { ...ENGLISH_SYSTEM, LANG: 'de_DE.UTF-8' };
const report = 'test/fixtures/report-masquerade.json';
const notJson = join(home, 'provider.json');
// A dual-stack PBX's report with a measured line: the IPv6 path and the expected call quality.
const dualStack = join(home, 'dual-stack.json');
const stun = '127.0.0.1:9';
let holder: Server;
let heldPort = 0;

const cli = (args: readonly string[], env: NodeJS.ProcessEnv = ENGLISH_SYSTEM): Promise<RunResult> => runProcess('node', ['bin/trunkcheck.js', ...args], { env, timeoutMs: 20_000 });

beforeAll(async () => {
  writeFileSync(notJson, '{ "id": "mine", ');
  writeFileSync(dualStack, JSON.stringify(dualStackReport()));
  // A TCP port on 127.0.0.1 that is taken, for `trunkcheck ui --port`.
  holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  heldPort = (holder.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((resolve) => holder?.close(resolve));
  rmSync(home, { recursive: true, force: true });
});

// [what, the command line without --lang, the exit status]
const REFUSALS: [string, () => string[], number][] = [
  ['an unknown command', () => ['frobnicate'], 2],
  ['an unknown option', () => ['diagnose', '--bogus'], 2],
  ['an option without its value', () => ['diagnose', '--stun'], 2],
  ['a value on a switch', () => ['diagnose', '--json=yes'], 2],
  ['an option given twice', () => ['diagnose', '--sip', 'a', '--sip', 'b'], 2],
  ['a bare argument', () => ['diagnose', 'stun.example.net'], 2],
  ['two options that contradict each other', () => ['diagnose', '--stun', stun, '--rtp-full', '--no-media'], 2],
  ['--rerun without --from', () => ['diagnose', '--stun', stun, '--rerun', 'sip'], 2],
  ['no STUN server', () => ['diagnose'], 2],
  ['a STUN host that is a shell command', () => ['diagnose', '--stun', '$(id)'], 2],
  ['SIP port 0', () => ['diagnose', '--stun', stun, '--sip-port', '0'], 2],
  ['line quality for 0 s', () => ['diagnose', '--stun', stun, '--quality', '0'], 2],
  ['an unknown PBX profile', () => ['diagnose', '--stun', stun, '--profile', 'nope'], 2],
  ['an unknown provider', () => ['diagnose', '--stun', stun, '--provider', 'nobody'], 2],
  ['a backwards RTP range', () => ['diagnose', '--stun', stun, '--rtp', '9-3'], 2],
  ['a local address that is a name', () => ['diagnose', '--stun', stun, '--local-ip', 'pc'], 2],
  ['IP version 5', () => ['diagnose', '--stun', stun, '--family', '5'], 2],
  ['a site id with spaces', () => ['diagnose', '--stun', stun, '--site', 'Head Office'], 2],
  ['a report to run again from that does not exist', () => ['diagnose', '--stun', stun, '--rerun', 'sip', '--from', join(home, 'none.json')], 2],
  ['a folder as --out', () => ['diagnose', '--stun', stun, '--out', home], 2],
  ['a keep-alive every 0 s', () => ['monitor', '--stun', stun, '--interval', '0'], 2],
  ['an unknown monitor option', () => ['monitor', '--bogus'], 2],
  ['a checklist without a report', () => ['checklist'], 2],
  ['an unknown export format', () => ['checklist', '--from', report, '--format', 'word'], 2],
  ['a PDF without a file', () => ['checklist', '--from', report, '--format', 'pdf'], 2],
  ['a report that does not exist', () => ['checklist', '--from', join(home, 'none.json')], 2],
  ['a file that is no report', () => ['checklist', '--from', 'package.json'], 2],
  ['a folder as -o', () => ['checklist', '--from', report, '-o', home], 2],
  ['a provider file that does not exist', () => ['providers', '--add', join(home, 'none.json')], 2],
  ['a provider file that is not JSON', () => ['providers', '--add', notJson], 2],
  ['an unknown providers option', () => ['providers', '--bogus'], 2],
  ['no packet to decode', () => ['decode'], 2],
  ['a packet that is not hexadecimal', () => ['decode', 'zz'], 2],
  ['a packet that starts like STUN', () => ['decode', `00010004${'2112a442'}${'00'.repeat(12)}`], 2],
  ['a packet that is neither STUN nor SIP', () => ['decode', 'ff00ff00'], 2],
  ['a SIP message that is not valid', () => ['decode', Buffer.from('SIP/2.0 4294967301 x\r\n\r\n').toString('hex')], 2],
  ['an unknown decode option', () => ['decode', '--bogus', '00'], 2],
  ['a wizard port that is not a number', () => ['ui', '--port', '80a'], 2],
  ['a wizard STUN server that is a shell command', () => ['ui', '--stun', '$(id)'], 2],
  ['a wizard port that is taken', () => ['ui', '--port', String(heldPort)], 3],
];

// Every line a person reads: stderr, and the message of a --json refusal.
const said = (result: RunResult): string => result.stderr.replace(/^trunkcheck: /gm, '');

describe('trunkcheck refuses in German with --lang de', () => {
  it.each(REFUSALS)('%s: one German sentence, no English one', async (_what, args, exit) => {
    const [german, english] = await Promise.all([cli([...args(), '--lang', 'de']), cli(args())]);
    expect(german.code, german.stderr).toBe(exit);
    expect(english.code, english.stderr).toBe(exit);
    expect(said(german).trim().split('\n'), german.stderr).toHaveLength(1);
    expect(said(german).length).toBeGreaterThan(15);
    expect(englishLines(said(german)), said(german)).toEqual([]);
    // Worded, not passed through: the English line is another one.
    expect(said(german)).not.toBe(said(english));
  }, 30_000);

  it('reads --lang before the option it refuses, and before the command', async () => {
    const [after, before] = await Promise.all([cli(['diagnose', '--bogus', '--lang', 'de']), cli(['--lang', 'de', 'diagnose', '--bogus'])]);
    expect(after.stderr).toBe('trunkcheck: Unbekannte Option --bogus für diagnose: siehe trunkcheck --help.\n');
    expect(before.stderr).toBe(after.stderr);
  });

  it('follows a German system locale without --lang, and refuses a language it does not speak in it', async () => {
    const [bogus, french] = await Promise.all([cli(['diagnose', '--bogus'], GERMAN_SYSTEM), cli(['diagnose', '--lang', 'fr'], GERMAN_SYSTEM)]);
    expect(bogus.stderr).toContain('Unbekannte Option --bogus');
    expect(french.code).toBe(2);
    expect(french.stderr).toBe('trunkcheck: --lang kennt en und de, nicht „fr“.\n');
  });

  it('gives a script the code and its values with --json, and the German sentence beside them', async () => {
    const result = await cli(['diagnose', '--stun', stun, '--rtp-full', '--no-media', '--json', '--lang', 'de']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      error: { code: 'cli/options-contradict', first: 'rtp-full', second: 'no-media', message: '--rtp-full und --no-media widersprechen sich: eine davon wählen.' },
    });
  });
});

describe('trunkcheck --help', () => {
  it('is German with --lang de, or a German system locale, and has no English sentence', async () => {
    const [flag, locale, bare, command] = await Promise.all([
      cli(['--help', '--lang', 'de']),
      cli(['--help'], GERMAN_SYSTEM),
      cli([], GERMAN_SYSTEM),
      cli(['diagnose', '--help', '--lang', 'de']),
    ]);
    expect(flag.code).toBe(0);
    expect(flag.stdout).toContain('Aufruf:');
    expect(flag.stdout).toContain('trunkcheck ui [--port N] [--stun HOST[:PORT]] [--lang en|de]');
    expect(englishLines(flag.stdout)).toEqual([]);
    expect(locale.stdout).toBe(flag.stdout);
    // Without a command: the help, and exit 2.
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe(flag.stdout);
    expect(command.code).toBe(0);
    expect(command.stdout).toBe(flag.stdout);
  });

  it('is English with --lang en or an English system locale', async () => {
    const [flag, locale] = await Promise.all([cli(['--help', '--lang', 'en'], GERMAN_SYSTEM), cli(['-h'])]);
    expect(flag.code).toBe(0);
    expect(flag.stdout).toContain('Usage:');
    expect(flag.stdout).toContain('trunkcheck ui [--port N] [--stun HOST[:PORT]] [--lang en|de]');
    expect(flag.stdout).not.toContain('Aufruf');
    expect(locale.stdout).toBe(flag.stdout);
  });
});

describe('trunkcheck checklist --format md for a dual-stack PBX with a measured line', () => {
  it('is German with --lang de: the call quality table and the IPv6 result, no English line', async () => {
    const [german, english] = await Promise.all([cli(['checklist', '--from', dualStack, '--format', 'md', '--lang', 'de']), cli(['checklist', '--from', dualStack, '--format', 'md'])]);
    expect(german.code, german.stderr).toBe(0);
    expect(german.stdout).toContain('## Erwartete Gesprächsqualität (MOS)');
    expect(german.stdout).toContain('| Codec | MOS | Bewertung | R | Jitterpuffer (ms) | Mund zu Ohr (ms) |');
    expect(german.stdout).toMatch(/^\| G\.711 \(Schmalband\) \| \d,\d\d \| (Gut|Annehmbar|Schlecht) \| \d+,\d \| \d+ \| \d+ \|$/m);
    expect(german.stdout).toContain('- **Ergebnis über IPv6**: Handlungsbedarf');
    expect(englishLines(german.stdout)).toEqual([]);
    expect(english.code, english.stderr).toBe(0);
    expect(english.stdout).toContain('## Expected call quality (MOS)');
    expect(english.stdout).toMatch(/^\| G\.711 \(narrowband\) \| \d\.\d\d \| (Good|Acceptable|Poor) \| \d+\.\d \| \d+ \| \d+ \|$/m);
    expect(english.stdout).toContain('- **Result over IPv6**: Action needed');
  }, 30_000);
});
