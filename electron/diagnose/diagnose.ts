// `trunkcheck diagnose` and the wizard's checks: find the public address of the SIP port, run the
// checks of the table (check-table.ts) on that context, and build the report.
import { formatAddress, isIPv4, isIPv6, parseHostPort, type TransportAddress } from '../../shared/address';
import { PBX_PROFILES, type PbxProfile } from '../../shared/catalog/profiles';
import { findProvider, PROVIDERS, providerQualityThresholds, type Provider } from '../../shared/catalog/providers';
import { CHECK_IDS, checkOfStage, type CheckId } from '../../shared/checks';
import type { QualityThresholds } from '../../shared/quality/grade';
import { profileOfRequest, type DiagnoseRequest } from '../../shared/ipc';
import { REPORT_SCHEMA_VERSION, type DiagnoseReport, type NatReport, type PbxNeeds, type PublicAddressCheck } from '../../shared/report';
import type { Ipv6Section, Ipv6Translation } from '../../shared/report-ipv6';
import type { Ipv6Message } from '../../shared/text/messages/ipv6';
import { isLegacyText } from '../../shared/text/messages/legacy';
import type { ProgressMessage } from '../../shared/text/messages/progress';
import type { ErrorData, ErrorMessage } from '../../shared/text/messages/errors';
import { judgeVerdict } from '../../shared/verdict/verdict';
import { canonicalIpv6, globalIpv6Address } from '../net/global-ipv6';
import { fail, ok, type Result } from '../../shared/result';
import { MAX_TEXT } from '../../shared/report-schema';
import { cleanTexts } from '../../shared/schema';
import { clampText } from '../../shared/text/messages/fields';
import { keepaliveSection } from '../monitor/section';
import { defaultGateway } from '../net/gateway';
import { resolveTarget } from '../net/resolve';
import { sourceAddressFor } from '../net/source-address';
import { StunClient } from '../net/stun-client';
import { openUdpEndpoint } from '../net/udp-endpoint';
import { APP_VERSION } from '../version';
import { CheckCancellation } from './cancel';
import { CHECKS, type CheckStep, type Outcome, type Outcomes } from './check-table';
import { checkContext, type DiagnoseContext } from './context';
import type { ProgressSink } from '../net/progress';
import { checkRerun } from './rerun';
import { cancelledEvidence, signallingRules, untestedMediaRules, verdictOf } from './rules';
import { measurePublicAddress } from './public-address';

// What the run needs besides the request: where progress goes and how it is cancelled.
export interface DiagnoseRun {
  readonly progress?: ProgressSink;
  readonly signal?: AbortSignal;     // cancels the whole run
  readonly cancellation?: CheckCancellation; // cancels one check or all (its signal follows `signal` when both are given)
  readonly providers?: readonly Provider[];  // where providerId is looked up: the catalog and the user's own (default: the catalog)
}

// A NAT test that was cancelled: nothing is known, nothing is concluded.
const UNKNOWN_NAT: NatReport = {
  classic: 'unknown',
  mapping: 'unknown',
  filtering: 'unknown',
  supported: null,
  portPreserved: null,
  bindingLifetimeSec: null,
  hairpinning: null,
  doubleNat: 'unknown',
  carrierGrade: 'unknown',
};

const BLOCKED_NAT: NatReport = {
  classic: 'blocked',
  mapping: 'unknown',
  filtering: 'unknown',
  supported: false,
  portPreserved: null,
  bindingLifetimeSec: null,
  hairpinning: null,
  doubleNat: 'unknown',
  carrierGrade: 'unknown',
};

// The request is the IPC contract's (shared/ipc.ts), already validated: the wizard and the CLI
// reach this through the same handler (electron/handlers.ts).
export async function diagnose(options: DiagnoseRequest, hooks: DiagnoseRun = {}): Promise<Result<DiagnoseReport>> {
  const profile = profileOfRequest(options);
  if (profile === undefined) return fail('request/unknown-profile', { profile: String(options.profileId).slice(0, 40), profiles: PBX_PROFILES.map((entry) => entry.id) });
  const provider = options.providerId === undefined ? undefined : findProvider(options.providerId, hooks.providers ?? PROVIDERS);
  if (options.providerId !== undefined && provider === undefined) return fail('request/unknown-provider', { provider: options.providerId.slice(0, 40) });
  const qualityThresholds = provider ? providerQualityThresholds(provider) : {};
  const sipPort = options.sipPort ?? profile.sipPort;
  // The bar's fraction so far: the IPv6 pass's stages carry it, so a bar never goes back.
  let shown = 0;
  const report = hooks.progress ?? (() => undefined);
  const progress: ProgressSink = (message, fraction) => {
    if (fraction !== null) shown = Math.max(shown, fraction);
    report(message, fraction);
  };
  const cancel = hooks.cancellation ?? new CheckCancellation(hooks.signal);
  const started = new Date();
  const t0 = performance.now();
  if (options.stun.length === 0) return fail('target/missing');
  let earlier: DiagnoseReport | null = null;
  if (options.rerun) {
    const checked = checkRerun(options.rerun, { profile, sipPort, stun: options.stun, ...(options.localIp ? { localIp: options.localIp } : {}) });
    if (!checked.ok) return checked;
    earlier = checked.value;
  }
  const plan = planFamilies(options);
  if (!plan.ok) return plan;
  const { family, localIp, alsoIpv6 } = plan.value;

  progress({ code: 'stun/resolve', servers: options.stun.map(clampText) }, 0.05);
  // Each --stun counts for the IP versions it has an address of: a name for both (A and AAAA), a
  // literal for its own. The IPv6 path's servers resolve beside the primary ones.
  const [resolved, ipv6Plan] = await Promise.all([serversOf(options.stun, profile.defaultStunPort, family), alsoIpv6 && earlier === null ? planIpv6(options, profile.defaultStunPort) : null]);
  const primary = resolved.servers[0];
  if (primary === undefined) return resolved.failure ?? fail('target/missing');
  if (cancel.signal.aborted) return cancelledRun();

  const local = localIp === undefined ? {} : { localIp };
  const base = { profile, sipPort, cancel, qualityThresholds };
  // The IPv6 pass runs beside the primary one, on its own socket (the same SIP port on the PBX's
  // global IPv6 address): the two families share no state, and the diagnosis takes as long as the
  // slower of the two instead of their sum. Its stages are its own (ipv6/…), at the primary's
  // fraction: the bar follows the primary path, a line beside it the IPv6 one.
  const ipv6Pass = ipv6Plan?.kind === 'measure' ? measureIpv6(ipv6Plan, (message) => progress(message, shown), (sink) => measurePass({ ...base, request: ipv6Plan.request, family: 6, localIp: ipv6Plan.address, servers: ipv6Plan.stun, earlier: null, progress: sink })) : null;
  // A SIP server named by an address of the other IP version is the IPv6 pass's alone.
  const sipHost = options.sip === undefined ? undefined : parseHostPort(options.sip, SIP_PORT)?.host;
  const otherFamilySip = sipHost !== undefined && (family === 4 ? isIPv6(sipHost) : isIPv4(sipHost));
  const { sip: _sip, ...withoutSip } = options;
  const request = otherFamilySip ? withoutSip : options;
  const [measured, measured6] = await Promise.all([measurePass({ ...base, request, family, ...local, servers: resolved.servers, earlier, progress }), ipv6Pass]);
  if (!measured.ok) return measured;
  if (cancel.signal.aborted) return cancelledRun();
  progress({ code: 'diagnose/done' }, 1);

  const { context, publicCheck, outcomes, cancelled } = measured.value;
  const { media, quality } = outcomes;
  const { nat, natEvidence, path, rules, sipResult, sipReport, register } = partsOf(measured.value, sipPort);
  const pbx = { inboundMedia: profile.media.inbound, rtp: options.rtp ?? profile.rtp };
  const fragments = path?.fragments ?? null;
  // A check run again is an IPv4 check: the IPv6 section stays the earlier report's.
  const ipv6 = earlier !== null ? earlier.ipv6 : ipv6SectionOf(ipv6Plan, measured6, pbx, sipPort);
  // Servers' own words (SOFTWARE, reason phrases, certificate names) stay one line and bounded,
  // so the report reads back through the same checks as any report file (shared/report-schema.ts).
  return ok(cleanTexts<DiagnoseReport>({
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'trunkcheck', version: APP_VERSION },
    startedAt: started.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    profile: profile.id,
    pbx,
    local: { ip: context.sentByIp, sipPort, gateway: context.gatewayIp },
    stunServers: options.stun.map((text) => parseHostPort(text, profile.defaultStunPort) ?? { host: text, port: profile.defaultStunPort }),
    publicAddress: publicCheck.binding ? { ip: publicCheck.binding.mapped.ip, port: publicCheck.binding.mapped.port } : null,
    checks: { publicAddress: publicCheck, nat: natEvidence, sip: sipResult?.evidence ?? null, path: path?.evidence ?? null },
    sip: sipReport,
    rtp: media === 'cancelled' ? null : (media?.section ?? null),
    keepalive: publicCheck.binding ? keepaliveSection(profile.keepaliveSec, nat.bindingLifetimeSec) : null,
    quality: quality === 'cancelled' ? null : quality,
    nat,
    gateway: path?.gateway ?? null,
    fragments,
    rules,
    verdict: verdictOf({ rules, nat, needs: pbx, fragments, cancelled, register }),
    ...(cancelled.length > 0 ? { cancelled: CHECK_IDS.filter((check) => cancelled.includes(check)) } : {}),
    ...(ipv6 === undefined ? {} : { ipv6 }),
  }, MAX_TEXT));
}

// Which IP versions this run measures: the primary path's (the report's own sections) and whether
// the IPv6 path is measured beside it (the report's ipv6 section). A --local-ip names one family
// alone unless --family both asks for the other too.
interface FamilyPlan {
  readonly family: 4 | 6;
  readonly localIp: string | undefined;
  readonly alsoIpv6: boolean;
}

function planFamilies(options: DiagnoseRequest): Result<FamilyPlan> {
  const asked = options.family ?? (options.localIp === undefined ? 'both' : options.localIp.includes(':') ? '6' : '4');
  // Only IPv6 literals as STUN servers: the primary path is the IPv6 one.
  const onlyIpv6Servers = options.stun.every((text) => isIPv6(parseHostPort(text, 3478)?.host ?? ''));
  if (asked === '6' || (asked === 'both' && onlyIpv6Servers && options.family === undefined)) {
    const localIp = options.localIp?.includes(':') ? options.localIp : globalIpv6Address();
    if (localIp === null || localIp === undefined) return fail('request/no-ipv6-address');
    return ok({ family: 6, localIp, alsoIpv6: false });
  }
  const localIp = options.localIp !== undefined && !options.localIp.includes(':') ? options.localIp : undefined;
  return ok({ family: 4, localIp, alsoIpv6: asked === 'both' });
}

// The STUN servers of one IP version, in the order given; the first failure when there is none.
async function serversOf(texts: readonly string[], port: number, family: 4 | 6): Promise<{ servers: ResolvedServer[]; failure: Result<never> | undefined }> {
  const resolved = await Promise.all(texts.map((text) => resolveTarget(text, port, family)));
  const wanted = family === 6 ? 'IPv6' : 'IPv4';
  const servers = resolved.flatMap((result) => (result.ok && result.value.family === wanted ? [result.value] : []));
  const failed = resolved.find((result) => !result.ok);
  return { servers, failure: failed === undefined || failed.ok ? undefined : failed };
}

type ResolvedServer = TransportAddress & { readonly host: string };

// The IPv6 path: measured from the PBX's global IPv6 address to the servers' AAAA addresses, or
// the reason it is not.
type Ipv6Plan =
  | { readonly kind: 'measure'; readonly address: string; readonly stun: ResolvedServer[]; readonly sip: ResolvedServer | null; readonly request: DiagnoseRequest }
  | { readonly kind: 'skip'; readonly address: string | null; readonly finding: Ipv6Message };

async function planIpv6(options: DiagnoseRequest, stunPort: number): Promise<Ipv6Plan> {
  const address = globalIpv6Address();
  if (address === null) return { kind: 'skip', address: null, finding: { code: 'ipv6/no-global-address' } };
  const [stun, sip] = await Promise.all([
    serversOf(options.stun, stunPort, 6),
    options.sip === undefined ? null : resolveTarget(options.sip, SIP_PORT, 6),
  ]);
  const hosts = options.stun.map((text) => parseHostPort(text, stunPort)?.host ?? text).filter(isFindingHost);
  if (stun.servers.length === 0) return { kind: 'skip', address, finding: { code: 'ipv6/no-server-address', hosts } };
  const sip6 = sip?.ok && sip.value.family === 'IPv6' ? sip.value : null;
  // The same request over IPv6: the servers' IPv6 addresses, no line-quality stream and no
  // binding lifetime (each would double the run for what the primary path measures already).
  // One registration only, on the primary path: a second one would replace the first's contact.
  const { sip: _sip, qualitySec: _quality, lifetime: _lifetime, rerun: _rerun, register: _register, ...rest } = options;
  const request: DiagnoseRequest = { ...rest, stun: stun.servers.map((server) => formatAddress(server)), localIp: address, ...(sip6 ? { sip: formatAddress(sip6) } : {}) };
  return { kind: 'measure', address, stun: stun.servers, sip: sip6, request };
}

const SIP_PORT = 5060; // RFC 3261 §19.1.2: SIP over UDP without a port

const isFindingHost = (host: string): boolean => host.length > 0 && host.length <= 253;

// One IP version's measurements from the SIP port: what the report, or its ipv6 section, is made of.
interface Pass {
  readonly context: DiagnoseContext;
  readonly publicCheck: PublicAddressCheck;
  readonly outcomes: Outcomes;
  readonly cancelled: CheckId[];
}

interface PassSetup {
  readonly request: DiagnoseRequest;
  readonly profile: PbxProfile;
  readonly family: 4 | 6;
  readonly sipPort: number;
  readonly localIp?: string;
  readonly servers: readonly ResolvedServer[];
  readonly earlier: DiagnoseReport | null;
  readonly progress: ProgressSink;
  readonly cancel: CheckCancellation;
  readonly qualityThresholds: Partial<QualityThresholds>;
}

// The public address of the SIP port, then the checks of the table on it, for one IP version.
async function measurePass(setup: PassSetup): Promise<Result<Pass>> {
  const { request: options, profile, family, sipPort, earlier, progress, cancel } = setup;
  const primary = setup.servers[0] as ResolvedServer;
  const second = setup.servers[1] ?? null;
  progress({ code: 'stun/bind', port: sipPort }, 0.1);
  const local = setup.localIp ? { localIp: setup.localIp } : {};
  const endpoint = await openUdpEndpoint({ port: sipPort, ...local });
  if (!endpoint.ok) return endpoint;
  const client = new StunClient(endpoint.value);
  // Local facts that need no packet run beside the measurements instead of after them.
  const gateway = defaultGateway();
  const sourceIp = setup.localIp ? Promise.resolve(null) : sourceAddressFor(primary);
  try {
    progress({ code: 'stun/request', server: formatAddress(primary), port: sipPort }, 0.2);
    const publicCheck = await measurePublicAddress(client, primary, { ...local, signal: cancel.signal });
    if (cancel.signal.aborted) return cancelledRun();
    const context: DiagnoseContext = {
      request: options,
      profile,
      family,
      sipPort,
      ...local,
      endpoint: endpoint.value,
      client,
      server: primary,
      secondServer: second,
      publicAddress: publicCheck,
      sentByIp: setup.localIp ?? (await sourceIp) ?? publicCheck.local.ip,
      gatewayIp: await gateway,
      qualityThresholds: setup.qualityThresholds,
    };
    // A binding lost since the earlier report changes everything: then nothing is carried over.
    const previous = publicCheck.binding === null ? null : earlier;
    const carry = (check: CheckId): boolean => previous !== null && options.rerun?.check !== check;
    const cancelled: CheckId[] = (previous?.cancelled ?? []).filter((check) => carry(check));
    const outcomes: Outcomes = { nat: null, sip: null, register: null, media: null, quality: null };
    // One check: carried from the earlier report, or skipped when cancelled before it began, else
    // measured; a result measured while it was being cancelled is dropped (an aborted probe looks
    // like an unanswered one, which would be misread as filtering or a closed port).
    const runCheck = async <K extends CheckId>(check: K, step: CheckStep<K>): Promise<Outcome<K>> => {
      if (previous !== null && carry(check)) return step.carry(previous);
      if (!step.applies(context)) return null;
      const value = cancel.isCancelled(check) ? 'cancelled' : await step.run(checkContext(context, step.progressRange, progress, cancel.signalFor(check)), outcomes);
      if (value !== 'cancelled' && !cancel.isCancelled(check)) return value;
      cancelled.push(check);
      return 'cancelled';
    };
    for (const check of CHECK_IDS) {
      Object.assign(outcomes, { [check]: await runCheck(check, CHECKS[check]) });
      if (cancel.signal.aborted) return cancelledRun();
    }
    return ok({ context, publicCheck, outcomes, cancelled });
  } finally {
    client.dispose();
    await endpoint.value.close();
  }
}

// The IPv6 pass with its stages: where it starts, which check it is at, how it ended.
async function measureIpv6(plan: Extract<Ipv6Plan, { kind: 'measure' }>, say: (message: ProgressMessage) => void, run: (sink: ProgressSink) => Promise<Result<Pass>>): Promise<Result<Pass>> {
  const { address } = plan;
  let current: CheckId | null = null;
  say({ code: 'ipv6/start', address });
  const measured = await run((message) => {
    const check = checkOfStage(message.code);
    if (check === null || check === current) return;
    current = check;
    say({ code: 'ipv6/check', address, check });
  });
  if (!(!measured.ok && measured.error.code === 'checks/cancelled')) say({ code: measured.ok ? 'ipv6/done' : 'ipv6/failed', address });
  return measured;
}

// What a pass says of the NAT, the path and the four rules.
function partsOf(pass: Pass, sipPort: number) {
  const { publicCheck, outcomes, context } = pass;
  const { sip, media } = outcomes;
  const register = outcomes.register === 'cancelled' ? null : outcomes.register;
  const nat = outcomes.nat === 'cancelled' ? UNKNOWN_NAT : (outcomes.nat?.nat ?? BLOCKED_NAT);
  const natEvidence = outcomes.nat === 'cancelled' ? null : (outcomes.nat?.evidence ?? null);
  const noMedia = untestedMediaRules(publicCheck.binding ? { code: 'media/off' } : { code: 'media/no-stun-answer' });
  const rules = [
    ...signallingRules({ server: context.server, binding: publicCheck.binding, error: publicCheck.error }, sipPort, sip, register),
    ...(media === 'cancelled' ? untestedMediaRules(cancelledEvidence('media')) : (media?.rules ?? noMedia)),
  ];
  const sipResult = sip === 'cancelled' ? null : sip;
  // The registration is a part of the report's sip section (sip.register), present when it ran.
  const sipReport = sipResult?.report ? { ...sipResult.report, ...(register === null ? {} : { register }) } : null;
  const path = outcomes.nat === 'cancelled' ? null : (outcomes.nat?.path ?? null);
  return { nat, natEvidence, path, rules, sipResult, sipReport, register };
}

// The report's ipv6 section (shared/report-ipv6.ts) from the IPv6 pass, judged by the same rules
// as the primary path; without NAT, what filters is the router's IPv6 firewall.
function ipv6SectionOf(plan: Ipv6Plan | null, measured: Result<Pass> | null, needs: PbxNeeds, sipPort: number): Ipv6Section | undefined {
  if (plan === null) return undefined;
  if (plan.kind === 'skip') return notMeasured(plan.address, [plan.finding]);
  if (measured === null) return notMeasured(plan.address, []);
  // The socket on the IPv6 address could not be opened (the port taken there, the address gone).
  if (!measured.ok) return notMeasured(plan.address, isErrorMessage(measured.error) ? [{ code: 'ipv6/not-measured', address: plan.address, error: measured.error }] : []);
  const pass = measured.value;
  const { nat, path, rules, sipReport } = partsOf(pass, sipPort);
  const mapped = pass.publicCheck.binding?.mapped ?? null;
  const translation: Ipv6Translation = mapped === null ? 'unknown' : canonicalIpv6(mapped.ip) === canonicalIpv6(plan.address) ? 'none' : 'translated';
  const fragments = path?.fragments ?? null;
  const findings: Ipv6Message[] = [
    ...(translation === 'none' ? [{ code: 'ipv6/own-address' as const, address: plan.address }] : []),
    ...(translation === 'translated' && mapped ? [{ code: 'ipv6/translated' as const, local: plan.address, mapped: mapped.ip }] : []),
    ...(nat.filtering === 'endpoint-independent' ? [{ code: 'ipv6/firewall-open' as const, address: plan.address }] : []),
    ...(nat.filtering === 'address-dependent' || nat.filtering === 'address-and-port-dependent' ? [{ code: 'ipv6/firewall-stateful' as const, address: plan.address }] : []),
  ];
  const { doubleNat: _double, carrierGrade: _cgn, filtering, ...facts } = nat;
  return {
    address: plan.address,
    publicAddress: mapped === null ? null : { ip: mapped.ip, port: mapped.port },
    servers: { stun: plan.stun, sip: plan.sip },
    nat: { ...facts, translation },
    filtering,
    sip: sipReport,
    rules,
    fragments,
    // No NAT on the way, so neither a second NAT nor the provider's CGN: the firewall decides.
    verdict: judgeVerdict({ rules, nat: { ...nat, doubleNat: 'no', carrierGrade: 'no' }, needs, fragments, cancelled: pass.cancelled }),
    findings,
  };
}

function notMeasured(address: string | null, findings: Ipv6Message[]): Ipv6Section {
  return {
    address,
    publicAddress: null,
    servers: { stun: [], sip: null },
    nat: { classic: 'unknown', mapping: 'unknown', translation: 'unknown', supported: null, portPreserved: null, bindingLifetimeSec: null, hairpinning: null },
    filtering: 'unknown',
    sip: null,
    rules: [],
    fragments: null,
    verdict: 'incomplete',
    findings,
  };
}

const isErrorMessage = (error: ErrorData): error is ErrorMessage => !isLegacyText(error);

function cancelledRun(): Result<never> {
  return fail('checks/cancelled');
}
