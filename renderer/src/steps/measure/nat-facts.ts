// What the Measure step shows of the NAT, from the report's data: the verdict's tone, the rows of the evidence
// table and the diagram's labels. Every finding is worded by the shared catalog (shared/text),
// the same words the terminal and the checklist use; only the table's labels and values are the
// wizard's own. An old report's English sentence is marked as English.
import { formatAddress, isIPv4, isIPv6 } from '../../../../shared/address';
import type { PbxProfile } from '../../../../shared/catalog/profiles';
import { meaningMessage, natAdvice } from '../../../../shared/nat/advice';
import type { DiagnoseReport, NatClassic } from '../../../../shared/report';
import { word, type Message } from '../../../../shared/text';
import type { Messages } from '../../i18n/en';
import type { Lang } from '../../i18n/locale.svelte';

export type VerdictTone = 'ok' | 'note' | 'blocker' | 'unknown';
export type RowTone = 'ok' | 'warn' | 'bad' | 'neutral';

// A sentence of evidence; `lang` is set when it is an old report's English text.
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
  const say = (message: Message): string => word(format.lang, message);
  // The NAT type is a fact under the verdict: green only on a ready line, never beside a failed rule.
  const tone: VerdictTone =
    nat.supported === false ? 'blocker' : nat.supported === null ? 'unknown' : nat.classic === 'symmetric-udp-firewall' || report.verdict !== 'ready' ? 'note' : 'ok';
  const status = nat.supported === true ? n.supported(profile.name) : nat.supported === false ? n.notSupported(profile.name) : n.noVerdict;
  const pbx = { pbxIp: report.local.ip, sipPort: report.local.sipPort, rtp: report.rtp?.range ?? profile.rtp };
  return {
    classic: nat.classic,
    tone,
    name: say({ code: 'nat/type', classic: nat.classic }),
    status,
    meaning: say(meaningMessage(nat, report.local.sipPort)),
    fix: natAdvice(nat, pbx).map(say),
    fixIsChoice: nat.classic === 'symmetric',
    rows: evidenceRows(t, format, report, context.lifetimeSec),
    diagram: diagramFacts(t, report, tone),
  };
}

function evidenceRows(t: Messages, format: Formatters, report: DiagnoseReport, lifetimeSec: number): EvidenceRow[] {
  const n = t.nat;
  const e = n.evidence;
  const evidence = report.checks.nat;
  const binding = report.checks.publicAddress.binding;
  const nat = report.nat;
  const sentence = (message: Message): Sentence => (message.code === 'legacy/text' ? { text: word(format.lang, message), lang: 'en' } : { text: word(format.lang, message) });
  const behaviour = (value: typeof nat.mapping): string => word(format.lang, { code: 'nat/behaviour', behaviour: value });
  const rows: EvidenceRow[] = [];

  rows.push({
    id: 'mapping',
    label: e.mapping,
    value: behaviour(nat.mapping),
    aside: evidence && evidence.mappingMethod !== 'none' ? n.method[evidence.mappingMethod] : null,
    tone: nat.mapping === 'endpoint-independent' || nat.mapping === 'none' ? 'ok' : nat.mapping === 'unknown' ? 'warn' : 'bad',
    detail: evidence === null ? [] : [sentence(evidence.mappingReason)],
  });

  rows.push({
    id: 'filtering',
    label: e.filtering,
    value: nat.filtering === 'none' ? n.noFiltering : behaviour(nat.filtering),
    aside: null,
    tone: nat.filtering === 'unknown' ? 'warn' : 'neutral',
    detail: evidence === null ? [] : [sentence(evidence.filteringReason)],
  });

  const mapped = report.publicAddress;
  rows.push({
    id: 'port',
    label: e.portPreserved,
    value: nat.portPreserved === null ? n.notTested : nat.portPreserved ? n.yes : n.no,
    aside: null,
    tone: nat.portPreserved === null ? 'neutral' : nat.portPreserved ? 'ok' : 'warn',
    detail: [
      sentence(
        mapped === null
          ? { code: 'nat/port-unknown' }
          : mapped.port === report.local.sipPort
            ? { code: 'nat/port-kept', port: mapped.port }
            : { code: 'nat/port-changed', local: report.local.sipPort, mapped: mapped.port },
      ),
    ],
  });

  rows.push({
    id: 'hairpinning',
    label: e.hairpinning,
    value: nat.hairpinning === null ? n.notTested : nat.hairpinning ? n.yes : n.no,
    aside: null,
    tone: 'neutral',
    detail: [sentence({ code: nat.hairpinning === null ? 'nat/hairpin-not-tested' : nat.hairpinning ? 'nat/hairpin-yes' : 'nat/hairpin-no' })],
  });

  const server = evidence?.server ?? null;
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
          ? [sentence({ code: 'server/usable', other: formatAddress(server.otherAddress) })]
          : server.problems.map(sentence),
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
        : alg.suspected && alg.evidence
          ? [sentence(alg.evidence)]
          : [sentence({ code: binding.plainMapped ? 'alg/agree' : 'alg/not-comparable' })],
  });

  rows.push(lifetimeRow(t, format, report, lifetimeSec, sentence));

  rows.push({
    id: 'duration',
    label: e.duration,
    value: report.durationMs < 1000 ? n.durationValue(format.number(report.durationMs)) : n.durationSeconds(format.number(report.durationMs / 1000, 1)),
    aside: null,
    tone: 'neutral',
    detail: evidence?.rttMs != null ? [sentence({ code: 'nat/timeouts', rttMs: evidence.rttMs })] : [],
  });
  return rows;
}

function lifetimeRow(t: Messages, format: Formatters, report: DiagnoseReport, lifetimeSec: number, sentence: (message: Message) => Sentence): EvidenceRow {
  const n = t.nat;
  const base = { id: 'lifetime', label: n.evidence.lifetime, aside: null };
  const lifetime = report.checks.nat?.lifetime ?? null;
  if (lifetime === null) {
    return { ...base, value: n.lifetimeNotMeasured, tone: 'neutral', detail: report.checks.nat ? [{ text: n.lifetimeNotMeasuredDetail(lifetimeSec) }] : [] };
  }
  const { aliveAfterSec: alive, deadAfterSec: dead } = lifetime;
  if (alive.length === 0 && dead.length === 0) return { ...base, value: n.lifetimeUnknown, tone: 'warn', detail: [sentence(lifetime.reason)] };
  const firstDead = dead.length > 0 ? Math.min(...dead) : null;
  const survived = alive.filter((delay) => firstDead === null || delay < firstDead);
  const lowerBound = survived.length > 0 ? Math.max(...survived) : null;
  const sec = (value: number): string => format.number(value, value % 1 === 0 ? 0 : 1);
  const value =
    firstDead === null ? n.lifetimeAtLeast(sec(lowerBound ?? 0)) : lowerBound === null ? n.lifetimeUnder(sec(firstDead)) : n.lifetimeRange(sec(lowerBound), sec(firstDead));
  const advice: Message | null =
    lifetime.keepaliveEnough === true
      ? { code: 'lifetime/keepalive-enough', keepalive: lifetime.keepaliveSec }
      : lifetime.recommendedKeepaliveSec !== null
        ? { code: 'lifetime/keepalive-too-slow', keepalive: lifetime.keepaliveSec, recommended: lifetime.recommendedKeepaliveSec }
        : null;
  return {
    ...base,
    value,
    tone: lifetime.keepaliveEnough === true ? 'ok' : lifetime.keepaliveEnough === false ? 'warn' : 'neutral',
    detail: advice === null ? [sentence(lifetime.reason)] : [sentence(lifetime.reason), sentence(advice)],
  };
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
    // The IPv4 path's servers: one given as an IPv6 address served the IPv6 path alone (report.ipv6).
    servers: report.stunServers.filter((target) => !(isIPv4(target.host) || isIPv6(target.host)) || isIPv6(target.host) === isIPv6(report.local.ip)).map((target, index) => {
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
