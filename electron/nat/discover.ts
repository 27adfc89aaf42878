// NAT behaviour discovery, fast and without guessing. After test I (the public address of the
// SIP socket), the independent tests run at the same time: mapping (on the SIP socket),
// filtering and hairpinning (on a fresh socket), and optionally the binding lifetime. Tests
// that may rightly get no answer wait a few measured round trips, not the RFC's 39.5 s.
import { formatAddress, type TransportAddress } from '../../shared/address';
import { classifyNat, isSupported } from '../../shared/nat/classify';
import type { BindingEvidence, NatEvidence, NatReport, NatBehaviour } from '../../shared/report';
import type { Result } from '../../shared/result';
import type { ProgressSink } from '../net/progress';
import { StunClient } from '../net/stun-client';
import type { UdpEndpoint } from '../net/udp-endpoint';
import { probeFiltering, type FilteringResult } from './filtering';
import { probeHairpin } from './hairpin';
import { probeLifetime, recommendKeepalive, type LifetimeResult } from './lifetime';
import { probeMappingRfc5780, probeMappingTwoServers, type MappingResult } from './mapping';
import { exactRoundTrip } from './round-trip';
import { checkStunServer } from './server-check';

export interface DiscoverOptions {
  readonly sipClient: StunClient;              // test I already ran on it
  readonly first: BindingEvidence;             // test I
  readonly secondServer?: TransportAddress;    // for mapping without RFC 5780
  readonly isLocalAddress: (ip: string) => boolean;
  readonly openSocket: () => Promise<Result<UdpEndpoint>>; // a fresh socket on the same local address
  readonly supportedNat: NatReport['classic'][];
  readonly lifetimeDelaysSec?: readonly number[];
  readonly keepaliveSec: number;               // the PBX profile's keep-alive interval
  readonly progress?: ProgressSink;            // fractions from 0 to 1 within the NAT test
  readonly signal?: AbortSignal;
}

export interface Discovery {
  readonly nat: NatReport;
  readonly evidence: NatEvidence;
  readonly lifetime: LifetimeResult | null;
}

// When test I needed a retransmission its round trip is ambiguous (Karn): the time since the
// latest send may be too short. It is measured again, exactly (round-trip.ts, waiting up to a
// second, so a slow line answers too); only when that goes unanswered as well do tests that wait
// for silence assume a slow line, and tests that expect an answer use the short value, which only
// makes them retransmit sooner.
const FALLBACK_RTT_MS = 250;
const EXACT_RTT_WAIT_MS = 1000;

export async function discoverNat(options: DiscoverOptions): Promise<Discovery> {
  const started = performance.now();
  const { first, sipClient, signal } = options;
  const progress = options.progress ?? (() => undefined);
  const server = checkStunServer(first);
  const primary = first.respondedFrom;
  // An ambiguous test I is measured once more, exactly, before any test waits for silence.
  const exact = first.retransmissions === 0 ? first.rttMs : await exactRoundTrip(sipClient, primary, EXACT_RTT_WAIT_MS, signal);
  const answerRttMs = exact ?? first.rttMs;
  const rttMs = exact ?? Math.max(first.rttMs, FALLBACK_RTT_MS);
  const other = server.rfc5780 ? server.otherAddress : null;
  const behindNat = !(options.isLocalAddress(first.mapped.ip) && first.mapped.port === sipClient.endpoint.local.port);
  const sig = signal ? { signal } : {};

  const fresh = await options.openSocket();
  const freshClient = fresh.ok ? new StunClient(fresh.value) : null;
  progress({ code: 'nat/probes' }, 0);
  try {
    const mappingTask: Promise<MappingResult> = !behindNat
      ? Promise.resolve({ behaviour: 'none', method: 'none', reason: { code: 'mapping/no-nat' }, probes: [], alternateAnswered: null })
      : other !== null
        ? probeMappingRfc5780(sipClient, first, other, answerRttMs, signal)
        : options.secondServer
          ? probeMappingTwoServers(sipClient, first, options.secondServer, answerRttMs, signal)
          : Promise.resolve(noMapping());
    const filteringTask: Promise<FilteringResult> =
      other === null
        ? Promise.resolve({ behaviour: 'unknown', reason: { code: 'filtering/not-tested' }, probes: [] })
        : freshClient === null
          ? Promise.resolve({ behaviour: 'unknown', reason: { code: 'filtering/no-socket' }, probes: [] })
          : probeFiltering(freshClient, primary, other, rttMs, signal);
    const hairpinTask: Promise<boolean | null> =
      behindNat && fresh.ok ? probeHairpin(sipClient.endpoint, fresh.value, first.mapped, rttMs) : Promise.resolve(null);
    const lifetimeTask: Promise<LifetimeResult | null> =
      options.lifetimeDelaysSec && options.lifetimeDelaysSec.length > 0 && freshClient !== null
        ? probeLifetime({ server: primary, delaysSec: options.lifetimeDelaysSec, rttMs, openSocket: options.openSocket, asker: freshClient, ...sig })
        : Promise.resolve(null);

    let [mapping, filtering] = await Promise.all([mappingTask, filteringTask]);
    progress({ code: 'nat/classify' }, 0.5);
    // An alternate address that does not answer direct requests makes every "no answer" in
    // the filtering tests meaningless.
    if (mapping.alternateAnswered === false && mapping.reason.code === 'mapping/alternate-silent') {
      filtering = { ...filtering, behaviour: 'unknown', reason: { code: 'filtering/not-trusted', alternate: mapping.reason.alternate } };
      if (options.secondServer) mapping = await probeMappingTwoServers(sipClient, first, options.secondServer, answerRttMs, signal);
    }
    // The lifetime test waits on purpose (up to 1.5 × the keep-alive interval): keep the bar moving.
    const longest = Math.max(0, ...(options.lifetimeDelaysSec ?? []));
    const ticker =
      longest > 0
        ? setInterval(() => {
            const elapsed = (performance.now() - started) / 1000;
            progress({ code: 'nat/lifetime', elapsed: Math.min(Math.round(elapsed), Math.ceil(longest)), total: Math.ceil(longest) }, 0.5 + 0.5 * Math.min(1, elapsed / longest));
          }, 1000)
        : undefined;
    const [hairpinning, lifetime] = await Promise.all([hairpinTask, lifetimeTask]).finally(() => clearInterval(ticker));

    const classified = classifyNat({ answered: true, behindNat, mapping: mapping.behaviour, filtering: filtering.behaviour });
    const algSuspected = first.plainMapped !== null && formatAddress(first.plainMapped) !== formatAddress(first.mapped);
    const nat: NatReport = {
      classic: classified.classic,
      mapping: classified.mapping,
      filtering: classified.filtering,
      supported: isSupported(classified.classic, options.supportedNat),
      portPreserved: first.mapped.port === sipClient.endpoint.local.port,
      bindingLifetimeSec: lifetime?.lowerBoundSec ?? null,
      hairpinning,
      // The second NAT is judged from the router's answers and the TTL hops, not from STUN.
      doubleNat: 'unknown',
      carrierGrade: 'unknown',
    };
    const evidence: NatEvidence = {
      server,
      mappingMethod: mapping.method,
      mappingReason: mapping.reason,
      filteringReason: filtering.reason,
      probes: [...mapping.probes, ...filtering.probes].map((p) => p.evidence),
      rttMs: Math.round(rttMs * 100) / 100,
      alg: {
        suspected: algSuspected,
        evidence: algSuspected && first.plainMapped ? { code: 'alg/mapped-differs', plain: formatAddress(first.plainMapped), mapped: formatAddress(first.mapped) } : null,
      },
      lifetime: lifetime ? describeLifetime(lifetime, options.keepaliveSec) : null,
      durationMs: Math.round(performance.now() - started),
    };
    return { nat, evidence, lifetime };
  } finally {
    freshClient?.dispose();
    if (fresh.ok) await fresh.value.close();
  }
}

// No RFC 5780 and no second server: the server's problems (evidence.server) say why.
function noMapping(): MappingResult {
  const behaviour: NatBehaviour = 'unknown';
  return { behaviour, method: 'none', reason: { code: 'mapping/not-tested' }, probes: [], alternateAnswered: null };
}

function describeLifetime(lifetime: LifetimeResult, keepaliveSec: number): NonNullable<NatEvidence['lifetime']> {
  const advice = recommendKeepalive(lifetime, keepaliveSec);
  return {
    aliveAfterSec: lifetime.aliveAfterSec,
    deadAfterSec: lifetime.deadAfterSec,
    reason: lifetime.reason,
    keepaliveSec,
    keepaliveEnough: advice.enough,
    recommendedKeepaliveSec: advice.intervalSec,
  };
}
