// The verdict per PBX profile in real Linux NATs (issue 13, items 1 and 2): `trunkcheck diagnose`
// runs on the lab's LAN host with kamailio as the provider, so every rule is measured, and what the
// PBX needs of inbound media decides. Behind plain masquerade (port restricted cone) SwyxWare, which
// sends first from every RTP port, is ready (exit 0) with its caveat; 3CX, which needs media and SIP
// from any address, is not, and its fix names the forward.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { DiagnoseReport } from '../../shared/report';
import { englishLines } from '../support/english.js';
import { startKamailio } from '../support/kamailio.js';
import { removeStaleLabs } from './cleanup.js';
import { canCreateLabs, createLab, type Lab, type LabScenario } from './lab.js';

const capability = await canCreateLabs();
const skipReason = capability.ok ? '' : capability.reason;
const CLI = resolve('bin/trunkcheck.js');
const TIMEOUT = 90_000;

// The profiles' own SIP ports and a small slice of their RTP ranges (the sample covers all of it).
const PROFILES = {
  swyxware: ['--profile', 'swyxware', '--rtp', '55000-55011'],
  '3cx': ['--profile', '3cx', '--rtp', '9000-9011'],
} as const;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

describe.skipIf(!capability.ok)(`the verdict per PBX profile in the NAT lab${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const open = new Set<Lab>();
  beforeAll(async () => void (await removeStaleLabs()));
  afterAll(async () => void (await Promise.all([...open].map((lab) => lab.destroy()))));

  async function inLab<T>(scenario: LabScenario, use: (run: (...args: string[]) => Promise<Run>, lab: Lab) => Promise<T>): Promise<T> {
    const lab = await createLab({ scenario });
    open.add(lab);
    try {
      await lab.startCoturn();
      const kamailio = await startKamailio({ address: lab.addr.sip, port: 5060, netns: lab.ns.inet });
      try {
        const run = (...args: string[]) => lab.exec('lan', 'node', [CLI, 'diagnose', '--stun', lab.addr.stunPrimary, '--sip', lab.addr.sip, ...args], { timeoutMs: 45_000 });
        return await use(run, lab);
      } finally {
        await kamailio.stop();
      }
    } finally {
      await lab.destroy();
      open.delete(lab);
    }
  }
  const reportOf = (run: Run): DiagnoseReport => {
    if (!run.stdout.trim().startsWith('{')) throw new Error(`no report (exit ${run.code}): ${run.stderr}`);
    return JSON.parse(run.stdout) as DiagnoseReport;
  };
  const statuses = (report: DiagnoseReport) => Object.fromEntries(report.rules.map((rule) => [rule.id, rule.status]));

  it.concurrent('behind masquerade: SwyxWare is ready with the caveat, 3CX needs the forward it names', { timeout: TIMEOUT }, async ({ expect }) => {
    await inLab('masquerade', async (run, lab) => {
      const swyx = await run(...PROFILES.swyxware, '--json');
      const swyxReport = reportOf(swyx);
      expect(swyxReport.nat.classic).toBe('port-restricted-cone');
      expect(statuses(swyxReport)).toEqual({ 'outbound-signalling': 'verified', 'inbound-signalling': 'verified', 'outbound-media': 'verified', 'inbound-media': 'verified' });
      expect(swyxReport.verdict).toBe('ready');
      expect(swyx.code).toBe(0);
      expect(swyxReport.rules[3]?.evidence.map((message) => message.code)).toEqual(['media/needs-return-path', 'media/return-path-open', 'media/inbound-blocked']);

      const threeCx = await run(...PROFILES['3cx'], '--json');
      const threeCxReport = reportOf(threeCx);
      expect(statuses(threeCxReport)).toMatchObject({ 'outbound-media': 'verified', 'inbound-media': 'failed' });
      expect(threeCxReport.verdict).toBe('action-needed');
      expect(threeCx.code).toBe(1);

      // The terminal: the verdict is the headline, the NAT type a fact under it, then the list.
      const english = await run(...PROFILES.swyxware);
      expect(english.code).toBe(0);
      expect(english.stdout.split('\n').slice(2, 4)).toEqual(['Verdict: READY', expect.stringMatching(/^NAT type\s+Port restricted cone NAT$/)]);
      expect(english.stdout).toMatch(/Caveats:\n {2}- inbound-media: This PBX sends first from every RTP port/);
      expect(english.stdout).not.toContain('supported by');
      const german = await run(...PROFILES['3cx'], '--lang', 'de');
      expect(german.code).toBe(1);
      expect(german.stdout.split('\n').slice(2, 4)).toEqual(['Ergebnis: HANDLUNGSBEDARF', expect.stringMatching(/^NAT-Typ\s+Port-Restricted-Cone-NAT$/)]);
      expect(german.stdout).toContain(`Nächste Schritte:\n  1. Sprache eingehend: Am Router UDP 5060 und UDP 9000-9011 mit denselben Ports (1:1) an die TK-Anlage (${lab.addr.pbx}) weiterleiten`);
      expect(englishLines(german.stdout)).toEqual([]);
    });
  });

  it.concurrent('behind a 1:1 mapping (full cone): both profiles are ready', { timeout: TIMEOUT }, async ({ expect }) => {
    await inLab('full-cone', async (run) => {
      for (const profile of ['swyxware', '3cx'] as const) {
        const result = await run(...PROFILES[profile], '--json');
        const report = reportOf(result);
        expect(statuses(report), profile).toMatchObject({ 'inbound-media': 'verified' });
        expect(report.verdict, profile).toBe('ready');
        expect(result.code, profile).toBe(0);
      }
    });
  });

  it.concurrent('behind masquerade --random-fully (symmetric): SwyxWare is blocked', { timeout: TIMEOUT }, async ({ expect }) => {
    await inLab('random-fully', async (run) => {
      const result = await run(...PROFILES.swyxware);
      expect(result.code).toBe(1);
      expect(result.stdout.split('\n')[2]).toBe('Verdict: BLOCKED');
      expect(result.stdout).toMatch(/What to do:\n {2}1\. Forward UDP 65002 and UDP 55000-55011 statically to the PBX/);
      expect(reportOf(await run(...PROFILES.swyxware, '--json')).verdict).toBe('blocked');
    });
  });

  it.concurrent('with UDP blocked: blocked, whatever the PBX', { timeout: TIMEOUT }, async ({ expect }) => {
    await inLab('udp-blocked', async (run) => {
      // Both at once: each waits out its STUN timeouts, and they share no port.
      const [swyx, threeCx] = await Promise.all([run(...PROFILES.swyxware, '--json'), run(...PROFILES['3cx'], '--json')]);
      for (const [profile, result] of [['swyxware', swyx], ['3cx', threeCx]] as const) {
        expect(reportOf(result).verdict, profile).toBe('blocked');
        expect(result.code, profile).toBe(1);
      }
    });
  });

  it.concurrent('takes a custom PBX with the need the person names, and refuses one without it', { timeout: TIMEOUT }, async ({ expect }) => {
    await inLab('masquerade', async (run) => {
      const custom = (sipPort: number) => ['--profile', 'custom', '--sip-port', String(sipPort), '--rtp', '20000-20011'];
      const anySource = await run(...custom(5080), '--inbound-media', 'any-source', '--json');
      expect(reportOf(anySource)).toMatchObject({ profile: 'custom', pbx: { inboundMedia: 'any-source', rtp: { from: 20000, to: 20011 } }, verdict: 'action-needed' });
      const returnPath = await run(...custom(5082), '--inbound-media', 'return-path', '--json');
      expect(reportOf(returnPath)).toMatchObject({ pbx: { inboundMedia: 'return-path' }, verdict: 'ready' });
      expect(returnPath.code).toBe(0);
      const refused = await run(...custom(5084));
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('missing: inbound media (--inbound-media)');
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    });
  });
});
