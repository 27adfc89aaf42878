// Asking the lab router about itself, with the real miniupnpd (Debian) on it: UPnP IGD, NAT-PMP
// and PCP from the LAN host 192.168.100.5 to 192.168.100.1, within the time budget.
//
// How the code under test gets into the LAN namespace: as in media.lab.test.ts, the real
// electron/net/gateway/ask.ts is bundled with rolldown into one ESM file with a tiny runner and
// started with node inside the namespace (the vitest worker lives in the root namespace).
//
// The lab's WAN address 203.0.113.1 is TEST-NET-3, which miniupnpd 2.3.1 counts as reserved
// (see test/lab/miniupnpd.ts): with it, miniupnpd behaves exactly as behind a provider's NAT.
// The "public" router therefore declares PUBLIC_LOOKING_WAN with ext_ip.
import { describe, expect, it } from 'vitest';
import type { GatewayAnswer } from '../../electron/net/gateway/ask';
import { word } from '../../shared/text';
import { labRunnerSuite, sourceModule } from './lab-runner.js';
import { canCreateLabs, type Lab } from './lab.js';
import { canRunMiniupnpd, PUBLIC_LOOKING_WAN, startMiniupnpd, type Miniupnpd, type MiniupnpdOptions } from './miniupnpd.js';

const labs = await canCreateLabs();
const capability = labs.ok ? await canRunMiniupnpd() : labs;
const skipReason = capability.ok ? '' : capability.reason;
if (!capability.ok) console.warn(`[test/lab] gateway lab tests skipped: ${skipReason}`);

// The product's budget (GATEWAY_BUDGET_MS). A router that answers ends the questions early, so
// the cases with answers run with a generous timeout (a loaded test machine must not turn a
// late answer into a wrong one) and check the time taken against the budget separately.
const BUDGET_MS = 350;
const GENEROUS_MS = 3000;
// Timers fire late on a loaded two-core machine.
const LATE_MS = 150;

const source = sourceModule;

const RUNNER = `
import { askGateway } from ${source('electron/net/gateway/ask.ts')};
const [gateway, timeoutMs] = process.argv.slice(2);
const answer = await askGateway(gateway, { timeoutMs: Number(timeoutMs) });
process.stdout.write(JSON.stringify(answer) + '\\n');
`;

describe.skipIf(!capability.ok)(`the router asked about itself in the NAT lab${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const suite = labRunnerSuite('gateway', RUNNER);

  // A masquerading lab router, prepared by `router` (its WAN address, a firewall), with
  // miniupnpd on it unless `miniupnpd` is null.
  const withRouter = <T>(setup: { miniupnpd: MiniupnpdOptions | null; router?: (lab: Lab) => Promise<void> }, use: (lab: Lab, daemon: Miniupnpd | null) => Promise<T>): Promise<T> =>
    suite.withLab({ scenario: 'masquerade' }, async (lab) => {
      let daemon: Miniupnpd | null = null;
      try {
        await setup.router?.(lab);
        if (setup.miniupnpd !== null) daemon = await startMiniupnpd(lab, setup.miniupnpd);
        return await use(lab, daemon);
      } finally {
        await daemon?.stop();
      }
    });

  const askFromLan = (lab: Lab, timeoutMs = GENEROUS_MS): Promise<GatewayAnswer> => suite.runInLan<GatewayAnswer>(lab, [lab.addr.routerLan, String(timeoutMs)], 10_000);

  const show = (name: string, answer: GatewayAnswer): void =>
    console.log(`[lab] gateway, ${name}: ${answer.ms.toFixed(1)} ms, ${JSON.stringify(answer.report)}\n  ${answer.evidence.map((message) => word('en', message)).join('\n  ')}`);

  it('reads the WAN address a router with a public address reports by UPnP IGD and NAT-PMP, and sees PCP', { timeout: 60_000 }, async () => {
    await withRouter({ miniupnpd: { extIp: PUBLIC_LOOKING_WAN } }, async (lab, daemon) => {
      const answer = await askFromLan(lab);
      show('public WAN (miniupnpd ext_ip)', answer);
      expect(answer.report).toEqual({ ip: lab.addr.routerLan, externalIp: PUBLIC_LOOKING_WAN, portMapping: { upnp: true, natPmp: true, pcp: true } });
      expect(answer.evidence).toEqual([
        { code: 'gateway/upnp-address', ip: PUBLIC_LOOKING_WAN, connection: 'WANIPConnection:2' },
        { code: 'gateway/natpmp-address', ip: PUBLIC_LOOKING_WAN },
        { code: 'gateway/pcp-answered' },
        { code: 'gateway/mapping-offered', services: ['upnp', 'nat-pmp', 'pcp'] },
      ]);
      expect(answer.ms).toBeLessThan(BUDGET_MS);
      // TrunkCheck asked and mapped nothing: miniupnpd holds no lease.
      expect(daemon?.leases()).toEqual([]);
    });
  });

  it('hears miniupnpd say "no public address" when the router’s WAN is TEST-NET-3 203.0.113.1 (reserved to miniupnpd)', { timeout: 60_000 }, async () => {
    await withRouter({ miniupnpd: {} }, async (lab) => {
      const answer = await askFromLan(lab);
      show('WAN 203.0.113.1', answer);
      expect(answer.report).toEqual({ ip: lab.addr.routerLan, externalIp: null, portMapping: { upnp: true, natPmp: false, pcp: true } });
      expect(answer.evidence).toContainEqual({ code: 'gateway/upnp-no-address', connection: 'WANIPConnection:2' });
      expect(answer.evidence).toContainEqual({ code: 'gateway/natpmp-refused', result: 3 });
      expect(answer.ms).toBeLessThan(BUDGET_MS);
    });
  });

  it('behind the provider’s NAT (router WAN 100.64.0.2/10): no external address, and the evidence says the router has none', { timeout: 60_000 }, async () => {
    const cgnWan = async (lab: Lab): Promise<void> => {
      const flushed = await lab.exec('router', 'ip', ['address', 'flush', 'dev', 'wan0']);
      const added = await lab.exec('router', 'ip', ['address', 'add', '100.64.0.2/10', 'dev', 'wan0']);
      if (flushed.code !== 0 || added.code !== 0) throw new Error(`could not give wan0 a 100.64.0.0/10 address: ${flushed.stderr}${added.stderr}`);
    };
    await withRouter({ miniupnpd: {}, router: cgnWan }, async (lab, daemon) => {
      const answer = await askFromLan(lab);
      show('WAN 100.64.0.2 (carrier-grade NAT)', answer);
      expect(daemon?.output()).toContain('Reserved / private IP address 100.64.0.2 on ext interface wan0');
      expect(answer.report).toEqual({ ip: lab.addr.routerLan, externalIp: null, portMapping: { upnp: true, natPmp: false, pcp: true } });
      expect(answer.evidence).toEqual([
        { code: 'gateway/upnp-no-address', connection: 'WANIPConnection:2' },
        { code: 'gateway/natpmp-refused', result: 3 },
        { code: 'gateway/pcp-answered' },
        { code: 'gateway/mapping-offered', services: ['upnp', 'pcp'] },
      ]);
      expect(word('en', { code: 'gateway/natpmp-refused', result: 3 })).toContain('no public address of its own');
      expect(answer.ms).toBeLessThan(BUDGET_MS);
    });
  });

  it('finds an IGD that answers only the SSDP multicast group, when its unicast port drops the search', { timeout: 60_000 }, async () => {
    // Unicast searches to 192.168.100.1:1900 are dropped without ICMP; the group's are let in.
    const dropUnicastSearch = async (lab: Lab): Promise<void> => {
      const ruleset = `table inet gateway_lab {\n  chain input { type filter hook input priority filter; policy accept;\n    iifname "lan0" ip daddr ${lab.addr.routerLan} udp dport 1900 drop\n  }\n}\n`;
      const applied = await lab.exec('router', 'nft', ['-f', '-'], { input: ruleset });
      if (applied.code !== 0) throw new Error(`nft: ${applied.stderr}`);
    };
    await withRouter({ miniupnpd: { extIp: PUBLIC_LOOKING_WAN }, router: dropUnicastSearch }, async (lab) => {
      const answer = await askFromLan(lab);
      show('SSDP multicast only', answer);
      expect(answer.report.portMapping.upnp).toBe(true);
      expect(answer.evidence).toContainEqual({ code: 'gateway/upnp-address', ip: PUBLIC_LOOKING_WAN, connection: 'WANIPConnection:2' });
      // MX 1: miniupnpd waits up to a second before it answers the group (UDA 1.1 §1.3.3).
      expect(answer.ms).toBeLessThan(1000 + LATE_MS);
    });
  });

  it('without miniupnpd: all unknown, and known at once because the router’s ports are closed (ICMP port unreachable)', { timeout: 60_000 }, async () => {
    await withRouter({ miniupnpd: null }, async (lab) => {
      const answer = await askFromLan(lab);
      show('no miniupnpd', answer);
      expect(answer.report).toEqual({ ip: lab.addr.routerLan, externalIp: null, portMapping: { upnp: null, natPmp: null, pcp: null } });
      expect(answer.evidence).toEqual([
        { code: 'gateway/silent', service: 'upnp', closed: true },
        { code: 'gateway/silent', service: 'nat-pmp', closed: true },
        { code: 'gateway/silent', service: 'pcp', closed: true },
      ]);
      expect(answer.ms).toBeLessThan(BUDGET_MS / 2);
    });
  });

  it('without miniupnpd behind a router that drops the questions silently: all unknown, within the budget', { timeout: 60_000 }, async () => {
    const dropQuestions = async (lab: Lab): Promise<void> => {
      const ruleset = 'table inet gateway_lab {\n  chain input { type filter hook input priority filter; policy accept;\n    iifname "lan0" udp dport { 1900, 5351 } drop\n  }\n}\n';
      const applied = await lab.exec('router', 'nft', ['-f', '-'], { input: ruleset });
      if (applied.code !== 0) throw new Error(`nft: ${applied.stderr}`);
    };
    await withRouter({ miniupnpd: null, router: dropQuestions }, async (lab) => {
      const answer = await askFromLan(lab, BUDGET_MS);
      show('no miniupnpd, questions dropped', answer);
      expect(answer.report).toEqual({ ip: lab.addr.routerLan, externalIp: null, portMapping: { upnp: null, natPmp: null, pcp: null } });
      expect(answer.evidence).toEqual([
        { code: 'gateway/silent', service: 'upnp', closed: false },
        { code: 'gateway/silent', service: 'nat-pmp', closed: false },
        { code: 'gateway/silent', service: 'pcp', closed: false },
      ]);
      expect(answer.ms).toBeGreaterThanOrEqual(BUDGET_MS - 5);
      expect(answer.ms).toBeLessThan(BUDGET_MS + LATE_MS);
    });
  });
});
