// The second NAT nobody sees (issue 13, items 3 and 4): `trunkcheck diagnose` on the lab's LAN
// host asks the router about itself (the real miniupnpd where it runs) and probes the hops
// towards the STUN server, beside the NAT tests. Behind one NAT the answer is "no second NAT";
// behind the provider's carrier-grade NAT (a fourth namespace, 100.64.0.0/10 between) it is
// "yes, the provider's", and nothing tells the admin to forward ports on a router that cannot
// pass them on; behind a second router of the customer's own the fix names both routers.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnoseReport } from '../../shared/report';
import { FORWARD_CODES, whatToDo } from '../../shared/verdict/what-to-do';
import { startKamailio } from '../support/kamailio.js';
import { removeStaleLabs } from './cleanup.js';
import { canCreateLabs, createLab, type Lab, type LabScenario } from './lab.js';
import { canRunMiniupnpd, startMiniupnpd } from './miniupnpd.js';

const capability = await canCreateLabs();
const upnpd = capability.ok ? await canRunMiniupnpd() : capability;
const skipReason = capability.ok ? '' : capability.reason;
const CLI = resolve('bin/trunkcheck.js');
const TIMEOUT = 90_000;

const PROFILES = {
  swyxware: ['--profile', 'swyxware', '--rtp', '55000-55011'],
  '3cx': ['--profile', '3cx', '--rtp', '9000-9011'],
} as const;

describe.skipIf(!capability.ok)(`a second NAT beyond the LAN's router${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const open = new Set<Lab>();
  beforeAll(async () => void (await removeStaleLabs()));
  afterAll(async () => void (await Promise.all([...open].map((lab) => lab.destroy()))));

  async function diagnoseIn(scenario: LabScenario, options: { miniupnpd: boolean }, profiles: readonly (keyof typeof PROFILES)[]): Promise<DiagnoseReport[]> {
    const lab = await createLab({ scenario });
    open.add(lab);
    try {
      await lab.startCoturn();
      const daemon = options.miniupnpd ? await startMiniupnpd(lab) : null;
      const kamailio = await startKamailio({ address: lab.addr.sip, port: 5060, netns: lab.ns.inet });
      try {
        const reports: DiagnoseReport[] = [];
        for (const profile of profiles) {
          const run = await lab.exec('lan', 'node', [CLI, 'diagnose', '--stun', lab.addr.stunPrimary, '--sip', lab.addr.sip, ...PROFILES[profile], '--json'], { timeoutMs: 45_000 });
          if (!run.stdout.trim().startsWith('{')) throw new Error(`no report (exit ${run.code}): ${run.stderr}`);
          reports.push(JSON.parse(run.stdout) as DiagnoseReport);
        }
        // TrunkCheck only asks: the router holds no mapping afterwards.
        if (daemon) expect(daemon.leases()).toEqual([]);
        return reports;
      } finally {
        await kamailio.stop();
        await daemon?.stop();
      }
    } finally {
      await lab.destroy();
      open.delete(lab);
    }
  }
  const codes = (report: DiagnoseReport) => whatToDo(report).map((item) => item.message.code);

  it.skipIf(!upnpd.ok)('behind one NAT with UPnP, NAT-PMP and PCP on the router: no second NAT, and the router\'s offer is a noted fact', { timeout: TIMEOUT }, async ({ expect }) => {
    const [swyx] = await diagnoseIn('masquerade', { miniupnpd: true }, ['swyxware']);
    if (!swyx) throw new Error('no report');
    expect(swyx.nat.doubleNat).toBe('no');
    expect(swyx.nat.carrierGrade).toBe('no');
    expect(swyx.gateway?.portMapping).toEqual({ upnp: true, natPmp: false, pcp: true });
    expect(swyx.verdict).toBe('ready');
    expect(codes(swyx)).toContain('note/port-mapping-offered');
    expect(swyx.fragments).toEqual({ outbound: 'passes', inbound: 'passes' });
  });

  it.skipIf(!upnpd.ok)('behind the provider\'s carrier-grade NAT with miniupnpd on the home router: carrier-grade, no forward, 3CX blocked', { timeout: TIMEOUT }, async ({ expect }) => {
    const [swyx, threecx] = await diagnoseIn('cgn', { miniupnpd: true }, ['swyxware', '3cx']);
    if (!swyx || !threecx) throw new Error('no report');
    for (const report of [swyx, threecx]) {
      expect(report.nat.doubleNat).toBe('yes');
      expect(report.nat.carrierGrade).toBe('yes');
      expect(report.gateway?.externalIp).toBeNull();
      expect(codes(report).filter((code) => FORWARD_CODES.includes(code))).toEqual([]);
    }
    expect(threecx.verdict).toBe('blocked');
    expect(codes(threecx)).toContain('todo/cgn-public-address');
    // The failed rule's own fix, in its evidence and in the checklist, names what works instead of a forward.
    const inbound = threecx.rules.find((rule) => rule.id === 'inbound-media');
    expect(inbound?.evidence.map((message) => message.code)).toContain('fix/inbound-media-cgn');
    expect(inbound?.evidence.map((message) => message.code)).not.toContain('fix/inbound-media');
    expect(swyx.verdict).toBe('ready');
  });

  it('behind the provider\'s carrier-grade NAT with a silent router: the hops alone tell', { timeout: TIMEOUT }, async ({ expect }) => {
    const [threecx] = await diagnoseIn('cgn', { miniupnpd: false }, ['3cx']);
    if (!threecx) throw new Error('no report');
    expect(threecx.nat.doubleNat).toBe('yes');
    expect(threecx.nat.carrierGrade).toBe('yes');
    expect(threecx.gateway?.portMapping).toEqual({ upnp: null, natPmp: null, pcp: null });
    expect(threecx.checks.path?.hops.some((hop) => hop.from?.startsWith('100.64.'))).toBe(true);
    expect(codes(threecx).filter((code) => FORWARD_CODES.includes(code))).toEqual([]);
    expect(threecx.verdict).toBe('blocked');
  });

  it('behind a second router of the customer\'s own: a double NAT, not carrier-grade, and the fix names both routers', { timeout: TIMEOUT }, async ({ expect }) => {
    const [threecx] = await diagnoseIn('double-nat', { miniupnpd: false }, ['3cx']);
    if (!threecx) throw new Error('no report');
    expect(threecx.nat.doubleNat).toBe('yes');
    expect(threecx.nat.carrierGrade).toBe('no');
    expect(threecx.verdict).toBe('action-needed');
    expect(codes(threecx)).toContain('todo/forward-both-routers');
  });
});
