// The routers beyond the LAN's router, found by the TTL probe with the real ping from the LAN
// host, behind one NAT, behind the provider's carrier-grade NAT and behind a second router of the
// customer's own; the classifier's verdict from them; and `trunkcheck diagnose` in the two
// two-NAT topologies. The router never answers UPnP here (the miniupnpd lab is another file's):
// what it would say is given to the classifier as the scenario states it.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET_MS, probeHops, type HopProbeOptions } from '../../electron/net/hops';
import type { GatewayReport, HopTrace } from '../../shared/path';
import { classifySecondNat } from '../../shared/path/second-nat';
import { removeStaleLabs } from './cleanup.js';
import { canCreateLabs, createLab, type Lab, type LabScenario } from './lab.js';

const capability = await canCreateLabs();
const skipReason = capability.ok ? '' : capability.reason;
if (!capability.ok) console.warn(`[test/lab] hop lab tests skipped: ${skipReason}`);

const CLI = resolve('bin/trunkcheck.js');
const TIMEOUT = 60_000;

// The probe runs in the test worker; its ping must start in the LAN namespace. `ip netns exec`
// execs ping in place, so the pid the probe kills is ping's own.
function pingInside(lab: Lab): { command: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'trunkcheck-ping-'));
  const command = join(dir, 'ping');
  writeFileSync(command, `#!/bin/sh\nexec ip netns exec ${lab.ns.lan} ping "$@"\n`);
  chmodSync(command, 0o755);
  return { command, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function timedProbe(lab: Lab, command: string, options: HopProbeOptions = {}): Promise<{ path: HopTrace; ms: number }> {
  const started = performance.now();
  const path = await probeHops(lab.addr.stunPrimary, { command, platform: 'linux', ...options });
  return { path, ms: performance.now() - started };
}

const routerSays = (lab: Lab, externalIp: string | null, upnp: boolean | null = null): GatewayReport => ({
  ip: lab.addr.routerLan,
  externalIp,
  portMapping: { upnp, natPmp: null, pcp: null },
});

async function pingPids(lab: Lab): Promise<string[]> {
  const pids = (await lab.exec('lan', 'ip', ['netns', 'pids', lab.ns.lan])).stdout.split(/\s+/).filter(Boolean);
  const names = await Promise.all(pids.map(async (pid) => (await lab.exec('lan', 'cat', [`/proc/${pid}/comm`])).stdout.trim()));
  return pids.filter((_, index) => names[index] === 'ping');
}

interface Diagnosis {
  code: number | null;
  report: { publicAddress: { ip: string; port: number } | null; nat: { classic: string; mapping: string; filtering: string; portPreserved: boolean | null } };
}

async function diagnoseIn(lab: Lab): Promise<Diagnosis> {
  const result = await lab.exec('lan', 'node', [CLI, 'diagnose', '--stun', lab.addr.stunPrimary, '--no-media', '--json'], { timeoutMs: 45_000 });
  if (!result.stdout.trim().startsWith('{')) throw new Error(`trunkcheck printed no report (exit ${result.code}): ${result.stderr}`);
  return { code: result.code, report: JSON.parse(result.stdout) };
}

// One lab per topology, with coturn on the "internet" side, shared by the tests of that topology.
function inLab(scenario: LabScenario, body: (get: () => { lab: Lab; ping: string }) => void): void {
  describe.skipIf(!capability.ok)(`the ${scenario} lab${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let lab: Lab | undefined;
    let ping: { command: string; remove(): void } | undefined;
    beforeAll(async () => {
      await removeStaleLabs();
      lab = await createLab({ scenario });
      ping = pingInside(lab);
      await lab.startCoturn();
    });
    afterAll(async () => {
      ping?.remove();
      await lab?.destroy();
    });
    body(() => {
      if (!lab || !ping) throw new Error('the lab was not built');
      return { lab, ping: ping.command };
    });
  });
}

inLab('masquerade', (get) => {
  it('finds the STUN server itself right after the router, within a few hundred milliseconds: one NAT', { timeout: TIMEOUT }, async () => {
    const { lab, ping } = get();
    const { path, ms } = await timedProbe(lab, ping);
    console.log(`[lab] hops behind masquerade: ${ms.toFixed(0)} ms, ${JSON.stringify(path.hops)}`);
    expect(path).toMatchObject({ target: lab.addr.stunPrimary, method: 'ping' });
    expect(path.hops.map((hop) => hop.from)).toEqual([lab.addr.routerLan, lab.addr.stunPrimary, lab.addr.stunPrimary, lab.addr.stunPrimary]);
    expect(ms).toBeLessThan(DEFAULT_BUDGET_MS);

    const diagnosis = await diagnoseIn(lab);
    const mappedIp = diagnosis.report.publicAddress?.ip ?? null;
    expect(mappedIp).toBe(lab.topology.routerWan);
    // The router's word (its WAN address = the mapped address) and the path agree: one NAT.
    expect(classifySecondNat({ localIp: lab.addr.pbx, gateway: routerSays(lab, lab.topology.routerWan), path, mappedIp })).toMatchObject({
      doubleNat: 'no', carrierGrade: 'no', evidence: [{ code: 'second-nat/router-public', externalIp: lab.addr.routerWan }],
    });
    expect(classifySecondNat({ localIp: lab.addr.pbx, gateway: routerSays(lab, null), path, mappedIp })).toMatchObject({
      doubleNat: 'no', carrierGrade: 'no', evidence: [{ code: 'second-nat/target-next', ttl: 2 }],
    });
  });
});

inLab('cgn', (get) => {
  it('finds the provider\'s CGN at hop 2 in 100.64.0.0/10: carrier-grade NAT, with or without the router\'s word', { timeout: TIMEOUT }, async () => {
    const { lab, ping } = get();
    const { path, ms } = await timedProbe(lab, ping);
    console.log(`[lab] hops behind the CGN: ${ms.toFixed(0)} ms, ${JSON.stringify(path.hops)}`);
    expect(path.hops.map((hop) => hop.from)).toEqual([lab.addr.routerLan, lab.addr.cgnInside, lab.addr.stunPrimary, lab.addr.stunPrimary]);
    expect(ms).toBeLessThan(DEFAULT_BUDGET_MS);
    const mappedIp = lab.topology.publicIp;
    expect(classifySecondNat({ localIp: lab.addr.pbx, gateway: routerSays(lab, null), path, mappedIp })).toEqual({
      doubleNat: 'yes', carrierGrade: 'yes', evidence: [{ code: 'second-nat/hop-shared', ttl: 2, from: lab.addr.cgnInside }],
    });
    // As miniupnpd on this router would answer: UPnP without an address (its WAN is not public).
    expect(classifySecondNat({ localIp: lab.addr.pbx, gateway: routerSays(lab, null, true), path, mappedIp })).toMatchObject({ doubleNat: 'yes', carrierGrade: 'yes' });
    expect(classifySecondNat({ localIp: lab.addr.pbx, gateway: routerSays(lab, lab.topology.routerWan), path, mappedIp })).toMatchObject({
      doubleNat: 'yes', carrierGrade: 'yes', evidence: [{ code: 'second-nat/router-shared', externalIp: lab.addr.cgnRouterWan }],
    });
  });

  it('still diagnoses port restricted cone NAT, with the CGN\'s public address', { timeout: TIMEOUT }, async () => {
    const { lab } = get();
    const diagnosis = await diagnoseIn(lab);
    expect(diagnosis.report.nat).toMatchObject({ classic: 'port-restricted-cone', mapping: 'endpoint-independent', filtering: 'address-and-port-dependent' });
    expect(diagnosis.report.publicAddress).toEqual({ ip: lab.topology.publicIp, port: 65002 });
  });

  it('ends within its budget when the CGN stays silent, and when cancelled, leaving no ping behind', { timeout: TIMEOUT }, async () => {
    const { lab, ping } = get();
    // The CGN stops sending time exceeded, as many provider routers do.
    const drop = 'table ip silent {\n  chain output { type filter hook output priority filter; policy accept;\n    icmp type time-exceeded drop\n  }\n}\n';
    expect((await lab.exec('upstream', 'nft', ['-f', '-'], { input: drop })).code).toBe(0);
    try {
      const budgetMs = 400;
      const budget = await timedProbe(lab, ping, { budgetMs });
      console.log(`[lab] silent CGN, budget ${budgetMs} ms: ${budget.ms.toFixed(0)} ms, ${JSON.stringify(budget.path.hops)}`);
      expect(budget.path.hops[1]).toEqual({ ttl: 2, from: null, ms: null });
      expect(budget.path.hops[2]?.from).toBe(lab.addr.stunPrimary);
      expect(budget.ms).toBeGreaterThanOrEqual(budgetMs - 5);
      expect(budget.ms).toBeLessThan(budgetMs + 200);
      expect(await pingPids(lab)).toEqual([]);

      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const cancelled = await timedProbe(lab, ping, { signal: controller.signal });
      console.log(`[lab] silent CGN, cancelled after 100 ms: ${cancelled.ms.toFixed(0)} ms`);
      expect(cancelled.ms).toBeLessThan(300);
      expect(cancelled.path.hops[1]?.from).toBeNull();
      expect(await pingPids(lab)).toEqual([]);
      // Without the router's word and with hop 2 silent, nobody is accused.
      expect(classifySecondNat({ localIp: lab.addr.pbx, gateway: null, path: cancelled.path, mappedIp: lab.topology.publicIp })).toMatchObject({ doubleNat: 'unknown', carrierGrade: 'unknown' });
    } finally {
      await lab.exec('upstream', 'nft', ['delete', 'table', 'ip', 'silent']);
    }
  });
});

inLab('double-nat', (get) => {
  it('finds the provider\'s router at hop 2 in RFC 1918 space: a second router of the customer\'s own, not carrier-grade', { timeout: TIMEOUT }, async () => {
    const { lab, ping } = get();
    const { path, ms } = await timedProbe(lab, ping);
    console.log(`[lab] hops behind a second own router: ${ms.toFixed(0)} ms, ${JSON.stringify(path.hops)}`);
    expect(path.hops.map((hop) => hop.from)).toEqual([lab.addr.routerLan, lab.addr.outerRouterLan, lab.addr.stunPrimary, lab.addr.stunPrimary]);
    expect(ms).toBeLessThan(DEFAULT_BUDGET_MS);
    const mappedIp = lab.topology.publicIp;
    expect(classifySecondNat({ localIp: lab.addr.pbx, gateway: null, path, mappedIp })).toEqual({
      doubleNat: 'yes', carrierGrade: 'no', evidence: [{ code: 'second-nat/hop-private', ttl: 2, from: lab.addr.outerRouterLan }],
    });
    expect(classifySecondNat({ localIp: lab.addr.pbx, gateway: routerSays(lab, null, true), path, mappedIp })).toMatchObject({ doubleNat: 'yes', carrierGrade: 'no' });
    expect(classifySecondNat({ localIp: lab.addr.pbx, gateway: routerSays(lab, lab.topology.routerWan), path, mappedIp })).toMatchObject({
      doubleNat: 'yes', carrierGrade: 'no', evidence: [{ code: 'second-nat/router-private', externalIp: lab.addr.innerRouterWan }],
    });
  });

  it('still diagnoses port restricted cone NAT, with the outer router\'s public address', { timeout: TIMEOUT }, async () => {
    const { lab } = get();
    const diagnosis = await diagnoseIn(lab);
    expect(diagnosis.report.nat).toMatchObject({ classic: 'port-restricted-cone', mapping: 'endpoint-independent', filtering: 'address-and-port-dependent' });
    expect(diagnosis.report.publicAddress).toEqual({ ip: lab.topology.publicIp, port: 65002 });
  });
});
