// TrunkCheck's own NAT verdict in real Linux NATs: `trunkcheck diagnose` runs as a user would
// run it, on the lab's LAN host, and must agree with the classic reference client run in the
// same lab. The reference client uses other source ports, so the two never share NAT state.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { removeStaleLabs } from './cleanup.js';
import { canCreateLabs, createLab, runNatDiscovery, runStunClassic, type Lab, type LabOptions } from './lab.js';
import { startKamailio } from '../support/kamailio.js';

const capability = await canCreateLabs();
const skipReason = capability.ok ? '' : capability.reason;
if (!capability.ok) console.warn(`[test/lab] NAT lab tests skipped: ${skipReason}`);

const CLI = resolve('bin/trunkcheck.js');
const TIMEOUT = 60_000;

interface Diagnosis {
  code: number | null;
  report: {
    publicAddress: { ip: string; port: number } | null;
    sip: { reachable: boolean; status: number | null; via: { received: string | null; rport: number | null }; algSuspected: boolean | null } | null;
    rules: { id: string; status: string; evidence: { code: string; [value: string]: unknown }[] }[];
    nat: { classic: string; mapping: string; filtering: string; supported: boolean | null; portPreserved: boolean | null; hairpinning: boolean | null; bindingLifetimeSec: number | null };
    checks: { nat: { filteringReason: { code: string }; mappingReason: { code: string }; mappingMethod: string; server: { rfc5780: boolean; problems: { code: string }[] } | null; durationMs: number; lifetime: { recommendedKeepaliveSec: number | null; keepaliveEnough: boolean | null } | null } | null };
    verdict: string;
  };
  stderr: string;
  ms: number;
}

async function diagnoseIn(lab: Lab, ...args: string[]): Promise<Diagnosis> {
  const result = await lab.exec('lan', 'node', [CLI, 'diagnose', '--json', ...args], { timeoutMs: 45_000 });
  if (!result.stdout.trim().startsWith('{')) throw new Error(`trunkcheck printed no report (exit ${result.code}): ${result.stderr}`);
  return { code: result.code, report: JSON.parse(result.stdout), stderr: result.stderr, ms: result.ms };
}

describe.skipIf(!capability.ok)(`trunkcheck diagnose in the NAT lab${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const open = new Set<Lab>();
  beforeAll(async () => void (await removeStaleLabs()));
  afterAll(async () => void (await Promise.all([...open].map((lab) => lab.destroy()))));

  async function withLab<T>(options: LabOptions, use: (lab: Lab) => Promise<T>, coturn: { addresses?: string[]; rfc5780?: boolean } = {}): Promise<T> {
    const lab = await createLab(options);
    open.add(lab);
    try {
      await lab.startCoturn(coturn);
      return await use(lab);
    } finally {
      await lab.destroy();
      open.delete(lab);
    }
  }

  // Without --sip and --no-media the signalling and media rules stay untested: the verdict is
  // incomplete (exit 1) wherever the NAT itself is no blocker.
  const cases: [string, LabOptions['scenario'], string, boolean, string][] = [
    ['open internet when the router only routes', 'no-nat', 'open-internet', true, 'incomplete'],
    ['a symmetric UDP firewall behind a stateful firewall without NAT', 'firewall', 'symmetric-udp-firewall', true, 'incomplete'],
    ['port restricted cone NAT behind plain masquerade', 'masquerade', 'port-restricted-cone', true, 'incomplete'],
    ['symmetric NAT behind masquerade --random-fully, a blocker', 'random-fully', 'symmetric', false, 'blocked'],
    ['full cone NAT behind a 1:1 mapping', 'full-cone', 'full-cone', true, 'incomplete'],
    ['restricted cone NAT behind address-dependent filtering', 'restricted-cone', 'restricted-cone', true, 'incomplete'],
  ];

  for (const [title, scenario, classic, supported, verdict] of cases) {
    it.concurrent(`reports ${title}, as the reference clients do`, { timeout: TIMEOUT }, async ({ expect }) => {
      await withLab({ scenario }, async (lab) => {
        const ours = await diagnoseIn(lab, '--stun', lab.addr.stunPrimary, '--no-media');
        const reference = await runStunClassic(lab, { sourcePort: 65100 });
        expect(ours.report.nat.classic, JSON.stringify(ours.report.checks.nat, null, 1)).toBe(classic);
        expect(reference.classic, reference.raw).toBe(classic);
        if (scenario !== 'no-nat' && scenario !== 'firewall') {
          // coturn's RFC 5780 client measures the same two behaviours one process at a time.
          const [mapping, filtering] = [await runNatDiscovery(lab, 'mapping'), await runNatDiscovery(lab, 'filtering')];
          expect(ours.report.nat.mapping, mapping.raw).toBe(mapping.behaviour);
          expect(ours.report.nat.filtering, filtering.raw).toBe(filtering.behaviour);
        }
        expect(ours.report.nat.supported).toBe(supported);
        expect(ours.report.verdict).toBe(verdict);
        expect(ours.code).toBe(1);
        if (scenario === 'masquerade') {
          expect(ours.report.nat).toMatchObject({ mapping: 'endpoint-independent', filtering: 'address-and-port-dependent', portPreserved: true, hairpinning: false });
          expect(ours.report.publicAddress).toEqual({ ip: lab.addr.routerWan, port: 65002 });
        }
        if (scenario === 'random-fully') expect(ours.report.nat.mapping).toBe('address-and-port-dependent');
      });
    });
  }

  it.concurrent('verifies both signalling rules with STUN and SIP OPTIONS through masquerade, as the provider saw them', { timeout: TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'masquerade' }, async (lab) => {
      const kamailio = await startKamailio({ address: lab.addr.sip, port: 5060, netns: lab.ns.inet });
      try {
        const ours = await diagnoseIn(lab, '--stun', lab.addr.stunPrimary, '--sip', lab.addr.sip);
        // Behind masquerade, voice gets out and its answers come back, but nothing from an unknown
        // address gets in: SwyxWare sends first from every RTP port, so the return path is all
        // rule 4 needs (the unknown address is a fact of its evidence): ready, exit 0.
        expect(Object.fromEntries(ours.report.rules.map((rule) => [rule.id, rule.status]))).toMatchObject({ 'outbound-media': 'verified', 'inbound-media': 'verified' });
        expect(ours.report.verdict).toBe('ready');
        expect(ours.code).toBe(0);
        expect(ours.report.sip).toMatchObject({ reachable: true, status: 200, via: { received: lab.addr.routerWan, rport: 65002 }, algSuspected: false });
        const status = Object.fromEntries(ours.report.rules.map((rule) => [rule.id, rule.status]));
        expect(status).toMatchObject({ 'outbound-signalling': 'verified', 'inbound-signalling': 'verified' });
        expect(ours.report.rules[0]?.evidence).toContainEqual(expect.objectContaining({ code: 'options/answered', target: '203.0.113.20:5060', status: 200 }));
        expect(ours.report.rules.find((rule) => rule.id === 'inbound-media')?.evidence).toContainEqual(expect.objectContaining({ code: 'media/inbound-blocked', from: `${lab.addr.stunSecondary}:3479` }));
      } finally {
        await kamailio.stop();
      }
    });
  });

  it.concurrent('fails outbound signalling with the reason when the SIP server does not answer', { timeout: TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'masquerade' }, async (lab) => {
      const ours = await diagnoseIn(lab, '--stun', lab.addr.stunPrimary, '--sip', `${lab.addr.sip}:5070`, '--no-media');
      expect(ours.report.sip?.reachable).toBe(false);
      expect(ours.report.rules.find((rule) => rule.id === 'outbound-signalling')).toMatchObject({
        status: 'failed',
        evidence: [expect.objectContaining({ code: 'signalling/stun-out' }), expect.objectContaining({ code: 'options/no-answer', target: `${lab.addr.sip}:5070` })],
      });
      // The provider does not answer: allowing UDP to it is a change the user can make.
      expect(ours.report.verdict).toBe('action-needed');
      expect(ours.code).toBe(1);
    });
  });

  it.concurrent('verifies inbound media behind a 1:1 mapping: packets from an unknown address reach the RTP ports', { timeout: TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'full-cone' }, async (lab) => {
      const ours = await diagnoseIn(lab, '--stun', lab.addr.stunPrimary);
      expect(Object.fromEntries(ours.report.rules.map((rule) => [rule.id, rule.status]))).toMatchObject({ 'outbound-media': 'verified', 'inbound-media': 'verified' });
      // No SIP server named: the signalling rules are untested, so not ready yet.
      expect(ours.report.verdict).toBe('incomplete');
      expect(ours.code).toBe(1);
    });
  });

  it.concurrent('reports UDP blocked as a blocker with exit 1 and the fix', { timeout: TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'udp-blocked' }, async (lab) => {
      const ours = await diagnoseIn(lab, '--stun', lab.addr.stunPrimary);
      expect(ours.report.nat.classic).toBe('blocked');
      expect(ours.report.verdict).toBe('blocked');
      expect(ours.code).toBe(1);
      expect(ours.stderr).toContain('allow UDP');
      expect(ours.report.rules[0]).toMatchObject({ status: 'failed', evidence: [{ code: 'signalling/stun-failed', server: `${lab.addr.stunPrimary}:3478`, port: 65002, reason: 'timeout' }] });
    });
  });

  it.concurrent('finds a binding lifetime shorter than the 10 s keep-alive and recommends a shorter interval', { timeout: TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'short-timeout', udpTimeoutSec: 4 }, async (lab) => {
      const ours = await diagnoseIn(lab, '--stun', lab.addr.stunPrimary, '--lifetime', '--no-media');
      expect(ours.report.nat.classic).toBe('port-restricted-cone');
      expect(ours.report.nat.bindingLifetimeSec).toBe(2.5);
      expect(ours.report.checks.nat?.lifetime).toMatchObject({ keepaliveEnough: false, recommendedKeepaliveSec: 2 });
    });
  });

  it.concurrent('confirms the 10 s keep-alive behind masquerade with the default 30 s UDP timeout', { timeout: TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'masquerade' }, async (lab) => {
      const ours = await diagnoseIn(lab, '--stun', lab.addr.stunPrimary, '--lifetime', '--no-media');
      expect(ours.report.nat.bindingLifetimeSec).toBe(15);
      expect(ours.report.checks.nat?.lifetime).toMatchObject({ keepaliveEnough: true, recommendedKeepaliveSec: 10 });
    });
  });

  it.concurrent('never guesses filtering with a server without RFC 5780, and measures mapping against a second server', { timeout: TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'masquerade' }, async (lab) => {
      const second = await lab.startCoturn({ addresses: [lab.addr.otherStun] });
      try {
        const ours = await diagnoseIn(lab, '--stun', lab.addr.otherStun, '--stun', lab.addr.stunPrimary, '--no-media');
        expect(ours.report.nat.filtering).toBe('unknown');
        expect(ours.report.checks.nat?.filteringReason).toEqual({ code: 'filtering/not-tested' });
        expect(ours.report.checks.nat?.server?.problems).toContainEqual({ code: 'server/no-other-address' });
        expect(ours.report.checks.nat?.mappingReason).toMatchObject({ code: 'mapping/same' });
        expect(ours.report.checks.nat?.mappingMethod).toBe('two-servers');
        expect(ours.report.nat.mapping).toBe('endpoint-independent');
        expect(ours.report.nat.classic).toBe('unknown');
        expect(ours.report.nat.supported).toBeNull();
      } finally {
        await second.stop();
      }
    }, { rfc5780: false });
  });

  it.concurrent('keeps the verdict at 20 % packet loss in at least 19 of 20 runs', { timeout: 120_000 }, async ({ expect }) => {
    await withLab({ scenario: 'lossy', lossPercent: 20 }, async (lab) => {
      const verdicts: string[] = [];
      for (let run = 0; run < 20; run++) {
        // A new SIP port each run: every run starts with a binding of its own.
        const ours = await diagnoseIn(lab, '--stun', lab.addr.stunPrimary, '--sip-port', String(61000 + run), '--no-media');
        verdicts.push(ours.report.nat.classic);
      }
      const right = verdicts.filter((classic) => classic === 'port-restricted-cone').length;
      console.log(`[lab] 20 % loss: ${right}/20 runs port-restricted-cone (${verdicts.join(', ')})`);
      expect(right).toBeGreaterThanOrEqual(19);
    });
  });
});
