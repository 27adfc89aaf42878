// UPnP IGD: find the router's device description by SSDP, read its WAN connection services,
// and ask each for GetExternalIPAddress (SOAP). Only the router itself is believed: an SSDP
// answer must come from its address, and the description and control URLs must point to it;
// anything else on the LAN could answer, and TrunkCheck follows no URL off the router.
//
// The search goes unicast to the router's port 1900 (UDA 1.1 §1.3.2): it stays on the link,
// only the router answers, and it answers at once because a unicast search has no MX wait
// (miniupnpd: a fixed 50 ms). The same search goes to the multicast group as well, with MX 1,
// for UPnP stacks that answer only there; an answer in time is a bonus, the unicast one is the
// plan. An ICMP port unreachable for the unicast search means no UPnP server on the router.
import { createSocket } from 'node:dgram';
import { decoded, stopped, type Decoded } from '../../../shared/gateway/decoded';
import { decodeDescription, type ConnectionService } from '../../../shared/gateway/igd-description';
import type { HttpUrl } from '../../../shared/gateway/http-url';
import { decodeGetExternalIpAnswer, encodeGetExternalIpRequest, type ExternalIpAnswer } from '../../../shared/gateway/soap';
import { decodeSearchAnswer, encodeSearch, IGD_SEARCH_TARGETS, SSDP_MULTICAST, SSDP_MULTICAST_TTL, SSDP_PORT } from '../../../shared/gateway/ssdp';
import type { GatewayMessage, UpnpProblem, UpnpStep } from '../../../shared/text/messages/gateway';
import { fetchBounded, type Fetched } from './http-fetch';
import type { ServiceOutcome } from './outcome';
import { exchange, type Exchange } from './udp-exchange';

export interface UpnpOptions {
  readonly deadline: number;
  readonly signal: AbortSignal;
  readonly multicast: boolean;
}

const UNICAST_SENDS = [0, 150]; // a second copy in case the first is lost on a busy LAN
const MULTICAST_MX = 1; // UDA 1.1 §1.3.2: MX 1–5 seconds; the shortest wait
const MAX_DESCRIPTION_BYTES = 128 * 1024; // miniupnpd's is 3 KB; larger IGDs' descriptions some tens of KB
const MAX_SOAP_BYTES = 16 * 1024;
const MAX_CONNECTIONS_ASKED = 4;

export async function askUpnp(gatewayIp: string, options: UpnpOptions): Promise<ServiceOutcome> {
  const search = await searchGateway(gatewayIp, options);
  if (search.kind === 'cancelled') return nothing([]);
  if (search.kind === 'closed' || search.kind === 'silent') return nothing([{ code: 'gateway/silent', service: 'upnp', closed: search.kind === 'closed' }]);
  if (search.kind === 'malformed') {
    return nothing([search.where === 'ssdp/elsewhere' ? failed('description', 'elsewhere') : { code: 'gateway/malformed', service: 'upnp' }]);
  }

  const description = await fetchBounded(search.value, { method: 'GET', maxBytes: MAX_DESCRIPTION_BYTES, deadline: options.deadline, signal: options.signal });
  if (!description.ok) return fetchFailed('description', description);
  if (description.status !== 200) return { service: false, externalIp: null, evidence: [failed('description', 'status')] };
  const services = decodeDescription(description.body, search.value);
  if (!services.ok) return nothing([failed('description', 'malformed')]);
  const onRouter = services.value.filter((service) => service.controlUrl.host === gatewayIp).slice(0, MAX_CONNECTIONS_ASKED);
  if (onRouter.length === 0) {
    return services.value.length === 0 ? { service: false, externalIp: null, evidence: [failed('description', 'no-service')] } : nothing([failed('control', 'elsewhere')]);
  }

  const answers = await Promise.all(onRouter.map((service) => getExternalIp(service, options)));
  return judgeAnswers(onRouter, answers);
}

type Asked = Decoded<ExternalIpAnswer> | { readonly ok: false; readonly fetch: Exclude<Fetched, { ok: true }> };

async function getExternalIp(service: ConnectionService, options: UpnpOptions): Promise<Asked> {
  const soap = encodeGetExternalIpRequest(service.serviceType);
  const fetched = await fetchBounded(service.controlUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml; charset="utf-8"', SOAPAction: soap.soapAction },
    body: soap.body,
    maxBytes: MAX_SOAP_BYTES,
    deadline: options.deadline,
    signal: options.signal,
  });
  if (!fetched.ok) return { ok: false, fetch: fetched };
  return decodeGetExternalIpAnswer(fetched.status, fetched.body);
}

// The first connection with an address wins (a router may list an idle PPP connection beside the
// live IP one); else the first that answered with none; else the first fault; else why not.
function judgeAnswers(services: readonly ConnectionService[], answers: readonly Asked[]): ServiceOutcome {
  const named = answers.map((answer, index) => ({ answer, connection: connectionName(services[index]!.serviceType) }));
  for (const kind of ['address', 'empty', 'fault'] as const) {
    for (const { answer, connection } of named) {
      if (!answer.ok || !('value' in answer) || answer.value.kind !== kind) continue;
      const value = answer.value;
      if (value.kind === 'address') return { service: true, externalIp: value.ip, evidence: [{ code: 'gateway/upnp-address', ip: value.ip, connection }] };
      if (value.kind === 'empty') return { service: true, externalIp: null, evidence: [{ code: 'gateway/upnp-no-address', connection }] };
      return { service: false, externalIp: null, evidence: [{ code: 'gateway/upnp-fault', connection, status: value.status, upnpError: value.upnpError }] };
    }
  }
  const first = answers[0];
  if (first !== undefined && !first.ok && 'fetch' in first) return fetchFailed('control', first.fetch);
  return nothing([failed('control', 'malformed')]);
}

function fetchFailed(step: UpnpStep, fetched: Exclude<Fetched, { ok: true }>): ServiceOutcome {
  if (fetched.problem === 'cancelled') return nothing([]);
  return nothing([failed(step, fetched.problem)]);
}

const failed = (step: UpnpStep, problem: UpnpProblem): GatewayMessage => ({ code: 'gateway/upnp-failed', step, problem });
const nothing = (evidence: readonly GatewayMessage[]): ServiceOutcome => ({ service: null, externalIp: null, evidence });

// "urn:schemas-upnp-org:service:WANIPConnection:2" → "WANIPConnection:2".
const connectionName = (serviceType: string): string => serviceType.slice(serviceType.lastIndexOf(':', serviceType.lastIndexOf(':') - 1) + 1);

// An answer whose LOCATION is off the router is not followed.
function decodeFrom(gatewayIp: string): (bytes: Uint8Array) => Decoded<HttpUrl> {
  return (bytes) => {
    const answer = decodeSearchAnswer(bytes);
    if (!answer.ok) return answer;
    return answer.value.location.host === gatewayIp ? decoded(answer.value.location) : stopped('ssdp/elsewhere');
  };
}

// Unicast and multicast together; the first LOCATION on the router ends both.
async function searchGateway(gatewayIp: string, options: UpnpOptions): Promise<Exchange<HttpUrl>> {
  const both = new AbortController();
  const stop = (): void => both.abort();
  options.signal.addEventListener('abort', stop, { once: true });
  if (options.signal.aborted) both.abort();
  const decode = decodeFrom(gatewayIp);
  // First the root device alone: every IGD answers it, and each further search costs the router
  // its own delayed answer (miniupnpd's first answer came 20–80 ms later with three at once).
  // The repeat adds the connection services, for routers that announce only those.
  const first = [encodeSearch(IGD_SEARCH_TARGETS[0], { unicast: gatewayIp })];
  const all = IGD_SEARCH_TARGETS.map((target) => encodeSearch(target, { unicast: gatewayIp }));
  const unicast = exchange({ ip: gatewayIp, port: SSDP_PORT }, (_localIp, send) => (send === 0 ? first : all), decode, { sends: UNICAST_SENDS, deadline: options.deadline, signal: both.signal });
  const multicast = options.multicast ? searchMulticast(gatewayIp, decode, options.deadline, both.signal) : Promise.resolve<Exchange<HttpUrl>>({ kind: 'silent' });
  try {
    const winner = await Promise.race([unicast.then((outcome) => ({ outcome, from: 'unicast' as const })), multicast.then((outcome) => ({ outcome, from: 'multicast' as const }))]);
    if (winner.outcome.kind === 'answer' || winner.outcome.kind === 'cancelled') return winner.outcome;
    // Port 1900 closed on the router: nothing there answers the group either.
    if (winner.from === 'unicast' && winner.outcome.kind === 'closed') return winner.outcome;
    const [u, m] = await Promise.all([unicast, multicast]);
    if (u.kind === 'answer') return u;
    if (m.kind === 'answer') return m;
    if (u.kind === 'malformed') return u;
    if (m.kind === 'malformed') return m;
    return u.kind === 'closed' ? u : { kind: options.signal.aborted ? 'cancelled' : 'silent' };
  } finally {
    options.signal.removeEventListener('abort', stop);
    both.abort();
  }
}

function searchMulticast(gatewayIp: string, decode: (bytes: Uint8Array) => Decoded<HttpUrl>, deadline: number, signal: AbortSignal): Promise<Exchange<HttpUrl>> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    let malformed: string | undefined;
    let done = false;
    const finish = (outcome: Exchange<HttpUrl>): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      try {
        socket.close();
      } catch {
        // Already closed.
      }
      resolve(outcome);
    };
    const onAbort = (): void => finish({ kind: 'cancelled' });
    const timer = setTimeout(() => finish(malformed === undefined ? { kind: 'silent' } : { kind: 'malformed', where: malformed }), Math.max(0, deadline - started));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    socket.on('error', () => finish({ kind: 'silent' }));
    socket.on('message', (message, from) => {
      if (from.address !== gatewayIp) return; // only the router itself
      const answer = decode(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
      if (answer.ok) finish({ kind: 'answer', value: answer.value, ms: performance.now() - started });
      else malformed = answer.where;
    });
    // The group is reached through the interface the routing table picks for it: on Linux and
    // Windows alike the one of the default route, which is the router's.
    socket.bind(0, () => {
      if (done) return;
      socket.setMulticastTTL(SSDP_MULTICAST_TTL);
      socket.send(encodeSearch(IGD_SEARCH_TARGETS[0], { mx: MULTICAST_MX }), SSDP_PORT, SSDP_MULTICAST, () => undefined);
    });
  });
}
