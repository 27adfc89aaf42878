// A NAT lab made of three Linux network namespaces, built fresh for each test file:
//
//   lan (192.168.100.5) ── veth ── router (192.168.100.1 | 203.0.113.1) ── veth ── inet (203.0.113.10/.11/.20/.30)
//
// The router's nftables ruleset decides which NAT behaviour the LAN host sees. Addresses
// exist only inside these namespaces; nothing is added to the root namespace and nothing is
// routed towards the host's real interfaces. Needs root (see canCreateLabs).
import { randomBytes } from 'node:crypto';
import { startCoturn as startCoturnProcess, type Coturn } from '../support/coturn.js';
import { runProcess, type RunResult } from '../support/processes.js';
import { forgetLab, labNamespaces, listNamespaces, recordLab, removeNamespaces, stopNamespaceProcesses } from './cleanup.js';
import { scenarioRuleset, scenarioRoutesBack } from './scenarios.js';
import { waitForStunInNamespace } from './udp.js';

export type LabScenario =
  | 'no-nat'
  | 'firewall'
  | 'masquerade'
  | 'random-fully'
  | 'full-cone'
  | 'restricted-cone'
  | 'udp-blocked'
  | 'short-timeout'
  | 'lossy'
  | 'fragments-dropped-inbound'
  | 'fragments-dropped';

export const LAB_SCENARIOS: readonly LabScenario[] = [
  'no-nat', 'firewall', 'masquerade', 'random-fully', 'full-cone',
  'restricted-cone', 'udp-blocked', 'short-timeout', 'lossy',
  'fragments-dropped-inbound', 'fragments-dropped',
];

export interface LabOptions {
  scenario: LabScenario;
  /** Only for 'lossy': percentage of forwarded UDP packets dropped, each direction. Default 20. */
  lossPercent?: number;
  /** Only for 'short-timeout': UDP conntrack timeout in the router, seconds. Default 5. */
  udpTimeoutSec?: number;
}

export type LabHost = 'lan' | 'router' | 'inet';

export const LAB_ADDRESSES = {
  pbx: '192.168.100.5',
  routerLan: '192.168.100.1',
  routerWan: '203.0.113.1',
  stunPrimary: '203.0.113.10',
  stunSecondary: '203.0.113.11',
  sip: '203.0.113.20',
  otherStun: '203.0.113.30',
} as const;

export interface Lab {
  readonly id: string;
  readonly scenario: LabScenario;
  readonly ns: { readonly lan: string; readonly router: string; readonly inet: string };
  readonly addr: typeof LAB_ADDRESSES;
  /** Effective settings of this lab (defaults filled in). */
  readonly lossPercent: number;
  readonly udpTimeoutSec: number;
  exec(host: LabHost, command: string, args: string[], opts?: { timeoutMs?: number; input?: string }): Promise<RunResult>;
  startCoturn(opts?: { addresses?: string[]; port?: number; rfc5780?: boolean }): Promise<Coturn>;
  destroy(): Promise<void>;
}

export const STUN_PORT = 3478; // RFC 8489: the default STUN port over UDP; coturn's alternate is port + 1.

export async function createLab(options: LabOptions): Promise<Lab> {
  const lossPercent = options.lossPercent ?? 20;
  const udpTimeoutSec = options.udpTimeoutSec ?? 5;
  if (!Number.isInteger(lossPercent) || lossPercent < 0 || lossPercent > 100) throw new Error(`lossPercent must be an integer 0–100, got ${lossPercent}`);
  if (!Number.isInteger(udpTimeoutSec) || udpTimeoutSec < 1) throw new Error(`udpTimeoutSec must be a positive integer, got ${udpTimeoutSec}`);

  const id = await claimId();
  const ns = labNamespaces(id);
  const created: string[] = []; // only these are ours to delete, even if setup fails half way
  const coturns: Coturn[] = [];
  let destroying: Promise<void> | undefined;

  const exec: Lab['exec'] = (host, command, args, opts = {}) =>
    runProcess(command, args, { netns: ns[host], timeoutMs: opts.timeoutMs ?? 30_000, ...(opts.input === undefined ? {} : { input: opts.input }) });

  // Idempotent: a second caller (afterAll after a timed-out test) waits for the same teardown.
  const destroy = (): Promise<void> =>
    (destroying ??= (async () => {
      await Promise.all(coturns.map((coturn) => coturn.stop().catch(() => undefined)));
      await stopNamespaceProcesses(created);
      await removeNamespaces(created);
      forgetLab(id);
    })());

  const lab: Lab = {
    id,
    scenario: options.scenario,
    ns,
    addr: LAB_ADDRESSES,
    lossPercent,
    udpTimeoutSec,
    exec,
    destroy,
    async startCoturn(opts = {}) {
      const addresses = opts.addresses ?? [LAB_ADDRESSES.stunPrimary, LAB_ADDRESSES.stunSecondary];
      const port = opts.port ?? STUN_PORT;
      const rfc5780 = opts.rfc5780 ?? true;
      const coturn = await startCoturnProcess({ addresses, port, netns: ns.inet, rfc5780 });
      coturns.push(coturn);
      // Probed from inside inet, so the probe leaves no conntrack state in the router. The
      // behaviour-discovery tests need the alternate port as well.
      const ports = rfc5780 && addresses.length > 1 ? [port, coturn.altPort] : [port];
      const targets = addresses.flatMap((address) => ports.map((p) => ({ host: address, port: p })));
      if (!(await waitForStunInNamespace(ns.inet, targets, 5000))) {
        await coturn.stop();
        throw new Error(`coturn in ${ns.inet} did not answer on ${addresses.join(', ')} port ${port} within 5 s:\n${coturn.output()}`);
      }
      return coturn;
    },
  };

  try {
    await build(lab, options.scenario, created);
  } catch (error) {
    await destroy();
    throw error;
  }
  return lab;
}

async function build(lab: Lab, scenario: LabScenario, created: string[]): Promise<void> {
  const { lan, router, inet } = lab.ns;
  const a = LAB_ADDRESSES;
  for (const name of [lan, router, inet]) {
    await must('ip', ['netns', 'add', name]);
    created.push(name);
  }
  // Both ends of each veth are created directly inside their namespaces, never in the root one.
  await must('ip', ['-n', router, 'link', 'add', 'lan0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', lan]);
  await must('ip', ['-n', router, 'link', 'add', 'wan0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', inet]);
  const batches: Record<string, string[]> = {
    [lan]: [
      'link set lo up',
      `address add ${a.pbx}/24 dev eth0`,
      'link set eth0 up',
      `route add default via ${a.routerLan}`,
    ],
    [router]: [
      'link set lo up',
      `address add ${a.routerLan}/24 dev lan0`,
      `address add ${a.routerWan}/24 dev wan0`,
      'link set lan0 up',
      'link set wan0 up',
    ],
    [inet]: [
      'link set lo up',
      ...[a.stunPrimary, a.stunSecondary, a.sip, a.otherStun].map((address) => `address add ${address}/24 dev eth0`),
      'link set eth0 up',
      ...(scenarioRoutesBack(scenario) ? [`route add 192.168.100.0/24 via ${a.routerWan}`] : []),
    ],
  };
  for (const [name, lines] of Object.entries(batches)) {
    await must('ip', ['-n', name, '-batch', '-'], `${lines.join('\n')}\n`);
  }
  await must('ip', ['netns', 'exec', router, 'sysctl', '-q', '-w', 'net.ipv4.ip_forward=1']);
  if (scenario === 'short-timeout') {
    // Per-namespace conntrack timeouts: unreplied and replied ("stream") UDP flows alike.
    await must('ip', ['netns', 'exec', router, 'sysctl', '-q', '-w',
      `net.netfilter.nf_conntrack_udp_timeout=${lab.udpTimeoutSec}`,
      `net.netfilter.nf_conntrack_udp_timeout_stream=${lab.udpTimeoutSec}`]);
  }
  const ruleset = scenarioRuleset(scenario, { lossPercent: lab.lossPercent });
  await must('ip', ['netns', 'exec', router, 'nft', '-f', '-'], ruleset);
}

async function must(command: string, args: string[], input?: string): Promise<RunResult> {
  const result = await runProcess(command, args, { timeoutMs: 10_000, ...(input === undefined ? {} : { input }) });
  if (result.code !== 0) {
    throw new Error(`lab setup failed: ${command} ${args.join(' ')} → exit ${result.code}\n${result.stderr}${input ? `\ninput:\n${input}` : ''}`);
  }
  return result;
}

// An id no namespace uses yet, claimed atomically through its owner record, so two test
// workers can never pick the same one.
async function claimId(): Promise<string> {
  const existing = new Set(await listNamespaces());
  for (;;) {
    const id = randomBytes(2).toString('hex');
    if (Object.values(labNamespaces(id)).some((name) => existing.has(name))) continue;
    if (recordLab(id)) return id;
  }
}

export async function canCreateLabs(): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (process.platform !== 'linux') return { ok: false, reason: `NAT lab needs Linux network namespaces (platform is ${process.platform})` };
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return { ok: false, reason: 'NAT lab needs root (ip netns, nftables)' };
  const tools: [string, string[]][] = [
    ['ip', ['-V']],
    ['nft', ['--version']],
    ['turnserver', ['--version']],
    ['turnutils_natdiscovery', ['-x']], // any run proves the binary exists; it prints usage
    ['/usr/bin/stun', []], // Debian's stun-client (see STUND_CLIENT)
  ];
  for (const [tool, args] of tools) {
    const result = await runProcess(tool, args, { timeoutMs: 5000 });
    if (result.code === null && /ENOENT/.test(result.stderr)) return { ok: false, reason: `NAT lab needs \`${tool}\` (not found)` };
  }
  // A throwaway namespace with a NAT table proves netns and nftables really work here.
  const probe = `tc-probe${randomBytes(3).toString('hex')}`;
  try {
    const add = await runProcess('ip', ['netns', 'add', probe], { timeoutMs: 5000 });
    if (add.code !== 0) return { ok: false, reason: `\`ip netns add\` failed: ${add.stderr.trim()}` };
    const nft = await runProcess('ip', ['netns', 'exec', probe, 'nft', '-f', '-'], {
      timeoutMs: 5000,
      input: 'table ip probe {\n  chain post { type nat hook postrouting priority srcnat; masquerade fully-random; }\n}\n',
    });
    if (nft.code !== 0) return { ok: false, reason: `nftables NAT does not work in a namespace: ${nft.stderr.trim()}` };
    return { ok: true };
  } finally {
    await runProcess('ip', ['netns', 'del', probe], { timeoutMs: 5000 });
  }
}

export { runStunClassic, runNatDiscovery, type ClassicNatType, type DiscoveredBehaviour, type StunClassicResult, type NatDiscoveryResult } from './reference-clients.js';
