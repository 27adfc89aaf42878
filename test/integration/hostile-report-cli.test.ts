// `trunkcheck checklist --from REPORT.json` with an edited report (issue 11, items 1, 4 and 7):
// every format refuses it with exit 2 and one sentence naming the field, and nothing is written.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../shared/checklist/formats';
import { runProcess } from '../support/processes';

const cli = (...args: string[]) => runProcess('node', ['bin/trunkcheck.js', ...args], { timeoutMs: 30_000 });
const dir = mkdtempSync(join(tmpdir(), 'trunkcheck-hostile-report-'));
const real = JSON.parse(readFileSync('test/fixtures/report-masquerade.json', 'utf8')) as Record<string, Record<string, unknown>>;

function reportFile(name: string, edit: (report: typeof real) => void): string {
  const report = structuredClone(real);
  edit(report);
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(report));
  return path;
}

function expectOneSentence(result: { code: number | null; stdout: string; stderr: string }, words: string): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(words);
  expect(result.stderr).not.toMatch(/\n\s+at |Error:|TypeError/);
}

// The Windows export's New-NetFirewallRule line would have run this (issue 11, item 1).
const injected = reportFile('injected', (report) => {
  report.local!.ip = "10.0.0.5' ; Start-Process calc.exe ; '";
});

describe('trunkcheck checklist with a hostile report', () => {
  it('covers all twelve formats', () => {
    expect(EXPORT_FORMATS).toHaveLength(12);
  });

  it.each(EXPORT_FORMATS)('refuses a command in the PBX address for --format %s, and writes nothing', async (format) => {
    const out = join(dir, `out-${format}`);
    const result = await cli('checklist', '--from', injected, '--format', format, '-o', out);
    expectOneSentence(result, `${injected} is damaged or was edited: its local.ip is not an IP address ("10.0.0.5' ; Start-Process calc.exe ; '")`);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ['a newline in a STUN host name', (r: typeof real) => void ((r.stunServers as unknown as { host: string }[])[0]!.host = 'stun.example.net\nconfig system admin'), 'fortigate', 'its stunServers[0].host is not a host name'],
    ['a newline in the gateway', (r: typeof real) => void (r.local!.gateway = '192.168.100.1\nadd rule inet filter input accept'), 'nftables', 'its local.gateway is not an IP address'],
    ['a report without checks', (r: typeof real) => void delete (r as Record<string, unknown>).checks, 'md', 'its checks is missing'],
    ['checks.publicAddress: null', (r: typeof real) => void (r.checks!.publicAddress = null), 'md', 'its checks.publicAddress is not an object (null)'],
    ['a numeric sip.target', (r: typeof real) => void (r.sip!.target = 5060), 'windows', 'its sip.target is not a server written as host or host:port (5060)'],
  ])('refuses %s with one sentence instead of a stack trace', async (name, edit, format, words) => {
    const result = await cli('checklist', '--from', reportFile(name.replace(/\W+/g, '-'), edit), '--format', format);
    expectOneSentence(result, words);
  });

  it('refuses a 5 MB string and a 5,000-character address quickly', async () => {
    // The fixture is schema 1: its evidence sentence is read as a legacy-text message, refused whole.
    const huge = reportFile('huge-evidence', (r) => void ((r.rules as unknown as { evidence: string }[])[0]!.evidence = 'x'.repeat(5_000_000)));
    const long = reportFile('long-address', (r) => void (r.local!.ip = '1'.repeat(5000)));
    for (const [file, format, words] of [
      [huge, 'md', 'its rules[0].evidence[0] is not evidence as TrunkCheck writes it'],
      [long, 'pdf', 'its local.ip is not an IP address'],
    ] as const) {
      const started = performance.now();
      const result = await cli('checklist', '--from', file, '--format', format, '-o', join(dir, `quick.${format}`));
      expectOneSentence(result, words);
      // A process start included; the refusal itself takes milliseconds (test/unit/shared/report-schema.test.ts).
      expect(performance.now() - started).toBeLessThan(10_000);
    }
  });

  it('refuses a site name that would break out of a comment line', async () => {
    const result = await cli('checklist', '--from', 'test/fixtures/report-masquerade.json', '--format', 'mikrotik', '--site', 'Head office\n/ip firewall filter add action=accept');
    expectOneSentence(result, 'its name contains a line break or another control character');
  });

  it('refuses the hostile report as the earlier run of diagnose --rerun, before measuring anything', async () => {
    const result = await cli('diagnose', '--stun', '127.0.0.1:9', '--rerun', 'sip', '--from', injected);
    expectOneSentence(result, 'its local.ip is not an IP address');
  });
});
