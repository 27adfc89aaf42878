// Tiny reports for the verdict and "What to do" tests: a real schema-3 lab report (masquerade,
// SwyxWare) with what a scenario changes: the profile, the NAT, the rules, the router's answers.
import type { FragmentsReport, GatewayReport } from '../../../shared/path';
import type { CheckId } from '../../../shared/checks';
import type { DiagnoseReport, InboundMediaNeed, NatReport, PbxNeeds, RuleId, RuleResult, RuleStatus } from '../../../shared/report';
import type { RuleMessage } from '../../../shared/text/messages/rules';
import { readReportFixture } from '../../support/report-fixture';

const BASE = readReportFixture('report-v3-masquerade.json');

export const PBX_IP = '192.168.100.5';
export const STUN = '203.0.113.10:3478';
export const OTHER = '203.0.113.11:3479';

export const SWYXWARE: PbxNeeds = { inboundMedia: 'return-path', rtp: { from: 55000, to: 56000 } };
export const THREE_CX: PbxNeeds = { inboundMedia: 'any-source', rtp: { from: 9000, to: 10999 } };

// The NATs of the lab, as the NAT test classifies them.
export const NATS = {
  portRestricted: { classic: 'port-restricted-cone', mapping: 'endpoint-independent', filtering: 'address-and-port-dependent' },
  fullCone: { classic: 'full-cone', mapping: 'endpoint-independent', filtering: 'endpoint-independent' },
  symmetric: { classic: 'symmetric', mapping: 'address-and-port-dependent', filtering: 'address-and-port-dependent', supported: false, portPreserved: false },
  blocked: { classic: 'blocked', mapping: 'unknown', filtering: 'unknown', supported: false, portPreserved: null },
  unknown: { classic: 'unknown', mapping: 'unknown', filtering: 'unknown', supported: null },
} as const satisfies Record<string, Partial<NatReport>>;

// Rule 4 as electron/media/rules.ts writes it for a PBX with this need, when answers from an
// address the ports never sent to did (open) or did not (filtered) arrive.
export function inboundMedia(need: InboundMediaNeed, unknownSource: 'open' | 'filtered', rtp = need === 'any-source' ? THREE_CX.rtp : SWYXWARE.rtp): RuleResult {
  const returnPath: RuleMessage = { code: 'media/return-path-open', server: STUN, tested: 12, range: rtp };
  const unknown: RuleMessage[] =
    unknownSource === 'open'
      ? [{ code: 'media/inbound-open', from: OTHER, tested: 12, range: rtp }]
      : [{ code: 'media/inbound-blocked', from: OTHER, ports: [rtp.from, rtp.to], tested: 12 }];
  if (need === 'return-path') return { id: 'inbound-media', status: 'verified', evidence: [{ code: 'media/needs-return-path' }, returnPath, ...unknown] };
  return unknownSource === 'open'
    ? { id: 'inbound-media', status: 'verified', evidence: [{ code: 'media/needs-any-source' }, returnPath, ...unknown] }
    : { id: 'inbound-media', status: 'failed', evidence: [{ code: 'media/needs-any-source' }, returnPath, ...unknown, { code: 'fix/inbound-media', pbxIp: PBX_IP, pbxPorts: [rtp] }] };
}

export function rule(id: RuleId, status: RuleStatus, evidence: readonly RuleMessage[] = []): RuleResult {
  return { id, status, evidence };
}

export interface Scenario {
  readonly profile?: 'swyxware' | '3cx' | 'asterisk' | 'custom';
  readonly pbx?: PbxNeeds;
  readonly nat?: Partial<NatReport>;
  readonly rules?: readonly RuleResult[];     // replace the rules of that id; the others stay verified
  readonly cancelled?: readonly CheckId[];
  readonly fragments?: FragmentsReport | null;
  readonly gateway?: GatewayReport | null;
  readonly sipPort?: number;
}

// Behind a port restricted cone NAT (a plain masquerade), every rule verified, the unknown address filtered.
export function createReport(scenario: Scenario = {}): DiagnoseReport {
  const profile = scenario.profile ?? 'swyxware';
  const pbx = scenario.pbx ?? (profile === '3cx' ? THREE_CX : SWYXWARE);
  const nat: NatReport = { ...BASE.nat, ...NATS.portRestricted, supported: profile !== '3cx', ...scenario.nat };
  const defaults = [rule('outbound-signalling', 'verified'), rule('inbound-signalling', 'verified'), rule('outbound-media', 'verified'), inboundMedia(pbx.inboundMedia, nat.filtering === 'endpoint-independent' ? 'open' : 'filtered', pbx.rtp)];
  const rules = defaults.map((entry) => scenario.rules?.find((given) => given.id === entry.id) ?? entry);
  return {
    ...BASE,
    profile,
    pbx,
    local: { ...BASE.local, ip: PBX_IP, sipPort: scenario.sipPort ?? (profile === '3cx' ? 5060 : 65002) },
    rtp: null,
    keepalive: BASE.keepalive,
    nat,
    rules,
    gateway: scenario.gateway ?? null,
    fragments: scenario.fragments ?? null,
    ...(scenario.cancelled ? { cancelled: scenario.cancelled } : {}),
  };
}
