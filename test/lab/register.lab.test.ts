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
import { canCreateLabs, createLab, STUN_PORT, type Lab, type LabOptions } from './lab.js';
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
  readonly mapped: TransportAddress;
}

describe.skipIf(!capability.ok)(`REGISTER through the NAT lab${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const open = new Set<Lab>();
  beforeAll(async () => void (await removeStaleLabs()));
  afterAll(async () => void (await Promise.all([...open].map((lab) => lab.destroy()))));

  // A lab with coturn and the registrar on its internet, and the PBX's socket on the LAN host.
  async function withRegistrarLab<T>(options: LabOptions, registrarOptions: Partial<KamailioRegistrarOptions>, use: (lab: Lab, endpoint: UdpEndpoint, registrar: KamailioRegistrar) => Promise<T>): Promise<T> {
    const lab = await createLab(options);
    open.add(lab);
    let registrar: KamailioRegistrar | undefined;
    let endpoint: UdpEndpoint | undefined;
    try {
      await lab.startCoturn({ rfc5780: false, addresses: [lab.addr.stunPrimary] });
      registrar = await startKamailioRegistrar({ user: USER, password: PASSWORD, netns: lab.ns.inet, address: lab.addr.sip, port: SIP_PORT, ...registrarOptions });
      endpoint = await openNamespaceEndpoint(lab.ns.lan, { ip: lab.addr.pbx, port: PBX_PORT });
      return await use(lab, endpoint, registrar);
    } finally {
      await endpoint?.close();
      await registrar?.stop();
      await lab.destroy();
      open.delete(lab);
    }
  }

  // STUN first, then REGISTER from the same socket: the mapping STUN saw is the one the registrar sees.
  async function stunThenRegister(lab: Lab, endpoint: UdpEndpoint, request: { password: string; inboundWaitSec: number }, onProgress?: (message: ProgressMessage) => void): Promise<Registration> {
    const stun = new StunClient(endpoint);
    let mapped: TransportAddress;
    try {
      const binding = await sendBinding(stun, { family: 'IPv4', ip: lab.addr.stunPrimary, port: STUN_PORT });
      if (!binding.ok) throw new Error(`STUN failed in the lab: ${word('en', binding.error)}`);
      mapped = binding.evidence.mapped;
    } finally {
      stun.dispose();
    }
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
    return { report, progress, mapped };
  }

  function expectNoPassword(expect: ExpectStatic, registration: Registration, password = PASSWORD): void {
    expect(JSON.stringify(registration.report)).not.toContain(password);
    expect(JSON.stringify(registration.progress)).not.toContain(password);
  }

  it.concurrent('registers behind plain masquerade, answers the registrar\'s ping through the binding and removes the contact', { timeout: TIMEOUT }, async ({ expect }) => {
    await withRegistrarLab({ scenario: 'masquerade' }, {}, async (lab, endpoint, registrar) => {
      const registration = await stunThenRegister(lab, endpoint, { password: PASSWORD, inboundWaitSec: 8 });
      const { report, mapped } = registration;
      expectNoPassword(expect, registration);
      expect(mapped).toEqual({ family: 'IPv4', ip: lab.topology.publicIp, port: PBX_PORT });
      expect(report).toMatchObject({
        outcome: 'registered',
        status: 200,
        challenged: true,
        contact: `sip:${USER}@${lab.addr.pbx}:${PBX_PORT}`,
        via: { received: lab.addr.routerWan, rport: mapped.port },
        unregistered: true,
      });
      expect(report.inbound).toMatchObject({ received: true, method: 'OPTIONS', from: { family: 'IPv4', ip: lab.addr.sip, port: SIP_PORT }, answered: 200 });
      expect(await registrar.pingRepliesSeen()).toBeGreaterThanOrEqual(1);
      expect(await registrar.isRegistered(USER)).toBe(false);
      console.info(`[test/lab] REGISTER through masquerade: ${report.status} in ${report.rttMs} ms, registrar saw ${report.via.received}:${report.via.rport} (STUN ${mapped.ip}:${mapped.port}); ping ${report.inbound?.afterMs} ms after the 200`);
    });
  });
});
