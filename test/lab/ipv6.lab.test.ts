// IPv6 as a first-class path (issue 14) in a dual-stack lab: the PBX at 2001:db8:100::5 behind a
// router that masquerades IPv4 and only forwards IPv6, through a stateful IPv6 firewall (answers
// in, nothing unasked). `trunkcheck diagnose` runs as a user would on the LAN host, with one STUN
// server per IP version (an IPv4 and an IPv6 literal) and the SIP server's IPv6 address; coturn
// answers RFC 5780 on two IPv6 addresses, kamailio OPTIONS over IPv6.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { DiagnoseReport } from '../../shared/report';
import { whatToDo } from '../../shared/verdict/what-to-do';
import { startKamailio } from '../support/kamailio.js';
import { startProcess } from '../support/processes.js';
import { removeStaleLabs } from './cleanup.js';
import { canCreateLabs, createLab, LAB_ADDRESSES6, type Lab, type LabOptions } from './lab.js';

const capability = await canCreateLabs();
const skipReason = capability.ok ? '' : capability.reason;
if (!capability.ok) console.warn(`[test/lab] IPv6 lab tests skipped: ${skipReason}`);

const CLI = resolve('bin/trunkcheck.js');
const TIMEOUT = 90_000;
const A6 = LAB_ADDRESSES6;
const dir = mkdtempSync(join(tmpdir(), 'trunkcheck-ipv6-lab-'));

interface Diagnosis {
  readonly code: number | null;
  readonly report: DiagnoseReport;
  readonly ms: number;
}

async function diagnoseIn(lab: Lab, ...args: string[]): Promise<Diagnosis> {
  const result = await lab.exec('lan', 'node', [CLI, 'diagnose', '--json', ...args], { timeoutMs: 60_000 });
  if (!result.stdout.trim().startsWith('{')) throw new Error(`trunkcheck printed no report (exit ${result.code}): ${result.stderr}`);
  return { code: result.code, report: JSON.parse(result.stdout) as DiagnoseReport, ms: result.ms };
}

// Another program on the PBX holding a UDP port on one address (a PBX's own SIP stack, say); it
// prints "held" once bound.
async function holdUdpPort(lab: Lab, address: string, port: number): Promise<{ stop(): Promise<void> }> {
  const script = `const s = require('node:dgram').createSocket('${address.includes(':') ? 'udp6' : 'udp4'}'); s.bind(${port}, '${address}', () => console.log('held'));`;
  const held = startProcess('node', ['-e', script], lab.ns.lan);
  for (let waited = 0; !held.output().includes('held'); waited += 50) {
    if (waited > 5000) throw new Error(`could not hold ${address} port ${port}: ${held.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return held;
}

// trunkcheck diagnose as a person runs it in a terminal (stderr a TTY, through script(1)): the
// status lines it shows, one per update.
async function statusLinesIn(lab: Lab, ...args: string[]): Promise<string[]> {
  const command = ['node', CLI, 'diagnose', ...args].map((arg) => `'${arg}'`).join(' ');
  const result = await lab.exec('lan', 'script', ['-qefc', `${command} >/dev/null`, '/dev/null'], { timeoutMs: 60_000 });
  // eslint-disable-next-line no-control-regex
  return result.stdout.split(/\r\x1b\[2K/).map((line) => line.replace(/^… /, '').trim()).filter((line) => line !== '');
}

const statusOf = (rules: DiagnoseReport['rules']) => Object.fromEntries(rules.map((rule) => [rule.id, rule.status]));

describe.skipIf(!capability.ok)(`trunkcheck diagnose over IPv6 in the dual-stack lab${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const open = new Set<Lab>();
  beforeAll(async () => void (await removeStaleLabs()));
  afterAll(async () => {
    await Promise.all([...open].map((lab) => lab.destroy()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function withLab<T>(options: LabOptions, use: (lab: Lab) => Promise<T>): Promise<T> {
    const lab = await createLab(options);
    open.add(lab);
    try {
      await lab.startCoturn();
      if (options.dualStack) await lab.startCoturn({ addresses: [A6.stunPrimary, A6.stunSecondary] });
      return await use(lab);
    } finally {
      await lab.destroy();
      open.delete(lab);
    }
  }

  const dualStackArgs = (lab: Lab) => ['--stun', lab.addr.stunPrimary, '--stun', `[${A6.stunPrimary}]`, '--sip', `[${A6.sip}]`];

  it.concurrent('3CX: the IPv6 path has no NAT, the stateful firewall keeps voice from unknown addresses out, and the fix names the IPv6 rules and address', { timeout: TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'masquerade', dualStack: true }, async (lab) => {
      const kamailio = await startKamailio({ address: A6.sip, port: 5060, netns: lab.ns.inet });
      try {
        const ours = await diagnoseIn(lab, '--profile', '3cx', ...dualStackArgs(lab));
        const ipv6 = ours.report.ipv6;
        expect(ipv6, JSON.stringify(ours.report, null, 1).slice(0, 3000)).toBeTruthy();
        expect(ipv6).toMatchObject({ address: A6.pbx, publicAddress: { ip: A6.pbx, port: 5060 }, filtering: 'address-and-port-dependent', verdict: 'action-needed' });
        expect(ipv6?.nat).toMatchObject({ translation: 'none', mapping: 'none', classic: 'symmetric-udp-firewall' });
        expect(ipv6?.servers.stun[0]).toMatchObject({ family: 'IPv6', ip: A6.stunPrimary, port: 3478 });
        expect(ipv6?.sip).toMatchObject({ reachable: true, status: 200, via: { received: A6.pbx, rport: 5060 } });
        expect(ipv6?.findings).toEqual([{ code: 'ipv6/own-address', address: A6.pbx }, { code: 'ipv6/firewall-stateful', address: A6.pbx }]);
        expect(statusOf(ipv6?.rules ?? [])).toEqual({ 'outbound-signalling': 'verified', 'inbound-signalling': 'verified', 'outbound-media': 'verified', 'inbound-media': 'failed' });
        expect(ipv6?.fragments).toEqual({ outbound: 'passes', inbound: 'passes' });
        // The IPv4 path is the report's own, through masquerade, as before.
        expect(ours.report.publicAddress?.ip).toBe(lab.addr.routerWan);
        expect(whatToDo(ours.report)).toContainEqual({ kind: 'fix', rule: 'inbound-media', message: { code: 'ipv6-fix/firewall', address: A6.pbx, sipPort: 5060, rtp: { from: 9000, to: 10999 } } });

        // The checklist of that report, in the two Linux syntaxes, passes the real tools.
        const from = join(dir, `3cx-${lab.id}.json`);
        writeFileSync(from, JSON.stringify(ours.report));
        for (const [format, check] of [['nftables', ['nft', ['-c', '-f', '-']]], ['ip6tables', ['ip6tables-restore', ['--test']]]] as const) {
          const exported = await lab.exec('lan', 'node', [CLI, 'checklist', '--from', from, '--format', format]);
          expect(exported.code, exported.stderr).toBe(0);
          expect(exported.stdout).toContain(A6.pbx);
          const checked = await lab.exec('lan', check[0], [...check[1]], { input: exported.stdout });
          expect(checked.code, `${format}: ${checked.stderr}\n${exported.stdout}`).toBe(0);
        }
      } finally {
        await kamailio.stop();
      }
    });
  });

  it.concurrent('SwyxWare: the IPv6 return path is verified, so the IPv6 path is ready, with the one-way-audio caveat', { timeout: TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'masquerade', dualStack: true }, async (lab) => {
      const kamailio = await startKamailio({ address: A6.sip, port: 5060, netns: lab.ns.inet });
      try {
        const ours = await diagnoseIn(lab, ...dualStackArgs(lab));
        const ipv6 = ours.report.ipv6;
        expect(ipv6).toMatchObject({ address: A6.pbx, filtering: 'address-and-port-dependent', verdict: 'ready' });
        expect(ipv6?.rules.find((rule) => rule.id === 'inbound-media')).toMatchObject({ status: 'verified' });
        const items = whatToDo(ours.report);
        expect(items.some((item) => item.message.code === 'ipv6-fix/firewall')).toBe(false);
        expect(items).toContainEqual({ kind: 'caveat', rule: 'inbound-media', message: { code: 'caveat/one-way-audio', pbxIp: A6.pbx, rtp: { from: 55000, to: 56000 }, behindCgn: false } });
      } finally {
        await kamailio.stop();
      }
    });
  });

  it.concurrent('runs the IPv6 pass beside the IPv4 one: --family 4 leaves it out, and both together take about as long as IPv4 alone', { timeout: TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'masquerade', dualStack: true }, async (lab) => {
      const args = ['--stun', lab.addr.stunPrimary, '--stun', `[${A6.stunPrimary}]`, '--no-media'];
      const ipv4 = await diagnoseIn(lab, '--family', '4', ...args);
      const ipv6Only = await diagnoseIn(lab, '--family', '6', '--stun', `[${A6.stunPrimary}]`, '--no-media');
      const both = await diagnoseIn(lab, ...args);
      expect(ipv4.report.ipv6).toBeUndefined();
      expect(ipv6Only.report.local.ip).toBe(A6.pbx);
      expect(both.report.ipv6?.address).toBe(A6.pbx);
      console.info(`[ipv6 lab] diagnose --no-media: IPv4 alone ${ipv4.report.durationMs} ms, IPv6 alone ${ipv6Only.report.durationMs} ms, both ${both.report.durationMs} ms`);
      // Concurrent passes: both cost at most the slower one plus a margin, never the sum.
      expect(both.report.durationMs).toBeLessThan(Math.max(ipv4.report.durationMs, ipv6Only.report.durationMs) + 600);
    });
  });

  it.concurrent('says why the IPv6 path was not measured when another program holds the SIP port on the IPv6 address', { timeout: TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'masquerade', dualStack: true }, async (lab) => {
      const held = await holdUdpPort(lab, A6.pbx, 65002);
      try {
        const ours = await diagnoseIn(lab, '--stun', lab.addr.stunPrimary, '--stun', `[${A6.stunPrimary}]`, '--no-media');
        expect(ours.report.ipv6).toMatchObject({ address: A6.pbx, verdict: 'incomplete', rules: [] });
        expect(ours.report.ipv6?.findings).toEqual([{ code: 'ipv6/not-measured', address: A6.pbx, error: { code: 'net/port-in-use', port: 65002 } }]);
        // The IPv4 path, on its own socket, is measured as ever.
        expect(ours.report.publicAddress?.ip).toBe(lab.addr.routerWan);
      } finally {
        await held.stop();
      }
    });
  });

  it.concurrent('shows the IPv6 path in the terminal\'s status line: that it is measured, and when it is done', { timeout: TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'masquerade', dualStack: true }, async (lab) => {
      const lines = await statusLinesIn(lab, '--stun', lab.addr.stunPrimary, '--stun', `[${A6.stunPrimary}]`, '--no-media');
      const started = lines.findIndex((line) => line.includes(`Measuring the IPv6 path from ${A6.pbx} as well`));
      const done = lines.findIndex((line) => line.includes(`IPv6 path from ${A6.pbx} measured`));
      expect(started, lines.join('\n')).toBeGreaterThanOrEqual(0);
      expect(done, lines.join('\n')).toBeGreaterThan(started);
      expect(lines.some((line) => line.includes('IPv6: testing the firewall')), lines.join('\n')).toBe(true);
      // The primary path's stage stays in the line beside the IPv6 one.
      expect(lines.some((line) => /^Testing mapping, filtering and hairpinning · IPv6/.test(line)), lines.join('\n')).toBe(true);
      expect(lines.at(-1), lines.join('\n')).toContain('Diagnosis complete');
    });
  });

  it.concurrent('behind plain masquerade without IPv6 the report says why nothing was measured over IPv6', { timeout: TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'masquerade' }, async (lab) => {
      const ours = await diagnoseIn(lab, '--stun', lab.addr.stunPrimary, '--no-media');
      expect(ours.report.ipv6).toMatchObject({ address: null, verdict: 'incomplete', rules: [], findings: [{ code: 'ipv6/no-global-address' }] });
      expect(ours.report.nat.classic).toBe('port-restricted-cone');
    });
  });
});
