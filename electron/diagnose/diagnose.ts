// `trunkcheck diagnose` and the wizard's checks: run the measurements and build the report.
import { networkInterfaces } from 'node:os';
import { formatAddress, parseHostPort, type TransportAddress } from '../../shared/address';
import { defaultProfile, type PbxProfile } from '../../shared/catalog/profiles';
import { REPORT_SCHEMA_VERSION, type BindingEvidence, type DiagnoseReport, type NatEvidence, type NatReport, type RuleResult, type Verdict } from '../../shared/report';
import { fail, ok, type Result } from '../../shared/result';
import { discoverNat } from '../nat/discover';
import { checkSip, type SipResult } from './sip';
import { checkMedia } from './media';
import { gradeLineQuality } from '../../shared/quality/grade';
import { measureLineQuality } from '../quality/stream';
import { qualitySection } from '../quality/section';
import { keepaliveSection } from '../monitor/section';
import { defaultGateway } from '../net/gateway';
import { resolveTarget } from '../net/resolve';
import { sourceAddressFor } from '../net/source-address';
import { StunClient } from '../net/stun-client';
import { openUdpEndpoint } from '../net/udp-endpoint';
import { APP_VERSION } from '../version';
import type { ProgressSink } from './progress';
import { measurePublicAddress } from './public-address';

export interface DiagnoseOptions {
  readonly profile?: PbxProfile;
  readonly stun: readonly string[];
  readonly localIp?: string;
  readonly sipPort?: number;
  readonly sip?: string;             // the provider's SIP server, "host[:port]": OPTIONS from the SIP port
  readonly media?: 'sample' | 'full' | 'off'; // RTP ports: a spread of the range (default), all of it, or none
  readonly rtp?: { readonly from: number; readonly to: number }; // overrides the profile's RTP range
  readonly qualitySec?: number;      // line quality: a paced STUN stream for this many seconds (off when absent)
  readonly qualityThresholds?: Partial<{ maxLossPercent: number; maxJitterMs: number; maxRttMs: number }>;
  readonly lifetime?: boolean;       // also measure the binding lifetime (takes 1.5 × the keep-alive interval)
  readonly progress?: ProgressSink;
  readonly signal?: AbortSignal;
}

const BLOCKED_NAT: NatReport = {
  classic: 'blocked',
  mapping: 'unknown',
  filtering: 'unknown',
  supported: false,
  portPreserved: null,
  bindingLifetimeSec: null,
  hairpinning: null,
};

function isLocalAddress(ip: string): boolean {
  return Object.values(networkInterfaces()).some((entries) => (entries ?? []).some((entry) => entry.address === ip));
}

export async function diagnose(options: DiagnoseOptions): Promise<Result<DiagnoseReport>> {
  const profile = options.profile ?? defaultProfile();
  const sipPort = options.sipPort ?? profile.sipPort;
  const progress = options.progress ?? (() => undefined);
  const started = new Date();
  const t0 = performance.now();
  if (options.stun.length === 0) return fail('target/missing', 'Name at least one STUN server.');

  progress('stun/resolve', `Looking up ${options.stun.join(', ')}`, 0.05);
  const family = options.localIp?.includes(':') ? 6 : 4;
  const resolved = await Promise.all(options.stun.map((text) => resolveTarget(text, profile.defaultStunPort, family)));
  const firstResolved = resolved[0];
  if (firstResolved === undefined || !firstResolved.ok) return firstResolved ?? fail('target/missing', 'Name at least one STUN server.');
  const primary: TransportAddress = firstResolved.value;
  const second = resolved.slice(1).find((result) => result.ok);

  progress('stun/bind', `Opening UDP port ${sipPort}`, 0.1);
  const local = options.localIp ? { localIp: options.localIp } : {};
  const endpoint = await openUdpEndpoint({ port: sipPort, ...local });
  if (!endpoint.ok) return endpoint;
  const client = new StunClient(endpoint.value);
  try {
    progress('stun/request', `Asking ${formatAddress(primary)} for the public address of UDP ${sipPort}`, 0.2);
    const publicCheck = await measurePublicAddress(client, primary, { ...local, ...(options.signal ? { signal: options.signal } : {}) });
    let nat = BLOCKED_NAT;
    let natEvidence: NatEvidence | null = null;
    if (publicCheck.binding !== null) {
      const discovery = await discoverNat({
        sipClient: client,
        first: publicCheck.binding,
        ...(second?.ok ? { secondServer: second.value } : {}),
        isLocalAddress,
        openSocket: () => openUdpEndpoint({ port: 0, ...local }),
        supportedNat: [...profile.supportedNat],
        keepaliveSec: profile.keepaliveSec,
        ...(options.lifetime ? { lifetimeDelaysSec: lifetimeDelays(profile.keepaliveSec) } : {}),
        progress,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      nat = discovery.nat;
      natEvidence = discovery.evidence;
    }
    const sentByIp = options.localIp ?? (await sourceAddressFor(primary)) ?? publicCheck.local.ip;
    const sip = options.sip
      ? await checkSip({
          target: options.sip,
          family,
          endpoint: endpoint.value,
          localSentBy: { ip: sentByIp, port: sipPort },
          stunMapped: publicCheck.binding?.mapped ?? null,
          mapping: nat.mapping,
          progress,
          ...(options.signal ? { signal: options.signal } : {}),
        })
      : null;
    const range = options.rtp ?? profile.rtp;
    const media =
      publicCheck.binding && options.media !== 'off'
        ? await checkMedia({
            range,
            full: options.media === 'full',
            server: primary,
            other: natEvidence?.server?.rfc5780 ? natEvidence.server.otherAddress : null,
            rttMs: natEvidence?.rttMs ?? publicCheck.binding.rttMs,
            pbxIp: sentByIp,
            progress,
            ...local,
            ...(options.signal ? { signal: options.signal } : {}),
          })
        : null;
    let quality = null;
    if (publicCheck.binding && options.qualitySec !== undefined && options.qualitySec > 0) {
      progress('quality', `Measuring line quality for ${options.qualitySec} s`, 0.95);
      const measured = await measureLineQuality({ client, server: primary, durationSec: options.qualitySec, ...(options.signal ? { signal: options.signal } : {}) });
      quality = qualitySection(measured, gradeLineQuality(measured.metrics, options.qualityThresholds));
    }
    progress('done', 'Diagnosis complete', 1);

    const rules = [
      ...signallingRules(publicCheck.binding, publicCheck.error?.message ?? null, sipPort, sip),
      ...(media?.rules ?? [
        { id: 'outbound-media', status: 'untested', evidence: publicCheck.binding ? 'Media ports not tested (--no-media).' : 'Nothing came back from the STUN server, so the media ports could not be tested.' },
        { id: 'inbound-media', status: 'untested', evidence: publicCheck.binding ? 'Media ports not tested (--no-media).' : 'Nothing came back from the STUN server, so the media ports could not be tested.' },
      ] satisfies RuleResult[]),
    ];
    // Blocked: the trunk cannot work (unsupported NAT, signalling fails). A failed media rule
    // alone leaves the verdict incomplete: the checklist names the rule to add.
    const signallingFailed = rules.some((rule) => rule.status === 'failed' && rule.id.endsWith('signalling'));
    const verdict: Verdict =
      signallingFailed || nat.supported === false ? 'blocked' : rules.every((rule) => rule.status === 'verified') ? 'ready' : 'incomplete';
    return ok({
      schemaVersion: REPORT_SCHEMA_VERSION,
      tool: { name: 'trunkcheck', version: APP_VERSION },
      startedAt: started.toISOString(),
      durationMs: Math.round(performance.now() - t0),
      profile: profile.id,
      local: { ip: sentByIp, sipPort, gateway: await defaultGateway() },
      stunServers: options.stun.map((text) => parseHostPort(text, profile.defaultStunPort) ?? { host: text, port: profile.defaultStunPort }),
      publicAddress: publicCheck.binding ? { ip: publicCheck.binding.mapped.ip, port: publicCheck.binding.mapped.port } : null,
      checks: { publicAddress: publicCheck, nat: natEvidence, sip: sip?.evidence ?? null },
      sip: sip?.report ?? null,
      rtp: media?.section ?? null,
      keepalive: publicCheck.binding ? keepaliveSection(profile.keepaliveSec, nat.bindingLifetimeSec) : null,
      quality,
      nat,
      rules,
      verdict,
    });
  } finally {
    client.dispose();
    await endpoint.value.close();
  }
}

// Delays around the profile's keep-alive interval: enough to confirm it or name a shorter one.
export function lifetimeDelays(keepaliveSec: number): number[] {
  return [0.25, 0.5, 1, 1.5].map((factor) => Math.round(keepaliveSec * factor * 10) / 10);
}

// What the STUN and SIP exchanges prove about the signalling rules of the source document.
// The STUN half alone leaves a rule untested; a SIP answer on the same port completes it.
function signallingRules(binding: BindingEvidence | null, error: string | null, sipPort: number, sip: SipResult | null): RuleResult[] {
  if (binding === null) {
    return [
      { id: 'outbound-signalling', status: 'failed', evidence: error ?? 'No STUN answer.' },
      { id: 'inbound-signalling', status: 'untested', evidence: 'Nothing came back, so the inbound direction could not be tested.' },
    ];
  }
  const stunOut = `Binding request from UDP ${sipPort} to ${formatAddress(binding.server)} answered at ${binding.at}`;
  const stunIn = `the STUN answer from ${formatAddress(binding.respondedFrom)} reached UDP ${sipPort}`;
  if (sip === null) {
    return [
      { id: 'outbound-signalling', status: 'untested', evidence: `STUN part passed (${stunOut}). SIP not tested: name the provider's SIP server.` },
      { id: 'inbound-signalling', status: 'untested', evidence: `STUN part passed (${stunIn}). SIP not tested: name the provider's SIP server.` },
    ];
  }
  if (!sip.report?.reachable) {
    return [
      { id: 'outbound-signalling', status: 'failed', evidence: `STUN part passed (${stunOut}), but ${sip.evidence.evidence}` },
      { id: 'inbound-signalling', status: 'untested', evidence: `STUN part passed (${stunIn}); no SIP answer came back to test the SIP part.` },
    ];
  }
  return [
    { id: 'outbound-signalling', status: 'verified', evidence: `${stunOut}; ${sip.evidence.evidence}` },
    { id: 'inbound-signalling', status: 'verified', evidence: `${stunIn[0]?.toUpperCase()}${stunIn.slice(1)}; the SIP answer ${sip.report.status} ${sip.report.reason ?? ''} from ${sip.report.target} reached it too.` },
  ];
}
