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
import { describeOutcome, invalidTarget, nameNotFound, noAddress, runQuery, type QueryOutcome } from './dns-outcome';
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
  readonly steps: readonly string[];
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
const LABEL = { udp: 'UDP', tcp: 'TCP', tls: 'TLS' } as const;

interface Context {
  readonly resolver: SipDnsResolver;
  readonly families: readonly (4 | 6)[];
  readonly random: () => number;
  readonly steps: string[];
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
    ctx.steps.push(`${host} is an IP address, so no DNS lookup: RFC 3263 §4.1 sends UDP to port ${port ?? SIP_DEFAULT_PORTS.udp}.`);
    return finish(ctx, fixedTargets(ctx, host, [host], port, 'ip-literal'));
  }
  // Only a DNS name goes to the resolver, never "$(id)" or other text (the IPC validators' rule).
  if (!isServerHost(host)) return finish(ctx, [], invalidTarget(text));
  if (port !== undefined) {
    ctx.steps.push(`${host}:${port} names a port, so RFC 3263 §4.2 skips NAPTR and SRV and looks up the address only.`);
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
  ctx.steps.push(`TCP is checked on port ${port ?? SIP_DEFAULT_PORTS.tcp} too, and TLS on its default port ${SIP_DEFAULT_PORTS.tls}.`);
  return TRANSPORTS.map((transport) => ({ transport, host, port: transport === 'tls' ? SIP_DEFAULT_PORTS.tls : (port ?? SIP_DEFAULT_PORTS[transport]), ips, via }));
}

async function fromNaptr(ctx: Context, domain: string): Promise<{ targets: SipTarget[]; transports: SipTransport[] }> {
  const outcome = await runQuery('NAPTR', domain, () => ctx.resolver.resolveNaptr(domain));
  warnIfFailed(ctx, outcome);
  if (outcome.kind !== 'found') {
    ctx.steps.push(`NAPTR ${domain}: ${describeOutcome(outcome)}, so SRV is asked directly (RFC 3263 §4.1).`);
    return { targets: [], transports: [] };
  }
  // RFC 3403 §4.1: lowest order first, then lowest preference; the first record per transport counts.
  const sorted = [...outcome.records].sort((a, b) => a.order - b.order || a.preference - b.preference);
  const chosen = new Map<SipTransport, NaptrRecord>();
  for (const record of sorted) {
    const transport = naptrTransport(record);
    if (transport !== undefined && !chosen.has(transport)) chosen.set(transport, record);
  }
  ctx.steps.push(`NAPTR ${domain}: ${sorted.map(formatNaptr).join('; ')}.`);
  const ignored = sorted.filter((record) => naptrTransport(record) === undefined);
  if (ignored.length > 0) ctx.steps.push(`Ignored as not SIP over UDP, TCP or TLS with flag "s": ${ignored.map((record) => record.service).join(', ')}.`);
  const transports = [...chosen.keys()];
  const preferred = transports[0];
  if (preferred === undefined) {
    ctx.steps.push(`No usable NAPTR record for ${domain}, so SRV is asked directly (RFC 3263 §4.1).`);
    return { targets: [], transports: [] };
  }
  if (preferred !== 'udp') ctx.steps.push(`The provider prefers ${LABEL[preferred]} (lowest NAPTR order): a PBX that follows RFC 3263 uses ${LABEL[preferred]}, not UDP.`);
  if (!chosen.has('udp')) ctx.steps.push('The NAPTR records offer no UDP (SIP+D2U): this provider expects TCP or TLS.');
  const targets = await inOrder(ctx, [...chosen].map(([transport, record]) => (branch: Context) => srvTargets(branch, transport, record.replacement, 'naptr')));
  if (targets.flat().length === 0) ctx.steps.push(`None of the SRV names the NAPTR records point to has a target (RFC 3263 §4.2).`);
  return { targets: targets.flat(), transports };
}

async function fromSrv(ctx: Context, domain: string): Promise<SipTarget[]> {
  const found = await inOrder(ctx, TRANSPORTS.map((transport) => (branch: Context) => srvTargets(branch, transport, `${SRV_PREFIXES[transport]}${domain}`, 'srv')));
  return found.flat();
}

async function fromAddress(ctx: Context, domain: string, transports: readonly SipTransport[]): Promise<SipTarget[]> {
  ctx.steps.push(`No SRV target for ${domain}: RFC 3263 §4.2 falls back to the domain's own address on the default port (${SIP_DEFAULT_PORTS.udp}, TLS ${SIP_DEFAULT_PORTS.tls}).`);
  const ips = await lookupAddresses(ctx, domain);
  return transports.map((transport) => ({ transport, host: domain, port: SIP_DEFAULT_PORTS[transport], ips, via: 'a-fallback' }));
}

async function srvTargets(ctx: Context, transport: SipTransport, name: string, via: 'naptr' | 'srv'): Promise<SipTarget[]> {
  const outcome = await runQuery('SRV', name, () => ctx.resolver.resolveSrv(name));
  warnIfFailed(ctx, outcome);
  if (outcome.kind !== 'found') {
    ctx.steps.push(`SRV ${name}: ${describeOutcome(outcome)}.`);
    return [];
  }
  // RFC 2782: a target of "." means the service is decidedly not offered (node reports it as '').
  const offered = outcome.records.filter((record) => record.name !== '' && record.name !== '.');
  if (offered.length === 0) {
    ctx.steps.push(`SRV ${name}: target "." says ${LABEL[transport]} is not offered (RFC 2782).`);
    return [];
  }
  const ordered = orderSrvRecords(offered, ctx.random);
  ctx.steps.push(`SRV ${name}: ${ordered.map((r) => `${r.name}:${r.port} (priority ${r.priority}, weight ${r.weight})`).join(', ')}.`);
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
  ctx.steps.push(`${outcomes.map((outcome, i) => `${ctx.families[i] === 4 ? 'A' : 'AAAA'} ${host}: ${outcome.kind === 'found' ? outcome.records.join(', ') : describeOutcome(outcome)}`).join('; ')}.`);
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

function formatNaptr(record: NaptrRecord): string {
  return `${record.service} (order ${record.order}, preference ${record.preference}) → ${record.replacement || '.'}`;
}
