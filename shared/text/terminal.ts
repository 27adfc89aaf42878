// The terminal's own words (`trunkcheck diagnose`, `checklist`, `monitor`): the labels of the
// report's lines and the short phrases around the measured values. Whole sentences of the domain
// come from the message catalog (word()); this is the frame they are printed in, one table per
// language (STYLE.md habit 11), so a missing phrase is a type error.
import type { RuleId, RuleStatus, Verdict, MetricVerdict } from '../report';
import type { FragmentStatus, MappingService, Tristate } from '../path';
import type { PortRange } from '../port-range';

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
  | 'verdict';

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
}
