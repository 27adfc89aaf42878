// The checks of a diagnosis as a table, run in the order of CHECK_IDS: for each, its share of the
// progress bar, when it applies, how it runs on the diagnosis's context, and what it keeps from an
// earlier report when another check is run again (electron/diagnose/diagnose.ts runs the table).
import { networkInterfaces } from 'node:os';
import type { CheckId } from '../../shared/checks';
import type { BindingEvidence, DiagnoseReport, NatEvidence, NatReport, QualitySection, RtpSection, RuleResult } from '../../shared/report';
import type { RegisterReport } from '../../shared/register';
import { discoverNat } from '../nat/discover';
import { openUdpEndpoint } from '../net/udp-endpoint';
import { gradeMeasuredQuality, qualitySection } from '../quality/section';
import { measureLineQuality } from '../quality/stream';
import type { CheckContext, DiagnoseContext } from './context';
import { checkMedia } from './media';
import { askPath, type PathFindings } from './path';
import { registerStep } from './register';
import { checkSip, type SipResult } from './sip';

// What each check gives when it ran.
export interface CheckResults {
  // The path questions (router, hops, fragments) run beside the NAT tests and belong to them.
  readonly nat: { readonly nat: NatReport; readonly evidence: NatEvidence | null; readonly path: PathFindings | null };
  readonly sip: SipResult;
  readonly register: RegisterReport;
  readonly media: { readonly section: RtpSection | null; readonly rules: RuleResult[] };
  readonly quality: QualitySection;
}

// null: the check did not run (not asked for, or nothing to run it on).
export type Outcome<K extends CheckId> = CheckResults[K] | 'cancelled' | null;
export type Outcomes = { [K in CheckId]: Outcome<K> };

export interface CheckStep<K extends CheckId> {
  readonly progressRange: readonly [from: number, to: number]; // its share of the run's progress bar
  // Whether it runs: the request asks for it and what it needs was measured (run() relies on it).
  readonly applies: (context: DiagnoseContext) => boolean;
  readonly run: (context: CheckContext, earlier: Outcomes) => Promise<CheckResults[K]>;
  // What it keeps from the earlier report when another check is run again.
  readonly carry: (previous: DiagnoseReport) => Outcome<K>;
}

function isLocalAddress(ip: string): boolean {
  return Object.values(networkInterfaces()).some((entries) => (entries ?? []).some((entry) => entry.address === ip));
}

// Delays around the profile's keep-alive interval: enough to confirm it or name a shorter one.
export function lifetimeDelays(keepaliveSec: number): number[] {
  return [0.25, 0.5, 1, 1.5].map((factor) => Math.round(keepaliveSec * factor * 10) / 10);
}

const local = (context: DiagnoseContext) => (context.localIp ? { localIp: context.localIp } : {});

// The NAT test's result when it ran; what the other checks may read of it.
const natOf = (earlier: Outcomes) => (earlier.nat === null || earlier.nat === 'cancelled' ? null : earlier.nat);

export const CHECKS: { readonly [K in CheckId]: CheckStep<K> } = {
  // Mapping, filtering, hairpinning and the binding lifetime, from the binding test I opened.
  nat: {
    progressRange: [0.25, 0.6],
    applies: (context) => context.publicAddress.binding !== null,
    run: async (context) => {
      const first = context.publicAddress.binding as BindingEvidence;
      const discovered = discoverNat({
        sipClient: context.client,
        first,
        ...(context.secondServer ? { secondServer: context.secondServer } : {}),
        isLocalAddress,
        openSocket: () => openUdpEndpoint({ port: 0, ...local(context) }),
        supportedNat: [...context.profile.supportedNat],
        keepaliveSec: context.profile.keepaliveSec,
        ...(context.request.lifetime ? { lifetimeDelaysSec: lifetimeDelays(context.profile.keepaliveSec) } : {}),
        progress: context.progress,
        signal: context.signal,
      });
      const path = await askPath({ client: context.client, server: context.server, first, localIp: context.sentByIp, gatewayIp: context.gatewayIp, natDone: discovered, signal: context.signal });
      const discovery = await discovered;
      return { nat: { ...discovery.nat, doubleNat: path.doubleNat, carrierGrade: path.carrierGrade }, evidence: discovery.evidence, path };
    },
    carry: (previous) => ({
      nat: previous.nat,
      evidence: previous.checks.nat,
      path: previous.checks.path === null ? null : { gateway: previous.gateway, fragments: previous.fragments, doubleNat: previous.nat.doubleNat, carrierGrade: previous.nat.carrierGrade, evidence: previous.checks.path },
    }),
  },
  // SIP OPTIONS from the SIP port to the provider, with the NAT's mapping to read Via by.
  sip: {
    progressRange: [0.6, 0.65],
    applies: (context) => Boolean(context.request.sip),
    run: (context, earlier) =>
      checkSip({
        ...context,
        target: context.request.sip as string,
        localSentBy: { ip: context.sentByIp, port: context.sipPort },
        stunMapped: context.publicAddress.binding?.mapped ?? null,
        stunPlainMapped: context.publicAddress.binding?.plainMapped ?? null,
        mapping: natOf(earlier)?.nat.mapping ?? 'unknown',
      }),
    carry: (previous) => (previous.cancelled?.includes('sip') ? 'cancelled' : previous.checks.sip === null ? null : { report: previous.sip, evidence: previous.checks.sip }),
  },
  // REGISTER with the provider's credentials on the same socket and server the SIP check resolved,
  // then the wait for the provider's own request and the un-REGISTER (electron/diagnose/register.ts).
  register: {
    progressRange: [0.65, 0.75],
    applies: (context) => context.request.register !== undefined && Boolean(context.request.sip),
    run: (context, earlier) => registerStep(context, earlier.sip === 'cancelled' ? null : earlier.sip),
    carry: (previous) => (previous.cancelled?.includes('register') ? 'cancelled' : (previous.sip?.register ?? null)),
  },
  // The RTP ports: a spread of the range, or all of it.
  media: {
    progressRange: [0.75, 0.9],
    applies: (context) => context.publicAddress.binding !== null && context.request.media !== 'off',
    run: (context, earlier) => {
      const evidence = natOf(earlier)?.evidence ?? null;
      return checkMedia({
        ...context,
        range: context.request.rtp ?? context.profile.rtp,
        full: context.request.media === 'full',
        other: evidence?.server?.rfc5780 ? evidence.server.otherAddress : null,
        rttMs: evidence?.rttMs ?? (context.publicAddress.binding?.rttMs as number),
        inboundMedia: context.profile.media.inbound,
        behindCgn: natOf(earlier)?.nat.carrierGrade === 'yes',
      });
    },
    carry: (previous) => ({ section: previous.rtp, rules: previous.rules.filter((rule) => rule.id.endsWith('-media')) }),
  },
  // Loss, jitter and round trip from a paced STUN stream on the SIP port.
  quality: {
    progressRange: [0.9, 1],
    applies: (context) => context.publicAddress.binding !== null && context.request.qualitySec !== undefined && context.request.qualitySec > 0,
    run: async (context) => {
      const durationSec = context.request.qualitySec as number;
      context.progress({ code: 'quality/measure', seconds: durationSec }, 0);
      const measured = await measureLineQuality({ client: context.client, server: context.server, durationSec, signal: context.signal });
      return qualitySection(measured, gradeMeasuredQuality(measured, context.qualityThresholds), context.profile.codecs.offered);
    },
    carry: (previous) => previous.quality,
  },
};
