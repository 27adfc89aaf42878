// `trunkcheck diagnose` and the wizard's checks: run the measurements and build the report.
import { networkInterfaces } from 'node:os';
import { formatAddress, parseHostPort, type TransportAddress } from '../../shared/address';
import { defaultProfile, type PbxProfile } from '../../shared/catalog/profiles';
import { CHECK_IDS, type CheckId } from '../../shared/checks';
import { REPORT_SCHEMA_VERSION, type DiagnoseReport, type NatEvidence, type NatReport, type QualitySection, type RtpSection, type RuleResult } from '../../shared/report';
import { fail, ok, type Result } from '../../shared/result';
import { MAX_TEXT } from '../../shared/report-schema';
import { cleanTexts } from '../../shared/schema';
import { discoverNat } from '../nat/discover';
import { checkSip, type SipResult } from './sip';
import { checkMedia } from './media';
import { measureLineQuality } from '../quality/stream';
import { gradeMeasuredQuality, qualitySection } from '../quality/section';
import { keepaliveSection } from '../monitor/section';
import { defaultGateway } from '../net/gateway';
import { resolveTarget } from '../net/resolve';
import { sourceAddressFor } from '../net/source-address';
import { StunClient } from '../net/stun-client';
import { openUdpEndpoint } from '../net/udp-endpoint';
import { APP_VERSION } from '../version';
import { CheckCancellation } from './cancel';
import type { ProgressSink } from './progress';
import { checkRerun } from './rerun';
import { CANCELLED_EVIDENCE, signallingRules, untestedMediaRules, verdictOf } from './rules';
import { measurePublicAddress } from './public-address';
import { word } from '../../shared/text';

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
  readonly rerun?: { readonly check: CheckId; readonly previous: DiagnoseReport }; // one check again, the others from this report
  readonly progress?: ProgressSink;
  readonly signal?: AbortSignal;     // cancels the whole run
  readonly cancellation?: CheckCancellation; // cancels one check or all (its signal follows `signal` when both are given)
}

// A NAT test that was cancelled: nothing is known, nothing is concluded.
const UNKNOWN_NAT: NatReport = {
  classic: 'unknown',
  mapping: 'unknown',
  filtering: 'unknown',
  supported: null,
  portPreserved: null,
  bindingLifetimeSec: null,
  hairpinning: null,
};

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
  const cancel = options.cancellation ?? new CheckCancellation(options.signal);
  const started = new Date();
  const t0 = performance.now();
  if (options.stun.length === 0) return fail('target/missing');
  let earlier: DiagnoseReport | null = null;
  if (options.rerun) {
    const checked = checkRerun(options.rerun, { profile, sipPort, stun: options.stun, ...(options.localIp ? { localIp: options.localIp } : {}) });
    if (!checked.ok) return checked;
    earlier = checked.value;
  }

  progress('stun/resolve', `Looking up ${options.stun.join(', ')}`, 0.05);
  const family = options.localIp?.includes(':') ? 6 : 4;
  const resolved = await Promise.all(options.stun.map((text) => resolveTarget(text, profile.defaultStunPort, family)));
  const firstResolved = resolved[0];
  if (firstResolved === undefined || !firstResolved.ok) return firstResolved ?? fail('target/missing');
  const primary: TransportAddress = firstResolved.value;
  const second = resolved.slice(1).find((result) => result.ok);
  if (cancel.signal.aborted) return cancelledRun();

  progress('stun/bind', `Opening UDP port ${sipPort}`, 0.1);
  const local = options.localIp ? { localIp: options.localIp } : {};
  const endpoint = await openUdpEndpoint({ port: sipPort, ...local });
  if (!endpoint.ok) return endpoint;
  const client = new StunClient(endpoint.value);
  try {
    progress('stun/request', `Asking ${formatAddress(primary)} for the public address of UDP ${sipPort}`, 0.2);
    const publicCheck = await measurePublicAddress(client, primary, { ...local, signal: cancel.signal });
    if (cancel.signal.aborted) return cancelledRun();
    // A binding lost since the earlier report changes everything: then nothing is carried over.
    const previous = publicCheck.binding === null ? null : earlier;
    const carry = (check: CheckId): boolean => previous !== null && options.rerun?.check !== check;
    const cancelled: CheckId[] = (previous?.cancelled ?? []).filter((check) => carry(check));
    // One check: skipped when cancelled before it began, else measured; a result measured while
    // it was being cancelled is dropped (an aborted probe looks like an unanswered one, which
    // would be misread as filtering or a closed port).
    const measure = async <T>(check: CheckId, run: (signal: AbortSignal) => Promise<T>): Promise<T | 'cancelled'> => {
      const value = cancel.isCancelled(check) ? 'cancelled' : await run(cancel.signalFor(check));
      if (value !== 'cancelled' && !cancel.isCancelled(check)) return value;
      cancelled.push(check);
      return 'cancelled';
    };

    let nat = BLOCKED_NAT;
    let natEvidence: NatEvidence | null = null;
    if (previous !== null && carry('nat')) {
      nat = previous.nat;
      natEvidence = previous.checks.nat;
    } else if (publicCheck.binding !== null) {
      const binding = publicCheck.binding;
      const discovery = await measure('nat', (signal) =>
        discoverNat({
          sipClient: client,
          first: binding,
          ...(second?.ok ? { secondServer: second.value } : {}),
          isLocalAddress,
          openSocket: () => openUdpEndpoint({ port: 0, ...local }),
          supportedNat: [...profile.supportedNat],
          keepaliveSec: profile.keepaliveSec,
          ...(options.lifetime ? { lifetimeDelaysSec: lifetimeDelays(profile.keepaliveSec) } : {}),
          progress,
          signal,
        }),
      );
      if (cancel.signal.aborted) return cancelledRun();
      nat = discovery === 'cancelled' ? UNKNOWN_NAT : discovery.nat;
      natEvidence = discovery === 'cancelled' ? null : discovery.evidence;
    }

    const sentByIp = options.localIp ?? (await sourceAddressFor(primary)) ?? publicCheck.local.ip;
    let sip: SipResult | 'cancelled' | null = null;
    if (previous !== null && carry('sip')) {
      sip = previous.cancelled?.includes('sip') ? 'cancelled' : previous.checks.sip === null ? null : { report: previous.sip, evidence: previous.checks.sip };
    } else if (options.sip) {
      const target = options.sip;
      sip = await measure('sip', (signal) =>
        checkSip({
          target,
          family,
          endpoint: endpoint.value,
          localSentBy: { ip: sentByIp, port: sipPort },
          stunMapped: publicCheck.binding?.mapped ?? null,
          mapping: nat.mapping,
          progress,
          signal,
        }),
      );
      if (cancel.signal.aborted) return cancelledRun();
    }

    const range = options.rtp ?? profile.rtp;
    let media: { section: RtpSection | null; rules: RuleResult[] } | 'cancelled' | null = null;
    if (previous !== null && carry('media')) {
      media = { section: previous.rtp, rules: previous.rules.filter((rule) => rule.id.endsWith('-media')) };
    } else if (publicCheck.binding && options.media !== 'off') {
      const rttMs = natEvidence?.rttMs ?? publicCheck.binding.rttMs;
      media = await measure('media', (signal) =>
        checkMedia({
          range,
          full: options.media === 'full',
          server: primary,
          other: natEvidence?.server?.rfc5780 ? natEvidence.server.otherAddress : null,
          rttMs,
          pbxIp: sentByIp,
          progress,
          ...local,
          signal,
        }),
      );
      if (cancel.signal.aborted) return cancelledRun();
    }

    let quality: QualitySection | null = null;
    if (previous !== null && carry('quality')) {
      quality = previous.quality;
    } else if (publicCheck.binding && options.qualitySec !== undefined && options.qualitySec > 0) {
      const durationSec = options.qualitySec;
      progress('quality', `Measuring line quality for ${durationSec} s`, 0.95);
      const measured = await measure('quality', (signal) => measureLineQuality({ client, server: primary, durationSec, signal }));
      if (cancel.signal.aborted) return cancelledRun();
      quality = measured === 'cancelled' ? null : qualitySection(measured, gradeMeasuredQuality(measured, options.qualityThresholds));
    }
    progress('done', 'Diagnosis complete', 1);

    const noMedia = publicCheck.binding ? 'Media ports not tested (--no-media).' : 'Nothing came back from the STUN server, so the media ports could not be tested.';
    const rules = [
      ...signallingRules(publicCheck.binding, publicCheck.error ? word('en', publicCheck.error) : null, sipPort, sip),
      ...(media === 'cancelled' ? untestedMediaRules(CANCELLED_EVIDENCE.media) : (media?.rules ?? untestedMediaRules(noMedia))),
    ];
    const sipResult = sip === 'cancelled' ? null : sip;
    // Servers' own words (SOFTWARE, reason phrases, certificate names) stay one line and bounded,
    // so the report reads back through the same checks as any report file (shared/report-schema.ts).
    return ok(cleanTexts<DiagnoseReport>({
      schemaVersion: REPORT_SCHEMA_VERSION,
      tool: { name: 'trunkcheck', version: APP_VERSION },
      startedAt: started.toISOString(),
      durationMs: Math.round(performance.now() - t0),
      profile: profile.id,
      local: { ip: sentByIp, sipPort, gateway: await defaultGateway() },
      stunServers: options.stun.map((text) => parseHostPort(text, profile.defaultStunPort) ?? { host: text, port: profile.defaultStunPort }),
      publicAddress: publicCheck.binding ? { ip: publicCheck.binding.mapped.ip, port: publicCheck.binding.mapped.port } : null,
      checks: { publicAddress: publicCheck, nat: natEvidence, sip: sipResult?.evidence ?? null },
      sip: sipResult?.report ?? null,
      rtp: media === 'cancelled' ? null : (media?.section ?? null),
      keepalive: publicCheck.binding ? keepaliveSection(profile.keepaliveSec, nat.bindingLifetimeSec) : null,
      quality,
      nat,
      rules,
      verdict: verdictOf(rules, nat, cancelled),
      ...(cancelled.length > 0 ? { cancelled: CHECK_IDS.filter((check) => cancelled.includes(check)) } : {}),
    }, MAX_TEXT));
  } finally {
    client.dispose();
    await endpoint.value.close();
  }
}

function cancelledRun(): Result<never> {
  return fail('checks/cancelled');
}

// Delays around the profile's keep-alive interval: enough to confirm it or name a shorter one.
export function lifetimeDelays(keepaliveSec: number): number[] {
  return [0.25, 0.5, 1, 1.5].map((factor) => Math.round(keepaliveSec * factor * 10) / 10);
}
