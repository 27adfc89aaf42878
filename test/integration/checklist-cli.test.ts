// `trunkcheck checklist` from a real report of the NAT lab, as a user runs it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../support/processes';

const cli = (...args: string[]) => runProcess('node', ['bin/trunkcheck.js', ...args], { timeoutMs: 30_000 });
const dir = mkdtempSync(join(tmpdir(), 'trunkcheck-checklist-'));
const report = 'test/fixtures/report-masquerade.json';      // schema 1: evidence in English sentences
const current = 'test/fixtures/report-v2-masquerade.json'; // schema 2: evidence as codes

describe('trunkcheck checklist', () => {
  it('writes the PDF with every rule and its real addresses', async () => {
    const out = join(dir, 'checklist.pdf');
    const result = await cli('checklist', '--from', report, '--format', 'pdf', '-o', out, '--site', 'Head office', '--technician', 'J. Weiß');
    expect(result.code, result.stderr).toBe(0);
    const text = (await runProcess('pdftotext', ['-layout', out, '-'])).stdout;
    for (const value of ['192.168.100.5', '65002', '55000-56000', '203.0.113.10', '203.0.113.20', 'Outbound signalling', 'Inbound voice', 'J. Weiß', 'Page 1 of']) expect(text).toContain(value);
  });

  it('prints ready-to-paste nftables rules that nft itself accepts', async () => {
    const result = await cli('checklist', '--from', report, '--format', 'nftables');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ip saddr 192.168.100.5');
    const file = join(dir, 'rules.nft');
    writeFileSync(file, result.stdout);
    const check = await runProcess('nft', ['-c', '-f', file]);
    expect(check.code, check.stderr).toBe(0);
  });

  it('writes a Windows script with a byte-order mark, in German', async () => {
    const out = join(dir, 'rules.ps1');
    expect((await cli('checklist', '--from', report, '--format', 'windows', '--lang', 'de', '-o', out)).code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('New-NetFirewallRule');
  });

  it('prints the evidence of a language-free report in German, and in English from the same file', async () => {
    const german = await cli('checklist', '--from', current, '--format', 'md', '--lang', 'de');
    expect(german.code, german.stderr).toBe(0);
    expect(german.stdout).toContain('Die STUN-Antwort von 203.0.113.10:3478 kam an UDP 65002 an. Auch die SIP-Antwort 200 OK von 203.0.113.20:5060 kam an UDP 65002 an.');
    expect(german.stdout).not.toMatch(/englisch|\b(was answered|reached|not tested)\b/);
    const english = await cli('checklist', '--from', current, '--format', 'md', '--lang', 'en');
    expect(english.stdout).toContain('The STUN answer from 203.0.113.10:3478 reached UDP 65002. The SIP answer 200 OK from 203.0.113.20:5060 reached UDP 65002 too.');
  });

  it('still opens a report of schema 1, showing its English evidence as it was written', async () => {
    const result = await cli('checklist', '--from', report, '--format', 'md', '--lang', 'de');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('The STUN answer from 203.0.113.10:3478 reached UDP 65002; the SIP answer 200 OK from 203.0.113.20:5060 reached it too.');
  });

  it.each([
    [['--format', 'pdf'], 'Name the report'],
    [['--from', report, '--format', 'word'], 'no export format "word"'],
    [['--from', report, '--format', 'pdf'], 'add -o'],
    [['--from', report, '--lang', 'fr'], '--lang takes en or de'],
    [['--from', join(dir, 'missing.json')], 'could not be read'],
    [['--from', 'package.json'], 'not a TrunkCheck report'],
  ])('refuses %j with exit 2 and one sentence', async (args, words) => {
    const result = await cli('checklist', ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
  });

  it('puts only the firewall syntaxes named with --firewall into the appendix, none by default', async () => {
    const out = join(dir, 'firewall.pdf');
    const chosen = await cli('checklist', '--from', current, '--format', 'pdf', '-o', out, '--firewall', 'fortigate,mikrotik');
    expect(chosen.code, chosen.stderr).toBe(0);
    const text = (await runProcess('pdftotext', [out, '-'])).stdout;
    expect(text).toContain('Appendix: firewall configuration');
    expect(text).toContain('FortiGate (FortiOS CLI)');
    expect(text).toContain('MikroTik RouterOS');
    expect(text).not.toContain('nftables (Linux)');
    const pages = (await runProcess('pdfinfo', [out])).stdout;
    expect(Number(/Pages:\s+(\d+)/.exec(pages)?.[1])).toBeLessThanOrEqual(5);
    const markdown = await cli('checklist', '--from', current, '--format', 'md');
    expect(markdown.stdout).not.toContain('## Appendix');
    expect((await cli('checklist', '--from', current, '--format', 'md', '--firewall', 'windows', '--firewall', 'lancom')).stdout).toMatch(/### Windows Defender Firewall[^]*### LANCOM/);
  });

  it.each([
    ['en', ['--format', 'pdf', '--firewall', 'checkpoint'], 'There is no firewall "checkpoint": choose one or more of windows, nftables, iptables, ip6tables, mikrotik, pfsense, lancom, fritzbox, fortigate, separated by commas.'],
    ['de', ['--format', 'md', '--firewall', 'nftables,checkpoint'], 'Es gibt keine Firewall „checkpoint“: Wählen Sie eine oder mehrere von windows, nftables, iptables, ip6tables, mikrotik, pfsense, lancom, fritzbox, fortigate, durch Kommas getrennt.'],
    ['en', ['--firewall', 'nftables', '--format', 'json'], 'Firewall syntaxes go into the appendix of a PDF or Markdown checklist, not into "json"'],
    ['de', ['--format', 'pdf', '--firewall', ''], 'Es gibt keine Firewall „“'],
  ] as const)('refuses a bad --firewall in %s with exit 2 and one sentence, before reading the report', async (lang, args, sentence) => {
    const result = await cli('checklist', '--from', join(dir, 'missing.json'), '-o', join(dir, 'never.pdf'), '--lang', lang, ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(sentence);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('says a report from a newer TrunkCheck needs an update', async () => {
    const newer = join(dir, 'newer.json');
    writeFileSync(newer, JSON.stringify({ ...JSON.parse(readFileSync(report, 'utf8')), schemaVersion: 7 }));
    const result = await cli('checklist', '--from', newer);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('newer TrunkCheck');
  });

  it('refuses to write into a folder that does not exist, without a stack trace', async () => {
    const result = await cli('checklist', '--from', report, '--format', 'md', '-o', join(dir, 'no', 'such', 'dir', 'x.md'));
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('does not exist');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('trunkcheck providers', () => {
  it('lists sipgate with its STUN server on port 10000', async () => {
    const result = await cli('providers');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/sipgate.*stun\.sipgate\.net:10000/);
    const json = JSON.parse((await cli('providers', '--json')).stdout);
    expect(json.providers.every((provider: { id: string }) => typeof provider.id === 'string')).toBe(true);
  });
});
