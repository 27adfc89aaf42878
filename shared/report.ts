// The diagnosis report: the stable JSON of `trunkcheck diagnose --json` (DESIGN.md, "Command line
// contract"). Later capabilities add sections; the fields named in DESIGN.md never change meaning.
import type { TransportAddress } from './address';
import type { CheckId } from './checks';
import type { ErrorData } from './result';
import type { LegacyText } from './text/messages/legacy';
import type { NatMessage } from './text/messages/nat';
import type { KeepaliveMessage, QualityMessage } from './text/messages/quality';
import type { RuleMessage } from './text/messages/rules';
import type { SipMessage } from './text/messages/sip';
import type { PortRange } from './port-range';
import type { FragmentsReport, GatewayReport, PathEvidence, Tristate } from './path';
import type { Ipv6Section } from './report-ipv6';
import type { CodecId, MosScale } from './quality/codecs';
import type { MosGrade } from './quality/emodel';
import type { RegisterReport } from './register';

// Schema 2: evidence is codes with values, no longer English sentences (see RuleResult): the
// rules, the NAT discovery's reasons, probes and server problems, the SIP check's DNS steps and
// ALG findings, the keep-alive reason and the line-quality findings. Schema 1 reports are still
// read: report-upgrade.ts turns their sentences into legacy text.
// Schema 3: four verdicts (action-needed beside ready, blocked, incomplete), what the PBX needs of
// rule 4 (`pbx`), the second NAT (nat.doubleNat, nat.carrierGrade), what the LAN's router says of
// itself (`gateway`), the TTL hops (`checks.path`) and IP fragments (`fragments`). Schema 1 and 2
// reports read with those as "not measured" (report-upgrade.ts).
export const REPORT_SCHEMA_VERSION = 3;

export type NatClassic =
  | 'full-cone'
  | 'restricted-cone'
  | 'port-restricted-cone'
  | 'symmetric'
  | 'open-internet'
  | 'symmetric-udp-firewall'
  | 'blocked'
  | 'unknown';

export type NatBehaviour = 'endpoint-independent' | 'address-dependent' | 'address-and-port-dependent' | 'none' | 'unknown';

// The four firewall rules a diagnosis verifies, in the order reports, histories and exports list them.
export const RULE_IDS = ['outbound-signalling', 'inbound-signalling', 'outbound-media', 'inbound-media'] as const;
export type RuleId = (typeof RULE_IDS)[number];
export type RuleStatus = 'verified' | 'failed' | 'untested';
// DESIGN.md "Command line contract": what the verdicts mean.
//   ready          every rule this PBX needs is verified (caveats may be listed)
//   action-needed  a rule the PBX needs failed, and a change the user can make fixes it
//   blocked        the PBX cannot work in this network as it is
//   incomplete     nothing failed, but something the PBX needs could not be tested
export const VERDICTS = ['ready', 'action-needed', 'blocked', 'incomplete'] as const;
export type Verdict = (typeof VERDICTS)[number];

// What a PBX needs of inbound media (rule 4), from its profile (shared/catalog/pbx-profiles.json):
//   return-path  it sends first from every RTP port and uses the STUN mapping of each port, so
//                answers from the address a port sent to are enough (SwyxWare)
//   any-source   media (and SIP) from any address must arrive unasked: 1:1 forwarding (3CX)
export const INBOUND_MEDIA_NEEDS = ['return-path', 'any-source'] as const;
export type InboundMediaNeed = (typeof INBOUND_MEDIA_NEEDS)[number];

// What the PBX the report was made for needs, kept in the report so it is judged the same way
// wherever it is read (a custom profile is in no catalog).
export interface PbxNeeds {
  readonly inboundMedia: InboundMediaNeed;
  readonly rtp: PortRange;
}

export interface StunServerTarget {
  readonly host: string;
  readonly port: number;
}

// One STUN exchange as seen on the wire, kept as evidence.
export interface BindingEvidence {
  readonly server: TransportAddress;         // where the request went
  readonly respondedFrom: TransportAddress;  // source address of the response datagram
  readonly localPort: number;
  readonly mapped: TransportAddress;         // XOR-MAPPED-ADDRESS, else MAPPED-ADDRESS
  readonly plainMapped: TransportAddress | null;  // MAPPED-ADDRESS when the server sent it too
  readonly otherAddress: TransportAddress | null; // RFC 5780 OTHER-ADDRESS (or RFC 3489 CHANGED-ADDRESS)
  readonly responseOrigin: TransportAddress | null;
  readonly software: string | null;
  readonly rttMs: number;
  readonly retransmissions: number;
  readonly at: string;                       // ISO time of the response
}

export interface PublicAddressCheck {
  readonly ok: boolean;
  readonly local: { readonly ip: string; readonly port: number };
  readonly binding: BindingEvidence | null;
  readonly error: ErrorData | null;
}

// One probe of the NAT discovery, as evidence: where it went, what came back.
export interface ProbeEvidence {
  readonly name: NatMessage | LegacyText;        // probe/mapping-ii, probe/filtering-iii, …
  readonly from: { readonly port: number };      // local port it left from
  readonly to: TransportAddress;
  readonly answered: boolean;
  readonly respondedFrom: TransportAddress | null;
  readonly mapped: TransportAddress | null;
  readonly requestsSent: number;
  readonly ms: number;                           // how long the probe took
  readonly note: NatMessage | LegacyText | null;  // probe/failed: why no usable answer came
}

export interface StunServerCheck {
  readonly server: TransportAddress;
  readonly rfc5780: boolean;                     // usable for behaviour discovery
  readonly otherAddress: TransportAddress | null;
  readonly responseOrigin: TransportAddress | null;
  readonly problems: readonly (NatMessage | LegacyText)[]; // server/*: why it is not usable, or what looked odd
}

export interface NatEvidence {
  readonly server: StunServerCheck | null;
  readonly mappingMethod: 'rfc5780' | 'two-servers' | 'none';
  readonly mappingReason: NatMessage | LegacyText;   // mapping/*
  readonly filteringReason: NatMessage | LegacyText; // filtering/*
  readonly probes: readonly ProbeEvidence[];
  readonly rttMs: number | null;                 // the round trip the no-answer timeouts were derived from
  readonly alg: { readonly suspected: boolean; readonly evidence: NatMessage | LegacyText | null }; // alg/mapped-differs
  readonly lifetime: {
    readonly aliveAfterSec: readonly number[];
    readonly deadAfterSec: readonly number[];
    readonly reason: NatMessage | LegacyText;      // lifetime/*
    readonly keepaliveSec: number;                 // the profile's keep-alive interval
    readonly keepaliveEnough: boolean | null;      // does the binding outlive it
    readonly recommendedKeepaliveSec: number | null;
  } | null;
  readonly durationMs: number;
}

// DESIGN.md: sip: { target, reachable, status, reason, rttMs, via: { received, rport }, algSuspected }
export interface SipReport {
  readonly target: string;
  readonly reachable: boolean;
  readonly status: number | null;
  readonly reason: string | null;
  readonly rttMs: number | null;
  readonly via: { readonly received: string | null; readonly rport: number | null };
  readonly algSuspected: boolean | null;
  // The registration with the provider's credentials (issue 16, shared/register.ts); absent: not
  // asked for (or a report written before it existed). Schema 3 still: an optional section.
  readonly register?: RegisterReport | null;
}

export interface TransportProbe {
  readonly transport: 'tcp' | 'tls';
  readonly target: string;               // host:port
  readonly ok: boolean;
  readonly outcome: string;              // connected | refused | timeout | ok | expired | name-mismatch | …
  readonly ms: number;
  readonly certificate: { readonly subjectCN?: string; readonly subjectAltNames: readonly string[]; readonly issuer: string; readonly validTo: string; readonly daysUntilExpiry: number } | null;
  readonly message: ErrorData | null;    // why the probe failed (tcp/*, tls/*)
}

export interface SipEvidence {
  // RFC 3263: what was looked up (dns/* messages), lookups that failed on the way (their errors).
  readonly resolution: { readonly steps: readonly (SipMessage | LegacyText)[]; readonly warnings: readonly ErrorData[] } | null;
  readonly transports: readonly TransportProbe[];
  readonly resolved: TransportAddress | null;
  readonly evidence: RuleMessage;          // the OPTIONS outcome: options/answered | options/no-answer | options/cancelled | options/not-asked
  readonly algEvidence: readonly (SipMessage | LegacyText)[]; // sip-alg/*: why an ALG is suspected
  readonly algNotes: readonly (SipMessage | LegacyText)[];    // sip-alg/*: what was found consistent, or could not be checked
  readonly error: ErrorData | null;
}

// A rule's evidence is a list of messages, each one sentence once worded by shared/text (the
// STUN part, then the SIP part, for example). A message is a plain object, its `code` and the
// values that code carries (shared/text/messages/rules.ts RULE_MESSAGES is the table, and
// isRuleMessage the check a reader of a report file calls), for example
//   { "code": "signalling/stun-out", "port": 65002, "server": "203.0.113.10:3478", "at": "2026-11-23T21:21:40.263Z" }
//   { "code": "media/inbound-blocked", "from": "203.0.113.11:3479", "ports": [55000, 55091], "tested": 12 }
// Value kinds: ports are integers 1–65535; addresses are strings, "ip:port" ("[v6]:port" for
// IPv6) or a bare IP; times are ISO 8601 UTC strings; counts are non-negative integers; port
// ranges are { from, to }; free text from the far end (SIP reason phrase) is one line of at most
// 300 characters. A schema-1 report's English sentence reads as { "code": "legacy/text", "text": "…" }
// (at most 4,000 characters). No message carries words of any language except legacy text.
export interface RuleResult {
  readonly id: RuleId;
  readonly status: RuleStatus;
  readonly evidence: readonly RuleMessage[];
}

export interface NatReport {
  readonly classic: NatClassic;
  readonly mapping: NatBehaviour;
  readonly filtering: NatBehaviour;
  readonly supported: boolean | null;
  readonly portPreserved: boolean | null;
  readonly bindingLifetimeSec: number | null;
  readonly hairpinning: boolean | null;
  readonly doubleNat: Tristate;      // a second NAT between the LAN's router and the internet
  readonly carrierGrade: Tristate;   // that NAT is the provider's (RFC 6598 100.64.0.0/10 beyond the router)
}

export interface DiagnoseReport {
  readonly schemaVersion: number;
  readonly tool: { readonly name: 'trunkcheck'; readonly version: string };
  readonly startedAt: string;
  readonly durationMs: number;
  readonly profile: string;
  readonly local: { readonly ip: string; readonly sipPort: number; readonly gateway: string | null };
  readonly stunServers: readonly StunServerTarget[];
  readonly publicAddress: { readonly ip: string; readonly port: number } | null;
  // null: what the profile needs was not recorded (a schema-1 or 2 report whose profile the catalog
  // no longer has); readers then take the catalog's default profile (shared/verdict/needs.ts).
  readonly pbx: PbxNeeds | null;
  readonly checks: {
    readonly publicAddress: PublicAddressCheck;
    readonly nat: NatEvidence | null;
    readonly sip: SipEvidence | null;
    readonly path: PathEvidence | null;      // the TTL-limited probes towards the STUN server; null: not asked
  };
  readonly sip: SipReport | null;
  readonly rtp: RtpSection | null;
  readonly keepalive: KeepaliveSection | null;
  readonly quality: QualitySection | null;
  readonly nat: NatReport;
  readonly gateway: GatewayReport | null;    // what the LAN's router says of itself; null: not asked or no answer
  readonly fragments: FragmentsReport | null; // null: not measured
  readonly rules: readonly RuleResult[];
  readonly verdict: Verdict;
  // Checks a person cancelled before they finished (absent: none). Their sections are empty and
  // the rules they would have proven are untested, so the verdict stays incomplete.
  readonly cancelled?: readonly CheckId[];
  // The same checks over IPv6 (shared/report-ipv6.ts); absent or null: not measured.
  readonly ipv6?: Ipv6Section | null;
}

// Media ports (rules 3 and 4 of the source document), keep-alive and line quality. The
// electron/ builders (media/section.ts, monitor/section.ts, quality/section.ts) produce these
// shapes; they are declared here so the wizard can read a report without any Node code.
export interface RtpSection {
  readonly range: PortRange;
  readonly mode: 'sample' | 'full';
  readonly local: {
    readonly free: number;
    readonly taken: readonly number[];
    readonly errors: readonly (ErrorData & { readonly ports: readonly number[] })[];
    readonly ms: number;
  } | null;
  readonly probe: {
    readonly server: TransportAddress;
    readonly other: TransportAddress | null;
    readonly summary: {
      readonly requested: number;
      readonly probed: number;
      readonly taken: readonly number[];
      readonly errors: number;
      readonly outboundVerified: number;
      readonly outboundFailed: readonly number[];
      readonly portPreserved: number;
      readonly portChanged: readonly number[];
      readonly inboundVerified: number;
      readonly inboundNotVerified: readonly number[];
      readonly inboundUntested: number;
      readonly publicIps: readonly string[];
    };
    readonly inboundUntestedReason: RuleMessage | null;  // media/no-alternate-address
    readonly requestsSent: number;
    readonly pacingPerSecond: number;
    readonly durationMs: number;
    readonly ports: readonly {
      readonly port: number;
      readonly status: 'probed' | 'taken' | 'error' | 'cancelled';
      readonly outbound: 'verified' | 'failed' | 'untested';
      readonly mapped: TransportAddress | null;
      readonly portPreserved: boolean | null;
      readonly inboundFromUnknown: 'verified' | 'not-verified' | 'untested';
      readonly evidence: readonly RuleMessage[];   // port/* messages: what this one port showed
    }[];
  } | null;
}

export interface KeepaliveSection {
  readonly profileIntervalSec: number;
  readonly bindingLifetimeSec: number | null;
  readonly recommendedIntervalSec: number;
  readonly basis: 'profile' | 'measured';
  readonly reason: KeepaliveMessage | LegacyText;
  readonly observed: {
    readonly sent: number;
    readonly answered: number;
    readonly missed: number;
    readonly addressChanges: number;
    readonly bindingLost: number;
    readonly mapped: TransportAddress | null;
  } | null;
}

export type MetricVerdict = 'pass' | 'fail' | 'unknown';

export interface QualitySection {
  readonly server: TransportAddress;
  readonly ratePerSecond: number;
  readonly durationSec: number;
  readonly sent: number;
  readonly answered: number;
  readonly lateAnswers: number;
  readonly lossRoundTripPercent: number;
  readonly lossOneWayPercent: number;
  readonly rttMs: { readonly min: number; readonly avg: number; readonly p95: number; readonly max: number } | null;
  readonly jitterMs: number | null;
  readonly thresholds: { readonly maxLossPercent: number; readonly maxJitterMs: number; readonly maxRttMs: number };
  readonly verdict: { readonly loss: MetricVerdict; readonly jitter: MetricVerdict; readonly rtt: MetricVerdict; readonly overall: MetricVerdict };
  readonly findings: readonly (QualityMessage | LegacyText)[]; // quality/*: each metric against its limit, then the overall
  readonly aborted: boolean;
  // The expected call quality per codec the PBX offers (ITU-T G.107 E-model, shared/quality/emodel.ts),
  // beside the provider's limits above. Absent: a report from before it was computed.
  readonly mos?: readonly MosEstimate[];
}

// One codec's expected call quality. r, mos and the delays are null (grade unknown) when the
// stream gave no usable round trip, jitter or loss.
export interface MosEstimate {
  readonly codec: CodecId;
  readonly scale: MosScale;                  // narrowband: G.107 MOS-CQE; wideband: G.107.1 MOS-CQEW
  readonly r: number | null;
  readonly mos: number | null;
  readonly grade: MosGrade | 'unknown';
  readonly ie: number;
  readonly bpl: number;
  readonly oneWayDelayMs: number | null;     // mouth to ear
  readonly jitterBufferMs: number | null;
}
