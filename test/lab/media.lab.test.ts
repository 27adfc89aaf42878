// The media-port probe and the line-quality stream inside real Linux NATs, run on the lab's LAN
// host. The code under test is the real electron/media and electron/quality modules: the test
// bundles them with rolldown (the bundler vite and electron-vite build the app with) into one
// plain ESM file in a temporary folder, together with a small runner, and starts that file with
// node inside the LAN namespace. (The vitest worker itself lives in the root namespace; a
// socket cannot be moved between namespaces from node, and the built CLI does not contain these
// modules until the lead wires them in.)
import { describe, it } from 'vitest';
import type { MediaPortProbe } from '../../electron/media/outbound';
import type { QualityGrade } from '../../shared/quality/grade';
import type { LineQualityMetrics } from '../../shared/quality/jitter';
import { labRunnerSuite, sourceModule } from './lab-runner.js';
import { canCreateLabs, STUN_PORT, type Lab, type LabOptions } from './lab.js';

const capability = await canCreateLabs();
const skipReason = capability.ok ? '' : capability.reason;
if (!capability.ok) console.warn(`[test/lab] media lab tests skipped: ${skipReason}`);

const source = sourceModule;

// The runner: what diagnose will do on the PBX, minus the report. One job per run, the result as
// one JSON line on stdout.
const RUNNER = `
import { sendBinding } from ${source('electron/net/binding.ts')};
import { probeMediaPorts } from ${source('electron/media/outbound.ts')};
import { StunClient } from ${source('electron/net/stun-client.ts')};
import { openUdpEndpoint } from ${source('electron/net/udp-endpoint.ts')};
import { measureLineQuality } from ${source('electron/quality/stream.ts')};
import { gradeLineQuality } from ${source('shared/quality/grade.ts')};

const job = JSON.parse(process.argv[2]);
const server = { family: 'IPv4', ip: job.server, port: job.port };
const opened = await openUdpEndpoint({ port: 0 });
if (!opened.ok) throw new Error(opened.error.message);
const client = new StunClient(opened.value);
// The public-address check diagnose runs first: round trip and OTHER-ADDRESS of the server.
const first = await sendBinding(client, server);
if (!first.ok) throw new Error(first.error.message);
let output;
if (job.kind === 'media') {
  output = await probeMediaPorts({ ports: job.ports, server, other: first.evidence.otherAddress, rttMs: first.evidence.rttMs });
} else {
  const result = await measureLineQuality({ client, server, ratePerSecond: job.ratePerSecond, durationSec: job.durationSec });
  output = { metrics: result.metrics, lateAnswers: result.lateAnswers, durationMs: result.durationMs, grade: gradeLineQuality(result.metrics) };
}
client.dispose();
await opened.value.close();
process.stdout.write(JSON.stringify(output) + '\\n');
`;

interface QualityOutput {
  metrics: LineQualityMetrics;
  lateAnswers: number;
  durationMs: number;
  grade: QualityGrade;
}

describe.skipIf(!capability.ok)(`media ports and line quality in the NAT lab${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const suite = labRunnerSuite('media', RUNNER);

  const withLab = <T>(options: LabOptions, use: (lab: Lab) => Promise<T>): Promise<T> =>
    suite.withLab(options, async (lab) => {
      await lab.startCoturn();
      return use(lab);
    });

  const runInLan = <T>(lab: Lab, job: Record<string, unknown>, timeoutMs: number): Promise<T> =>
    suite.runInLan<T>(lab, [JSON.stringify({ server: lab.addr.stunPrimary, port: STUN_PORT, ...job })], timeoutMs);

  const SAMPLE = [55000, 55091, 55182, 55273, 55364, 55455, 55545, 55636, 55727, 55818, 55909, 56000]; // samplePorts(55000–56000)

  it.concurrent('behind masquerade: every sampled RTP port gets out and keeps its number, but media from an unknown address is filtered', { timeout: 60_000 }, async ({ expect }) => {
    await withLab({ scenario: 'masquerade' }, async (lab) => {
      const probe = await runInLan<MediaPortProbe>(lab, { kind: 'media', ports: SAMPLE }, 30_000);
      console.log(`[lab] masquerade media probe: ${probe.summary.outboundVerified}/12 out, ${probe.summary.portPreserved} kept, ${probe.summary.inboundVerified} in from unknown, ${probe.durationMs} ms`);
      expect(probe.other).toEqual({ family: 'IPv4', ip: lab.addr.stunSecondary, port: STUN_PORT + 1 });
      expect(probe.summary).toMatchObject({ probed: 12, outboundVerified: 12, outboundFailed: [], portPreserved: 12, inboundVerified: 0, publicIps: [lab.addr.routerWan] });
      expect(probe.summary.inboundNotVerified).toEqual(SAMPLE);
      expect(probe.ports[0]).toMatchObject({ port: 55000, mapped: { ip: lab.addr.routerWan, port: 55000 }, inboundFromUnknown: 'not-verified' });
    });
  });

  it.concurrent('behind a 1:1 (full-cone) mapping: media from an unknown address reaches every sampled RTP port', { timeout: 60_000 }, async ({ expect }) => {
    await withLab({ scenario: 'full-cone' }, async (lab) => {
      const probe = await runInLan<MediaPortProbe>(lab, { kind: 'media', ports: SAMPLE }, 30_000);
      expect(probe.summary).toMatchObject({ probed: 12, outboundVerified: 12, portPreserved: 12, inboundVerified: 12, inboundNotVerified: [], publicIps: [lab.addr.routerWan] });
      expect(probe.ports[0]?.respondedFrom).toEqual({ family: 'IPv4', ip: lab.addr.stunSecondary, port: STUN_PORT + 1 });
    });
  });

  // The lossy lab drops 5 % of *all* forwarded UDP in the router, each direction, independently
  // (nftables numgen, see scenarios.ts). A STUN round trip crosses the router twice, so 1 − 0.95²
  // ≈ 9.75 % of requests go unanswered. TrunkCheck reports the per-direction figure, because a
  // voice stream suffers the loss of one direction (shared/quality/jitter.ts oneWayLoss):
  // 1 − √(1 − 0.0975) = 5 %. With 1000 round trips the round-trip loss has a standard deviation
  // of √(0.0975·0.9025/1000) ≈ 0.94 %, about 0.5 % one way, so 5 ± 2 % is a safe 4σ band.
  it.concurrent('reports 5 % configured loss as 5 ± 2 % per direction (1000 round trips at 50/s)', { timeout: 90_000 }, async ({ expect }) => {
    await withLab({ scenario: 'lossy', lossPercent: 5 }, async (lab) => {
      const quality = await runInLan<QualityOutput>(lab, { kind: 'quality', ratePerSecond: 50, durationSec: 20 }, 60_000);
      const { loss, rtt, jitterMs } = quality.metrics;
      console.log(
        `[lab] 5 % loss each way: sent ${loss.sent}, answered ${loss.received}, round-trip loss ${loss.roundTripPercent.toFixed(2)} %, ` +
          `one-way ${loss.oneWayPercent.toFixed(2)} %, RTT avg ${rtt?.avgMs.toFixed(2)} ms p95 ${rtt?.p95Ms.toFixed(2)} ms, jitter ${jitterMs?.toFixed(3)} ms, ` +
          `late ${quality.lateAnswers}, ${(quality.durationMs / 1000).toFixed(1)} s; grade ${quality.grade.overall}`,
      );
      expect(loss.sent).toBe(1000);
      expect(loss.oneWayPercent).toBeGreaterThanOrEqual(3);
      expect(loss.oneWayPercent).toBeLessThanOrEqual(7);
      expect(loss.roundTripPercent).toBeGreaterThan(loss.oneWayPercent);
      expect(quality.grade.loss.verdict).toBe('fail');
      expect(quality.grade.findings[0]).toMatchObject({ code: 'quality/loss-fail', limit: 1 });
    });
  });
});
