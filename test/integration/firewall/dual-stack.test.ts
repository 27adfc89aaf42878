// The Linux exports of a dual-stack PBX, checked by the real tools: `nft -c -f` for the one
// nftables file with both IP versions, `iptables-restore --test` for the iptables export (IPv4)
// and `ip6tables-restore --test` for the ip6tables export (IPv6), the stricter legacy backends too;
// then loaded for real into a network namespace of its own (unshare -n, gone when the command
// ends), where the kernel must hold the IPv6 rules with the PBX's IPv6 address.
// A tool that cannot run here (missing, or no CAP_NET_ADMIN) skips its tests with the reason printed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Checklist } from '../../../shared/checklist/model';
import { render as renderIptables, renderIp6tables } from '../../../shared/firewall/iptables';
import { render as renderNftables } from '../../../shared/firewall/nftables';
import { PBX6, SIP6, STUN6 } from '../../support/ipv6-section';
import { checklistDualStack, type ReportShape } from '../../unit/firewall/checklists';

const dir = mkdtempSync(join(tmpdir(), 'trunkcheck-dual-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly output: string;
}

function run(command: string, args: readonly string[], input?: string): Run {
  const result = spawnSync(command, args, { input, encoding: 'utf8', timeout: 20_000, maxBuffer: 16 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout ?? '', output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? result.error.message : ''}` };
}

let files = 0;
function file(text: string): string {
  const path = join(dir, `export-${++files}`);
  writeFileSync(path, text);
  return path;
}

const nftCheck = (text: string) => run('nft', ['-c', '-f', file(text)]);
const restoreTest = (tool: string, text: string) => run(tool, ['--test'], text);

function usable(name: string, probe: () => Run): string | null {
  const result = probe();
  return result.code === 0 ? null : `${name} cannot check rulesets here: ${result.output.trim().slice(0, 200)}`;
}
const probeRules = '*filter\n:TRUNKCHECK-PROBE - [0:0]\nCOMMIT\n';
const nftProblem = usable('nft', () => nftCheck('table inet trunkcheck_probe {\n}\n'));
const iptablesProblem = usable('iptables-restore', () => restoreTest('iptables-restore', probeRules));
const ip6tablesProblem = usable('ip6tables-restore', () => restoreTest('ip6tables-restore', probeRules));
const legacyProblem = usable('iptables-legacy-restore', () => restoreTest('iptables-legacy-restore', probeRules));
const legacy6Problem = usable('ip6tables-legacy-restore', () => restoreTest('ip6tables-legacy-restore', probeRules));
const namespaceProblem = usable('unshare -n', () => run('unshare', ['-n', 'sh', '-c', 'nft list ruleset && ip6tables-save >/dev/null']));
for (const problem of [nftProblem, iptablesProblem, ip6tablesProblem, legacyProblem, legacy6Problem, namespaceProblem]) {
  if (problem) console.warn(`[dual-stack exports] skipped: ${problem}`);
}

// Dual-stack checklists as real runs leave them: both languages, marking on and off, with and
// without SIP and the media test.
const shapes: [string, ReportShape][] = [
  ['SIP, no media', { sip: true, media: false }],
  ['no SIP, no media', { sip: false, media: false }],
  ['SIP and media', { sip: true, media: true }],
];
const cases: [string, Checklist][] = [
  ...(['en', 'de'] as const).flatMap((language) => [true, false].map((qos): [string, Checklist] => [`${language}, DSCP ${qos ? 'on' : 'off'}`, checklistDualStack({ language, qos })])),
  ...shapes.map(([name, shape]): [string, Checklist] => [name, checklistDualStack({ shape })]),
  ['IPv6 servers known by name only', checklistDualStack({ ipv6: { servers: { stun: [], sip: null } } })],
];

describe.skipIf(nftProblem !== null)('the nftables export of a dual-stack PBX, checked with nft -c -f', () => {
  it.each(cases)('loads: %s', (_, checklist) => {
    const result = nftCheck(renderNftables(checklist));
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('the check is real: an IPv4 address in an ip6 match fails', () => {
    const broken = renderNftables(checklistDualStack()).replace(`ip6 saddr ${PBX6}`, 'ip6 saddr 192.168.100.5');
    expect(nftCheck(broken).code).not.toBe(0);
  });
});

describe.skipIf(iptablesProblem !== null || ip6tablesProblem !== null)('the iptables and ip6tables exports of a dual-stack PBX, checked with iptables-restore --test and ip6tables-restore --test', () => {
  it.each(cases)('iptables-restore takes the iptables export: %s', (_, checklist) => {
    const result = restoreTest('iptables-restore', renderIptables(checklist));
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it.each(cases)('ip6tables-restore takes the ip6tables export: %s', (_, checklist) => {
    const result = restoreTest('ip6tables-restore', renderIp6tables(checklist));
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('the check is real: each tool refuses the other IP version\'s file', () => {
    const checklist = checklistDualStack();
    expect(restoreTest('iptables-restore', renderIp6tables(checklist)).code).not.toBe(0);
    expect(restoreTest('ip6tables-restore', renderIptables(checklist)).code).not.toBe(0);
  });
});

describe.skipIf(legacyProblem !== null || legacy6Problem !== null)('the same, checked with the stricter legacy backends', () => {
  it.each(cases)('iptables-legacy-restore and ip6tables-legacy-restore take them: %s', (_, checklist) => {
    for (const [tool, text] of [['iptables-legacy-restore', renderIptables(checklist)], ['ip6tables-legacy-restore', renderIp6tables(checklist)]] as const) {
      const result = restoreTest(tool, text);
      expect(result.output, tool).toBe('');
      expect(result.code, tool).toBe(0);
    }
  });
});

describe.skipIf(namespaceProblem !== null || nftProblem !== null)('a dual-stack PBX host loading its exports for real, in a network namespace of its own', () => {
  const checklist = checklistDualStack();

  it('nft holds the IPv6 rules with the PBX\'s IPv6 address beside the IPv4 ones', () => {
    const result = run('unshare', ['-n', 'sh', '-c', 'nft -f "$1" && nft list table inet trunkcheck', 'sh', file(renderNftables(checklist))]);
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toContain(`ip6 saddr ${PBX6} ip6 daddr { ${STUN6}, ${SIP6} } udp sport { 55000-56000, 65002 } udp dport { 3478, 5060 } accept comment "TrunkCheck-5-outbound-signalling-v6"`);
    expect(result.stdout).toContain(`ip6 daddr ${PBX6} udp dport 55000-56000 accept comment "TrunkCheck-8-inbound-media-v6"`);
    expect(result.stdout).toContain('ip saddr 192.168.100.5 ');
  });

  it.skipIf(iptablesProblem !== null || ip6tablesProblem !== null)('iptables-restore and ip6tables-restore, as the exports tell, leave each IP version its four rules', () => {
    const script = 'iptables-restore --noflush < "$1" && ip6tables-restore --noflush < "$2" && echo "== v4" && iptables-save -t filter && echo "== v6" && ip6tables-save -t filter';
    const result = run('unshare', ['-n', 'sh', '-c', script, 'sh', file(renderIptables(checklist)), file(renderIp6tables(checklist))]);
    expect(result.code, result.output).toBe(0);
    const [v4 = '', v6 = ''] = result.stdout.split('== v6');
    // The kernel keeps one rule per far address; the rules' names say which rule each comes from.
    const forwarded = (listing: string) => [...new Set([...listing.matchAll(/^-A TRUNKCHECK-FORWARD .*--comment (\S+) -j ACCEPT$/gm)].map((match) => match[1]))];
    expect(forwarded(v4)).toEqual(['TrunkCheck-1-outbound-signalling', 'TrunkCheck-2-inbound-signalling', 'TrunkCheck-3-outbound-media', 'TrunkCheck-4-inbound-media']);
    expect(forwarded(v6)).toEqual(['TrunkCheck-5-outbound-signalling-v6', 'TrunkCheck-6-inbound-signalling-v6', 'TrunkCheck-7-outbound-media-v6', 'TrunkCheck-8-inbound-media-v6']);
    expect(v6).toContain(`-A TRUNKCHECK-INPUT -s ${STUN6}/128 -d ${PBX6}/128 -p udp -m udp --dport 65002 -m comment --comment TrunkCheck-6-inbound-signalling-v6 -j ACCEPT`);
    expect(v6).toContain(`-A TRUNKCHECK-INPUT -s ${SIP6}/128 -d ${PBX6}/128 -p udp -m udp --dport 65002 -m comment --comment TrunkCheck-6-inbound-signalling-v6 -j ACCEPT`);
    expect(v6).not.toMatch(/192\.168\.|203\.0\.113\./);
  });
});
