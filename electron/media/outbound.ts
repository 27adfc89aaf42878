// The media half of the seed document's firewall rules, tested port by port from the RTP range:
//   rule 3 (outbound media): a Binding request from the RTP port is answered by the STUN server;
//   rule 4 (inbound media, "from any address, any port"): the server is asked with an RFC 5780
//   CHANGE-REQUEST (change IP and port, §7.2) to answer from its alternate address, which this
//   port has never sent to. If that answer arrives, packets from an unknown address and port
//   get in, and the rule is in effect; if not, the router filters them (RFC 4787 §5).
// Each port gets its own socket, the way the PBX sends RTP from the port it receives on, so
// the mapped address also tells whether the router keeps the port (port preservation).
import { formatAddress, sameAddress, type TransportAddress } from '../../shared/address';
import type { Result } from '../../shared/result';
import type { RtpSection } from '../../shared/report';
import type { RuleMessage } from '../../shared/text/messages/rules';
import { sendBinding, type BindingResult } from '../net/binding';
import { systemClock, type Clock } from '../net/clock';
import { answeredSchedule, noAnswerSchedule, type Schedule } from '../net/retransmit';
import { StunClient } from '../net/stun-client';
import { openUdpEndpoint, type UdpEndpoint } from '../net/udp-endpoint';
import { RequestPacer } from './pacer';
import type { PortRange } from '../../shared/port-range';

export const DEFAULT_SAMPLE_COUNT = 12;
export const DEFAULT_PACING_PER_SECOND = 50;
export const DEFAULT_INBOUND_COPIES = 6;      // see noAnswerSchedule: robust verdicts on a lossy line
const OUTBOUND_DEADLINE_MS = 2000;

export type OutboundStatus = 'verified' | 'failed' | 'untested';
export type InboundStatus = 'verified' | 'not-verified' | 'untested';

export interface MediaPortResult {
  readonly port: number;
  readonly status: 'probed' | 'taken' | 'error' | 'cancelled'; // taken: another program holds the port here
  readonly outbound: OutboundStatus;
  readonly mapped: TransportAddress | null;
  readonly portPreserved: boolean | null;
  readonly inboundFromUnknown: InboundStatus;
  readonly respondedFrom: TransportAddress | null;   // source of the CHANGE-REQUEST answer
  readonly rttMs: number | null;
  readonly requestsSent: number;
  readonly evidence: readonly RuleMessage[];   // what this port showed, outbound then inbound
}

// Declared with the report section in shared/report.ts.
export type MediaPortSummary = NonNullable<RtpSection['probe']>['summary'];

export interface MediaPortProbe {
  readonly server: TransportAddress;
  readonly other: TransportAddress | null;
  readonly ports: readonly MediaPortResult[];
  readonly summary: MediaPortSummary;
  readonly inboundUntestedReason: RuleMessage | null;
  readonly requestsSent: number;
  readonly pacingPerSecond: number;
  readonly aborted: boolean;
  readonly durationMs: number;
}

export interface MediaPortProbeOptions {
  readonly ports: readonly number[];
  readonly server: TransportAddress;
  readonly other: TransportAddress | null;          // RFC 5780 OTHER-ADDRESS of the server
  readonly localIp?: string;
  readonly rttMs: number;                           // the server's round trip, from the public-address check
  readonly pacingPerSecond?: number;                // STUN requests per second, every copy counted
  readonly inboundCopies?: number;
  readonly clock?: Clock;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: { readonly done: number; readonly total: number; readonly port: number }) => void;
  readonly openSocket?: (port: number) => Promise<Result<UdpEndpoint>>; // tests: in-memory sockets
}

// First, last and evenly spaced ports between: the edges are where a too-narrow firewall range
// shows, the middle where a range with a gap does.
export function samplePorts(range: PortRange, count = DEFAULT_SAMPLE_COUNT): number[] {
  const size = range.to - range.from + 1;
  if (size <= 0) return [];
  if (count >= size) return Array.from({ length: size }, (_, i) => range.from + i);
  if (count <= 1) return [range.from];
  const ports = new Set<number>();
  for (let i = 0; i < count; i++) ports.add(range.from + Math.round((i * (size - 1)) / (count - 1)));
  return [...ports];
}

export function untestedInboundReason(server: TransportAddress, other: TransportAddress | null): RuleMessage | null {
  return other === null ? { code: 'media/no-alternate-address', server: formatAddress(server) } : null;
}

function skipped(port: number, status: 'taken' | 'error' | 'cancelled', evidence: RuleMessage): MediaPortResult {
  return { port, status, outbound: 'untested', mapped: null, portPreserved: null, inboundFromUnknown: 'untested', respondedFrom: null, rttMs: null, requestsSent: 0, evidence: [evidence] };
}

function judgeInbound(result: BindingResult, port: number, server: TransportAddress, other: TransportAddress): { status: InboundStatus; evidence: RuleMessage } {
  const outcome = result.outcome;
  if (outcome.kind === 'timeout') {
    return { status: 'not-verified', evidence: { code: 'port/inbound-blocked', port, from: formatAddress(other), requests: outcome.requestsSent } };
  }
  if (outcome.message.cls === 'error') return { status: 'untested', evidence: { code: 'port/inbound-refused', port } };
  if (sameAddress(outcome.from, server)) return { status: 'untested', evidence: { code: 'port/inbound-ignored', server: formatAddress(server) } };
  if (!sameAddress(outcome.from, other)) {
    return { status: 'untested', evidence: { code: 'port/inbound-wrong-source', from: formatAddress(outcome.from), expected: formatAddress(other) } };
  }
  return { status: 'verified', evidence: { code: 'port/inbound-open', port, from: formatAddress(other) } };
}

async function probePort(
  endpoint: UdpEndpoint,
  port: number,
  options: MediaPortProbeOptions,
  clock: Clock,
  plainSchedule: Schedule,
  inboundSchedule: Schedule,
): Promise<MediaPortResult> {
  const client = new StunClient(endpoint, clock);
  const signal = options.signal ? { signal: options.signal } : {};
  try {
    const plain = await sendBinding(client, options.server, { schedule: plainSchedule, ...signal });
    if (options.signal?.aborted) return { ...skipped(port, 'cancelled', { code: 'port/cancelled', port }), requestsSent: plain.outcome.requestsSent };
    if (!plain.ok) {
      // An answer without a usable mapped address still proves the way out and back.
      const answered = plain.outcome.kind === 'response';
      return {
        port,
        status: 'probed',
        outbound: answered ? 'verified' : 'failed',
        mapped: null,
        portPreserved: null,
        inboundFromUnknown: 'untested',
        respondedFrom: null,
        rttMs: null,
        requestsSent: plain.outcome.requestsSent,
        evidence: [{ code: answered ? 'port/answer-unusable' : 'port/no-answer', port, server: formatAddress(options.server) }],
      };
    }
    const { mapped, rttMs } = plain.evidence;
    const portPreserved = mapped.port === port;
    const outboundEvidence: RuleMessage = { code: 'port/answered', port, server: formatAddress(options.server), mapped: formatAddress(mapped) };
    let inbound: { status: InboundStatus; evidence: RuleMessage | null; respondedFrom: TransportAddress | null; requestsSent: number } = {
      status: 'untested',
      evidence: untestedInboundReason(options.server, options.other),
      respondedFrom: null,
      requestsSent: 0,
    };
    if (options.other !== null) {
      // Only ever sent to the primary address: a request to the alternate address would open
      // a restricted filter for it and fake an "inbound verified".
      const changed = await sendBinding(client, options.server, { request: { changeIp: true, changePort: true }, schedule: inboundSchedule, acceptFrom: 'any', ...signal });
      const judged = options.signal?.aborted
        ? { status: 'untested' as const, evidence: { code: 'port/inbound-cancelled' } as const }
        : judgeInbound(changed, port, options.server, options.other);
      inbound = { ...judged, respondedFrom: changed.outcome.kind === 'response' ? changed.outcome.from : null, requestsSent: changed.outcome.requestsSent };
    }
    return {
      port,
      status: 'probed',
      outbound: 'verified',
      mapped,
      portPreserved,
      inboundFromUnknown: inbound.status,
      respondedFrom: inbound.respondedFrom,
      rttMs,
      requestsSent: plain.outcome.requestsSent + inbound.requestsSent,
      evidence: inbound.evidence === null ? [outboundEvidence] : [outboundEvidence, inbound.evidence],
    };
  } finally {
    client.dispose();
    await endpoint.close();
  }
}

function summarize(requested: number, results: readonly MediaPortResult[]): MediaPortSummary {
  const probed = results.filter((r) => r.status === 'probed');
  const answered = probed.filter((r) => r.outbound === 'verified');
  return {
    requested,
    probed: probed.length,
    taken: results.filter((r) => r.status === 'taken').map((r) => r.port),
    errors: results.filter((r) => r.status === 'error').length,
    outboundVerified: answered.length,
    outboundFailed: probed.filter((r) => r.outbound === 'failed').map((r) => r.port),
    portPreserved: answered.filter((r) => r.portPreserved === true).length,
    portChanged: answered.filter((r) => r.portPreserved === false).map((r) => r.port),
    inboundVerified: answered.filter((r) => r.inboundFromUnknown === 'verified').length,
    inboundNotVerified: answered.filter((r) => r.inboundFromUnknown === 'not-verified').map((r) => r.port),
    inboundUntested: results.filter((r) => r.inboundFromUnknown === 'untested').length,
    publicIps: [...new Set(answered.flatMap((r) => (r.mapped ? [r.mapped.ip] : [])))],
  };
}

export async function probeMediaPorts(options: MediaPortProbeOptions): Promise<MediaPortProbe> {
  const clock = options.clock ?? systemClock;
  const started = clock.now();
  const pacingPerSecond = options.pacingPerSecond ?? DEFAULT_PACING_PER_SECOND;
  const plainSchedule = answeredSchedule(options.rttMs, OUTBOUND_DEADLINE_MS);
  const inboundSchedule = noAnswerSchedule(options.rttMs, options.inboundCopies ?? DEFAULT_INBOUND_COPIES);
  const budget = plainSchedule.sends.length + (options.other !== null ? inboundSchedule.sends.length : 0);
  const pacer = new RequestPacer(pacingPerSecond, budget, clock);
  const open = options.openSocket ?? ((port: number) => openUdpEndpoint({ port, ...(options.localIp ? { localIp: options.localIp } : {}) }));
  const results: MediaPortResult[] = [];
  const running: Promise<void>[] = [];
  let done = 0;

  for (const port of options.ports) {
    if (!(await pacer.take(budget, options.signal))) break;
    const opened = await open(port);
    if (!opened.ok) {
      pacer.refund(budget);
      const status = opened.error.code === 'net/port-in-use' ? 'taken' : 'error';
      results.push(skipped(port, status, { code: status === 'taken' ? 'port/held' : 'port/not-opened', port }));
      options.onProgress?.({ done: ++done, total: options.ports.length, port });
      continue;
    }
    running.push(
      probePort(opened.value, port, options, clock, plainSchedule, inboundSchedule).then((result) => {
        pacer.refund(budget - result.requestsSent);
        results.push(result);
        options.onProgress?.({ done: ++done, total: options.ports.length, port });
      }),
    );
  }
  await Promise.all(running);
  results.sort((a, b) => a.port - b.port);
  return {
    server: options.server,
    other: options.other,
    ports: results,
    summary: summarize(options.ports.length, results),
    inboundUntestedReason: untestedInboundReason(options.server, options.other),
    requestsSent: results.reduce((total, r) => total + r.requestsSent, 0),
    pacingPerSecond,
    aborted: options.signal?.aborted === true,
    durationMs: Math.round(clock.now() - started),
  };
}
