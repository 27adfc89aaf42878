// Issue 16's "done when", through the built CLI as a person runs it: `trunkcheck diagnose …
// --register trunk1` on the lab's LAN host, the password piped on standard input, against the
// kamailio registrar (digest auth, usrloc, nathelper pinging every second) on the lab's internet
// and coturn with RFC 5780 on its two addresses. The registrar's OPTIONS ping must come in to the
// SIP port through the NAT binding the REGISTER left, and the un-REGISTER must leave usrloc empty.
// The inbound wait is 10 s and ends at the first ping, so each run takes a few seconds.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest';
import type { DiagnoseReport } from '../../shared/report';
import { englishLines } from '../support/english.js';
import { canRunKamailio } from '../support/kamailio.js';
import { startKamailioRegistrar, type KamailioRegistrar, type KamailioRegistrarOptions } from '../support/kamailio-registrar.js';
import type { RunResult } from '../support/processes.js';
import { removeStaleLabs } from './cleanup.js';
import { canCreateLabs, createLab, type Lab, type LabScenario } from './lab.js';

const labs = await canCreateLabs();
const capability = labs.ok ? await canRunKamailio() : labs;
const skipReason = capability.ok ? '' : capability.reason;
if (!capability.ok) console.warn(`[test/lab] REGISTER CLI lab tests skipped: ${skipReason}`);

const CLI = resolve('bin/trunkcheck.js');
const TIMEOUT = 90_000;
const USER = 'trunk1';
const PASSWORD = 'Lab-cli-secret-0815';
const SIP_PORT = 5060;
const PBX_SIP_PORT = 65002; // SwyxWare's own SIP port (its profile)
const INBOUND_WAIT_SEC = 10;
// SwyxWare, with a small slice of its RTP range: the registration is what these tests are about.
const SWYXWARE = ['--profile', 'swyxware', '--rtp', '55000-55011'];

type Run = (args: readonly string[], password?: string) => Promise<RunResult>;

const reportOf = (run: RunResult): DiagnoseReport => {
  if (!run.stdout.trim().startsWith('{')) throw new Error(`no report (exit ${run.code}): ${run.stderr}`);
  return JSON.parse(run.stdout) as DiagnoseReport;
};
const ruleOf = (report: DiagnoseReport, id: string) => report.rules.find((rule) => rule.id === id);

describe.skipIf(!capability.ok)(`trunkcheck diagnose --register in the NAT lab${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const open = new Set<Lab>();
  beforeAll(async () => void (await removeStaleLabs()));
  afterAll(async () => void (await Promise.all([...open].map((lab) => lab.destroy()))));

  async function inRegistrarLab<T>(scenario: LabScenario, use: (run: Run, lab: Lab, registrar: KamailioRegistrar) => Promise<T>, registrarOptions: Partial<KamailioRegistrarOptions> = {}): Promise<T> {
    const lab = await createLab({ scenario });
    open.add(lab);
    let registrar: KamailioRegistrar | undefined;
    try {
      await lab.startCoturn();
      registrar = await startKamailioRegistrar({ user: USER, password: PASSWORD, netns: lab.ns.inet, address: lab.addr.sip, port: SIP_PORT, pingIntervalSec: 1, ...registrarOptions });
      const run: Run = (args, password = PASSWORD) =>
        lab.exec('lan', 'node', [CLI, 'diagnose', '--stun', lab.addr.stunPrimary, '--sip', lab.addr.sip, ...SWYXWARE, '--register', USER, '--inbound-wait', String(INBOUND_WAIT_SEC), ...args], { timeoutMs: 45_000, input: `${password}\n` });
      return await use(run, lab, registrar);
    } finally {
      await registrar?.stop();
      await lab.destroy();
      open.delete(lab);
    }
  }

  // The registration as the JSON report tells it, and what kamailio itself saw of it.
  async function expectRegisteredThroughTheBinding(expect: ExpectStatic, run: RunResult, lab: Lab, registrar: KamailioRegistrar): Promise<DiagnoseReport> {
    const report = reportOf(run);
    const registrarAddress = { family: 'IPv4', ip: lab.addr.sip, port: SIP_PORT };
    expect(report.sip?.register).toMatchObject({
      aor: `sip:${USER}@${lab.addr.sip}`,
      outcome: 'registered',
      status: 200,
      challenged: true,
      algorithm: 'MD5',
      contact: `sip:${USER}@${lab.addr.pbx}:${PBX_SIP_PORT}`,
      // RFC 3261 §18.2.1, RFC 3581 §4: the registrar saw the NAT's public side, as STUN did.
      via: { received: lab.topology.publicIp, rport: report.publicAddress?.port },
      unregistered: true,
      inbound: { received: true, method: 'OPTIONS', from: registrarAddress, answered: 200 },
    });
    const inbound = report.sip?.register?.inbound;
    // The wait ended at the ping (kamailio pings every second), not after its 10 s.
    expect(inbound?.waitedMs).toBeLessThan(INBOUND_WAIT_SEC * 1000);
    // Rule 2's proof is the provider's own request, unasked, through the binding.
    expect(ruleOf(report, 'inbound-signalling')).toMatchObject({ status: 'verified' });
    expect(ruleOf(report, 'inbound-signalling')?.evidence).toContainEqual({ code: 'register/inbound-received', port: PBX_SIP_PORT, method: 'OPTIONS', from: `${lab.addr.sip}:${SIP_PORT}`, afterMs: inbound?.afterMs });
    expect(ruleOf(report, 'outbound-signalling')?.evidence).toContainEqual({ code: 'register/answered', target: `${lab.addr.sip}:${SIP_PORT}`, status: 200, reason: 'OK' });
    // kamailio took our 200 to its ping, and after the un-REGISTER holds no contact for the user.
    expect(await registrar.pingRepliesSeen()).toBeGreaterThanOrEqual(1);
    expect(await registrar.isRegistered(USER)).toBe(false);
    expect(run.stderr).toContain(`trunkcheck: Warning: TrunkCheck registers as sip:${USER}@${lab.addr.sip} for this test.`);
    expect(run.stdout + run.stderr).not.toContain(PASSWORD);
    return report;
  }

  const figures = (label: string, run: RunResult, report: DiagnoseReport): string => {
    const register = report.sip?.register;
    return `${label}: exit ${run.code} in ${Math.round(run.ms)} ms, ${register?.status} after ${register?.rttMs} ms, registrar saw ${register?.via.received}:${register?.via.rport}, ping ${register?.inbound?.afterMs} ms after the 200, unregistered ${String(register?.unregistered)}`;
  };

  it.concurrent('behind masquerade: registers (200), answers the registrar\'s ping through the binding and un-registers; the terminal says so in English and German', { timeout: TIMEOUT }, async ({ expect }) => {
    await inRegistrarLab('masquerade', async (run, lab, registrar) => {
      const json = await run(['--json']);
      const report = await expectRegisteredThroughTheBinding(expect, json, lab, registrar);
      expect(report.sip?.register?.via.received).toBe(lab.addr.routerWan);
      // SwyxWare behind masquerade: every rule verified, ready.
      expect(report.verdict).toBe('ready');
      expect(json.code).toBe(0);

      const english = await run([]);
      expect(english.code).toBe(0);
      expect(english.stdout.split('\n')[2]).toBe('Verdict: READY');
      expect(english.stdout).toMatch(new RegExp(`^Registration {5}Registered as sip:${USER}@${lab.addr.sip}: the registrar answered 200 OK after \\d+ ms\\.$`, 'm'));
      expect(english.stdout).toMatch(new RegExp(`^ {2}The provider's own OPTIONS reached the SIP port from ${lab.addr.sip}:${SIP_PORT} \\d+\\.\\d s after the registration, and TrunkCheck answered 200: the provider can reach the PBX through the NAT binding\\.$`, 'm'));
      expect(english.stdout).toContain('  The test contact was removed again (un-REGISTER with Expires: 0 answered).');
      expect(english.stdout).toMatch(new RegExp(`verified {2}inbound-signalling .*The provider's own OPTIONS from ${lab.addr.sip}:${SIP_PORT} reached UDP ${PBX_SIP_PORT} unasked`));
      expect(await registrar.isRegistered(USER)).toBe(false);

      const german = await run(['--lang', 'de']);
      expect(german.code).toBe(0);
      expect(german.stdout.split('\n')[2]).toBe('Ergebnis: BEREIT');
      expect(german.stdout).toMatch(new RegExp(`^Registrierung {7}Registriert als sip:${USER}@${lab.addr.sip}: Der Registrar antwortete nach \\d+ ms mit 200 OK\\.$`, 'm'));
      expect(german.stdout).toMatch(new RegExp(`^ {2}Ein eigenes OPTIONS des Providers erreichte den SIP-Port von ${lab.addr.sip}:${SIP_PORT} \\d+,\\d s nach der Registrierung, TrunkCheck antwortete mit 200`, 'm'));
      expect(german.stdout).toContain('  Der Testkontakt wurde wieder entfernt (Abmelde-REGISTER mit Expires: 0 beantwortet).');
      expect(german.stderr).toContain(`trunkcheck: Achtung: TrunkCheck registriert sich für diesen Test als sip:${USER}@${lab.addr.sip}.`);
      expect(englishLines(german.stdout + german.stderr)).toEqual([]);
      expect(await registrar.isRegistered(USER)).toBe(false);
      for (const result of [english, german]) expect(result.stdout + result.stderr).not.toContain(PASSWORD);
      console.info(`[test/lab] ${figures('--register behind masquerade', json, report)}; terminal EN ${Math.round(english.ms)} ms, DE ${Math.round(german.ms)} ms`);
    });
  });

  it.concurrent('behind masquerade: a wrong password is named as such, the verdict is not ready with the credentials first in What to do, exit 1', { timeout: TIMEOUT }, async ({ expect }) => {
    await inRegistrarLab('masquerade', async (run, lab, registrar) => {
      const wrong = 'not-the-lab-secret';
      const json = await run(['--json'], wrong);
      const report = reportOf(json);
      expect(report.sip?.register).toMatchObject({ outcome: 'wrong-credentials', status: 401, challenged: true, expiresSec: null, unregistered: null, inbound: null });
      expect(report.verdict).toBe('action-needed');
      expect(json.code).toBe(1);
      expect(await registrar.isRegistered(USER)).toBe(false);

      const english = await run([], wrong);
      expect(english.code).toBe(1);
      expect(english.stdout.split('\n')[2]).toBe('Verdict: ACTION NEEDED');
      expect(english.stdout).toContain(`What to do:\n  1. The registrar refused the credentials for sip:${USER}@${lab.addr.sip} (401): check the user name, the password and the domain against the provider's account data, then test again.\n`);
      expect(english.stdout).toContain(`Registration     Registering as sip:${USER}@${lab.addr.sip} failed: the registrar did not accept the user name and password (401 Unauthorized).`);
      for (const result of [json, english]) {
        expect(result.stdout + result.stderr).not.toContain(wrong);
        expect(result.stdout + result.stderr).not.toContain(PASSWORD);
      }
      console.info(`[test/lab] --register with a wrong password: ${report.sip?.register?.outcome} (${report.sip?.register?.status}), verdict ${report.verdict}, exit ${json.code} in ${Math.round(json.ms)} ms`);
    });
  });

  it.concurrent('behind the carrier-grade NAT: registers with SwyxWare\'s profile, the registrar sees the CGN\'s address, its ping comes in through both bindings', { timeout: TIMEOUT }, async ({ expect }) => {
    await inRegistrarLab('cgn', async (run, lab, registrar) => {
      const json = await run(['--json']);
      const report = await expectRegisteredThroughTheBinding(expect, json, lab, registrar);
      expect(report.sip?.register?.via.received).toBe(lab.addr.upstreamWan);
      expect(report.profile).toBe('swyxware');
      expect(report.verdict).toBe('ready');
      expect(json.code).toBe(0);
      console.info(`[test/lab] ${figures('--register behind the CGN', json, report)}`);
    });
  });

  // Ctrl-C while TrunkCheck waits for the provider's request: the contact it registered must not
  // stay with the provider (calls to the account would go to TrunkCheck's address until it
  // expires), so the interrupt ends the wait, the un-REGISTER goes out, and then the process ends
  // by the signal as before. A registrar that never pings keeps the CLI in its wait.
  it.concurrent('behind masquerade: Ctrl-C during the wait for the provider\'s request removes the test registration before the CLI ends', { timeout: TIMEOUT }, async ({ expect }) => {
    await inRegistrarLab('masquerade', async (_run, lab, registrar) => {
      const child = spawn('ip', ['netns', 'exec', lab.ns.lan, 'node', CLI, 'diagnose', '--stun', lab.addr.stunPrimary, '--sip', lab.addr.sip, ...SWYXWARE, '--register', USER, '--inbound-wait', '60'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('close', (code, signal) => done({ code, signal })));
      child.stdin.end(`${PASSWORD}\n`);
      try {
        // Registered: usrloc holds the contact while the CLI waits.
        const deadline = performance.now() + 30_000;
        while (!(await registrar.isRegistered(USER))) {
          if (performance.now() > deadline || child.exitCode !== null) throw new Error(`never registered: ${stderr}`);
          await new Promise((wait) => setTimeout(wait, 200));
        }
        const interrupted = performance.now();
        child.kill('SIGINT'); // `ip netns exec` runs node in its own place: this is node's pid
        const end = await ended;
        const afterMs = Math.round(performance.now() - interrupted);
        expect(await registrar.isRegistered(USER)).toBe(false);
        expect(end.signal, `exit ${end.code}: ${stderr}`).toBe('SIGINT');
        expect(afterMs).toBeLessThan(5000);
        expect(stderr).toContain('trunkcheck: The checks were cancelled before they finished, so nothing was saved; the test registration was withdrawn (un-REGISTER with Expires: 0 sent).');
        expect(stdout).toBe('');
        expect(stderr).not.toContain(PASSWORD);
        console.info(`[test/lab] Ctrl-C during the inbound wait: the CLI ended ${afterMs} ms later by ${end.signal}, contact removed`);
      } finally {
        child.kill('SIGKILL');
      }
    }, { ping: false });
  });
});
