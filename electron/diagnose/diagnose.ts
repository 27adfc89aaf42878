// `trunkcheck diagnose` and the wizard's checks: find the public address of the SIP port, run the
// checks of the table (check-table.ts) on that context, and build the report.
import { formatAddress, parseHostPort, type TransportAddress } from '../../shared/address';
import { PBX_PROFILES } from '../../shared/catalog/profiles';
import { findProvider, PROVIDERS, providerQualityThresholds, type Provider } from '../../shared/catalog/providers';
import { CHECK_IDS, type CheckId } from '../../shared/checks';
import { profileOfRequest, type DiagnoseRequest } from '../../shared/ipc';
import { REPORT_SCHEMA_VERSION, type DiagnoseReport, type NatReport } from '../../shared/report';
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
  const progress = hooks.progress ?? (() => undefined);
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

  progress({ code: 'stun/resolve', servers: options.stun.map(clampText) }, 0.05);
  const family = options.localIp?.includes(':') ? 6 : 4;
  const resolved = await Promise.all(options.stun.map((text) => resolveTarget(text, profile.defaultStunPort, family)));
  const firstResolved = resolved[0];
  if (firstResolved === undefined || !firstResolved.ok) return firstResolved ?? fail('target/missing');
  const primary: TransportAddress = firstResolved.value;
  const second = resolved.slice(1).find((result) => result.ok);
  if (cancel.signal.aborted) return cancelledRun();

  progress({ code: 'stun/bind', port: sipPort }, 0.1);
  const local = options.localIp ? { localIp: options.localIp } : {};
  const endpoint = await openUdpEndpoint({ port: sipPort, ...local });
  if (!endpoint.ok) return endpoint;
  const client = new StunClient(endpoint.value);
  // Local facts that need no packet run beside the measurements instead of after them.
  const gateway = defaultGateway();
  const sourceIp = options.localIp ? Promise.resolve(null) : sourceAddressFor(primary);
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
      secondServer: second?.ok ? second.value : null,
      publicAddress: publicCheck,
      sentByIp: options.localIp ?? (await sourceIp) ?? publicCheck.local.ip,
      gatewayIp: await gateway,
      qualityThresholds,
    };
    // A binding lost since the earlier report changes everything: then nothing is carried over.
    const previous = publicCheck.binding === null ? null : earlier;
    const carry = (check: CheckId): boolean => previous !== null && options.rerun?.check !== check;
    const cancelled: CheckId[] = (previous?.cancelled ?? []).filter((check) => carry(check));
    const outcomes: Outcomes = { nat: null, sip: null, media: null, quality: null };
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
    progress({ code: 'diagnose/done' }, 1);

    const { sip, media, quality } = outcomes;
    const nat = outcomes.nat === 'cancelled' ? UNKNOWN_NAT : (outcomes.nat?.nat ?? BLOCKED_NAT);
    const natEvidence = outcomes.nat === 'cancelled' ? null : (outcomes.nat?.evidence ?? null);
    const noMedia = untestedMediaRules(publicCheck.binding ? { code: 'media/off' } : { code: 'media/no-stun-answer' });
    const rules = [
      ...signallingRules({ server: primary, binding: publicCheck.binding, error: publicCheck.error }, sipPort, sip),
      ...(media === 'cancelled' ? untestedMediaRules(cancelledEvidence('media')) : (media?.rules ?? noMedia)),
    ];
    const sipResult = sip === 'cancelled' ? null : sip;
    const pbx = { inboundMedia: profile.media.inbound, rtp: options.rtp ?? profile.rtp };
    const path = outcomes.nat === 'cancelled' ? null : (outcomes.nat?.path ?? null);
    const fragments = path?.fragments ?? null;
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
      sip: sipResult?.report ?? null,
      rtp: media === 'cancelled' ? null : (media?.section ?? null),
      keepalive: publicCheck.binding ? keepaliveSection(profile.keepaliveSec, nat.bindingLifetimeSec) : null,
      quality: quality === 'cancelled' ? null : quality,
      nat,
      gateway: path?.gateway ?? null,
      fragments,
      rules,
      verdict: verdictOf({ rules, nat, needs: pbx, fragments, cancelled }),
      ...(cancelled.length > 0 ? { cancelled: CHECK_IDS.filter((check) => cancelled.includes(check)) } : {}),
    }, MAX_TEXT));
  } finally {
    client.dispose();
    await endpoint.value.close();
  }
}

function cancelledRun(): Result<never> {
  return fail('checks/cancelled');
}
