// `trunkcheck checklist` from a dual-stack report (the masquerade lab over IPv4 plus the IPv6
// section of the dual-stack lab), as a user runs it: the report file goes through the same schema
// as any other, and the iptables and ip6tables exports load with their own tools.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ipv6Section, PBX6 } from '../support/ipv6-section';
import { runProcess } from '../support/processes';

const cli = (...args: string[]) => runProcess('node', ['bin/trunkcheck.js', ...args], { timeoutMs: 30_000 });
const dir = mkdtempSync(join(tmpdir(), 'trunkcheck-dual-cli-'));
const report = join(dir, 'dual.json');
writeFileSync(report, JSON.stringify({ ...JSON.parse(readFileSync('test/fixtures/report-v2-masquerade.json', 'utf8')), ipv6: ipv6Section() }));

describe('trunkcheck checklist for a dual-stack PBX', () => {
  it('writes the IPv4 rules for iptables-restore and the IPv6 rules for ip6tables-restore, each loadable', async () => {
    const v4 = join(dir, 'trunkcheck.rules');
    const v6 = join(dir, 'trunkcheck6.rules');
    for (const [format, out] of [['iptables', v4], ['ip6tables', v6]] as const) {
      const result = await cli('checklist', '--from', report, '--format', format, '-o', out);
      expect(result.code, result.stderr).toBe(0);
    }
    expect(readFileSync(v6, 'utf8')).toContain(`-A TRUNKCHECK-INPUT -d ${PBX6} `);
    const check4 = await runProcess('sh', ['-c', 'iptables-restore --test < "$1"', 'sh', v4]);
    const check6 = await runProcess('sh', ['-c', 'ip6tables-restore --test < "$1"', 'sh', v6]);
    expect(check4.code, check4.stderr).toBe(0);
    expect(check6.code, check6.stderr).toBe(0);
  });

  it('refuses a report whose IPv6 section holds an IPv4 address, in one sentence', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...JSON.parse(readFileSync(report, 'utf8')), ipv6: ipv6Section({ address: '192.168.100.5' }) }));
    const result = await cli('checklist', '--from', bad, '--format', 'ip6tables');
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`trunkcheck: ${bad} is damaged or was edited: its ipv6.address is not an IPv6 address ("192.168.100.5"); run the diagnosis again, or use the file as TrunkCheck wrote it.`);
  });
});
