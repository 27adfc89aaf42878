// What lies between the PBX and the internet, asked while the NAT tests run (DESIGN.md, "Behind
// a second NAT"; issue 14, fragments): the LAN's router about itself (UPnP IGD, NAT-PMP, PCP),
// TTL-limited probes towards the STUN server, and a padded Binding request from the SIP socket.
// Each has its own budget of a few hundred milliseconds, so together they end no later than the
// NAT discovery they run beside.
import type { TransportAddress } from '../../shared/address';
import type { BindingEvidence } from '../../shared/report';
import type { FragmentsReport, GatewayReport, PathEvidence, Tristate } from '../../shared/path';
import { classifySecondNat } from '../../shared/path/second-nat';
import { probeFragments } from '../nat/fragments';
import { askGateway } from '../net/gateway';
import { probeHops } from '../net/hops';
import type { StunClient } from '../net/stun-client';

export interface PathFindings {
  readonly gateway: GatewayReport | null;
  readonly fragments: FragmentsReport | null;
  readonly doubleNat: Tristate;
  readonly carrierGrade: Tristate;
  readonly evidence: PathEvidence;
}

export interface PathQuestions {
  readonly client: StunClient;            // the SIP port's: fragments travel the trunk's own path
  readonly server: TransportAddress;      // the first STUN server
  readonly first: BindingEvidence;        // test I from the SIP port
  readonly localIp: string;               // the SIP socket's address towards the server
  readonly gatewayIp: string | null;      // the default route's router
  readonly signal: AbortSignal;
}

// When test I needed a retransmission its round trip is ambiguous (Karn's algorithm, RFC 6298 §3):
// the NAT discovery then assumes 250 ms, and so does the fragment test.
const FALLBACK_RTT_MS = 250;

export async function askPath(questions: PathQuestions): Promise<PathFindings> {
  const { client, server, first, signal } = questions;
  const rttMs = first.retransmissions === 0 ? first.rttMs : Math.max(first.rttMs, FALLBACK_RTT_MS);
  // IPv4 only: NAT-PMP and IGD speak of an IPv4 WAN address, and a second NAT is an IPv4 matter.
  const ipv4 = server.family === 'IPv4';
  const [gateway, hops, fragments] = await Promise.all([
    ipv4 ? askGateway(questions.gatewayIp, { signal }) : null,
    ipv4 ? probeHops(server.ip, { signal }) : null,
    probeFragments(client, server, { rttMs, mappedPort: first.mapped.port, signal }),
  ]);
  const trace = hops ?? { target: server.ip, hops: [], method: 'none' as const };
  // Over IPv6 only the mapped address can speak (no NAT when it is the local one).
  const secondNat = classifySecondNat({ localIp: questions.localIp, gateway: gateway?.report ?? null, path: hops, mappedIp: first.mapped.ip, ...(gateway ? { gatewayEvidence: gateway.evidence } : {}) });
  return {
    gateway: gateway?.report ?? null,
    fragments: signal.aborted ? null : fragments.report,
    doubleNat: secondNat.doubleNat,
    carrierGrade: secondNat.carrierGrade,
    evidence: { ...trace, findings: [...(gateway?.evidence ?? []), ...secondNat.evidence, ...fragments.evidence] },
  };
}
