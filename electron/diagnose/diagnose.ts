// `trunkcheck diagnose` and the wizard's checks: run the measurements and build the report.
import { networkInterfaces } from 'node:os';
import { formatAddress, parseHostPort, type TransportAddress } from '../../shared/address';
import { defaultProfile, type PbxProfile } from '../../shared/catalog/profiles';
import { REPORT_SCHEMA_VERSION, type BindingEvidence, type DiagnoseReport, type NatEvidence, type NatReport, type RuleResult, type Verdict } from '../../shared/report';
import { fail, ok, type Result } from '../../shared/result';
import { discoverNat } from '../nat/discover';
import { defaultGateway } from '../net/gateway';
import { resolveTarget } from '../net/resolve';
import { sourceAddressFor } from '../net/source-address';
import { StunClient } from '../net/stun-client';
import { openUdpEndpoint } from '../net/udp-endpoint';
import { APP_VERSION } from '../version';
import type { ProgressSink } from './progress';
import { measurePublicAddress } from './public-address';

export interface DiagnoseOptions {
  readonly profile?: PbxProfile;
  readonly stun: readonly string[];
  readonly localIp?: string;
  readonly sipPort?: number;
  readonly lifetime?: boolean;       // also measure the binding lifetime (takes 1.5 × the keep-alive interval)
  readonly progress?: ProgressSink;
  readonly signal?: AbortSignal;
}

const BLOCKED_NAT: NatReport = {
  classic: 'blocked',
  mapping: 'unknown',
  filtering: 'unknown',
  supported: false,
  portPreserved: null,
  bindingLifetimeSec: null,
  hairpinning: null,
};

function isLocalAddress(ip: string): boolean {
  return Object.values(networkInterfaces()).some((entries) => (entries ?? []).some((entry) => entry.address === ip));
}

export async function diagnose(options: DiagnoseOptions): Promise<Result<DiagnoseReport>> {
  const profile = options.profile ?? defaultProfile();
  const sipPort = options.sipPort ?? profile.sipPort;
  const progress = options.progress ?? (() => undefined);
  const started = new Date();
  const t0 = performance.now();
  if (options.stun.length === 0) return fail('target/missing', 'Name at least one STUN server.');

  progress('stun/resolve', `Looking up ${options.stun.join(', ')}`, 0.05);
  const family = options.localIp?.includes(':') ? 6 : 4;
  const resolved = await Promise.all(options.stun.map((text) => resolveTarget(text, profile.defaultStunPort, family)));
  const firstResolved = resolved[0];
  if (firstResolved === undefined || !firstResolved.ok) return firstResolved ?? fail('target/missing', 'Name at least one STUN server.');
  const primary: TransportAddress = firstResolved.value;
  const second = resolved.slice(1).find((result) => result.ok);

  progress('stun/bind', `Opening UDP port ${sipPort}`, 0.1);
  const local = options.localIp ? { localIp: options.localIp } : {};
  const endpoint = await openUdpEndpoint({ port: sipPort, ...local });
  if (!endpoint.ok) return endpoint;
  const client = new StunClient(endpoint.value);
  try {
    progress('stun/request', `Asking ${formatAddress(primary)} for the public address of UDP ${sipPort}`, 0.2);
    const publicCheck = await measurePublicAddress(client, primary, { ...local, ...(options.signal ? { signal: options.signal } : {}) });
    let nat = BLOCKED_NAT;
    let natEvidence: NatEvidence | null = null;
    if (publicCheck.binding !== null) {
      const discovery = await discoverNat({
        sipClient: client,
        first: publicCheck.binding,
        ...(second?.ok ? { secondServer: second.value } : {}),
        isLocalAddress,
        openSocket: () => openUdpEndpoint({ port: 0, ...local }),
        supportedNat: [...profile.supportedNat],
        keepaliveSec: profile.keepaliveSec,
        ...(options.lifetime ? { lifetimeDelaysSec: lifetimeDelays(profile.keepaliveSec) } : {}),
        progress,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      nat = discovery.nat;
      natEvidence = discovery.evidence;
    }
    progress('done', 'Diagnosis complete', 1);

    const rules = signallingRules(publicCheck.binding, publicCheck.error?.message ?? null, sipPort);
    const verdict: Verdict =
      rules.some((rule) => rule.status === 'failed') || nat.supported === false ? 'blocked' : rules.every((rule) => rule.status === 'verified') ? 'ready' : 'incomplete';
    return ok({
      schemaVersion: REPORT_SCHEMA_VERSION,
      tool: { name: 'trunkcheck', version: APP_VERSION },
      startedAt: started.toISOString(),
      durationMs: Math.round(performance.now() - t0),
      profile: profile.id,
      local: { ip: options.localIp ?? (await sourceAddressFor(primary)) ?? publicCheck.local.ip, sipPort, gateway: await defaultGateway() },
      stunServers: options.stun.map((text) => parseHostPort(text, profile.defaultStunPort) ?? { host: text, port: profile.defaultStunPort }),
      publicAddress: publicCheck.binding ? { ip: publicCheck.binding.mapped.ip, port: publicCheck.binding.mapped.port } : null,
      checks: { publicAddress: publicCheck, nat: natEvidence },
      nat,
      rules,
      verdict,
    });
  } finally {
    client.dispose();
    await endpoint.value.close();
  }
}

// Delays around the profile's keep-alive interval: enough to confirm it or name a shorter one.
export function lifetimeDelays(keepaliveSec: number): number[] {
  return [0.25, 0.5, 1, 1.5].map((factor) => Math.round(keepaliveSec * factor * 10) / 10);
}

// What a single Binding exchange proves about the four rules of the source document. The SIP
// and media halves of the rules are measured by later checks; until then they stay untested.
function signallingRules(binding: BindingEvidence | null, error: string | null, sipPort: number): RuleResult[] {
  if (binding === null) {
    return [
      { id: 'outbound-signalling', status: 'failed', evidence: error ?? 'No STUN answer.' },
      { id: 'inbound-signalling', status: 'untested', evidence: 'Nothing came back, so the inbound direction could not be tested.' },
      { id: 'outbound-media', status: 'untested', evidence: 'Media ports not tested yet.' },
      { id: 'inbound-media', status: 'untested', evidence: 'Media ports not tested yet.' },
    ];
  }
  const server = formatAddress(binding.server);
  return [
    { id: 'outbound-signalling', status: 'untested', evidence: `STUN part passed: Binding request from UDP ${sipPort} to ${server} was answered at ${binding.at}. The SIP part is not tested yet.` },
    { id: 'inbound-signalling', status: 'untested', evidence: `STUN part passed: the answer from ${formatAddress(binding.respondedFrom)} reached UDP ${sipPort}. The SIP part is not tested yet.` },
    { id: 'outbound-media', status: 'untested', evidence: 'Media ports not tested yet.' },
    { id: 'inbound-media', status: 'untested', evidence: 'Media ports not tested yet.' },
  ];
}
