// Proves each NAT lab scenario is what it claims to be: two independent reference clients
// (classic RFC 3489 `stun`, coturn's RFC 5780 `turnutils_natdiscovery`) run from the LAN host
// against coturn on the lab's internet, and must report the behaviour the scenario promises.
// Scenarios run concurrently, each in its own namespaces.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { removeStaleLabs } from './cleanup.js';
import { canCreateLabs, createLab, runNatDiscovery, runStunClassic, type Lab, type LabOptions } from './lab.js';
import { checkBindingAfterIdle } from './udp.js';

const capability = await canCreateLabs();
const skipReason = capability.ok ? '' : capability.reason;
if (!capability.ok) console.warn(`[test/lab] NAT lab tests skipped: ${skipReason}`);

const TEST_TIMEOUT = 45_000;

describe.skipIf(!capability.ok)(`NAT lab scenarios, checked with reference clients${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const open = new Set<Lab>();

  beforeAll(async () => {
    const removed = await removeStaleLabs();
    if (removed.length > 0) console.warn(`[test/lab] removed stale namespaces: ${removed.join(', ')}`);
  });

  afterAll(async () => {
    await Promise.all([...open].map((lab) => lab.destroy()));
  });

  // A lab with coturn on 203.0.113.10/.11 port 3478 (alternate 3479), torn down afterwards.
  async function withLab<T>(options: LabOptions, use: (lab: Lab) => Promise<T>): Promise<T> {
    const lab = await createLab(options);
    open.add(lab);
    try {
      await lab.startCoturn();
      return await use(lab);
    } finally {
      await lab.destroy();
      open.delete(lab);
    }
  }

  // Clients of one lab run one after the other: their probes would otherwise share the
  // router's NAT state (and in restricted-cone, its filter).
  async function referenceVerdicts(lab: Lab) {
    const classic = await runStunClassic(lab);
    const mapping = await runNatDiscovery(lab, 'mapping');
    const filtering = await runNatDiscovery(lab, 'filtering');
    return { classic, mapping, filtering };
  }

  it.concurrent('reports open internet when the router only routes', { timeout: TEST_TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'no-nat' }, async (lab) => {
      const { classic, mapping, filtering } = await referenceVerdicts(lab);
      expect(classic.classic, classic.raw).toBe('open-internet');
      expect(mapping.behaviour, mapping.raw).toBe('none');
      expect(filtering.noNat, filtering.raw).toBe(true);
      expect(filtering.behaviour, filtering.raw).toBe('endpoint-independent');
    });
  });

  it.concurrent('reports a symmetric UDP firewall behind a stateful firewall without NAT', { timeout: TEST_TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'firewall' }, async (lab) => {
      const { classic, mapping, filtering } = await referenceVerdicts(lab);
      expect(classic.classic, classic.raw).toBe('symmetric-udp-firewall');
      expect(mapping.behaviour, mapping.raw).toBe('none');
      expect(filtering.noNat, filtering.raw).toBe(true);
      expect(filtering.behaviour, filtering.raw).toBe('address-and-port-dependent');
    });
  });

  it.concurrent('reports a port restricted cone behind plain masquerade', { timeout: TEST_TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'masquerade' }, async (lab) => {
      const { classic, mapping, filtering } = await referenceVerdicts(lab);
      expect(classic.classic, classic.raw).toBe('port-restricted-cone');
      expect(classic.preservesPorts, classic.raw).toBe(true);
      expect(mapping.behaviour, mapping.raw).toBe('endpoint-independent');
      expect(filtering.behaviour, filtering.raw).toBe('address-and-port-dependent');
      console.info(`[test/lab] masquerade timings: stun ${Math.round(classic.ms)} ms, natdiscovery -m ${Math.round(mapping.ms)} ms, -f ${Math.round(filtering.ms)} ms`);
    });
  });

  it.concurrent('reports symmetric NAT behind masquerade --random-fully', { timeout: TEST_TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'random-fully' }, async (lab) => {
      const { classic, mapping, filtering } = await referenceVerdicts(lab);
      expect(classic.classic, classic.raw).toBe('symmetric');
      expect(classic.preservesPorts, classic.raw).toBe(false);
      expect(mapping.behaviour, mapping.raw).toBe('address-and-port-dependent');
      expect(filtering.behaviour, filtering.raw).toBe('address-and-port-dependent');
    });
  });

  it.concurrent('reports a full cone behind a 1:1 mapping', { timeout: TEST_TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'full-cone' }, async (lab) => {
      const { classic, mapping, filtering } = await referenceVerdicts(lab);
      expect(classic.classic, classic.raw).toBe('full-cone');
      expect(mapping.behaviour, mapping.raw).toBe('endpoint-independent');
      expect(filtering.behaviour, filtering.raw).toBe('endpoint-independent');
    });
  });

  it.concurrent('reports a restricted cone when only contacted addresses may answer', { timeout: TEST_TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'restricted-cone' }, async (lab) => {
      const { classic, mapping, filtering } = await referenceVerdicts(lab);
      expect(classic.classic, classic.raw).toBe('restricted-cone');
      expect(mapping.behaviour, mapping.raw).toBe('endpoint-independent');
      expect(filtering.behaviour, filtering.raw).toBe('address-dependent');
    });
  });

  it.concurrent('reports blocked when the router drops all UDP', { timeout: TEST_TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'udp-blocked' }, async (lab) => {
      const { classic, mapping, filtering } = await referenceVerdicts(lab);
      expect(classic.classic, classic.raw).toBe('blocked');
      expect(mapping.timedOut, mapping.raw).toBe(true);
      expect(filtering.timedOut, filtering.raw).toBe(true);
    });
  });

  it.concurrent('forgets an idle UDP binding after the short conntrack timeout', { timeout: TEST_TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'short-timeout', udpTimeoutSec: 5 }, async (lab) => {
      const [classic, early, late] = await Promise.all([
        runStunClassic(lab),
        checkBindingAfterIdle(lab, 3000, { lanPort: 40000, serverPort: 5060 }),
        checkBindingAfterIdle(lab, (lab.udpTimeoutSec + 1) * 1000, { lanPort: 40002, serverPort: 5062 }),
      ]);
      expect(classic.classic, classic.raw).toBe('port-restricted-cone');
      expect(early).toEqual({ mapped: '203.0.113.1:40000', delivered: true });
      expect(late).toEqual({ mapped: '203.0.113.1:40002', delivered: false });
    });
  });

  it.concurrent('keeps a binding for the default 30 s conntrack timeout behind plain masquerade', { timeout: TEST_TIMEOUT }, async ({ expect }) => {
    // The control for the short-timeout case: the same idle time leaves a normal binding alive.
    await withLab({ scenario: 'masquerade' }, async (lab) => {
      const late = await checkBindingAfterIdle(lab, 6000, { lanPort: 40002, serverPort: 5062 });
      expect(late).toEqual({ mapped: '203.0.113.1:40002', delivered: true });
    });
  });

  it.concurrent('still lets the classic client through most of the time with 20 % UDP loss', { timeout: TEST_TIMEOUT }, async ({ expect }) => {
    await withLab({ scenario: 'lossy', lossPercent: 20 }, async (lab) => {
      const runs = await Promise.all(Array.from({ length: 8 }, (_, i) => runStunClassic(lab, { sourcePort: 50000 + 2 * i })));
      const answered = runs.filter((run) => run.classic === 'port-restricted-cone');
      expect(answered.length, runs.map((run) => run.primary).join('\n')).toBeGreaterThanOrEqual(5);
      const ruleset = (await lab.exec('router', 'nft', ['list', 'chain', 'ip', 'trunkcheck_lab', 'forward'])).stdout;
      const dropped = Number(/counter packets (\d+)/.exec(ruleset)?.[1] ?? 0);
      expect(dropped, ruleset).toBeGreaterThan(0);
    });
  });
});
