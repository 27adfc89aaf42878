// `trunkcheck monitor`: the PBX's STUN keep-alive, watched. A Binding request goes from the SIP
// port to the STUN server every interval (the seed document: at least every 10 s while the
// port is otherwise idle), which keeps the NAT binding alive and shows when the public address
// changes (a DSL line reconnected every 24 h gets a new IP; a binding that expired comes back
// with a new port). Every answer, miss and change is reported as a timestamped event.
import { formatAddress, sameAddress, type TransportAddress } from '../../shared/address';
import { defaultProfile } from '../../shared/catalog/profiles';
import { ok, type Result } from '../../shared/result';
import { stunFailureOf, type StunFailure } from '../../shared/text/messages/rules';
import { sendBinding } from '../net/binding';
import { systemClock, type Clock } from '../net/clock';
import { StunClient } from '../net/stun-client';
import { openUdpEndpoint, type UdpEndpoint } from '../net/udp-endpoint';

export { recommendInterval, type IntervalAdvice } from './interval';

export const DEFAULT_MISSES_BEFORE_LOST = 3;


export type { MonitorEvent, MonitorEventKind, MonitorSummary } from '../../shared/monitor';
import type { EventBase, MonitorEvent, MonitorSummary } from '../../shared/monitor';

export interface MonitorOptions {
  // The SIP port's socket, exactly as the PBX uses it: either a StunClient already on it (the
  // caller keeps owning it) or the endpoint (the monitor adds a client and removes it on stop).
  readonly client?: StunClient;
  readonly endpoint?: UdpEndpoint;
  readonly server: TransportAddress;
  readonly intervalSec?: number;           // default: the PBX profile's keep-alive (10 s for SwyxWare)
  readonly missesBeforeLost?: number;      // consecutive unanswered keep-alives, default 3
  readonly timeoutMs?: number;             // wait for one answer, default min(80 % of the interval, 3 s)
  readonly clock?: Clock;                  // with `client`, the clock that client was built with
  readonly now?: () => Date;               // wall clock for the event timestamps
  readonly onEvent: (event: MonitorEvent) => void;
}

export interface KeepaliveMonitor {
  readonly intervalSec: number;
  readonly local: { readonly ip: string; readonly port: number }; // the SIP port being kept alive
  summary(): MonitorSummary;
  stop(): Promise<MonitorSummary>;
}

export function startMonitor(options: MonitorOptions): KeepaliveMonitor {
  const clock = options.clock ?? systemClock;
  const wall = options.now ?? (() => new Date());
  const intervalSec = options.intervalSec ?? defaultProfile().keepaliveSec;
  const intervalMs = intervalSec * 1000;
  const missesBeforeLost = options.missesBeforeLost ?? DEFAULT_MISSES_BEFORE_LOST;
  const timeoutMs = Math.max(1, Math.min(options.timeoutMs ?? Math.min(intervalMs * 0.8, 3000), intervalMs));
  if (options.client === undefined && options.endpoint === undefined) throw new TypeError('startMonitor needs the SIP port: a client or an endpoint');
  const ownClient = options.client === undefined;
  const client = options.client ?? new StunClient(options.endpoint as UdpEndpoint, clock);
  const cancel = new AbortController();
  const start = clock.now();

  let timer: unknown;
  let tick = 0;
  let inFlight: Promise<void> | null = null;
  let stopped = false;
  let mapped: TransportAddress | null = null;
  let misses = 0;
  let lost = false;
  let lastOk: { at: string; elapsedMs: number } | null = null;
  const counts = { sent: 0, answered: 0, missed: 0, addressChanges: 0, bindingLost: 0 };

  // Events carry the time the answer (or the timeout) happened, taken from the transaction,
  // not the time the callback got to run.
  const stamp = (eventAt = clock.now()): EventBase => {
    const late = clock.now() - eventAt;
    return { at: new Date(wall().getTime() - late).toISOString(), elapsedMs: Math.round(eventAt - start) };
  };
  const emit = (event: MonitorEvent): void => {
    if (!stopped) options.onEvent(event);
  };
  const summary = (): MonitorSummary => ({ ...counts, mapped });

  const answered = (now: TransportAddress, rttMs: number, eventAt: number): void => {
    counts.answered += 1;
    const base = stamp(eventAt);
    const previous = mapped;
    if (previous !== null && !sameAddress(previous, now)) {
      counts.addressChanges += 1;
      const ipChanged = previous.ip !== now.ip;
      emit({
        ...base,
        kind: 'address-changed',
        from: previous,
        to: now,
        ipChanged,
        portChanged: previous.port !== now.port,
        message: { code: 'monitor/address-changed', from: formatAddress(previous), to: formatAddress(now), ipChanged },
      });
    }
    mapped = now;
    const shown = { mapped: formatAddress(now), rttMs };
    if (previous === null) emit({ ...base, kind: 'started', mapped: now, rttMs, message: { code: 'monitor/started', ...shown } });
    else if (lost) {
      emit({
        ...base,
        kind: 'recovered',
        mapped: now,
        rttMs,
        downMs: base.elapsedMs - (lastOk?.elapsedMs ?? 0),
        message: { code: 'monitor/recovered', misses, mapped: formatAddress(now) },
      });
    } else emit({ ...base, kind: 'ok', mapped: now, rttMs, message: { code: 'monitor/ok', ...shown } });
    misses = 0;
    lost = false;
    lastOk = { at: base.at, elapsedMs: base.elapsedMs };
  };

  const missed = (reason: StunFailure, eventAt: number): void => {
    counts.missed += 1;
    misses += 1;
    const base = stamp(eventAt);
    emit({ ...base, kind: 'miss', consecutive: misses, reason, message: { code: 'monitor/miss', consecutive: misses, reason } });
    if (misses === missesBeforeLost) {
      counts.bindingLost += 1;
      lost = true;
      emit({
        ...base,
        kind: 'binding-lost',
        misses,
        lastOkAt: lastOk?.at ?? null,
        message: { code: 'monitor/binding-lost', misses, server: formatAddress(options.server), port: client.endpoint.local.port },
      });
    }
  };

  const keepalive = (): void => {
    timer = undefined;
    if (stopped) return;
    tick += 1;
    // One transaction at a time: the timeout is shorter than the interval, so this only skips
    // when timers ran very late.
    if (inFlight === null) {
      counts.sent += 1;
      // Two copies inside the timeout: one lost datagram is not yet a missed keep-alive.
      const schedule = { sends: [0, Math.round(timeoutMs / 2)], endMs: timeoutMs };
      const sentAt = clock.now();
      inFlight = sendBinding(client, options.server, { schedule, signal: cancel.signal }).then((result) => {
        inFlight = null;
        if (stopped) return;
        const outcome = result.outcome;
        const eventAt = sentAt + (outcome.kind === 'response' ? outcome.firstSendToAnswerMs : outcome.waitedMs);
        if (result.ok) answered(result.evidence.mapped, result.evidence.rttMs, eventAt);
        else missed(stunFailureOf(result.error.code), eventAt);
      });
    }
    timer = clock.setTimeout(keepalive, Math.max(0, start + tick * intervalMs - clock.now()));
  };
  timer = clock.setTimeout(keepalive, 0);

  return {
    intervalSec,
    local: client.endpoint.local,
    summary,
    async stop() {
      if (!stopped) {
        stopped = true;
        if (timer !== undefined) clock.clearTimeout(timer);
        timer = undefined;
        cancel.abort(); // ends the transaction in flight and its timers
        await inFlight;
        if (ownClient) client.dispose();
      }
      return summary();
    },
  };
}

// The monitor on its own socket (the `trunkcheck monitor` command): opens the SIP port, and
// closes it again on stop().
export async function openMonitor(options: Omit<MonitorOptions, 'client' | 'endpoint'> & { readonly port: number; readonly localIp?: string }): Promise<Result<KeepaliveMonitor>> {
  const opened = await openUdpEndpoint({ port: options.port, ...(options.localIp ? { localIp: options.localIp } : {}) });
  if (!opened.ok) return opened;
  const endpoint = opened.value;
  const monitor = startMonitor({ ...options, endpoint });
  return ok({
    intervalSec: monitor.intervalSec,
    local: monitor.local,
    summary: monitor.summary,
    async stop() {
      const result = await monitor.stop();
      await endpoint.close();
      return result;
    },
  });
}
