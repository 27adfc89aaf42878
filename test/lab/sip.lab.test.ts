// SIP OPTIONS through a real Linux NAT: kamailio on the lab's internet (203.0.113.20), the PBX's
// socket on the LAN host (192.168.100.5:65002), STUN (coturn) and SIP sharing that one socket.
// The code under test reaches the LAN namespace through openNamespaceEndpoint (a socket bridge).
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { sendBinding } from '../../electron/net/binding';
import { StunClient } from '../../electron/net/stun-client';
import type { UdpEndpoint } from '../../electron/net/udp-endpoint';
import { assessAlg } from '../../electron/sip/alg';
import { sendOptions } from '../../electron/sip/options-client';
import { canRunKamailio, startKamailio, type Kamailio } from '../support/kamailio.js';
import { canRunSipp, startSippEcho } from '../support/sipp.js';
import { removeStaleLabs } from './cleanup.js';
import { canCreateLabs, createLab, STUN_PORT, type Lab } from './lab.js';
import { openNamespaceEndpoint } from './namespace-endpoint.js';
import { word } from '../../shared/text';

const labs = await canCreateLabs();
const capability = labs.ok ? await canRunKamailio() : labs;
const skipReason = capability.ok ? '' : capability.reason;
if (!capability.ok) console.warn(`[test/lab] SIP lab tests skipped: ${skipReason}`);
const sippCapability = labs.ok ? await canRunSipp() : labs;
const sippSkipReason = sippCapability.ok ? '' : sippCapability.reason;
if (!sippCapability.ok) console.warn(`[test/lab] SIPp lab test skipped: ${sippSkipReason}`);
const CLI = resolve('bin/trunkcheck.js');

const TIMEOUT = 45_000;
const SIP_PORT = 5060;

// Linux's own SIP ALG (nf_conntrack_sip + nf_nat_sip), switched on for SIP to port 5060 in the
// lab router only, the way nftables assigns a conntrack helper.
const LINUX_SIP_ALG = `table ip trunkcheck_sip_alg {
  ct helper sip-5060 { type "sip" protocol udp; l3proto ip; }
  chain prerouting { type filter hook prerouting priority filter; policy accept;
    iifname "lan0" udp dport ${SIP_PORT} ct helper set "sip-5060"
  }
}
`;

describe.skipIf(!capability.ok)(`SIP OPTIONS in the NAT lab${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const open = new Set<Lab>();
  beforeAll(async () => void (await removeStaleLabs()));
  afterAll(async () => void (await Promise.all([...open].map((lab) => lab.destroy()))));

  // A masquerade lab with coturn and kamailio on its internet, and the PBX's socket on the LAN host.
  async function withSipLab<T>(use: (lab: Lab, endpoint: UdpEndpoint, server: Kamailio) => Promise<T>): Promise<T> {
    const lab = await createLab({ scenario: 'masquerade' });
    open.add(lab);
    let server: Kamailio | undefined;
    let endpoint: UdpEndpoint | undefined;
    try {
      await lab.startCoturn();
      server = await startKamailio({ netns: lab.ns.inet, address: lab.addr.sip, port: SIP_PORT, forcedRportPort: 5080 });
      endpoint = await openNamespaceEndpoint(lab.ns.lan, { ip: lab.addr.pbx, port: 65002 });
      return await use(lab, endpoint, server);
    } finally {
      await endpoint?.close();
      await server?.stop();
      await lab.destroy();
      open.delete(lab);
    }
  }

  async function stunThenOptions(lab: Lab, endpoint: UdpEndpoint) {
    const stun = new StunClient(endpoint);
    try {
      const binding = await sendBinding(stun, { family: 'IPv4', ip: lab.addr.stunPrimary, port: STUN_PORT });
      if (!binding.ok) throw new Error(`STUN failed in the lab: ${word('en', binding.error)}`);
      const started = performance.now();
      const outcome = await sendOptions(endpoint, { family: 'IPv4', ip: lab.addr.sip, port: SIP_PORT }, {
        requestUriHost: lab.addr.sip,
        localSentBy: { ip: lab.addr.pbx, port: 65002 },
        timeoutMs: 8000,
      });
      return { mapped: binding.evidence.mapped, outcome, ms: performance.now() - started };
    } finally {
      stun.dispose();
    }
  }

  it.concurrent('lets the provider see the NAT\'s public address and the STUN-mapped port, and finds no ALG behind plain masquerade', { timeout: TIMEOUT }, async ({ expect }) => {
    await withSipLab(async (lab, endpoint) => {
      const { mapped, outcome, ms } = await stunThenOptions(lab, endpoint);
      expect(mapped).toEqual({ family: 'IPv4', ip: lab.addr.routerWan, port: 65002 });
      expect(outcome.kind, JSON.stringify(outcome)).toBe('response');
      if (outcome.kind !== 'response') return;
      expect(outcome).toMatchObject({ status: 200, from: { ip: lab.addr.sip, port: SIP_PORT }, via: { received: '203.0.113.1', rport: mapped.port } });
      const alg = assessAlg({ sentVia: outcome.request.via, sentFromLocal: endpoint.local, stunMapped: mapped, response: outcome, mapping: 'endpoint-independent' });
      expect(alg, JSON.stringify(alg)).toMatchObject({ suspected: false, evidence: [] });
      console.info(`[test/lab] SIP OPTIONS through masquerade: ${outcome.status} in ${Math.round(ms)} ms, provider saw ${outcome.via.received}:${outcome.via.rport}`);
    });
  });

  it.concurrent('reports a SIP ALG when the router runs Linux\'s SIP helper (nf_nat_sip)', { timeout: TIMEOUT }, async ({ expect, skip }) => {
    await withSipLab(async (lab, endpoint) => {
      const helper = await lab.exec('router', 'nft', ['-f', '-'], { input: LINUX_SIP_ALG });
      if (helper.code !== 0) return skip(`this kernel has no SIP conntrack helper: ${helper.stderr.trim()}`);
      const { mapped, outcome } = await stunThenOptions(lab, endpoint);
      expect(outcome.kind, JSON.stringify(outcome)).toBe('response');
      if (outcome.kind !== 'response') return;
      const alg = assessAlg({ sentVia: outcome.request.via, sentFromLocal: endpoint.local, stunMapped: mapped, response: outcome, mapping: 'endpoint-independent' });
      // nf_nat_sip rewrote the request's Via to the public address on the way out and the answer's
      // received= back to the LAN address on the way in; a real server never sees 192.168.100.5.
      expect(outcome.via, outcome.topVia).toEqual({ received: lab.addr.pbx, rport: 65002 });
      expect(alg.suspected, `${outcome.topVia}\n${JSON.stringify(alg)}`).toBe(true);
      // The answer says it came from the LAN address while STUN sees the NAT's public one.
      expect(alg.evidence).toContainEqual({ code: 'sip-alg/private-received', received: lab.addr.pbx, mapped: mapped.ip });
      console.info(`[test/lab] SIP ALG seen: Via came back as "${outcome.topVia}"; evidence: ${alg.evidence.map((message) => message.code).join(' | ')}`);
    });
  });
});

// A second SIP implementation that answers OPTIONS but ignores RFC 3261 §18.2.1 and RFC 3581 §4:
// SIPp echoing the Via unchanged. Behind a plain masquerade (no ALG) its answer is no evidence
// either way, so the ALG is unknown, never suspected, and the signalling rules stand.
describe.skipIf(!sippCapability.ok)(`SIP OPTIONS against SIPp in the NAT lab${sippSkipReason ? ` (skipped: ${sippSkipReason})` : ''}`, () => {
  const open = new Set<Lab>();
  beforeAll(async () => void (await removeStaleLabs()));
  afterAll(async () => void (await Promise.all([...open].map((lab) => lab.destroy()))));

  it('leaves the ALG unknown, with the reason, when the server echoes the Via without received or rport', { timeout: TIMEOUT }, async ({ expect }) => {
    const lab = await createLab({ scenario: 'masquerade' });
    open.add(lab);
    try {
      await lab.startCoturn();
      const sipp = await startSippEcho({ netns: lab.ns.inet, address: lab.addr.sip, port: SIP_PORT });
      try {
        const run = await lab.exec('lan', 'node', [CLI, 'diagnose', '--json', '--stun', lab.addr.stunPrimary, '--sip', lab.addr.sip, '--no-media'], { timeoutMs: 45_000 });
        expect(run.stdout.trim().startsWith('{'), `exit ${run.code}: ${run.stderr}`).toBe(true);
        const report = JSON.parse(run.stdout) as {
          sip: { reachable: boolean; status: number | null; via: { received: string | null; rport: number | null }; algSuspected: boolean | null };
          checks: { sip: { algEvidence: { code: string }[]; algNotes: { code: string }[] } };
          rules: { id: string; status: string }[];
        };
        // SIPp answered through the NAT with the Via as it was sent: no received, no rport.
        expect(report.sip).toMatchObject({ reachable: true, status: 200, via: { received: null, rport: null } });
        expect(report.sip.algSuspected, JSON.stringify(report.checks.sip)).toBeNull();
        expect(report.checks.sip.algEvidence).toEqual([]);
        expect(report.checks.sip.algNotes).toContainEqual({ code: 'sip-alg/via-echoed' });
        const status = Object.fromEntries(report.rules.map((rule) => [rule.id, rule.status]));
        expect(status).toMatchObject({ 'outbound-signalling': 'verified', 'inbound-signalling': 'verified' });
        console.info(`[test/lab] SIPp echoed the Via: algSuspected ${String(report.sip.algSuspected)}; notes: ${report.checks.sip.algNotes.map((note) => note.code).join(' | ')}`);
      } finally {
        await sipp.stop();
      }
    } finally {
      await lab.destroy();
      open.delete(lab);
    }
  });
});
