// Registering through a real Linux NAT (issue 16): the kamailio registrar on the lab's internet
// (203.0.113.20:5060), the PBX's socket on the LAN host (192.168.100.5:65002), STUN (coturn) and
// SIP sharing that one socket as the PBX would. The registrar pings the contact it saved with
// OPTIONS (nathelper), to the address and port the REGISTER came from: the NAT's binding.
import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest';
import type { TransportAddress } from '../../shared/address';
import type { RegisterReport } from '../../shared/register';
import type { ProgressMessage } from '../../shared/text/messages/progress';
import { word } from '../../shared/text';
import { sendBinding } from '../../electron/net/binding';
import { StunClient } from '../../electron/net/stun-client';
import type { UdpEndpoint } from '../../electron/net/udp-endpoint';
import { registerWithProvider } from '../../electron/sip/register/register';
import { canRunKamailio } from '../support/kamailio.js';
import { startKamailioRegistrar, type KamailioRegistrar, type KamailioRegistrarOptions } from '../support/kamailio-registrar.js';
import { removeStaleLabs } from './cleanup.js';
import { canCreateLabs, createLab, LAB_ADDRESSES, STUN_PORT, type Lab, type LabOptions, type LabScenario } from './lab.js';
import { openNamespaceEndpoint } from './namespace-endpoint.js';

const labs = await canCreateLabs();
const capability = labs.ok ? await canRunKamailio() : labs;
const skipReason = capability.ok ? '' : capability.reason;
if (!capability.ok) console.warn(`[test/lab] REGISTER lab tests skipped: ${skipReason}`);

const TIMEOUT = 30_000;
const SIP_PORT = 5060;
const PBX_PORT = 65002;
const USER = 'trunk1';
const PASSWORD = 'Lab-secret-4711';

interface Registration {
  readonly report: RegisterReport;
  readonly progress: readonly ProgressMessage[];
}

// Counts datagrams from the registrar's SIP port to the PBX's port that end at the router itself:
// with no binding left for them, conntrack has nothing to translate them back to the LAN host.
const LOST_PINGS = `table ip trunkcheck_lost_pings {
  counter lost {}
  chain input { type filter hook input priority filter; policy accept;
    iifname "wan0" ip saddr ${LAB_ADDRESSES.sip} udp sport ${SIP_PORT} udp dport ${PBX_PORT} counter name "lost"
  }
}
`;

async function lostPings(lab: Lab): Promise<number> {
  const listed = await lab.exec('router', 'nft', ['-j', 'list', 'counter', 'ip', 'trunkcheck_lost_pings', 'lost']);
  if (listed.code !== 0) throw new Error(`nft list counter failed: ${listed.stderr}`);
  const { nftables } = JSON.parse(listed.stdout) as { nftables: { counter?: { packets: number } }[] };
  const counter = nftables.find((entry) => entry.counter !== undefined)?.counter;
  if (counter === undefined) throw new Error(`no counter in ${listed.stdout}`);
  return counter.packets;
}

// The router's UDP conntrack timeouts (the lab's 'short-timeout' sysctl), changed in a running lab.
async function setUdpTimeout(lab: Lab, seconds: number): Promise<void> {
  const set = await lab.exec('router', 'sysctl', ['-q', '-w', `net.netfilter.nf_conntrack_udp_timeout=${seconds}`, `net.netfilter.nf_conntrack_udp_timeout_stream=${seconds}`]);
  if (set.code !== 0) throw new Error(`sysctl failed: ${set.stderr}`);
}

describe.skipIf(!capability.ok)(`REGISTER through the NAT lab${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const open = new Set<Lab>();
  beforeAll(async () => void (await removeStaleLabs()));
  afterAll(async () => void (await Promise.all([...open].map((lab) => lab.destroy()))));

  // A lab with the registrar (and coturn, when STUN is asked for) on its internet, and the PBX's
  // socket on the LAN host.
  async function withRegistrarLab<T>(
    options: LabOptions & { stun: boolean; registrar?: Partial<KamailioRegistrarOptions> },
    use: (lab: Lab, endpoint: UdpEndpoint, registrar: KamailioRegistrar) => Promise<T>,
  ): Promise<T> {
    const lab = await createLab(options);
    open.add(lab);
    let registrar: KamailioRegistrar | undefined;
    let endpoint: UdpEndpoint | undefined;
    try {
      if (options.stun) await lab.startCoturn({ rfc5780: false, addresses: [lab.addr.stunPrimary] });
      registrar = await startKamailioRegistrar({ user: USER, password: PASSWORD, netns: lab.ns.inet, address: lab.addr.sip, port: SIP_PORT, ...options.registrar });
      endpoint = await openNamespaceEndpoint(lab.ns.lan, { ip: lab.addr.pbx, port: PBX_PORT });
      return await use(lab, endpoint, registrar);
    } finally {
      await endpoint?.close();
      await registrar?.stop();
      await lab.destroy();
      open.delete(lab);
    }
  }

  // The STUN mapping of the SIP port's socket: what the registrar should see as received/rport.
  async function stunMapped(lab: Lab, endpoint: UdpEndpoint): Promise<TransportAddress> {
    const stun = new StunClient(endpoint);
    try {
      const binding = await sendBinding(stun, { family: 'IPv4', ip: lab.addr.stunPrimary, port: STUN_PORT });
      if (!binding.ok) throw new Error(`STUN failed in the lab: ${word('en', binding.error)}`);
      return binding.evidence.mapped;
    } finally {
      stun.dispose();
    }
  }

  async function register(lab: Lab, endpoint: UdpEndpoint, request: { password: string; inboundWaitSec: number }, onProgress?: (message: ProgressMessage) => void): Promise<Registration> {
    const progress: ProgressMessage[] = [];
    const report = await registerWithProvider({
      endpoint,
      target: { family: 'IPv4', ip: lab.addr.sip, port: SIP_PORT },
      targetHost: lab.addr.sip,
      localSentBy: { ip: lab.addr.pbx, port: PBX_PORT },
      request: { user: USER, ...request },
      progress: (message) => {
        progress.push(message);
        onProgress?.(message);
      },
    });
    return { report, progress };
  }

  // Registers with the registrar's pings held back until `delayMs` after the 200: the ping
  // schedule's next turn comes then, whatever the phase of nathelper's timer.
  async function registerWithPingAfter(lab: Lab, endpoint: UdpEndpoint, registrar: KamailioRegistrar, delayMs: number, inboundWaitSec: number): Promise<Registration> {
    await registrar.setPinging(false);
    let resumed: Promise<void> | undefined;
    try {
      return await register(lab, endpoint, { password: PASSWORD, inboundWaitSec }, (message) => {
        // The inbound wait's first progress comes right after the 200.
        if (message.code !== 'register/inbound-wait' || message.elapsed !== 0) return;
        resumed = new Promise<void>((resolve) => setTimeout(resolve, delayMs)).then(() => registrar.setPinging(true));
      });
    } finally {
      await resumed;
    }
  }

  function expectNoPassword(expect: ExpectStatic, registration: Registration, password = PASSWORD): void {
    expect(JSON.stringify(registration.report)).not.toContain(password);
    expect(JSON.stringify(registration.progress)).not.toContain(password);
  }

  // (a) and (b): the registrar sees the NAT's public address and the mapped port, and its ping
  // comes back in through the binding the REGISTER left.
  async function registerAndAnswerPing(expect: ExpectStatic, scenario: LabScenario): Promise<void> {
    await withRegistrarLab({ scenario, stun: true }, async (lab, endpoint, registrar) => {
      const mapped = await stunMapped(lab, endpoint);
      const registration = await register(lab, endpoint, { password: PASSWORD, inboundWaitSec: 8 });
      const { report } = registration;
      expectNoPassword(expect, registration);
      expect(mapped.ip).toBe(lab.topology.publicIp);
      expect(report).toMatchObject({
        outcome: 'registered',
        status: 200,
        challenged: true,
        algorithm: 'MD5',
        contact: `sip:${USER}@${lab.addr.pbx}:${PBX_PORT}`,
        // RFC 3261 §18.2.1, RFC 3581 §4: where the REGISTER really came from, as STUN saw it.
        via: { received: mapped.ip, rport: mapped.port },
        unregistered: true,
      });
      expect(report.inbound).toMatchObject({ received: true, method: 'OPTIONS', from: { family: 'IPv4', ip: lab.addr.sip, port: SIP_PORT }, answered: 200 });
      // kamailio took our 200 to its ping, which it sent to the contact's received address …
      expect(await registrar.pingRepliesSeen()).toBeGreaterThanOrEqual(1);
      // … and after the un-REGISTER usrloc holds no contact for the user.
      expect(await registrar.isRegistered(USER)).toBe(false);
      console.info(`[test/lab] REGISTER behind ${scenario}: ${report.status} after ${report.rttMs} ms, registrar saw ${report.via.received}:${report.via.rport} (STUN ${mapped.ip}:${mapped.port}), ping through the binding ${report.inbound?.afterMs} ms after the 200`);
    });
  }

  it.concurrent('registers behind plain masquerade, answers the registrar\'s ping through the binding and removes the contact', { timeout: TIMEOUT }, async ({ expect }) => {
    await registerAndAnswerPing(expect, 'masquerade');
  });

  it.concurrent('registers behind the carrier-grade NAT, answers the registrar\'s ping through both bindings and removes the contact', { timeout: TIMEOUT }, async ({ expect }) => {
    await registerAndAnswerPing(expect, 'cgn');
  });

  // (c)
  it.concurrent('names a wrong password behind masquerade as wrong credentials and waits for nothing', { timeout: TIMEOUT }, async ({ expect }) => {
    await withRegistrarLab({ scenario: 'masquerade', stun: false }, async (lab, endpoint, registrar) => {
      const wrong = 'not-the-lab-secret';
      const registration = await register(lab, endpoint, { password: wrong, inboundWaitSec: 8 });
      expectNoPassword(expect, registration, wrong);
      expectNoPassword(expect, registration);
      expect(registration.report).toMatchObject({ outcome: 'wrong-credentials', status: 401, challenged: true, expiresSec: null, unregistered: null, inbound: null });
      expect(registration.progress.map((message) => message.code)).not.toContain('register/inbound-wait');
      expect(await registrar.isRegistered(USER)).toBe(false);
    });
  });

  // (d) The router forgets an idle UDP binding after 1 s, the registrar pings every 2 s, and we
  // send no keep-alive while waiting, so the REGISTER's 200 is the binding's last packet. Where
  // nathelper's timer stands when the 200 goes out is chance (its first ping may come 0–2 s
  // later), so the test holds pinging back until 1.5 s after the 200: the turn of a schedule
  // slower than the timeout that falls after the binding's end, as every later turn does. That
  // ping finds no mapping: it ends at the router (a new flow to the router's own address, which
  // answers ICMP port unreachable), the PBX never sees it, the registrar gets no reply, and a
  // call would be lost the same way until the PBX sends again. Control, in the same lab: the
  // same schedule arrives once the router keeps UDP bindings for 30 s.
  it.concurrent('loses the registrar\'s ping once a short router timeout has ended the binding, and receives it when the binding lives', { timeout: TIMEOUT }, async ({ expect }) => {
    const udpTimeoutSec = 1;
    // Held back 2.5 s, well beyond the 1 s timeout: a 200 to a retransmitted REGISTER on a loaded
    // machine refreshes the binding a little later than the 200 the wait starts from. The wait
    // covers the delay and one ping interval, so at least one ping is sent while we listen.
    const pingDelayMs = 2500;
    const inboundWaitSec = 5;
    await withRegistrarLab({ scenario: 'short-timeout', udpTimeoutSec, stun: false, registrar: { pingIntervalSec: 2 } }, async (lab, endpoint, registrar) => {
      const counter = await lab.exec('router', 'nft', ['-f', '-'], { input: LOST_PINGS });
      if (counter.code !== 0) throw new Error(`nft failed: ${counter.stderr}`);

      const expired = await registerWithPingAfter(lab, endpoint, registrar, pingDelayMs, inboundWaitSec);
      expectNoPassword(expect, expired);
      expect(expired.report).toMatchObject({ outcome: 'registered', status: 200, via: { received: lab.addr.routerWan }, unregistered: true, inbound: { received: false, method: null, from: null, answered: null } });
      expect(expired.report.inbound?.waitedMs).toBeGreaterThanOrEqual(inboundWaitSec * 1000 - 50);
      const lost = await lostPings(lab);
      // The registrar did ping during the wait; the pings died at the router, and none was answered.
      expect(lost).toBeGreaterThanOrEqual(1);
      expect(await registrar.pingRepliesSeen(1, 0)).toBe(0);
      // The un-REGISTER opened a new binding on its way out and was answered.
      expect(await registrar.isRegistered(USER)).toBe(false);

      await setUdpTimeout(lab, 30);
      const alive = await registerWithPingAfter(lab, endpoint, registrar, pingDelayMs, inboundWaitSec + 2); // ends at the ping
      expectNoPassword(expect, alive);
      expect(alive.report).toMatchObject({ outcome: 'registered', unregistered: true, inbound: { received: true, method: 'OPTIONS', answered: 200 } });
      expect(alive.report.inbound?.afterMs).toBeGreaterThanOrEqual(pingDelayMs);
      expect(await lostPings(lab)).toBe(lost);
      expect(await registrar.pingRepliesSeen()).toBeGreaterThanOrEqual(1);
      console.info(`[test/lab] REGISTER with a ${udpTimeoutSec} s UDP timeout and the first ping ${pingDelayMs} ms after the 200: inbound.received ${String(expired.report.inbound?.received)} after ${expired.report.inbound?.waitedMs} ms, ${lost} ping(s) ended at the router; with a 30 s timeout the ping arrived ${alive.report.inbound?.afterMs} ms after the 200`);
    });
  });
});
