// The terminal's own words (`trunkcheck diagnose`, `checklist`, `monitor`): the labels of the
// report's lines and the short phrases around the measured values. Whole sentences of the domain
// come from the message catalog (word()); this is the frame they are printed in, one table per
// language (STYLE.md habit 11), so a missing phrase is a type error.
import type { RuleId, RuleStatus, Verdict, MetricVerdict } from '../report';
import type { FragmentStatus, MappingService, Tristate } from '../path';
import type { PortRange } from '../port-range';
import type { Ipv6Translation } from '../report-ipv6';
import type { MosGrade } from '../quality/emodel';

export type ReportLabel =
  | 'nat'
  | 'secondNat'
  | 'router'
  | 'fragments'
  | 'publicAddress'
  | 'stunServer'
  | 'mapping'
  | 'filtering'
  | 'hairpinning'
  | 'serverNote'
  | 'alg'
  | 'lifetime'
  | 'measuredIn'
  | 'sipOptions'
  | 'register'
  | 'rtpPorts'
  | 'keepalive'
  | 'quality'
  | 'verdict'
  // The IPv6 path of a dual-stack PBX (the report's ipv6 section), after the IPv4 facts.
  | 'ipv6'
  | 'ipv6Address'
  | 'translation'
  | 'ipv6Firewall'
  // The expected call quality per codec (quality.mos), under the line quality.
  | 'mos';

// Indented lines under a report line.
export type ReportSublabel = 'fix' | 'dns' | 'dnsWarning' | 'algNote' | 'sipAlg' | 'switchOff' | 'inbound' | 'finding';

export interface TerminalText {
  header(version: string, profile: string, sipPort: number): string;
  readonly labels: { readonly [L in ReportLabel]: string };
  readonly sublabels: { readonly [L in ReportSublabel]: string };
  readonly rulesTitle: string;
  // The headline: the verdict and nothing else (DESIGN.md "Command line contract").
  headline(verdict: Verdict): string;
  readonly whatToDoTitle: string;             // the fixes of a report that is not ready
  readonly caveatsTitle: string;              // what a ready report still warns of
  readonly notesTitle: string;
  secondNat(doubleNat: Tristate, carrierGrade: Tristate): string;
  router(ip: string | null, externalIp: string | null, mapping: { readonly upnp: MappingService; readonly natPmp: MappingService; readonly pcp: MappingService }): string;
  fragments(outbound: FragmentStatus, inbound: FragmentStatus): string;
  portPreserved: string;
  portChanged(from: number): string;
  readonly publicAddressUnknown: string;      // the reason is in the outbound signalling rule
  readonly nothingFilters: string;            // filtering: none
  stunAnswer(server: string, rttMs: number, retransmissions: number, software: string | null): string;
  readonly yes: string;
  readonly no: string;
  readonly notTested: string;
  measuredIn(durationMs: number, rttMs: number | null): string;
  sipAnswered(target: string, status: number | null, reason: string | null, rttMs: number | null, received: string | null, rport: number | null): string;
  transport(target: string, outcome: string, ms: number, certificate: { readonly name: string; readonly days: number } | null): string;
  rtpSummary(range: PortRange, probed: number, full: boolean, outbound: number, kept: number, inbound: number, held: readonly number[]): string;
  keepaliveEvery(seconds: number): string;
  qualitySummary(verdict: MetricVerdict, lossPercent: number, jitterMs: number | null, rttMs: number | null): string;
  readonly ruleStatus: { readonly [S in RuleStatus]: string };
  readonly ruleName: { readonly [R in RuleId]: string };
  readonly verdict: { readonly [V in Verdict]: string };
  savedFirst(site: string, path: string): string;
  saved(path: string): string;
  since(site: string, time: string): string;
  readonly nothingChanged: string;
  wrote(file: string, bytes: number): string;
  keeping(port: number, server: string, intervalSec: number): string;
  monitorSummary(sent: number, answered: number, missed: number, changes: number, lost: number): string;
  // The IPv6 block: its verdict in the headline's words (it never heads the report: the primary
  // path's verdict does), what STUN saw of the address, and the title of its rules.
  readonly verdictWord: { readonly [V in Verdict]: string };
  readonly ipv6NotMeasured: string;           // a section without the PBX's global IPv6 address
  translation(translation: Ipv6Translation, mapped: string | null): string;
  readonly ipv6RulesTitle: string;
  // One codec's expected call quality: MOS with two decimals, the grade, R and the delays it rests on.
  mosEstimate(codec: string, wideband: boolean, figures: MosFigures | null, grade: MosGrade | 'unknown'): string;
}

export interface MosFigures {
  readonly mos: number;
  readonly r: number;
  readonly jitterBufferMs: number;
  readonly mouthToEarMs: number;
}
