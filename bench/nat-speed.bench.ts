// How long a whole `trunkcheck diagnose --no-media` process (public address, mapping, filtering,
// hairpinning, server check: the scope of the classic type) takes next to the reference clients, in the
// same NAT lab: the classic `stun` client (RFC 3489 type) and coturn's turnutils_natdiscovery
// (RFC 5780 mapping and filtering, one process each). Medians over several runs.
import { resolve } from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { canCreateLabs, createLab, runNatDiscovery, runStunClassic, type Lab } from '../test/lab/lab';
import { removeStaleLabs } from '../test/lab/cleanup';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CLI = resolve('bin/trunkcheck.js');
const labs: Lab[] = [];

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

beforeAll(async () => void (await removeStaleLabs()));
afterAll(async () => void (await Promise.all(labs.map((lab) => lab.destroy()))));

async function measure(scenario: 'masquerade' | 'lossy', lossPercent?: number): Promise<string[]> {
  const lab = await createLab({ scenario, ...(lossPercent === undefined ? {} : { lossPercent }) });
  labs.push(lab);
  await lab.startCoturn();
  const ours: number[] = [];
  const internal: number[] = [];
  const classic: number[] = [];
  const mapping: number[] = [];
  const filtering: number[] = [];
  const verdicts = new Map<string, number>();
  for (let run = 0; run < RUNS; run++) {
    // Fresh source ports every run, so no run sees another's NAT state.
    const result = await lab.exec('lan', 'node', [CLI, 'diagnose', '--json', '--stun', lab.addr.stunPrimary, '--sip-port', String(62000 + run), '--no-media']);
    ours.push(result.ms);
    const report = JSON.parse(result.stdout);
    internal.push(report.durationMs);
    verdicts.set(report.nat.classic, (verdicts.get(report.nat.classic) ?? 0) + 1);
    classic.push((await runStunClassic(lab, { sourcePort: 63000 + 2 * run })).ms);
    mapping.push((await runNatDiscovery(lab, 'mapping')).ms);
    filtering.push((await runNatDiscovery(lab, 'filtering')).ms);
  }
  await lab.destroy();
  const label = scenario === 'lossy' ? `${scenario} ${lossPercent} %` : scenario;
  const m = { ours: median(ours), internal: median(internal), classic: median(classic), mapping: median(mapping), filtering: median(filtering) };
  return [
    `${label.padEnd(16)} trunkcheck diagnose (whole process) ${m.ours.toFixed(0).padStart(6)} ms   (measurements inside: ${m.internal.toFixed(0)} ms)`,
    `${label.padEnd(16)} stun (stun-client, classic type)     ${m.classic.toFixed(0).padStart(6)} ms   ratio trunkcheck/stun = ${(m.ours / m.classic).toFixed(2)}`,
    `${label.padEnd(16)} turnutils_natdiscovery -m + -f       ${(m.mapping + m.filtering).toFixed(0).padStart(6)} ms   ratio trunkcheck/natdiscovery = ${(m.ours / (m.mapping + m.filtering)).toFixed(2)}`,
    `${label.padEnd(16)} trunkcheck verdicts: ${[...verdicts].map(([k, v]) => `${k} ×${v}`).join(', ')}`,
  ];
}

it('diagnosis time next to the reference clients', async () => {
  const capability = await canCreateLabs();
  if (!capability.ok) {
    console.log(`NAT speed benchmark skipped: ${capability.reason}`);
    return;
  }
  const lines = [...(await measure('masquerade')), ...(await measure('lossy', 20))];
  console.log(`\nNAT diagnosis speed, median of ${RUNS} runs each\n${lines.join('\n')}\n`);
});
