// Every field of a diagnosis report (shared/report.ts), checked the way fresh input is checked:
// addresses are addresses, host names are host names, ports are ports, enumerations are theirs,
// figures are finite and every text and list is bounded. A report travels between colleagues and
// sites, and its values end up in firewall commands that an administrator pastes with full rights.
// Sections added after schema 1 may be absent ("not measured"); a wrongly typed one is refused.
import type { TransportAddress } from './address';
import { CHECK_IDS } from './checks';
import { fragmentsReport, gatewayReport, pathEvidence, tristate } from './path';
import {
  INBOUND_MEDIA_NEEDS,
  REPORT_SCHEMA_VERSION,
  RULE_IDS,
  VERDICTS,
  type BindingEvidence,
  type DiagnoseReport,
  type KeepaliveSection,
  type MosEstimate,
  type NatEvidence,
  type NatReport,
  type PbxNeeds,
  type ProbeEvidence,
  type PublicAddressCheck,
  type QualitySection,
  type RtpSection,
  type RuleResult,
  type SipEvidence,
  type SipReport,
  type StunServerCheck,
  type TransportProbe,
} from './report';
import { ipv6SectionSchema } from './report-ipv6';
import { CODEC_IDS } from './quality/codecs';
import { DIGEST_ALGORITHMS, REGISTER_OUTCOMES, type RegisterInbound, type RegisterReport } from './register';
import type { ErrorData } from './result';
import { fromLegacyText } from './text/messages/legacy';
import { isErrorData } from './text/messages/errors';
import type { PortRange } from './port-range';
import { isLegacyText, type LegacyText } from './text/messages/legacy';
import { isNatMessage, type NatMessage } from './text/messages/nat';
import { isQualityMessage, type KeepaliveMessage, type QualityMessage } from './text/messages/quality';
import { isRuleMessage, type RuleMessage } from './text/messages/rules';
import { isSipMessage, type SipMessage } from './text/messages/sip';
import {
  figure,
  flag,
  guarded,
  hasUnsafeText,
  integer,
  ipAddress,
  list,
  nullable,
  object,
  oneOf,
  optional,
  orElse,
  port,
  refine,
  scalar,
  serverHost,
  serverText,
  text,
  timestamp,
  token,
  type Schema,
} from './schema';

// Limits: far above what a measurement writes, far below what makes an export slow.
export const MAX_TEXT = 2048;   // a sentence of evidence, an error message
export const MAX_NAME = 200;    // a site, a label, a probe's name
const MAX_PORTS = 65535;        // lists of ports of one range
const MAX_MS = 1e9;             // about 11 days
const MAX_COUNT = 1e9;

type RtpProbe = NonNullable<RtpSection['probe']>;

const freeText = text(MAX_TEXT);
const name = text(MAX_NAME);
const ms = figure(0, MAX_MS);
const count = integer(0, MAX_COUNT);
// A port as a STUN server or the wire reported it: 0 is possible there, and harmless as a number.
const wirePort = integer(0, 65535);
const ports = list(port, MAX_PORTS);

export const profileId = token(/^[a-z0-9][a-z0-9-]{0,39}$/, 'profile-id');

// The resolved server may keep the name it was resolved from.
export const transportAddress: Schema<TransportAddress> = object<TransportAddress & { host?: string }>({
  family: oneOf(['IPv4', 'IPv6']),
  ip: ipAddress,
  port: wirePort,
  host: optional(serverHost),
});

// Every text an error carries is one line and bounded, like every other text of a report.
function safeTexts(value: unknown): boolean {
  if (typeof value === 'string') return value.length <= MAX_TEXT && !hasUnsafeText(value);
  if (Array.isArray(value)) return value.every(safeTexts);
  if (typeof value === 'object' && value !== null) return Object.values(value).every(safeTexts);
  return true;
}
const currentError = guarded((value): value is ErrorData => isErrorData(value) && safeTexts(value), 'schema/not-error');

// An error as a code with its values (shared/text/messages/errors.ts). A schema-1 report kept
// { code, message } with an English sentence: it reads as that sentence (legacy text).
export const errorData: Schema<ErrorData> = (value, path) => {
  const old = value as { code?: unknown; message?: unknown } | null;
  if (typeof old === 'object' && old !== null && typeof old.code === 'string' && 'message' in old) return fromLegacyText(freeText(old.message, `${path}.message`));
  return currentError(value, path);
};

// Where schema 1 kept only the sentence (an RFC 3263 warning, a TCP or TLS probe's failure).
const errorOrSentence: Schema<ErrorData> = (value, path) => (typeof value === 'string' ? fromLegacyText(freeText(value, path)) : errorData(value, path));

// An error with the ports it hit (the local port scan).
const portsError: Schema<ErrorData & { readonly ports: readonly number[] }> = (value, path) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return object<{ ports: number[] }>({ ports })(value, path) as never;
  const { ports: hit, ...error } = value as Record<string, unknown>;
  return { ...errorData(error, path), ports: ports(hit, `${path}.ports`) };
};

const natFields = {
  classic: oneOf(['full-cone', 'restricted-cone', 'port-restricted-cone', 'symmetric', 'open-internet', 'symmetric-udp-firewall', 'blocked', 'unknown'] as const),
  mapping: oneOf(['endpoint-independent', 'address-dependent', 'address-and-port-dependent', 'none', 'unknown'] as const),
  filtering: oneOf(['endpoint-independent', 'address-dependent', 'address-and-port-dependent', 'none', 'unknown'] as const),
  supported: nullable(flag),
  portPreserved: nullable(flag),
  bindingLifetimeSec: nullable(figure(0, MAX_MS)),
  hairpinning: nullable(flag),
};

// A report of schema 3 states both; an older one gets "unknown" from report-upgrade.ts.
export const natReport: Schema<NatReport> = object<NatReport>({ ...natFields, doubleNat: tristate, carrierGrade: tristate });

// A checklist copies the report's NAT; one made before schema 3 of the report has no second-NAT
// fields, which read as "unknown" (not measured).
export const checklistNatReport: Schema<NatReport> = object<NatReport>({ ...natFields, doubleNat: orElse(tristate, 'unknown'), carrierGrade: orElse(tristate, 'unknown') });

export const ruleId = oneOf(RULE_IDS);
export const ruleStatus = oneOf(['verified', 'failed', 'untested']);
export const verdict = oneOf(VERDICTS);

// Findings are codes with values (shared/text/messages/*), each checked by its own row; schema-1
// sentences arrive here already turned into legacy text (report-upgrade.ts).
const natMessage: Schema<NatMessage | LegacyText> = scalar((value): value is NatMessage | LegacyText => isNatMessage(value) || isLegacyText(value), 'schema/not-message', { kind: 'finding' });
const sipMessage: Schema<SipMessage | LegacyText> = scalar((value): value is SipMessage | LegacyText => isSipMessage(value) || isLegacyText(value), 'schema/not-message', { kind: 'finding' });
const qualityMessage: Schema<QualityMessage | LegacyText> = scalar((value): value is QualityMessage | LegacyText => isQualityMessage(value) || isLegacyText(value), 'schema/not-message', { kind: 'finding' });
const keepaliveMessage: Schema<KeepaliveMessage | LegacyText> = scalar(
  (value): value is KeepaliveMessage | LegacyText => (isQualityMessage(value) && value.code.startsWith('keepalive/')) || isLegacyText(value),
  'schema/not-message',
  { kind: 'finding' },
);
// Evidence is codes with values (shared/text/messages/rules.ts), each checked by its own row.
export const ruleMessage: Schema<RuleMessage> = scalar(isRuleMessage, 'schema/not-message', { kind: 'evidence' });
export const evidence: Schema<readonly RuleMessage[]> = list(ruleMessage, 64);
const rule: Schema<RuleResult> = object<RuleResult>({ id: ruleId, status: ruleStatus, evidence });

const binding = object<BindingEvidence>({
  server: transportAddress,
  respondedFrom: transportAddress,
  localPort: port,
  mapped: transportAddress,
  plainMapped: nullable(transportAddress),
  otherAddress: nullable(transportAddress),
  responseOrigin: nullable(transportAddress),
  software: nullable(freeText),
  rttMs: ms,
  retransmissions: count,
  at: timestamp,
});

const publicAddressCheck = object<PublicAddressCheck>({
  ok: flag,
  local: object({ ip: ipAddress, port: wirePort }),
  binding: nullable(binding),
  error: nullable(errorData),
});

const natEvidence = object<NatEvidence>({
  server: nullable(
    object<StunServerCheck>({
      server: transportAddress,
      rfc5780: flag,
      otherAddress: nullable(transportAddress),
      responseOrigin: nullable(transportAddress),
      problems: list(natMessage, 32),
    }),
  ),
  mappingMethod: oneOf(['rfc5780', 'two-servers', 'none']),
  mappingReason: natMessage,
  filteringReason: natMessage,
  probes: list(
    object<ProbeEvidence>({
      name: natMessage,
      from: object({ port: wirePort }),
      to: transportAddress,
      answered: flag,
      respondedFrom: nullable(transportAddress),
      mapped: nullable(transportAddress),
      requestsSent: count,
      ms,
      note: nullable(natMessage),
    }),
    256,
  ),
  rttMs: nullable(ms),
  alg: object({ suspected: flag, evidence: nullable(natMessage) }),
  lifetime: nullable(
    object<NonNullable<NatEvidence['lifetime']>>({
      aliveAfterSec: list(figure(0, MAX_MS), 64),
      deadAfterSec: list(figure(0, MAX_MS), 64),
      reason: natMessage,
      keepaliveSec: figure(0, MAX_MS),
      keepaliveEnough: nullable(flag),
      recommendedKeepaliveSec: nullable(figure(0, MAX_MS)),
    }),
  ),
  durationMs: ms,
});

const transportProbe = object<TransportProbe>({
  transport: oneOf(['tcp', 'tls']),
  target: serverText(5060),
  ok: flag,
  outcome: token(/^[a-z0-9][a-z0-9-]{0,39}$/, 'outcome'),
  ms,
  certificate: nullable(
    object<NonNullable<TransportProbe['certificate']>>({
      subjectCN: optional(freeText),
      subjectAltNames: list(freeText, 10_000),
      issuer: freeText,
      validTo: name,
      daysUntilExpiry: figure(-1e6, 1e6),
    }),
  ),
  message: nullable(errorOrSentence),
});

const sipEvidence = object<SipEvidence>({
  resolution: nullable(object({ steps: list(sipMessage, 256), warnings: list(errorOrSentence, 256) })),
  transports: orElse(list(transportProbe, 8), []),
  resolved: nullable(transportAddress),
  evidence: ruleMessage,
  algEvidence: list(sipMessage, 64),
  algNotes: list(sipMessage, 64),
  error: nullable(errorData),
});

const sipStatus = integer(100, 699);

// The registration (shared/register.ts): the AOR and the Contact as the registrar was shown them,
// the registrar's own words bounded like every text, figures finite. No field holds a password.
const registerInbound = object<RegisterInbound>({
  received: flag,
  method: nullable(token(/^[A-Za-z0-9\-.!%*_+`'~]{1,32}$/, 'sip-method')),
  from: nullable(transportAddress),
  afterMs: nullable(ms),
  waitedMs: ms,
  answered: nullable(sipStatus),
});

export const registerReport = object<RegisterReport>({
  aor: name,
  outcome: oneOf(REGISTER_OUTCOMES),
  status: nullable(sipStatus),
  reason: nullable(freeText),
  challenged: flag,
  algorithm: nullable(oneOf(DIGEST_ALGORITHMS)),
  expiresSec: nullable(count),
  contact: nullable(name),
  via: object({ received: nullable(ipAddress), rport: nullable(port) }),
  rttMs: nullable(ms),
  unregistered: nullable(flag),
  inbound: nullable(registerInbound),
});

const sipReport = object<SipReport>({
  target: serverText(5060),
  reachable: flag,
  status: nullable(sipStatus),
  reason: nullable(freeText),
  rttMs: nullable(ms),
  via: object({ received: nullable(ipAddress), rport: nullable(port) }),
  algSuspected: nullable(flag),
  register: optional(nullable(registerReport)),
});

// Ordered, as a request's RTP range is checked: from ≤ to.
export const portRange: Schema<PortRange> = refine(object<PortRange>({ from: port, to: port }), (range) =>
  range.from <= range.to ? null : { code: 'schema/backwards', from: range.from, to: range.to },
);

const pbxNeeds = object<PbxNeeds>({ inboundMedia: oneOf(INBOUND_MEDIA_NEEDS), rtp: portRange });

const rtpSection = object<RtpSection>({
  range: portRange,
  mode: oneOf(['sample', 'full']),
  local: nullable(
    object<NonNullable<RtpSection['local']>>({
      free: count,
      taken: ports,
      errors: list(portsError, 64),
      ms,
    }),
  ),
  probe: nullable(
    object<RtpProbe>({
      server: transportAddress,
      other: nullable(transportAddress),
      summary: object<RtpProbe['summary']>({
        requested: count,
        probed: count,
        taken: ports,
        errors: count,
        outboundVerified: count,
        outboundFailed: ports,
        portPreserved: count,
        portChanged: ports,
        inboundVerified: count,
        inboundNotVerified: ports,
        inboundUntested: count,
        publicIps: list(ipAddress, MAX_PORTS),
      }),
      inboundUntestedReason: nullable(ruleMessage),
      requestsSent: count,
      pacingPerSecond: figure(0, 1e6),
      durationMs: ms,
      ports: list(
        object<RtpProbe['ports'][number]>({
          port,
          status: oneOf(['probed', 'taken', 'error', 'cancelled']),
          outbound: oneOf(['verified', 'failed', 'untested']),
          mapped: nullable(transportAddress),
          portPreserved: nullable(flag),
          inboundFromUnknown: oneOf(['verified', 'not-verified', 'untested']),
          evidence,
        }),
        MAX_PORTS,
      ),
    }),
  ),
});

const keepaliveSection = object<KeepaliveSection>({
  profileIntervalSec: figure(0, MAX_MS),
  bindingLifetimeSec: nullable(figure(0, MAX_MS)),
  recommendedIntervalSec: figure(0, MAX_MS),
  basis: oneOf(['profile', 'measured']),
  reason: keepaliveMessage,
  observed: nullable(
    object<NonNullable<KeepaliveSection['observed']>>({
      sent: count,
      answered: count,
      missed: count,
      addressChanges: count,
      bindingLost: count,
      mapped: nullable(transportAddress),
    }),
  ),
});

const metricVerdict = oneOf(['pass', 'fail', 'unknown']);
const percent = figure(0, 100);
// R runs to 129 on the wideband scale (G.107.1); far below zero means nothing either.
export const mosEstimate = object<MosEstimate>({
  codec: oneOf(CODEC_IDS),
  scale: oneOf(['narrowband', 'wideband']),
  r: nullable(figure(-200, 200)),
  mos: nullable(figure(1, 4.5)),
  grade: oneOf(['good', 'acceptable', 'poor', 'unknown']),
  ie: figure(0, 200),
  bpl: figure(0, 200),
  oneWayDelayMs: nullable(ms),
  jitterBufferMs: nullable(ms),
});

const qualitySection = object<QualitySection>({
  server: transportAddress,
  ratePerSecond: figure(0, 1e6),
  durationSec: figure(0, MAX_MS),
  sent: count,
  answered: count,
  lateAnswers: count,
  lossRoundTripPercent: percent,
  lossOneWayPercent: percent,
  rttMs: nullable(object<NonNullable<QualitySection['rttMs']>>({ min: ms, avg: ms, p95: ms, max: ms })),
  jitterMs: nullable(ms),
  thresholds: object<QualitySection['thresholds']>({ maxLossPercent: percent, maxJitterMs: ms, maxRttMs: ms }),
  verdict: object<QualitySection['verdict']>({ loss: metricVerdict, jitter: metricVerdict, rtt: metricVerdict, overall: metricVerdict }),
  findings: list(qualityMessage, 32),
  aborted: flag,
  mos: optional(list(mosEstimate, CODEC_IDS.length)),
});

// The version and the tool are checked before the rest (shared/report-file.ts), so a newer or
// foreign file is named as such rather than by its first unknown field.
export const reportSchema: Schema<DiagnoseReport> = object<DiagnoseReport>({
  schemaVersion: integer(1, REPORT_SCHEMA_VERSION),
  tool: object<DiagnoseReport['tool']>({ name: oneOf(['trunkcheck']), version: token(/^[0-9A-Za-z][0-9A-Za-z.+-]{0,39}$/, 'version') }),
  startedAt: timestamp,
  durationMs: ms,
  profile: profileId,
  local: object<DiagnoseReport['local']>({ ip: ipAddress, sipPort: port, gateway: nullable(ipAddress) }),
  stunServers: refine(list(object<DiagnoseReport['stunServers'][number]>({ host: serverHost, port }), 2), (servers) =>
    servers.length === 0 ? { code: 'schema/no-stun-server' } : null,
  ),
  publicAddress: nullable(object<NonNullable<DiagnoseReport['publicAddress']>>({ ip: ipAddress, port: wirePort })),
  pbx: nullable(pbxNeeds),
  checks: object<DiagnoseReport['checks']>({ publicAddress: publicAddressCheck, nat: nullable(natEvidence), sip: nullable(sipEvidence), path: nullable(pathEvidence) }),
  sip: nullable(sipReport),
  rtp: nullable(rtpSection),
  keepalive: nullable(keepaliveSection),
  quality: nullable(qualitySection),
  nat: natReport,
  gateway: nullable(gatewayReport),
  fragments: nullable(fragmentsReport),
  rules: refine(list(rule, 4), (rules) => (new Set(rules.map((entry) => entry.id)).size === rules.length ? null : { code: 'schema/rule-twice' })),
  verdict,
  cancelled: optional(list(oneOf(CHECK_IDS), CHECK_IDS.length)),
  ipv6: optional(nullable(ipv6SectionSchema({ transportAddress, rule, sipReport }))),
});
