// The `rtp` section proposed for `diagnose --json`: the local port scan and the media-port
// probe, as plain JSON-safe data. (The type belongs in shared/report.ts once integrated.)
import type { TransportAddress } from '../../shared/address';
import type { RuleMessage } from '../../shared/text/messages/rules';
import type { LocalPortScan, PortScanError } from './local-ports';
import type { PortRange } from '../../shared/port-range';
import type { InboundStatus, MediaPortProbe, MediaPortResult, MediaPortSummary, OutboundStatus } from './outbound';

export interface RtpPortReport {
  readonly port: number;
  readonly status: MediaPortResult['status'];
  readonly outbound: OutboundStatus;
  readonly mapped: TransportAddress | null;
  readonly portPreserved: boolean | null;
  readonly inboundFromUnknown: InboundStatus;
  readonly evidence: readonly RuleMessage[];
}

export interface RtpSection {
  readonly range: PortRange;
  readonly mode: 'sample' | 'full';
  readonly local: { readonly free: number; readonly taken: readonly number[]; readonly errors: readonly PortScanError[]; readonly ms: number } | null;
  readonly probe: {
    readonly server: TransportAddress;
    readonly other: TransportAddress | null;
    readonly summary: MediaPortSummary;
    readonly inboundUntestedReason: RuleMessage | null;
    readonly requestsSent: number;
    readonly pacingPerSecond: number;
    readonly durationMs: number;
    readonly ports: readonly RtpPortReport[];
  } | null;
}

export function rtpSection(range: PortRange, mode: 'sample' | 'full', scan: LocalPortScan | null, probe: MediaPortProbe | null): RtpSection {
  return {
    range,
    mode,
    local: scan && { free: scan.free, taken: scan.taken, errors: scan.errors, ms: scan.ms },
    probe: probe && {
      server: probe.server,
      other: probe.other,
      summary: probe.summary,
      inboundUntestedReason: probe.inboundUntestedReason,
      requestsSent: probe.requestsSent,
      pacingPerSecond: probe.pacingPerSecond,
      durationMs: probe.durationMs,
      ports: probe.ports.map(({ port, status, outbound, mapped, portPreserved, inboundFromUnknown, evidence }) => ({ port, status, outbound, mapped, portPreserved, inboundFromUnknown, evidence })),
    },
  };
}
