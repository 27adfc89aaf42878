// A NAT lab made of Linux network namespaces, built fresh for each test file:
//
//   lan (192.168.100.5) ── veth ── router (192.168.100.1 | 203.0.113.1) ── veth ── inet (203.0.113.10/.11/.20/.30)
//
// The router's nftables ruleset decides which NAT behaviour the LAN host sees. Two topologies put
// a second NAT, a fourth namespace "upstream", between the router and the internet:
//
//   cgn:        router WAN 100.64.0.2 ── upstream, the provider's carrier-grade NAT (100.64.0.1 | 203.0.113.2)
//               (RFC 6598 shared address space between the home router and the CGN)
//   double-nat: router WAN 192.168.178.2 ── upstream, the provider's router (192.168.178.1 | 203.0.113.2)
//               (the customer's own router behind another one, in RFC 1918 space)
//
// Both NATs masquerade; ICMP errors (time exceeded, RFC 792) find their way back through both,
// as conntrack relates them to the flow that caused them. Addresses exist only inside these
// namespaces; nothing is added to the root namespace and nothing is routed towards the host's
// real interfaces. Needs root (see canCreateLabs).
import { randomBytes } from 'node:crypto';
import { startCoturn as startCoturnProcess, type Coturn } from '../support/coturn.js';
import { runProcess, type RunResult } from '../support/processes.js';
import { forgetLab, labNamespaces, listNamespaces, recordLab, removeNamespaces, stopNamespaceProcesses } from './cleanup.js';
import { scenarioRuleset, scenarioRoutesBack, upstreamRuleset } from './scenarios.js';
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
  | 'cgn'
  | 'double-nat'
  | 'fragments-dropped-inbound'
  | 'fragments-dropped';

export const LAB_SCENARIOS: readonly LabScenario[] = [
  'no-nat', 'firewall', 'masquerade', 'random-fully', 'full-cone',
  'restricted-cone', 'udp-blocked', 'short-timeout', 'lossy', 'cgn', 'double-nat',
  'fragments-dropped-inbound', 'fragments-dropped',
];

export interface LabOptions {
  scenario: LabScenario;
  /** Only for 'lossy': percentage of forwarded UDP packets dropped, each direction. Default 20. */
  lossPercent?: number;
  /** Only for 'short-timeout': UDP conntrack timeout in the router, seconds. Default 5. */
  udpTimeoutSec?: number;
}

// 'upstream' exists only in the two-NAT topologies (lab.ns.upstream is null elsewhere).
export type LabHost = 'lan' | 'router' | 'upstream' | 'inet';

export const LAB_ADDRESSES = {
  pbx: '192.168.100.5',
  routerLan: '192.168.100.1',
  routerWan: '203.0.113.1',
  stunPrimary: '203.0.113.10',
  stunSecondary: '203.0.113.11',
  sip: '203.0.113.20',
  otherStun: '203.0.113.30',
  // The two-NAT topologies (lab.topology says which addresses a lab uses).
  upstreamWan: '203.0.113.2',
  cgnInside: '100.64.0.1',         // the CGN's side towards its customers (RFC 6598)
  cgnRouterWan: '100.64.0.2',      // the home router's WAN address behind the CGN
  outerRouterLan: '192.168.178.1', // the provider's router, LAN side (RFC 1918)
  innerRouterWan: '192.168.178.2', // the customer's own router's WAN address behind it
} as const;

// What lies between the LAN's router and the internet in this lab.
export interface LabTopology {
  readonly kind: 'one-router' | 'cgn' | 'double-nat';
  /** The LAN router's own WAN address: what the router would report for itself (UPnP, NAT-PMP). */
  readonly routerWan: string;
  /** The second NAT, when there is one: its side towards the router, and its public side. */
  readonly upstream: { readonly lan: string; readonly wan: string } | null;
  /** The source address the internet sees for the PBX (the STUN mapped address's IP). */
  readonly publicIp: string;
}

export function labTopology(scenario: LabScenario): LabTopology {
  const a = LAB_ADDRESSES;
  if (scenario === 'cgn') return { kind: 'cgn', routerWan: a.cgnRouterWan, upstream: { lan: a.cgnInside, wan: a.upstreamWan }, publicIp: a.upstreamWan };
  if (scenario === 'double-nat') return { kind: 'double-nat', routerWan: a.innerRouterWan, upstream: { lan: a.outerRouterLan, wan: a.upstreamWan }, publicIp: a.upstreamWan };
  return { kind: 'one-router', routerWan: a.routerWan, upstream: null, publicIp: scenarioRoutesBack(scenario) ? a.pbx : a.routerWan };
}

export interface Lab {
  readonly id: string;
  readonly scenario: LabScenario;
  readonly ns: { readonly lan: string; readonly router: string; readonly upstream: string | null; readonly inet: string };
  readonly addr: typeof LAB_ADDRESSES;
  readonly topology: LabTopology;
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
  const topology = labTopology(options.scenario);
  const names = labNamespaces(id);
  const ns: Lab['ns'] = { ...names, upstream: topology.upstream ? names.upstream : null };
  const created: string[] = []; // only these are ours to delete, even if setup fails half way
  const coturns: Coturn[] = [];
  let destroying: Promise<void> | undefined;

  const exec: Lab['exec'] = (host, command, args, opts = {}) => {
    const netns = ns[host];
    if (netns === null) return Promise.resolve({ code: null, stdout: '', stderr: `the ${options.scenario} lab has no ${host} namespace`, ms: 0 });
    return runProcess(command, args, { netns, timeoutMs: opts.timeoutMs ?? 30_000, ...(opts.input === undefined ? {} : { input: opts.input }) });
  };

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
    topology,
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
  const { lan, router, upstream, inet } = lab.ns;
  const { routerWan, upstream: second } = lab.topology;
  const a = LAB_ADDRESSES;
  for (const name of [lan, router, ...(upstream ? [upstream] : []), inet]) {
    await must('ip', ['netns', 'add', name]);
    created.push(name);
  }
  // Both ends of each veth are created directly inside their namespaces, never in the root one.
  // Every router calls its side towards the LAN lan0 and its side towards the internet wan0.
  await must('ip', ['-n', router, 'link', 'add', 'lan0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', lan]);
  if (upstream) {
    await must('ip', ['-n', router, 'link', 'add', 'wan0', 'type', 'veth', 'peer', 'name', 'lan0', 'netns', upstream]);
    await must('ip', ['-n', upstream, 'link', 'add', 'wan0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', inet]);
  } else {
    await must('ip', ['-n', router, 'link', 'add', 'wan0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', inet]);
  }
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
      `address add ${routerWan}/24 dev wan0`,
      'link set lan0 up',
      'link set wan0 up',
      ...(second ? [`route add default via ${second.lan}`] : []),
    ],
    ...(upstream && second
      ? {
          [upstream]: [
            'link set lo up',
            `address add ${second.lan}/24 dev lan0`,
            `address add ${second.wan}/24 dev wan0`,
            'link set lan0 up',
            'link set wan0 up',
          ],
        }
      : {}),
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
  for (const name of [router, ...(upstream ? [upstream] : [])]) {
    await must('ip', ['netns', 'exec', name, 'sysctl', '-q', '-w', 'net.ipv4.ip_forward=1']);
  }
  if (scenario === 'short-timeout') {
    // Per-namespace conntrack timeouts: unreplied and replied ("stream") UDP flows alike.
    await must('ip', ['netns', 'exec', router, 'sysctl', '-q', '-w',
      `net.netfilter.nf_conntrack_udp_timeout=${lab.udpTimeoutSec}`,
      `net.netfilter.nf_conntrack_udp_timeout_stream=${lab.udpTimeoutSec}`]);
  }
  const ruleset = scenarioRuleset(scenario, { lossPercent: lab.lossPercent });
  await must('ip', ['netns', 'exec', router, 'nft', '-f', '-'], ruleset);
  const upstreamRules = upstreamRuleset(scenario);
  if (upstream && upstreamRules) await must('ip', ['netns', 'exec', upstream, 'nft', '-f', '-'], upstreamRules);
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
