// Ask the LAN's router about itself (DESIGN.md, "Behind a second NAT"): UPnP IGD, NAT-PMP and
// PCP at once, all within a few hundred milliseconds, so it runs beside the NAT tests without
// lengthening the diagnosis. Only questions that change nothing on the router are sent.
import { ipv4Scope } from '../../../shared/gateway/address-scope';
import { isIPv4, isIPv6 } from '../../../shared/address';
import type { GatewayReport } from '../../../shared/path';
import type { GatewayMessage, GatewayService } from '../../../shared/text/messages/gateway';
import { defaultGateway } from './default-route';
import type { ServiceOutcome } from './outcome';
import { askNatPmp, askPcp } from './port-control';
import { askUpnp } from './upnp';
import { natPmpSends } from './udp-exchange';

// A router on the LAN answers in a few milliseconds (miniupnpd's SSDP in 50 ms); this leaves
// room for a second NAT-PMP/PCP request at 250 ms (RFC 6886 §3.1) and for the three HTTP
// steps of UPnP.
export const GATEWAY_BUDGET_MS = 350;

export interface AskGatewayOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number; // default GATEWAY_BUDGET_MS
  // Also search the SSDP multicast group (default: yes, except towards a loopback "router").
  readonly multicast?: boolean;
}

export interface GatewayAnswer {
  readonly report: GatewayReport;
  readonly evidence: readonly GatewayMessage[];
  readonly ms: number; // how long the questions took
}

export async function askGateway(gatewayIp: string | null, options: AskGatewayOptions = {}): Promise<GatewayAnswer> {
  const started = performance.now();
  const notAsked = (ip: string | null, why: 'no-gateway' | 'not-ipv4'): GatewayAnswer => ({
    report: { ip, externalIp: null, portMapping: { upnp: null, natPmp: null, pcp: null } },
    evidence: [{ code: 'gateway/not-asked', why }],
    ms: 0,
  });
  if (gatewayIp === null || !(isIPv4(gatewayIp) || isIPv6(gatewayIp))) return notAsked(null, 'no-gateway');
  if (!isIPv4(gatewayIp)) return notAsked(gatewayIp, 'not-ipv4'); // NAT-PMP is IPv4 only; IGD is asked over IPv4

  const timeoutMs = options.timeoutMs ?? GATEWAY_BUDGET_MS;
  const deadline = started + timeoutMs;
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) stop.abort();
  try {
    const sends = natPmpSends(timeoutMs);
    const multicast = options.multicast ?? !gatewayIp.startsWith('127.');
    const [upnp, natPmp, pcp] = await Promise.all([
      askUpnp(gatewayIp, { deadline, signal: stop.signal, multicast }),
      askNatPmp(gatewayIp, { sends, deadline, signal: stop.signal }),
      askPcp(gatewayIp, { sends, deadline, signal: stop.signal }),
    ]);
    return { ...combine(gatewayIp, upnp, natPmp, pcp, options.signal?.aborted === true), ms: performance.now() - started };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

// The router from the routing table, asked.
export async function askDefaultGateway(options: AskGatewayOptions = {}): Promise<GatewayAnswer> {
  return askGateway(await defaultGateway(), options);
}

function combine(gatewayIp: string, upnp: ServiceOutcome, natPmp: ServiceOutcome, pcp: ServiceOutcome, cancelled: boolean): Omit<GatewayAnswer, 'ms'> {
  const evidence: GatewayMessage[] = [...upnp.evidence, ...natPmp.evidence, ...pcp.evidence];
  if (cancelled) evidence.push({ code: 'gateway/cancelled' });
  // NAT-PMP's binary answer before UPnP's text, should the two disagree.
  const externalIp = natPmp.externalIp ?? upnp.externalIp;
  if (natPmp.externalIp !== null && upnp.externalIp !== null && natPmp.externalIp !== upnp.externalIp) {
    evidence.push({ code: 'gateway/sources-differ', upnp: upnp.externalIp, natPmp: natPmp.externalIp });
  }
  const scope = externalIp === null ? undefined : ipv4Scope(externalIp);
  if (externalIp !== null && scope !== undefined && scope !== 'public') evidence.push({ code: 'gateway/external-not-public', ip: externalIp, scope });
  const offered = ([['upnp', upnp], ['nat-pmp', natPmp], ['pcp', pcp]] as const).filter(([, outcome]) => outcome.service === true).map(([name]): GatewayService => name);
  if (offered.length > 0) evidence.push({ code: 'gateway/mapping-offered', services: offered });
  return {
    report: { ip: gatewayIp, externalIp, portMapping: { upnp: upnp.service, natPmp: natPmp.service, pcp: pcp.service } },
    evidence,
  };
}
