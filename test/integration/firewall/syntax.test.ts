// The nftables and iptables exports, checked by the real tools installed here: `nft -c -f` and
// `iptables-restore --test` / `ip6tables-restore --test` (plus the stricter legacy backend when it
// works). Both only parse and build the ruleset in the kernel's check mode; nothing is committed.
// A tool that cannot run here (missing, or no CAP_NET_ADMIN) skips its tests with the reason printed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Checklist } from '../../../shared/checklist/model';
import { render as renderIptables, restoreTool } from '../../../shared/firewall/iptables';
import { render as renderNftables } from '../../../shared/firewall/nftables';
import { checklistFrom, checklistIpv6, checklistWith, checklistWithNames, checklistWithoutServerAddresses, FIXTURES, type ReportShape } from '../../unit/firewall/checklists';

const dir = mkdtempSync(join(tmpdir(), 'trunkcheck-firewall-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  readonly code: number | null;
  readonly output: string;
  readonly missing: boolean;
}

function run(command: string, args: readonly string[], input?: string): Run {
  const result = spawnSync(command, args, { input, encoding: 'utf8', timeout: 20_000 });
  const missing = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { code: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? result.error.message : ''}`, missing };
}

let fileCount = 0;
function nftCheck(text: string): Run {
  const file = join(dir, `export-${++fileCount}.nft`);
  writeFileSync(file, text);
  return run('nft', ['-c', '-f', file]);
}

const restoreTest = (tool: string, text: string) => run(tool, ['--test'], text);

// Can the tool check a known-good ruleset here? If not, say why and skip.
function usable(name: string, probe: () => Run): string | null {
  const result = probe();
  if (result.missing) return `${name} is not installed`;
  if (result.code !== 0) return `${name} cannot check rulesets here: ${result.output.trim().slice(0, 200)}`;
  return null;
}

const nftProblem = usable('nft', () => nftCheck('table inet trunkcheck_probe {\n\tchain forward {\n\t\ttype filter hook forward priority filter; policy accept;\n\t}\n}\n'));
const probeRules = '*filter\n:TRUNKCHECK-PROBE - [0:0]\n-A TRUNKCHECK-PROBE -p udp --dport 5060 -j ACCEPT\nCOMMIT\n';
const iptablesProblem = usable('iptables-restore', () => restoreTest('iptables-restore', probeRules));
const ip6tablesProblem = usable('ip6tables-restore', () => restoreTest('ip6tables-restore', probeRules));
const legacyProblem = usable('iptables-legacy-restore', () => restoreTest('iptables-legacy-restore', probeRules));
for (const problem of [nftProblem, iptablesProblem, ip6tablesProblem, legacyProblem]) {
  if (problem) console.warn(`[firewall syntax] skipped: ${problem}`);
}

// Every export the app can produce from the lab's reports, in both languages, marking on and off.
const cases: [string, Checklist][] = [];
for (const fixture of FIXTURES) {
  for (const language of ['en', 'de'] as const) {
    for (const qos of [true, false]) cases.push([`${fixture}, ${language}, DSCP ${qos ? 'on' : 'off'}`, checklistFrom(fixture, { language, qos })]);
  }
}
cases.push(['names without addresses (TODO placeholders)', checklistWithNames()]);
cases.push(['no provider address at all (rules commented out)', checklistWithoutServerAddresses()]);

describe.skipIf(nftProblem !== null)('nftables export, checked with nft -c -f', () => {
  it.each(cases)('loads: %s', (_, checklist) => {
    const result = nftCheck(renderNftables(checklist));
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('loads for an IPv6 PBX (ip6 matches, ip6 dscp)', () => {
    const result = nftCheck(renderNftables(checklistIpv6()));
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('the check is real: a broken export fails', () => {
    const broken = renderNftables(checklistFrom('masquerade')).replace('udp dport 55000-56000', 'udp dport 55000-99999');
    expect(nftCheck(broken).code).not.toBe(0);
  });
});

describe.skipIf(iptablesProblem !== null)('iptables export, checked with iptables-restore --test', () => {
  it.each(cases)('restores: %s', (_, checklist) => {
    expect(restoreTool(checklist)).toBe('iptables-restore');
    const result = restoreTest('iptables-restore', renderIptables(checklist));
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('the check is real: a broken export fails', () => {
    const broken = renderIptables(checklistFrom('masquerade')).replace('--set-dscp-class EF', '--set-dscp-class XX');
    expect(restoreTest('iptables-restore', broken).code).not.toBe(0);
  });
});

describe.skipIf(legacyProblem !== null)('iptables export, checked with the stricter legacy backend', () => {
  it.each(cases)('restores: %s', (_, checklist) => {
    const result = restoreTest('iptables-legacy-restore', renderIptables(checklist));
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });
});

describe.skipIf(ip6tablesProblem !== null)('iptables export for an IPv6 PBX, checked with ip6tables-restore --test', () => {
  it('restores with ip6tables-restore', () => {
    const checklist = checklistIpv6();
    expect(restoreTool(checklist)).toBe('ip6tables-restore');
    const result = restoreTest('ip6tables-restore', renderIptables(checklist));
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });
});

// Reports as real runs leave them: `diagnose` alone (the README's first example: no SIP provider,
// so rule 1 has one remote port), with --sip, with the media test, with both; IPv4 and IPv6.
const shapes: [string, ReportShape][] = [
  ['no SIP, no media', { sip: false, media: false }],
  ['SIP, no media', { sip: true, media: false }],
  ['no SIP, media', { sip: false, media: true }],
  ['SIP and media', { sip: true, media: true }],
];
const shapeCases = (family: 4 | 6): [string, Checklist][] =>
  shapes.flatMap(([name, shape]) => [true, false].map((qos): [string, Checklist] => [`${name}, DSCP ${qos ? 'on' : 'off'}`, checklistWith(shape, { qos, family })]));

describe('exports of reports with and without SIP, with and without media', () => {
  it.skipIf(iptablesProblem !== null).each(shapeCases(4))('iptables-restore --test loads the IPv4 export: %s', (_, checklist) => {
    const result = restoreTest('iptables-restore', renderIptables(checklist));
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it.skipIf(legacyProblem !== null).each(shapeCases(4))('iptables-legacy-restore --test loads the IPv4 export: %s', (_, checklist) => {
    const result = restoreTest('iptables-legacy-restore', renderIptables(checklist));
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it.skipIf(ip6tablesProblem !== null).each(shapeCases(6))('ip6tables-restore --test loads the IPv6 export: %s', (_, checklist) => {
    expect(restoreTool(checklist)).toBe('ip6tables-restore');
    const result = restoreTest('ip6tables-restore', renderIptables(checklist));
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it.skipIf(nftProblem !== null).each([...shapeCases(4), ...shapeCases(6).map(([name, checklist]): [string, Checklist] => [`IPv6, ${name}`, checklist])])('nft -c loads the export: %s', (_, checklist) => {
    const result = nftCheck(renderNftables(checklist));
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });
});
