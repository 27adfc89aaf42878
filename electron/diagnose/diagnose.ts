// `trunkcheck diagnose` and the wizard's checks: run the measurements and build the report.
import { parseHostPort } from '../../shared/address';
import { defaultProfile, type PbxProfile } from '../../shared/catalog/profiles';
import { REPORT_SCHEMA_VERSION, type DiagnoseReport, type NatReport, type RuleResult, type Verdict } from '../../shared/report';
import { ok, type Result } from '../../shared/result';
import { APP_VERSION } from '../version';
import type { ProgressSink } from './progress';
import { checkPublicAddress } from './public-address';

export interface DiagnoseOptions {
  readonly profile?: PbxProfile;
  readonly stun: readonly string[];
  readonly localIp?: string;
  readonly sipPort?: number;
  readonly progress?: ProgressSink;
  readonly signal?: AbortSignal;
}

const UNKNOWN_NAT: NatReport = {
  classic: 'unknown',
  mapping: 'unknown',
  filtering: 'unknown',
  supported: null,
  portPreserved: null,
  bindingLifetimeSec: null,
  hairpinning: null,
};

export async function diagnose(options: DiagnoseOptions): Promise<Result<DiagnoseReport>> {
  const profile = options.profile ?? defaultProfile();
  const sipPort = options.sipPort ?? profile.sipPort;
  const started = new Date();
  const t0 = performance.now();
  const firstStun = options.stun[0];
  if (firstStun === undefined) throw new Error('diagnose() needs at least one STUN server');

  const check = await checkPublicAddress({
    stun: firstStun,
    defaultStunPort: profile.defaultStunPort,
    sipPort,
    ...(options.localIp ? { localIp: options.localIp } : {}),
    ...(options.progress ? { progress: options.progress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!check.ok) return check;
  const publicCheck = check.value;
  const binding = publicCheck.binding;

  const nat: NatReport = binding ? { ...UNKNOWN_NAT, portPreserved: binding.mapped.port === sipPort } : { ...UNKNOWN_NAT, classic: 'blocked', supported: false };
  const rules = signallingRules(publicCheck.binding, publicCheck.error?.message ?? null, sipPort);
  const verdict: Verdict = rules.some((rule) => rule.status === 'failed') || nat.supported === false ? 'blocked' : rules.every((rule) => rule.status === 'verified') ? 'ready' : 'incomplete';

  return ok({
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'trunkcheck', version: APP_VERSION },
    startedAt: started.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    profile: profile.id,
    local: { ip: publicCheck.local.ip, sipPort },
    stunServers: options.stun.map((text) => parseHostPort(text, profile.defaultStunPort) ?? { host: text, port: profile.defaultStunPort }),
    publicAddress: binding ? { ip: binding.mapped.ip, port: binding.mapped.port } : null,
    checks: { publicAddress: publicCheck },
    nat,
    rules,
    verdict,
  });
}

// What a single Binding exchange proves about the four rules of the source document. The SIP
// and media halves of the rules are measured by later checks; until then they stay untested.
function signallingRules(binding: DiagnoseReport['checks']['publicAddress']['binding'], error: string | null, sipPort: number): RuleResult[] {
  if (binding === null) {
    return [
      { id: 'outbound-signalling', status: 'failed', evidence: error ?? 'No STUN answer.' },
      { id: 'inbound-signalling', status: 'untested', evidence: 'Nothing came back, so the inbound direction could not be tested.' },
      { id: 'outbound-media', status: 'untested', evidence: 'Media ports not tested yet.' },
      { id: 'inbound-media', status: 'untested', evidence: 'Media ports not tested yet.' },
    ];
  }
  const server = `${binding.server.ip}:${binding.server.port}`;
  return [
    { id: 'outbound-signalling', status: 'untested', evidence: `STUN part passed: Binding request from UDP ${sipPort} to ${server} was answered at ${binding.at}. The SIP part is not tested yet.` },
    { id: 'inbound-signalling', status: 'untested', evidence: `STUN part passed: the answer from ${binding.respondedFrom.ip}:${binding.respondedFrom.port} reached UDP ${sipPort}. The SIP part is not tested yet.` },
    { id: 'outbound-media', status: 'untested', evidence: 'Media ports not tested yet.' },
    { id: 'inbound-media', status: 'untested', evidence: 'Media ports not tested yet.' },
  ];
}
