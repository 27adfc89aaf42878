// Finding a provider's SIP servers the way a PBX does, RFC 3263 §4 ("Client Usage"):
//   IP literal, or a name with an explicit port → no NAPTR, no SRV (§4.1, §4.2)
//   otherwise NAPTR on the domain (§4.1) → SRV on each usable NAPTR's replacement (§4.2)
//   no usable NAPTR → SRV on _sip._udp, _sip._tcp and _sips._tcp of the domain (§4.1)
//   no SRV → A/AAAA of the domain, on the transport's default port (§4.2)
// SRV targets are ordered as RFC 2782 says. Every lookup is written down in `steps`, so the
// report can show how the PBX will find the provider, not only where it ends up.
import { isIPv4, isIPv6, parseHostPort } from '../../../shared/address';
import { isServerHost } from '../../../shared/address';
import { errorOf, type ErrorData } from '../../../shared/result';
import { clampText } from '../../../shared/text/messages/fields';
import type { AddressLookup, DnsStep } from '../../../shared/text/messages/sip';
import { invalidTarget, nameNotFound, noAddress, notFoundOf, runQuery, type QueryOutcome } from './dns-outcome';
import { orderSrvRecords, type SrvRecord } from './srv-order';

export type { SrvRecord } from './srv-order';

export type SipTransport = 'udp' | 'tcp' | 'tls';
export type SipTargetSource = 'ip-literal' | 'explicit-port' | 'naptr' | 'srv' | 'a-fallback';

export interface SipTarget {
  readonly transport: SipTransport;
  readonly host: string;
  readonly port: number;
  readonly ips: readonly string[];
  readonly via: SipTargetSource;
  /** The SRV record this target came from, in zone-file notation. */
  readonly record?: string;
}

export interface SipResolution {
  /** At least one target has an address. */
  readonly ok: boolean;
  /** In the order a PBX would try them: NAPTR order (else UDP, TCP, TLS), then RFC 2782 order. */
  readonly targets: readonly SipTarget[];
  /** What was looked up and found, step by step (dns/* messages). */
  readonly steps: readonly DnsStep[];
  /** Lookups that failed although the resolution as a whole went on (a NAPTR SERVFAIL, …). */
  readonly warnings: readonly ErrorData[];
  readonly error?: ErrorData;
}

export interface NaptrRecord {
  readonly flags: string;
  readonly service: string;
  readonly regexp: string;
  readonly replacement: string;
  readonly order: number;
  readonly preference: number;
}

// The part of node's dns.promises.Resolver this module uses; tests pass a fake or a Resolver
// pointed at their own DNS server.
export interface SipDnsResolver {
  resolveNaptr(name: string): Promise<NaptrRecord[]>;
  resolveSrv(name: string): Promise<SrvRecord[]>;
  resolve4(name: string): Promise<string[]>;
  resolve6(name: string): Promise<string[]>;
}

export interface ResolveSipOptions {
  /** Address families to look up, in this order. Default both: [4, 6]. */
  readonly families?: readonly (4 | 6)[];
  /** For the RFC 2782 weighted draw; default Math.random. */
  readonly random?: () => number;
}

export const SIP_DEFAULT_PORTS = { udp: 5060, tcp: 5060, tls: 5061 } as const; // RFC 3261 §19.1.2
const TRANSPORTS: readonly SipTransport[] = ['udp', 'tcp', 'tls'];
const NAPTR_SERVICES: Readonly<Record<string, SipTransport>> = { 'SIP+D2U': 'udp', 'SIP+D2T': 'tcp', 'SIPS+D2T': 'tls' }; // RFC 3263 §4.1
const SRV_PREFIXES = { udp: '_sip._udp.', tcp: '_sip._tcp.', tls: '_sips._tcp.' } as const; // RFC 3263 §4.1

interface Context {
  readonly resolver: SipDnsResolver;
  readonly families: readonly (4 | 6)[];
  readonly random: () => number;
  readonly steps: DnsStep[];
  readonly warnings: ErrorData[];
  /** Why an address lookup came back empty; the first one becomes the error. */
  readonly problems: ErrorData[];
  /** One A/AAAA query per host, even when UDP, TCP and TLS SRV records all name it. */
  readonly addressQueries: Map<string, Promise<QueryOutcome<string>[]>>;
}

export async function resolveSipServer(text: string, resolver: SipDnsResolver, options: ResolveSipOptions = {}): Promise<SipResolution> {
  const ctx: Context = { resolver, families: options.families ?? [4, 6], random: options.random ?? Math.random, steps: [], warnings: [], problems: [], addressQueries: new Map() };
  // Port 0 stands for "no port written": parseHostPort never returns 0 for a written port.
  const parsed = parseHostPort(text, 0);
  if (parsed === undefined) return finish(ctx, [], invalidTarget(text));
  const host = parsed.host.replace(/\.$/, ''); // "provider.test." is the same absolute name
  const port = parsed.port === 0 ? undefined : parsed.port;

  if (isIPv4(host) || isIPv6(host)) {
    ctx.steps.push({ code: 'dns/ip-literal', host, port: port ?? SIP_DEFAULT_PORTS.udp });
    return finish(ctx, fixedTargets(ctx, host, [host], port, 'ip-literal'));
  }
  // Only a DNS name goes to the resolver, never "$(id)" or other text (the IPC validators' rule).
  if (!isServerHost(host)) return finish(ctx, [], invalidTarget(text));
  if (port !== undefined) {
    ctx.steps.push({ code: 'dns/port-given', host: clampText(host), port });
    const ips = await lookupAddresses(ctx, host);
    return finish(ctx, fixedTargets(ctx, host, ips, port, 'explicit-port'));
  }
  const naptr = await fromNaptr(ctx, host);
  if (naptr.targets.length > 0) return finish(ctx, naptr.targets);
  if (naptr.transports.length === 0) {
    const srv = await fromSrv(ctx, host);
    if (srv.length > 0) return finish(ctx, srv);
  }
  return finish(ctx, await fromAddress(ctx, host, naptr.transports.length > 0 ? naptr.transports : TRANSPORTS));
}

/** The first target of this transport that has an address: where a PBX sends its first request. */
export function firstTarget(resolution: SipResolution, transport: SipTransport): SipTarget | undefined {
  return resolution.targets.find((target) => target.transport === transport && target.ips.length > 0);
}

function finish(ctx: Context, targets: SipTarget[], error?: ErrorData): SipResolution {
  const ok = error === undefined && targets.some((target) => target.ips.length > 0);
  const warnings = ctx.warnings.filter((w, i) => ctx.warnings.findIndex((v) => JSON.stringify(v) === JSON.stringify(w)) === i);
  const base = { ok, targets, steps: ctx.steps, warnings };
  if (ok) return base;
  return { ...base, error: error ?? ctx.problems[0] ?? errorOf('dns/no-target') };
}

// RFC 3263 names UDP for a sip: URI with an IP or an explicit port; TCP and TLS are listed for
// the transport checks, TCP on the same port and TLS on its default port.
function fixedTargets(ctx: Context, host: string, ips: readonly string[], port: number | undefined, via: SipTargetSource): SipTarget[] {
  ctx.steps.push({ code: 'dns/tcp-tls-too', tcpPort: port ?? SIP_DEFAULT_PORTS.tcp, tlsPort: SIP_DEFAULT_PORTS.tls });
  return TRANSPORTS.map((transport) => ({ transport, host, port: transport === 'tls' ? SIP_DEFAULT_PORTS.tls : (port ?? SIP_DEFAULT_PORTS[transport]), ips, via }));
}

async function fromNaptr(ctx: Context, domain: string): Promise<{ targets: SipTarget[]; transports: SipTransport[] }> {
  const outcome = await runQuery('NAPTR', domain, () => ctx.resolver.resolveNaptr(domain));
  warnIfFailed(ctx, outcome);
  if (outcome.kind !== 'found') {
    ctx.steps.push({ code: 'dns/naptr-none', domain: clampText(domain), ...notFoundOf(outcome) });
    return { targets: [], transports: [] };
  }
  // RFC 3403 §4.1: lowest order first, then lowest preference; the first record per transport counts.
  const sorted = [...outcome.records].sort((a, b) => a.order - b.order || a.preference - b.preference);
  const chosen = new Map<SipTransport, NaptrRecord>();
  for (const record of sorted) {
    const transport = naptrTransport(record);
    if (transport !== undefined && !chosen.has(transport)) chosen.set(transport, record);
  }
  ctx.steps.push({ code: 'dns/naptr', domain: clampText(domain), records: sorted.slice(0, 64).map(naptrStep) });
  const ignored = sorted.filter((record) => naptrTransport(record) === undefined);
  if (ignored.length > 0) ctx.steps.push({ code: 'dns/naptr-ignored', services: ignored.slice(0, 64).map((record) => clampText(record.service)) });
  const transports = [...chosen.keys()];
  const preferred = transports[0];
  if (preferred === undefined) {
    ctx.steps.push({ code: 'dns/naptr-unusable', domain: clampText(domain) });
    return { targets: [], transports: [] };
  }
  if (preferred !== 'udp') ctx.steps.push({ code: 'dns/prefers', transport: preferred });
  if (!chosen.has('udp')) ctx.steps.push({ code: 'dns/naptr-no-udp' });
  const targets = await inOrder(ctx, [...chosen].map(([transport, record]) => (branch: Context) => srvTargets(branch, transport, record.replacement, 'naptr')));
  if (targets.flat().length === 0) ctx.steps.push({ code: 'dns/naptr-no-targets' });
  return { targets: targets.flat(), transports };
}

async function fromSrv(ctx: Context, domain: string): Promise<SipTarget[]> {
  const found = await inOrder(ctx, TRANSPORTS.map((transport) => (branch: Context) => srvTargets(branch, transport, `${SRV_PREFIXES[transport]}${domain}`, 'srv')));
  return found.flat();
}

async function fromAddress(ctx: Context, domain: string, transports: readonly SipTransport[]): Promise<SipTarget[]> {
  ctx.steps.push({ code: 'dns/srv-fallback', domain: clampText(domain), udpPort: SIP_DEFAULT_PORTS.udp, tlsPort: SIP_DEFAULT_PORTS.tls });
  const ips = await lookupAddresses(ctx, domain);
  return transports.map((transport) => ({ transport, host: domain, port: SIP_DEFAULT_PORTS[transport], ips, via: 'a-fallback' }));
}

async function srvTargets(ctx: Context, transport: SipTransport, name: string, via: 'naptr' | 'srv'): Promise<SipTarget[]> {
  const outcome = await runQuery('SRV', name, () => ctx.resolver.resolveSrv(name));
  warnIfFailed(ctx, outcome);
  if (outcome.kind !== 'found') {
    ctx.steps.push({ code: 'dns/srv-none', name: clampText(name), ...notFoundOf(outcome) });
    return [];
  }
  // RFC 2782: a target of "." means the service is decidedly not offered (node reports it as '').
  const offered = outcome.records.filter((record) => record.name !== '' && record.name !== '.');
  if (offered.length === 0) {
    ctx.steps.push({ code: 'dns/srv-not-offered', name: clampText(name), transport });
    return [];
  }
  const ordered = orderSrvRecords(offered, ctx.random);
  ctx.steps.push({
    code: 'dns/srv',
    name: clampText(name),
    records: ordered.slice(0, 64).map((r) => ({ target: clampText(r.name), port: r.port, priority: r.priority, weight: r.weight })),
  });
  const hosts = [...new Set(ordered.map((record) => record.name))];
  const addresses = await inOrder(ctx, hosts.map((host) => (branch: Context) => lookupAddresses(branch, host)));
  const ipsOf = new Map(hosts.map((host, index) => [host, addresses[index] ?? []]));
  return ordered.map((r) => ({
    transport, host: r.name, port: r.port, ips: ipsOf.get(r.name) ?? [], via,
    record: `${name}. SRV ${r.priority} ${r.weight} ${r.port} ${r.name}.`,
  }));
}

async function lookupAddresses(ctx: Context, host: string): Promise<string[]> {
  let queries = ctx.addressQueries.get(host);
  if (queries === undefined) {
    queries = Promise.all(ctx.families.map((family) =>
      family === 4 ? runQuery('A', host, () => ctx.resolver.resolve4(host)) : runQuery('AAAA', host, () => ctx.resolver.resolve6(host))));
    ctx.addressQueries.set(host, queries);
  }
  const outcomes = await queries;
  const lookups = outcomes.map((outcome, i): AddressLookup => {
    const type = ctx.families[i] === 4 ? 'A' : 'AAAA';
    return outcome.kind === 'found' ? { type, outcome: 'found', ips: outcome.records.slice(0, 64), rcode: null } : { type, ips: [], ...notFoundOf(outcome) };
  });
  ctx.steps.push({ code: 'dns/addresses', host: clampText(host), lookups });
  const ips = outcomes.flatMap((outcome) => (outcome.kind === 'found' ? outcome.records : []));
  const failure = outcomes.find((outcome) => outcome.kind === 'failed');
  if (ips.length > 0) {
    if (failure?.kind === 'failed') ctx.warnings.push(failure.error);
  } else if (failure?.kind === 'failed') {
    ctx.problems.push(failure.error);
  } else {
    const nxdomain = outcomes.every((outcome) => outcome.kind === 'none' && outcome.code === 'ENOTFOUND');
    ctx.problems.push(nxdomain ? nameNotFound(host) : noAddress(host, ctx.families));
  }
  return ips;
}

// Lookups run at once, but their steps land in the order of `jobs`, so the report reads in order.
async function inOrder<T>(ctx: Context, jobs: readonly ((branch: Context) => Promise<T>)[]): Promise<T[]> {
  const branches = jobs.map((): Context => ({ ...ctx, steps: [], warnings: [], problems: [] })); // the address cache is shared
  const results = await Promise.all(jobs.map((job, index) => job(branches[index] as Context)));
  for (const branch of branches) {
    ctx.steps.push(...branch.steps);
    ctx.warnings.push(...branch.warnings);
    ctx.problems.push(...branch.problems);
  }
  return results;
}

function warnIfFailed(ctx: Context, outcome: QueryOutcome<unknown>): void {
  if (outcome.kind === 'failed') ctx.warnings.push(outcome.error);
}

// RFC 3263 §4.1: SIP uses terminal "s" NAPTRs with an empty regexp whose replacement is an SRV name.
function naptrTransport(record: NaptrRecord): SipTransport | undefined {
  if (record.flags.toLowerCase() !== 's' || record.regexp !== '' || record.replacement === '') return undefined;
  return NAPTR_SERVICES[record.service.toUpperCase()];
}

function naptrStep(record: NaptrRecord): { service: string; order: number; preference: number; replacement: string } {
  return { service: clampText(record.service), order: record.order, preference: record.preference, replacement: clampText(record.replacement) };
}
