// How long a whole `trunkcheck diagnose --no-media` process (public address, mapping, filtering,
// hairpinning, server check: the scope of the classic type, and whatever else diagnose asks
// beside it, such as the router's own answers and the TTL probe) takes next to the reference
// clients, in the same NAT lab: the classic `stun` client (RFC 3489 type) and coturn's
// turnutils_natdiscovery (RFC 5780 mapping and filtering, one process each). Medians over several
// runs; the ratio to `stun` is the figure issue 13 sets a target for (≤ 0.25).
import { resolve } from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { canCreateLabs, createLab, runNatDiscovery, runStunClassic, type Lab } from '../test/lab/lab';
import { removeStaleLabs } from '../test/lab/cleanup';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CLI = resolve('bin/trunkcheck.js');
const TARGET_RATIO = 0.25;
// A Node started with NODE_EXTRA_CA_CERTS reads and parses that certificate bundle before the
// first line of any program (about 90 ms here): a setting of this machine's package proxy, not
// of a PBX server. The measured process runs without it unless BENCH_KEEP_NODE_ENV=1.
const KEEP_NODE_ENV = process.env.BENCH_KEEP_NODE_ENV === '1';
const labs: Lab[] = [];

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

beforeAll(async () => void (await removeStaleLabs()));
afterAll(async () => void (await Promise.all(labs.map((lab) => lab.destroy()))));

interface Figures {
  readonly label: string;
  readonly ours: number;
  readonly internal: number;
  readonly classic: number;
  readonly discovery: number;
  readonly verdicts: string;
}

async function measure(scenario: 'masquerade' | 'lossy', lossPercent?: number): Promise<Figures> {
  const lab = await createLab({ scenario, ...(lossPercent === undefined ? {} : { lossPercent }) });
  labs.push(lab);
  await lab.startCoturn();
  const ours: number[] = [];
  const internal: number[] = [];
  const classic: number[] = [];
  const mapping: number[] = [];
  const filtering: number[] = [];
  const verdicts = new Map<string, number>();
  const node = KEEP_NODE_ENV ? ['node'] : ['env', '-u', 'NODE_EXTRA_CA_CERTS', 'node'];
  for (let run = 0; run < RUNS; run++) {
    // Fresh source ports every run, so no run sees another's NAT state.
    const args = [CLI, 'diagnose', '--json', '--stun', lab.addr.stunPrimary, '--sip-port', String(62000 + run), '--no-media'];
    const result = await lab.exec('lan', node[0] as string, [...node.slice(1), ...args]);
    ours.push(result.ms);
    const report = JSON.parse(result.stdout);
    internal.push(report.durationMs);
    verdicts.set(report.nat.classic, (verdicts.get(report.nat.classic) ?? 0) + 1);
    classic.push((await runStunClassic(lab, { sourcePort: 63000 + 2 * run })).ms);
    mapping.push((await runNatDiscovery(lab, 'mapping')).ms);
    filtering.push((await runNatDiscovery(lab, 'filtering')).ms);
  }
  await lab.destroy();
  return {
    label: scenario === 'lossy' ? `${scenario} ${lossPercent} %` : scenario,
    ours: median(ours),
    internal: median(internal),
    classic: median(classic),
    discovery: median(mapping) + median(filtering),
    verdicts: [...verdicts].map(([k, v]) => `${k} ×${v}`).join(', '),
  };
}

// The target is for a clean line (masquerade); on the lossy line the ratio is printed as it is.
function lines(m: Figures, withTarget: boolean): string[] {
  const ratio = m.ours / m.classic;
  const label = m.label.padEnd(16);
  const target = withTarget ? `  (target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})` : '';
  return [
    `${label} trunkcheck diagnose (whole process) ${m.ours.toFixed(0).padStart(6)} ms   (measurements inside: ${m.internal.toFixed(0)} ms)`,
    `${label} stun (stun-client, classic type)     ${m.classic.toFixed(0).padStart(6)} ms`,
    `${label} turnutils_natdiscovery -m + -f       ${m.discovery.toFixed(0).padStart(6)} ms   ratio trunkcheck/natdiscovery = ${(m.ours / m.discovery).toFixed(2)}`,
    `${label} trunkcheck verdicts: ${m.verdicts}`,
    `${label} RATIO trunkcheck/stun = ${ratio.toFixed(2)}×${target}`,
  ];
}

it('diagnosis time next to the reference clients', async () => {
  const capability = await canCreateLabs();
  if (!capability.ok) {
    console.log(`NAT speed benchmark skipped: ${capability.reason}`);
    return;
  }
  const figures = [await measure('masquerade'), await measure('lossy', 20)];
  const environment = KEEP_NODE_ENV ? 'node as this environment starts it' : 'node started without NODE_EXTRA_CA_CERTS (BENCH_KEEP_NODE_ENV=1 keeps it)';
  console.log(`\nNAT diagnosis speed, median of ${RUNS} runs each; ${environment}\n${figures.flatMap((m, index) => lines(m, index === 0)).join('\n')}\n`);
});
