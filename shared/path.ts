// What lies between the PBX and the internet, as the report states it (DESIGN.md, "Command line
// contract"): what the LAN's router says of itself, whether a second NAT sits beyond it (the
// customer's own router, or the provider's carrier-grade NAT), and whether IP fragments pass.
// The measuring modules (electron/net/gateway/, electron/net/hops.ts, electron/nat/fragments.ts)
// produce these shapes; the verdict and the "What to do" list read them.
import { figure, flag, integer, ipAddress, list, nullable, object, oneOf, orElse, scalar, type Schema } from './schema';
import { isFragmentMessage, type FragmentMessage } from './text/messages/fragments';
import { isGatewayMessage, type GatewayMessage } from './text/messages/gateway';
import { isPathMessage, type PathMessage } from './text/messages/path';

// yes | no | unknown: a question the evidence may leave open (DESIGN.md nat.doubleNat, nat.carrierGrade).
export const TRISTATES = ['yes', 'no', 'unknown'] as const;
export type Tristate = (typeof TRISTATES)[number];

// One port-mapping service of the router (UPnP IGD, NAT-PMP, PCP):
//   true   it answered: the router offers it (a security note, never used: TrunkCheck creates no mapping)
//   false  it answered with an error or refusal (still evidence: a router says so when its own WAN
//          address is not public, RFC 6886 §3.5 result 3 "Network Failure")
//   null   no answer within the time allowed, or not asked
export type MappingService = boolean | null;

export interface GatewayReport {
  readonly ip: string | null;            // the LAN's default router, from the routing table
  readonly externalIp: string | null;    // the WAN address the router reports for itself; null: none said
  readonly portMapping: { readonly upnp: MappingService; readonly natPmp: MappingService; readonly pcp: MappingService };
}

// One TTL-limited probe towards the STUN server: the router that answered "time exceeded" at
// that hop (RFC 792), or null when none answered in time.
export interface HopEvidence {
  readonly ttl: number;
  readonly from: string | null;
  readonly ms: number | null;
}

export interface HopTrace {
  readonly target: string | null;        // the address the TTL probes went towards
  readonly hops: readonly HopEvidence[];
  readonly method: 'ping' | 'none';      // how the hops were found ('none': no tool, or not asked)
}

export interface PathEvidence extends HopTrace {
  // What the router said (gateway/*), what the hops and the router's word conclude (second-nat/*),
  // and what the fragment test saw (fragments/*), in that order. Absent in older reports: none.
  readonly findings: readonly PathFinding[];
}

export type PathFinding = GatewayMessage | PathMessage | FragmentMessage;
const isPathFinding = (value: unknown): value is PathFinding => isGatewayMessage(value) || isPathMessage(value) || isFragmentMessage(value);

// DESIGN.md: fragments: { outbound, inbound }, each passes | dropped | untested (STUN PADDING, RFC 5780 §7.6).
export const FRAGMENT_STATUSES = ['passes', 'dropped', 'untested'] as const;
export type FragmentStatus = (typeof FRAGMENT_STATUSES)[number];
export interface FragmentsReport {
  readonly outbound: FragmentStatus;
  readonly inbound: FragmentStatus;
}

const mappingService: Schema<MappingService> = nullable(flag);

export const tristate = oneOf(TRISTATES);

export const gatewayReport: Schema<GatewayReport> = object<GatewayReport>({
  ip: nullable(ipAddress),
  externalIp: nullable(ipAddress),
  portMapping: object<GatewayReport['portMapping']>({ upnp: mappingService, natPmp: mappingService, pcp: mappingService }),
});

export const pathEvidence: Schema<PathEvidence> = object<PathEvidence>({
  target: nullable(ipAddress),
  hops: list(object<HopEvidence>({ ttl: integer(1, 255), from: nullable(ipAddress), ms: nullable(figure(0, 1e6)) }), 32),
  method: oneOf(['ping', 'none']),
  findings: orElse(list(scalar(isPathFinding, 'schema/not-message', { kind: 'finding' }), 64), []),
});

export const fragmentsReport: Schema<FragmentsReport> = object<FragmentsReport>({
  outbound: oneOf(FRAGMENT_STATUSES),
  inbound: oneOf(FRAGMENT_STATUSES),
});
