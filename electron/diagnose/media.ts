// The media part of a diagnosis (rules 3 and 4 of the source document): which RTP ports are
// free on this machine, and a spread of them (or all) tried outbound and inbound.
import type { TransportAddress } from '../../shared/address';
import type { InboundMediaNeed, RtpSection, RuleResult } from '../../shared/report';
import { portsOf, scanLocalPorts } from '../media/local-ports';
import type { PortRange } from '../../shared/port-range';
import { probeMediaPorts, samplePorts } from '../media/outbound';
import { mediaRules } from '../media/rules';
import { rtpSection } from '../media/section';
import type { CheckContext } from './context';

// The diagnosis's context (the STUN server, the PBX's address, progress, signal) and what is the
// media check's own: the range, all of it or a spread, and what the NAT test measured.
export interface MediaStepInput extends CheckContext {
  readonly range: PortRange;
  readonly full: boolean;
  readonly other: TransportAddress | null; // an OTHER-ADDRESS the server check trusted, else null
  readonly rttMs: number;
  readonly inboundMedia: InboundMediaNeed; // what the PBX needs of rule 4 (its profile)
  readonly behindCgn: boolean;             // the NAT test found the provider's carrier-grade NAT
}

export async function checkMedia(input: MediaStepInput): Promise<{ section: RtpSection; rules: RuleResult[] }> {
  input.progress({ code: 'media/scan', range: input.range }, 0);
  const scan = await scanLocalPorts(input.range, input.localIp);
  const taken = new Set(scan.taken);
  const wanted = (input.full ? portsOf(input.range) : samplePorts(input.range)).filter((port) => !taken.has(port));
  const probe = await probeMediaPorts({
    ports: wanted,
    server: input.server,
    other: input.other,
    rttMs: input.rttMs,
    pacingPerSecond: 50,
    ...(input.localIp ? { localIp: input.localIp } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
    onProgress: ({ done, total }) => input.progress({ code: 'media/ports', done, total }, 0.1 + (0.9 * done) / Math.max(1, total)),
  });
  // Ports held by other programs were not probed; the checklist row must still name them.
  const heldAnywhere = { ...probe, summary: { ...probe.summary, taken: [...new Set([...probe.summary.taken, ...scan.taken])].sort((a, b) => a - b) } };
  return { section: rtpSection(input.range, input.full ? 'full' : 'sample', scan, probe), rules: mediaRules(heldAnywhere, { pbxIp: input.sentByIp, range: input.range, inboundMedia: input.inboundMedia, behindCgn: input.behindCgn }) };
}
