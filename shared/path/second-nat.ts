// Is there a second NAT beyond the LAN's router, and is it the provider's carrier-grade NAT?
// (DESIGN.md "Behind a second NAT, forwarding on the router cannot help"; contract fields
// nat.doubleNat and nat.carrierGrade.) Judged from what the router says its own WAN address is,
// the routers the TTL-limited probe found beyond it, and the STUN mapped address. Only evidence
// decides: where there is none, the answer is 'unknown' (issue 13: never accuse on missing evidence).
//
// The strongest evidence comes first:
//   1. The mapped address is this machine's own: no NAT at all.
//   2. The router reports the mapped address as its WAN address: it is the only NAT (whatever the
//      hops show: providers number their own routers in private space too). Or the STUN server
//      answered right after the router: no router, so no NAT, lies between.
//   3. The router reports another WAN address:
//      in 100.64.0.0/10 or DS-Lite's /29  → the provider's carrier-grade NAT
//      in RFC 1918 space                  → a second router of the customer's own (carrier-grade
//                                           only if a hop beyond shows the provider's shared space)
//      public, but not the mapped one     → unknown: something translates, or the traffic leaves by
//                                           another line; the router's word and STUN disagree
//   4. The router answered (UPnP, NAT-PMP, PCP) without a public address → a second NAT. Whose: the
//      hops tell (a customer's second router shows its private LAN address as the next hop; a next
//      hop in public space is the provider's). miniupnpd refuses every reserved WAN address alike,
//      RFC 1918 as well as RFC 6598, so the refusal alone does not say it is the provider's.
//   5. The router said nothing: the hops alone. The first router beyond it in 100.64.0.0/10 or
//      192.0.0.0/29 → carrier-grade NAT; in RFC 1918 space → a second router of the customer's own
//      (then a hop in shared space further on makes it carrier-grade as well); a public address →
//      most likely no second NAT, yet not proven (a DS-Lite AFTR or a CGN may answer
//      from a public address, and a CGN may sit further on), so 'unknown'.
import { isIPv4 } from '../address';
import type { GatewayReport, HopEvidence, HopTrace, Tristate } from '../path';
import type { GatewayMessage } from '../text/messages/gateway';
import type { MappingServiceName, PathMessage } from '../text/messages/path';

export interface SecondNatInput {
  readonly localIp: string | null;        // the PBX's own address (the SIP socket's)
  readonly gateway: GatewayReport | null; // null: the router was not asked
  readonly path: HopTrace | null;     // null: the hops were not probed
  readonly mappedIp: string | null;       // the STUN mapped address of the SIP port
  // What the router's services answered (electron/net/gateway). When given, only an explicit
  // "no address" counts as the router's word (an empty GetExternalIPAddress, NAT-PMP result 3),
  // never a refusal for another reason (NAT-PMP switched off answers result 2, RFC 6886 §3.5).
  readonly gatewayEvidence?: readonly GatewayMessage[];
}

export interface SecondNatFinding {
  readonly doubleNat: Tristate;
  readonly carrierGrade: Tristate;
  readonly evidence: readonly PathMessage[];
}

// Where an IPv4 address belongs, as far as a second NAT is concerned.
export type AddressSpace = 'private' | 'shared' | 'ds-lite' | 'public' | 'unusable';

export function addressSpace(ip: string): AddressSpace {
  if (!isIPv4(ip)) return 'unusable'; // IPv6 has no NAT to find here
  const [a, b, c, d] = ip.split('.').map(Number) as [number, number, number, number];
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private'; // RFC 1918 §3
  if (a === 100 && b >= 64 && b <= 127) return 'shared'; // RFC 6598: 100.64.0.0/10, the CGN's side towards its customers
  if (a === 192 && b === 0 && c === 0 && d <= 7) return 'ds-lite'; // RFC 6333 §5.7 (DS-Lite B4 and AFTR), RFC 7335 (464XLAT's CLAT)
  // "This network", loopback, link-local, the rest of the IETF block (192.0.0.8, RFC 7600, is the
  // dummy source of ICMP errors from routers without IPv4), multicast and reserved: no evidence.
  if (a === 0 || a === 127 || (a === 169 && b === 254) || (a === 192 && b === 0 && c === 0) || a >= 224) return 'unusable';
  return 'public';
}

const UNKNOWN = (evidence: PathMessage[]): SecondNatFinding => ({ doubleNat: 'unknown', carrierGrade: 'unknown', evidence });

export function classifySecondNat(input: SecondNatInput): SecondNatFinding {
  const { localIp, gateway, path, mappedIp } = input;
  if (mappedIp !== null && localIp !== null && mappedIp === localIp) return { doubleNat: 'no', carrierGrade: 'no', evidence: [{ code: 'second-nat/no-nat', ip: mappedIp }] };

  const beyond = hopsBeyond(gateway, path);
  const router = whatTheRouterSays(gateway, input.gatewayEvidence);

  if (router.kind === 'address' && router.ip === mappedIp) return { doubleNat: 'no', carrierGrade: 'no', evidence: [{ code: 'second-nat/router-public', externalIp: router.ip }] };
  // No router at all between the LAN's router and the STUN server: whatever the router thinks of
  // its own address (miniupnpd calls every reserved range not public, documentation ranges too).
  if (beyond.targetNext) return { doubleNat: 'no', carrierGrade: 'no', evidence: [beyond.targetNext] };

  if (router.kind === 'address') {
    const externalIp = router.ip;
    const space = addressSpace(externalIp);
    if (space === 'shared') return { doubleNat: 'yes', carrierGrade: 'yes', evidence: [{ code: 'second-nat/router-shared', externalIp }] };
    if (space === 'ds-lite') return { doubleNat: 'yes', carrierGrade: 'yes', evidence: [{ code: 'second-nat/router-ds-lite', externalIp }] };
    if (space === 'private') {
      const carrier = beyond.carrier;
      return { doubleNat: 'yes', carrierGrade: carrier ? 'yes' : 'no', evidence: [{ code: 'second-nat/router-private', externalIp }, ...(carrier ? [carrier] : [])] };
    }
    return UNKNOWN([{ code: 'second-nat/router-public-differs', externalIp, mapped: mappedIp }]);
  }

  if (router.kind === 'no-address') {
    const said: PathMessage = { code: 'second-nat/router-no-address', services: router.services };
    if (beyond.carrier) return { doubleNat: 'yes', carrierGrade: 'yes', evidence: [said, ...beyond.chain] };
    if (beyond.ownRouter) return { doubleNat: 'yes', carrierGrade: 'no', evidence: [said, beyond.ownRouter] };
    if (beyond.next) return { doubleNat: 'yes', carrierGrade: 'yes', evidence: [said, { code: 'second-nat/hop-provider', ttl: beyond.next.ttl, from: beyond.next.from }] };
    return { doubleNat: 'yes', carrierGrade: 'unknown', evidence: [said, ...beyond.silence] };
  }

  // The router said nothing of itself: the hops alone.
  const silent: PathMessage[] = router.kind === 'silent' ? [{ code: 'second-nat/router-silent' }] : [];
  if (beyond.carrier) return { doubleNat: 'yes', carrierGrade: 'yes', evidence: beyond.chain };
  if (beyond.ownRouter) return { doubleNat: 'yes', carrierGrade: 'no', evidence: [beyond.ownRouter] };
  if (beyond.next) return UNKNOWN([...silent, { code: 'second-nat/hop-public', ttl: beyond.next.ttl, from: beyond.next.from }]);
  return UNKNOWN([...silent, ...beyond.silence]);
}

type RouterWord = { readonly kind: 'address'; readonly ip: string } | { readonly kind: 'no-address'; readonly services: MappingServiceName[] } | { readonly kind: 'silent' } | { readonly kind: 'not-asked' };

// GatewayReport: externalIp is what the router said. A service that answered (UPnP true) or
// refused (NAT-PMP false: RFC 6886 §3.5 result 3 "Network Failure" is what a router says whose
// own WAN address is not public) without giving an address said it has none.
// "0.0.0.0" is how some routers (older miniupnpd) spell that; any service that answered said it.
function whatTheRouterSays(gateway: GatewayReport | null, evidence: readonly GatewayMessage[] | undefined): RouterWord {
  if (gateway === null) return { kind: 'not-asked' };
  const { externalIp, portMapping } = gateway;
  const unspecified = externalIp !== null && isIPv4(externalIp) && externalIp.startsWith('0.');
  if (externalIp !== null && !unspecified) return { kind: 'address', ip: externalIp };
  if (evidence !== undefined && !unspecified) {
    const told: MappingServiceName[] = [];
    if (evidence.some((message) => message.code === 'gateway/upnp-no-address')) told.push('upnp');
    if (evidence.some((message) => message.code === 'gateway/natpmp-no-address')) told.push('nat-pmp');
    if (told.length > 0) return { kind: 'no-address', services: told };
    return { kind: 'silent' }; // answered, but not about its address (a refusal, an error)
  }
  const said = (answer: boolean | null): boolean => answer === false || (unspecified && answer === true);
  const services: MappingServiceName[] = [];
  if (portMapping.upnp === true) services.push('upnp');
  if (said(portMapping.natPmp)) services.push('nat-pmp');
  // A PCP error alone is no such word: a router that speaks only NAT-PMP answers PCP's ANNOUNCE
  // with UNSUPP_VERSION (RFC 6887 §9).
  if (unspecified && portMapping.pcp === true) services.push('pcp');
  return services.length > 0 ? { kind: 'no-address', services } : { kind: 'silent' };
}

interface Beyond {
  // The router right after the LAN's router, when it answered from a public address (not the target).
  readonly next: { readonly ttl: number; readonly from: string } | null;
  readonly targetNext: PathMessage | null;  // the STUN server answered right after the router
  readonly ownRouter: PathMessage | null;   // the first router after it, in RFC 1918 space
  readonly carrier: PathMessage | null;     // a router in the provider's shared or DS-Lite space
  readonly chain: PathMessage[];            // the private hops before the carrier's, then the carrier's
  readonly silence: PathMessage[];          // why the hops say nothing
}

// The routers after the LAN's router, up to the first one in public space: the hops a second NAT
// of the customer's own, and the provider's CGN behind it, answer from. The LAN's router is the
// hop that answered from the gateway's address, or else TTL 1 (the default router is the first
// hop of every packet that leaves the LAN). A private or public address counts only when every
// hop before it answered: after a silent hop, it may be a provider's router behind a NAT nobody
// saw. An address in the provider's shared space is evidence wherever it shows.
function hopsBeyond(gateway: GatewayReport | null, path: HopTrace | null): Beyond {
  const none: Beyond = { next: null, targetNext: null, ownRouter: null, carrier: null, chain: [], silence: [] };
  if (path === null || path.method === 'none') return { ...none, silence: [{ code: 'second-nat/no-probe' }] };
  const hops = [...path.hops].sort((x, y) => x.ttl - y.ttl);
  const routerTtl = hops.find((hop) => gateway?.ip != null && hop.from === gateway.ip)?.ttl ?? 1;
  const after = hops.filter((hop) => hop.ttl > routerTtl);
  const chain: PathMessage[] = [];
  let ownRouter: PathMessage | null = null;
  let unbroken = true; // every hop so far answered with an address that tells something
  const found = (rest: Partial<Beyond>): Beyond => ({ ...none, ownRouter, chain, ...rest });
  for (const { ttl, from } of after) {
    const space = from === null ? 'unusable' : addressSpace(from);
    if (from === null || (space === 'unusable' && from !== path.target)) {
      unbroken = false;
      continue;
    }
    if (space === 'shared' || space === 'ds-lite') {
      const carrier: PathMessage = { code: space === 'shared' ? 'second-nat/hop-shared' : 'second-nat/hop-ds-lite', ttl, from };
      return found({ carrier, chain: [...chain, carrier] });
    }
    if (from === path.target) {
      const adjacent = unbroken && chain.length === 0;
      return found(adjacent ? { targetNext: { code: 'second-nat/target-next', ttl, target: from } } : { silence: ownRouter ? [] : silenceOf(after) });
    }
    if (space === 'private') {
      if (unbroken) {
        const own: PathMessage = { code: 'second-nat/hop-private', ttl, from };
        ownRouter ??= own;
        chain.push(own);
      }
      continue;
    }
    return found(unbroken && chain.length === 0 ? { next: { ttl, from } } : { silence: ownRouter ? [] : silenceOf(after) });
  }
  return found({ silence: ownRouter ? [] : silenceOf(after) });
}

function silenceOf(probed: readonly HopEvidence[]): PathMessage[] {
  const first = probed[0]?.ttl;
  const last = probed.at(-1)?.ttl;
  return first !== undefined && last !== undefined ? [{ code: 'second-nat/no-hops', first, last }] : [{ code: 'second-nat/no-probe' }];
}
