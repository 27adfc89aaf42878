// What the NAT step shows, worded in the reader's language from the report's data: the
// verdict, the fix, one evidence row per check and the diagram's labels. Known outcomes are
// worded here from the measured addresses; an unusual one keeps the main process's own
// (English) sentence, marked as such, rather than guessing.
import { formatAddress, type TransportAddress } from '../../../../shared/address';
import type { PbxProfile } from '../../../../shared/catalog/profiles';
import type { DiagnoseReport, NatClassic, ProbeEvidence } from '../../../../shared/report';
import type { Messages } from '../../i18n/en';
import type { Lang } from '../../i18n/locale.svelte';

export type VerdictTone = 'ok' | 'note' | 'blocker' | 'unknown';
export type RowTone = 'ok' | 'warn' | 'bad' | 'neutral';

// A sentence of evidence; `lang` is set when it is the main process's English text.
export interface Sentence {
  readonly text: string;
  readonly lang?: 'en';
}

export interface EvidenceRow {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly aside: string | null;
  readonly tone: RowTone;
  readonly detail: readonly Sentence[];
}

export interface DiagramFacts {
  readonly pbx: string;
  readonly gateway: string | null;
  readonly wan: string | null;        // the router's public side; null when unknown
  readonly natted: boolean | null;    // null: no answer, so nobody knows
  readonly mapped: string | null;
  readonly type: string;
  readonly tone: VerdictTone;
  readonly servers: readonly { readonly address: string; readonly resolved: string | null; readonly alternate: string | null }[];
}

export interface NatFacts {
  readonly classic: NatClassic;
  readonly tone: VerdictTone;
  readonly name: string;
  readonly status: string;
  readonly meaning: string;
  readonly fix: readonly string[];
  readonly fixIsChoice: boolean;      // the fix lines are alternatives: one of them is enough
  readonly rows: readonly EvidenceRow[];
  readonly diagram: DiagramFacts;
}

export interface Formatters {
  readonly lang: Lang;
  number(value: number, fractionDigits?: number): string;
}

// The PBX profile the report was made for, and how long its lifetime test takes.
export interface NatContext {
  readonly profile: PbxProfile;
  readonly lifetimeSec: number;
}

export function describeNat(t: Messages, format: Formatters, report: DiagnoseReport, context: NatContext): NatFacts {
  const { profile } = context;
  const n = t.nat;
  const { nat } = report;
  const tone: VerdictTone =
    nat.supported === false ? 'blocker' : nat.supported === null ? 'unknown' : nat.classic === 'symmetric-udp-firewall' ? 'note' : 'ok';
  const status = nat.supported === true ? n.supported(profile.name) : nat.supported === false ? n.notSupported(profile.name) : n.noVerdict;
  const meaning =
    nat.classic === 'blocked'
      ? n.meaning.blocked(report.local.sipPort)
      : nat.classic === 'unknown' && nat.mapping === 'endpoint-independent'
        ? n.meaning.unknownCone
        : n.meaning[nat.classic];
  return {
    classic: nat.classic,
    tone,
    name: n.names[nat.classic],
    status,
    meaning,
    fix: fixLines(t, report, profile),
    fixIsChoice: nat.classic === 'symmetric',
    rows: evidenceRows(t, format, report, context.lifetimeSec),
    diagram: diagramFacts(t, report, tone),
  };
}

// The fix for a blocker (or what is still to do), with the real ports and the PBX's address.
function fixLines(t: Messages, report: DiagnoseReport, profile: PbxProfile): string[] {
  const f = t.nat.fix;
  const sip = report.local.sipPort;
  const rtp = `${profile.rtp.from}–${profile.rtp.to}`;
  const pbx = report.local.ip;
  switch (report.nat.classic) {
    case 'symmetric':
      return [f.symmetricForward(sip, rtp, pbx), f.symmetricStatic];
    case 'blocked':
      return [f.blocked(sip, rtp, pbx)];
    case 'symmetric-udp-firewall':
      return [f.firewall(sip, rtp, pbx)];
    case 'unknown':
      if (report.nat.mapping !== 'unknown' && report.nat.filtering === 'unknown') return [f.unknownFiltering];
      return report.nat.mapping === 'unknown' || report.nat.filtering === 'unknown' ? [f.unknown] : [];
    default:
      return [];
  }
}

const english = (text: string): Sentence => ({ text, lang: 'en' });
const said = (text: string): Sentence => ({ text });

function evidenceRows(t: Messages, format: Formatters, report: DiagnoseReport, lifetimeSec: number): EvidenceRow[] {
  const n = t.nat;
  const e = n.evidence;
  const evidence = report.checks.nat;
  const binding = report.checks.publicAddress.binding;
  const nat = report.nat;
  const list = (items: readonly string[]): string => new Intl.ListFormat(format.lang, { type: 'disjunction' }).format(items);
  const seconds = (values: readonly number[]): string => values.map((value) => format.number(value, value % 1 === 0 ? 0 : 1)).join(', ');
  const rows: EvidenceRow[] = [];

  const mappingProbes = evidence?.probes.filter((probe) => probe.from.port === report.local.sipPort) ?? [];
  const filteringProbes = evidence?.probes.filter((probe) => probe.from.port !== report.local.sipPort) ?? [];

  rows.push({
    id: 'mapping',
    label: e.mapping,
    value: n.behaviour[nat.mapping],
    aside: evidence && evidence.mappingMethod !== 'none' ? n.method[evidence.mappingMethod] : null,
    tone: nat.mapping === 'endpoint-independent' || nat.mapping === 'none' ? 'ok' : nat.mapping === 'unknown' ? 'warn' : 'bad',
    detail: evidence === null ? [] : [mappingReason(t, report, mappingProbes) ?? english(evidence.mappingReason)],
  });

  rows.push({
    id: 'filtering',
    label: e.filtering,
    value: nat.filtering === 'none' ? n.noFiltering : n.behaviour[nat.filtering],
    aside: null,
    tone: nat.filtering === 'unknown' ? 'warn' : 'neutral',
    detail: evidence === null ? [] : [filteringReason(t, report, filteringProbes, list) ?? english(evidence.filteringReason)],
  });

  const mapped = report.publicAddress;
  rows.push({
    id: 'port',
    label: e.portPreserved,
    value: nat.portPreserved === null ? n.notTested : nat.portPreserved ? n.yes : n.no,
    aside: null,
    tone: nat.portPreserved === null ? 'neutral' : nat.portPreserved ? 'ok' : 'warn',
    detail: [
      said(
        mapped === null ? n.portUnknown : mapped.port === report.local.sipPort ? n.portKept(mapped.port) : n.portChanged(report.local.sipPort, mapped.port),
      ),
    ],
  });

  rows.push({
    id: 'hairpinning',
    label: e.hairpinning,
    value: nat.hairpinning === null ? n.notTested : nat.hairpinning ? n.yes : n.no,
    aside: null,
    tone: 'neutral',
    detail: [said(nat.hairpinning === null ? n.hairpinNotTested : nat.hairpinning ? n.hairpinYes : n.hairpinNo)],
  });

  const server = evidence?.server ?? null;
  const problems = server === null || binding === null ? [] : serverProblems(t, server.otherAddress, server.responseOrigin, binding.respondedFrom);
  rows.push({
    id: 'server',
    label: e.server,
    value: server === null ? n.serverNotAsked : server.rfc5780 ? n.serverOk : n.serverNo,
    aside: server === null ? null : formatAddress(server.server),
    tone: server === null ? 'neutral' : server.rfc5780 ? 'ok' : 'warn',
    detail:
      server === null
        ? []
        : server.rfc5780 && server.otherAddress
          ? [said(n.serverAlternate(formatAddress(server.otherAddress)))]
          : problems.length > 0
            ? problems.map(said)
            : server.problems.map(english),
  });

  const alg = evidence?.alg ?? null;
  rows.push({
    id: 'alg',
    label: e.alg,
    value: alg === null ? n.notTested : alg.suspected ? n.algSuspected : n.algNone,
    aside: null,
    tone: alg === null ? 'neutral' : alg.suspected ? 'bad' : 'ok',
    detail:
      alg === null || binding === null
        ? []
        : alg.suspected && binding.plainMapped
          ? [said(t.publicAddress.algDetail(formatAddress(binding.plainMapped), formatAddress(binding.mapped)))]
          : alg.suspected && alg.evidence
            ? [english(alg.evidence)]
            : [said(binding.plainMapped ? n.algNoneDetail : n.algNotComparable)],
  });

  rows.push(lifetimeRow(t, report, seconds, lifetimeSec));

  rows.push({
    id: 'duration',
    label: e.duration,
    value: report.durationMs < 1000 ? n.durationValue(format.number(report.durationMs)) : n.durationSeconds(format.number(report.durationMs / 1000, 1)),
    aside: null,
    tone: 'neutral',
    detail: evidence?.rttMs != null ? [said(n.durationDetail(format.number(evidence.rttMs, evidence.rttMs < 10 ? 1 : 0)))] : [],
  });
  return rows;
}

function lifetimeRow(t: Messages, report: DiagnoseReport, seconds: (values: readonly number[]) => string, lifetimeSec: number): EvidenceRow {
  const n = t.nat;
  const base = { id: 'lifetime', label: n.evidence.lifetime, aside: null };
  const lifetime = report.checks.nat?.lifetime ?? null;
  if (lifetime === null) {
    return { ...base, value: n.lifetimeNotMeasured, tone: 'neutral', detail: report.checks.nat ? [said(n.lifetimeNotMeasuredDetail(lifetimeSec))] : [] };
  }
  const { aliveAfterSec: alive, deadAfterSec: dead } = lifetime;
  if (alive.length === 0 && dead.length === 0) return { ...base, value: n.lifetimeUnknown, tone: 'warn', detail: [english(lifetime.reason)] };
  const firstDead = dead.length > 0 ? Math.min(...dead) : null;
  const survived = alive.filter((delay) => firstDead === null || delay < firstDead);
  const lowerBound = survived.length > 0 ? Math.max(...survived) : null;
  const sec = (value: number): string => seconds([value]);
  const value =
    firstDead === null ? n.lifetimeAtLeast(sec(lowerBound ?? 0)) : lowerBound === null ? n.lifetimeUnder(sec(firstDead)) : n.lifetimeRange(sec(lowerBound), sec(firstDead));
  const what =
    firstDead === null ? n.lifetimeSurvivedAll(seconds(alive)) : lowerBound === null ? n.lifetimeGoneFirst(sec(firstDead)) : n.lifetimeSurvived(sec(lowerBound), sec(firstDead));
  const advice =
    lifetime.keepaliveEnough === true
      ? n.keepaliveEnough(lifetime.keepaliveSec)
      : lifetime.recommendedKeepaliveSec !== null
        ? n.keepaliveTooLong(lifetime.keepaliveSec, lifetime.recommendedKeepaliveSec)
        : null;
  return {
    ...base,
    value,
    tone: lifetime.keepaliveEnough === true ? 'ok' : lifetime.keepaliveEnough === false ? 'warn' : 'neutral',
    detail: advice === null ? [said(what)] : [said(what), said(advice)],
  };
}

function mappingReason(t: Messages, report: DiagnoseReport, probes: readonly ProbeEvidence[]): Sentence | null {
  const r = t.nat.reason;
  const first = report.checks.publicAddress.binding;
  if (report.nat.mapping === 'none') return said(r.mappingNone);
  if (first === null) return null;
  const answered = probes.filter((probe): probe is ProbeEvidence & { mapped: TransportAddress } => probe.mapped !== null);
  if (report.nat.mapping === 'endpoint-independent') {
    const same = answered.filter((probe) => formatAddress(probe.mapped) === formatAddress(first.mapped));
    return same.length === 0 ? null : said(r.mappingSame(formatAddress(first.mapped), 1 + same.length));
  }
  if (report.nat.mapping === 'address-dependent' || report.nat.mapping === 'address-and-port-dependent') {
    const distinct = [...new Set([first.mapped, ...answered.map((probe) => probe.mapped)].map(formatAddress))];
    return distinct.length < 2 ? null : said(r.mappingChanged(distinct.join(', ')));
  }
  const method = report.checks.nat?.mappingMethod;
  return report.nat.mapping === 'unknown' && method === 'none' && probes.length === 0 ? said(r.mappingNoServer) : null;
}

function filteringReason(t: Messages, report: DiagnoseReport, probes: readonly ProbeEvidence[], list: (items: readonly string[]) => string): Sentence | null {
  const r = t.nat.reason;
  const primary = report.checks.publicAddress.binding?.respondedFrom ?? null;
  const other = report.checks.nat?.server?.otherAddress ?? null;
  const filtering = report.nat.filtering;
  if (filtering === 'unknown' && probes.length === 0 && report.checks.nat?.server?.rfc5780 === false) return said(r.filteringNoServer);
  if (primary === null || other === null || probes.length === 0) return null;
  const changedBoth = formatAddress({ ip: other.ip, port: other.port });
  const changedPort = formatAddress({ ip: primary.ip, port: other.port });
  const answeredFrom = probes.flatMap((probe) => (probe.respondedFrom ? [formatAddress(probe.respondedFrom)] : []));
  if ((filtering === 'endpoint-independent' || filtering === 'none') && answeredFrom.includes(changedBoth)) return said(r.filteringOpen(changedBoth));
  if (filtering === 'address-dependent' && answeredFrom.includes(changedPort) && !answeredFrom.includes(changedBoth)) return said(r.filteringAddress(changedPort, changedBoth));
  if (filtering === 'address-and-port-dependent' && answeredFrom.length === 0) {
    const sent = probes.reduce((sum, probe) => sum + probe.requestsSent, 0);
    return said(r.filteringStrict(sent, list([changedBoth, changedPort])));
  }
  return null;
}

// RFC 5780 §4.2 and §7.3–7.4, worded for the reader: why the server cannot test the NAT.
function serverProblems(t: Messages, other: TransportAddress | null, origin: TransportAddress | null, from: TransportAddress): string[] {
  const p = t.nat.serverProblem;
  const problems: string[] = [];
  if (origin !== null && formatAddress(origin) !== formatAddress(from)) problems.push(p.origin(formatAddress(origin), formatAddress(from)));
  if (other === null) return [...problems, p.noOther];
  if (other.ip === from.ip) problems.push(p.sameIp(formatAddress(other)));
  if (other.port === from.port) problems.push(p.samePort(formatAddress(other)));
  return problems;
}

function diagramFacts(t: Messages, report: DiagnoseReport, tone: VerdictTone): DiagramFacts {
  const binding = report.checks.publicAddress.binding;
  const mapped = report.publicAddress;
  const natted = mapped === null ? null : mapped.ip !== report.local.ip;
  const server = report.checks.nat?.server ?? null;
  return {
    pbx: formatAddress({ ip: report.local.ip, port: report.local.sipPort }),
    gateway: report.local.gateway,
    wan: natted ? (mapped?.ip ?? null) : null,
    natted,
    mapped: mapped === null ? null : formatAddress(mapped),
    type: t.nat.shortNames[report.nat.classic],
    tone,
    servers: report.stunServers.map((target, index) => {
      const address = formatAddress({ ip: target.host, port: target.port });
      const resolved = index === 0 && binding !== null ? formatAddress(binding.server) : null;
      return {
        address,
        resolved: resolved !== null && resolved !== address ? resolved : null,
        alternate: index === 0 && server?.rfc5780 && server.otherAddress ? formatAddress(server.otherAddress) : null,
      };
    }),
  };
}
