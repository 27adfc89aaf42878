// The fragment test through real Linux routers (issue 14): plain masquerade, one that drops IP
// fragments coming in from the internet, and one that drops them both ways (scenarios.ts: an
// nftables filter before conntrack's defragmentation). The veth links have Ethernet's MTU of
// 1500, so the 1540-byte request and coturn's 1604-byte padded answer travel as fragments; the
// router's counters prove they did.
//
// The code under test runs on the LAN host the way the media lab does it (media.lab.test.ts):
// bundled with rolldown into one ESM file and started with node inside the LAN namespace, on the
// SIP port, after the public-address check, alone or beside the NAT discovery as diagnose will.
import { describe, it } from 'vitest';
import type { FragmentProbeResult } from '../../electron/nat/fragments';
import { labRunnerSuite, sourceModule } from './lab-runner.js';
import { canCreateLabs, STUN_PORT, type Lab, type LabOptions } from './lab.js';

const capability = await canCreateLabs();
const skipReason = capability.ok ? '' : capability.reason;
if (!capability.ok) console.warn(`[test/lab] fragment lab tests skipped: ${skipReason}`);

const source = sourceModule;

const RUNNER = `
import { discoverNat } from ${source('electron/nat/discover.ts')};
import { probeFragments } from ${source('electron/nat/fragments.ts')};
import { sendBinding } from ${source('electron/net/binding.ts')};
import { StunClient } from ${source('electron/net/stun-client.ts')};
import { openUdpEndpoint } from ${source('electron/net/udp-endpoint.ts')};

const job = JSON.parse(process.argv[2]);
const server = { family: 'IPv4', ip: job.server, port: job.port };
const opened = await openUdpEndpoint({ port: 65002 });
if (!opened.ok) throw new Error(opened.error.code);
const client = new StunClient(opened.value);
const first = await sendBinding(client, server);
if (!first.ok) throw new Error(first.error.code);
// Karn: a retransmitted first exchange gives no trustworthy round trip (as discover.ts does).
const rttMs = first.evidence.retransmissions === 0 ? first.evidence.rttMs : Math.max(first.evidence.rttMs, 250);
const started = performance.now();
const [nat, fragments] = await Promise.all([
  job.nat
    ? discoverNat({
        sipClient: client,
        first: first.evidence,
        isLocalAddress: (ip) => ip === '192.168.100.5',
        openSocket: () => openUdpEndpoint({ port: 0 }),
        supportedNat: ['full-cone', 'restricted-cone', 'port-restricted-cone', 'open-internet', 'symmetric-udp-firewall'],
        keepaliveSec: 10,
      })
    : null,
  job.fragments ? probeFragments(client, server, { rttMs, mappedPort: first.evidence.mapped.port }) : null,
]);
const totalMs = Math.round(performance.now() - started);
client.dispose();
await opened.value.close();
process.stdout.write(JSON.stringify({ rttMs, totalMs, natMs: nat?.evidence.durationMs ?? null, classic: nat?.nat.classic ?? null, fragments }) + '\\n');
`;

interface RunOutput {
  rttMs: number;
  totalMs: number;
  natMs: number | null;
  classic: string | null;
  fragments: FragmentProbeResult | null;
}

// Counts fragments where they enter the router, before anything else sees them.
const COUNTER = `table ip fragment_count {
  chain count { type filter hook prerouting priority -460; policy accept;
    iifname "lan0" ip frag-off & 0x3fff != 0 counter comment "from-lan"
    iifname "wan0" ip frag-off & 0x3fff != 0 counter comment "from-wan"
  }
}
`;

async function fragmentCounts(lab: Lab): Promise<{ fromLan: number; fromWan: number }> {
  const listed = await lab.exec('router', 'nft', ['-j', 'list', 'table', 'ip', 'fragment_count']);
  const rules = (JSON.parse(listed.stdout) as { nftables: { rule?: { comment?: string; expr: { counter?: { packets: number } }[] } }[] }).nftables.flatMap((item) => (item.rule ? [item.rule] : []));
  const packets = (comment: string): number => rules.find((rule) => rule.comment === comment)?.expr.find((e) => e.counter)?.counter?.packets ?? -1;
  return { fromLan: packets('from-lan'), fromWan: packets('from-wan') };
}

async function mtu(lab: Lab, host: 'lan' | 'inet'): Promise<number> {
  const shown = await lab.exec(host, 'ip', ['-o', 'link', 'show', 'eth0']);
  return Number(/ mtu (\d+)/.exec(shown.stdout)?.[1] ?? NaN);
}

describe.skipIf(!capability.ok)(`the fragment test in the NAT lab${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const suite = labRunnerSuite('fragments', RUNNER);

  const withLab = <T>(options: LabOptions, use: (lab: Lab) => Promise<T>): Promise<T> =>
    suite.withLab(options, async (lab) => {
      await lab.startCoturn();
      const counter = await lab.exec('router', 'nft', ['-f', '-'], { input: COUNTER });
      if (counter.code !== 0) throw new Error(`fragment counter: ${counter.stderr}`);
      return use(lab);
    });

  const runInLan = (lab: Lab, job: { nat: boolean; fragments: boolean }): Promise<RunOutput> =>
    suite.runInLan<RunOutput>(lab, [JSON.stringify({ server: lab.addr.stunPrimary, port: STUN_PORT, ...job })], 30_000);

  it.concurrent('behind plain masquerade: fragments pass both ways, and the router saw them', { timeout: 60_000 }, async ({ expect }) => {
    await withLab({ scenario: 'masquerade' }, async (lab) => {
      expect([await mtu(lab, 'lan'), await mtu(lab, 'inet')]).toEqual([1500, 1500]);
      const run = await runInLan(lab, { nat: false, fragments: true });
      const fragments = run.fragments!;
      console.log(`[lab] masquerade fragments: ${JSON.stringify(fragments.report)} in ${fragments.ms} ms (RTT ${run.rttMs} ms)`);
      expect(fragments.report).toEqual({ outbound: 'passes', inbound: 'passes' });
      expect(fragments.evidence[1]).toEqual({ code: 'fragments/inbound-passes', server: `${lab.addr.stunPrimary}:${STUN_PORT}`, answerBytes: 1604 });
      // The PBX's kernel fragmented the big requests itself (no DF: Linux's default for UDP,
      // IP_PMTUDISC_WANT, fragments locally), and coturn's padded answers came in fragmented.
      const counts = await fragmentCounts(lab);
      expect(counts.fromLan).toBeGreaterThanOrEqual(2);
      expect(counts.fromWan).toBeGreaterThanOrEqual(2);
    });
  });

  it.concurrent('behind a router that drops fragments from the internet: outbound passes, inbound is dropped', { timeout: 60_000 }, async ({ expect }) => {
    await withLab({ scenario: 'fragments-dropped-inbound' }, async (lab) => {
      const run = await runInLan(lab, { nat: false, fragments: true });
      const fragments = run.fragments!;
      console.log(`[lab] fragments dropped inbound: ${JSON.stringify(fragments.report)} in ${fragments.ms} ms (RTT ${run.rttMs} ms)`);
      expect(fragments.report).toEqual({ outbound: 'passes', inbound: 'dropped' });
      expect(fragments.evidence[0]).toMatchObject({ code: 'fragments/outbound-passes' });
      expect(fragments.evidence[1]).toMatchObject({ code: 'fragments/inbound-dropped', server: `${lab.addr.stunPrimary}:${STUN_PORT}` });
      const counts = await fragmentCounts(lab);
      expect(counts.fromLan).toBeGreaterThanOrEqual(2);
      expect(counts.fromWan).toBeGreaterThanOrEqual(2);
    });
  });

  it.concurrent('behind a router that drops fragments both ways: both directions are dropped', { timeout: 60_000 }, async ({ expect }) => {
    await withLab({ scenario: 'fragments-dropped' }, async (lab) => {
      const run = await runInLan(lab, { nat: false, fragments: true });
      const fragments = run.fragments!;
      console.log(`[lab] fragments dropped both ways: ${JSON.stringify(fragments.report)} in ${fragments.ms} ms (RTT ${run.rttMs} ms)`);
      expect(fragments.report).toEqual({ outbound: 'dropped', inbound: 'dropped' });
      expect(fragments.evidence[0]).toMatchObject({ code: 'fragments/outbound-dropped', requestBytes: 1540 });
      expect(fragments.evidence[1]).toMatchObject({ code: 'fragments/inbound-dropped' });
    });
  });

  it.concurrent('runs beside the NAT discovery without slowing it, even when every fragment is dropped', { timeout: 90_000 }, async ({ expect }) => {
    await withLab({ scenario: 'fragments-dropped' }, async (lab) => {
      const alone = await runInLan(lab, { nat: true, fragments: false });
      const beside = await runInLan(lab, { nat: true, fragments: true });
      console.log(
        `[lab] NAT discovery alone ${alone.totalMs} ms; with the fragment test beside it ${beside.totalMs} ms ` +
          `(NAT ${beside.natMs} ms, fragments ${beside.fragments?.ms} ms, RTT ${beside.rttMs} ms)`,
      );
      expect(beside.classic).toBe('port-restricted-cone');
      expect(beside.fragments?.report).toEqual({ outbound: 'dropped', inbound: 'dropped' });
      // The fragment test waits a few round trips for silence, as the filtering test does, so it
      // ends when the NAT discovery ends and adds nothing a person would notice. (The two runs are
      // compared in the log only: their round trips, and so their waits, differ under load.)
      expect(beside.fragments!.ms).toBeLessThanOrEqual(beside.natMs! + 100);
      expect(beside.totalMs).toBeLessThanOrEqual(beside.natMs! + 100);
    });
  });
});
