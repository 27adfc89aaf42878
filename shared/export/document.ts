// What every document says, worked out once from the checklist: formatted addresses, the status
// words, the NAT verdict, the fixes. Markdown and PDF only lay this out.
import type { Checklist, ChecklistCallQuality, ChecklistTodo, Endpoint, IpFamily, Ports } from '../checklist/model';
import { CODECS, type CodecId, type MosScale } from '../quality/codecs';
import type { MosGrade } from '../quality/emodel';
import { registrationFacts } from '../register-facts';
import { formatEndpointAddresses, formatPorts } from '../checklist/model';
import { meaningMessage, verdictMessage } from '../nat/advice';
import type { GatewayReport } from '../path';
import type { RuleId, RuleStatus, Verdict } from '../report';
import { MAPPING_SERVICES, type MappingServiceName } from '../text/messages/verdict';
import { DOCUMENT, word, wordAll, type DocumentText } from '../text';
import { todoRule, todoRuleLabel } from '../verdict/todo-rule';

// A snippet of vendor syntax for the appendix (the lead wires shared/firewall's renderers in).
export interface AppendixSection {
  readonly title: string;
  readonly body: string;
}

// What ends a line or hides text: control characters (CR, LF, NUL, NEL, ...), the Unicode line and
// paragraph separators, and the bidi embeddings, overrides and isolates that make text read out of
// order. A value of a hand-edited file holds any of them.
const NOT_IN_A_LINE = /[\p{Cc}\p{Zl}\p{Zp}\u202a-\u202e\u2066-\u2069]/gu;

// One line of text, for places where a line break would end something: a Markdown table row, the
// PDF's document information.
export function singleLine(value: unknown): string {
  return String(value).replace(NOT_IN_A_LINE, ' ');
}

export const STATUS_MARKS: Readonly<Record<RuleStatus, string>> = { verified: '✓', failed: '✗', untested: '–' };

export type Tone = 'good' | 'bad' | 'neutral';
// The headline's colour (DESIGN.md): ready green, action-needed amber, blocked red, incomplete grey.
export type VerdictTone = 'good' | 'warn' | 'bad' | 'muted';
export const VERDICT_TONES: Readonly<Record<Verdict, VerdictTone>> = { ready: 'good', 'action-needed': 'warn', blocked: 'bad', incomplete: 'muted' };

// One item of What to do: the rule it serves ("Rule 4 · Inbound voice"), or null for the trunk as a whole.
export interface TodoView {
  readonly rule: string | null;
  readonly text: string;
}

export interface EndpointView {
  readonly label: string;
  readonly addresses: string;
  readonly hosts: string | null;   // names behind the addresses, when they differ
  readonly ports: string;
}

// A STUN server or SIP provider: the address measured, and the name it was given by, if any.
export interface ServerView {
  readonly address: string;
  readonly host: string | null;
}

export function serverText(server: ServerView): string {
  return server.host === null ? server.address : `${server.address} (${server.host})`;
}

export interface RuleView {
  readonly number: number;
  readonly id: RuleId;
  readonly family: IpFamily;
  readonly secondary: boolean;     // an IPv6 rule of a dual-stack PBX, beside its IPv4 rules
  readonly name: string;
  readonly purpose: string;
  readonly direction: string;
  readonly source: EndpointView;
  readonly destination: EndpointView;
  readonly protocol: string;
  readonly status: RuleStatus;
  readonly statusWord: string;
  readonly mark: string;
  readonly evidence: string;
}

export interface DocumentView {
  readonly text: DocumentText;
  readonly date: string;
  readonly site: { readonly name: string; readonly customer: string; readonly technician: string };
  readonly profileName: string;
  readonly verdict: { readonly id: Verdict; readonly word: string; readonly explained: string; readonly tone: VerdictTone };
  // Page 1 under the verdict: the fixes in order, a ready line's caveats, the notes; then the facts.
  readonly todo: { readonly fixes: readonly TodoView[]; readonly caveats: readonly TodoView[]; readonly notes: readonly TodoView[] };
  readonly facts: readonly (readonly [string, string])[];
  readonly network: {
    readonly pbxIp: string;
    readonly sipPort: number;
    readonly rtp: string;
    readonly gateway: string | null;
    readonly publicAddress: string | null;
    readonly publicIp: string | null;
    readonly publicPort: number | null;
    readonly portPreserved: boolean | null;
    readonly stun: readonly ServerView[];
    readonly sip: ServerView | null;
    // A dual-stack PBX: its IPv6 address, the IPv6 rules' numbers, and a translation if STUN saw one.
    // Its own verdict, worded: the headline stays the primary path's (DESIGN.md).
    readonly ipv6: { readonly pbxIp: string; readonly rules: string; readonly line: string; readonly translated: string | null; readonly verdict: string } | null;
  };
  readonly nat: {
    readonly name: string;
    readonly line: string;
    readonly tone: Tone;
    readonly facts: readonly (readonly [string, string])[];
    readonly meaning: string;        // what the type means for SIP (the fixes are in What to do)
  };
  readonly rules: readonly RuleView[];
  readonly qos: string | null;
  readonly callQuality: CallQualityView | null;   // null: the line quality was not measured
  // The registration with the provider, one sentence a line (shared/register-facts.ts); null: not asked.
  readonly registration: readonly string[] | null;
}

export interface MosView {
  readonly codec: CodecId;
  readonly name: string;          // "G.711"
  readonly scale: string;         // worded
  readonly mos: number | null;    // for the needle
  readonly value: string | null;  // "MOS 4.38" in the document's number format
  readonly grade: MosGrade | 'unknown';
  readonly gradeWord: string;
  readonly details: string;
  // The figures in the document's number format, for a table: null when the MOS is unknown.
  readonly figures: { readonly mos: string; readonly r: string; readonly jitterBufferMs: string; readonly mouthToEarMs: string } | null;
}

export interface CallQualityView {
  readonly title: string;
  readonly intro: string;
  readonly basis: string;
  readonly estimates: readonly MosView[];
  readonly wideband: string | null;  // how the wideband figure was made, when one is shown
}

function callQualityView(quality: ChecklistCallQuality, text: DocumentText): CallQualityView {
  const number = (value: number, digits: number): string => new Intl.NumberFormat(text.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  const scales: readonly MosScale[] = quality.estimates.map((estimate) => estimate.scale);
  return {
    title: text.callQualityTitle,
    intro: text.callQualityIntro,
    basis: text.callQualityBasis(number(quality.lossPercent, 1), quality.jitterMs === null ? null : number(quality.jitterMs, 1), quality.rttMs === null ? null : number(quality.rttMs, 1)),
    estimates: quality.estimates.map((estimate) => ({
      codec: estimate.codec,
      name: CODECS[estimate.codec].name,
      scale: text.mosScales[estimate.scale],
      mos: estimate.mos,
      value: estimate.mos === null ? null : text.mosValue(number(estimate.mos, 2)),
      grade: estimate.grade,
      gradeWord: text.mosGrades[estimate.grade],
      details:
        estimate.r === null || estimate.oneWayDelayMs === null || estimate.jitterBufferMs === null
          ? text.mosUnknown
          : text.mosDetails(number(estimate.r, 1), number(estimate.oneWayDelayMs, 0), number(estimate.jitterBufferMs, 0)),
      figures:
        estimate.mos === null || estimate.r === null || estimate.oneWayDelayMs === null || estimate.jitterBufferMs === null
          ? null
          : { mos: number(estimate.mos, 2), r: number(estimate.r, 1), jitterBufferMs: number(estimate.jitterBufferMs, 0), mouthToEarMs: number(estimate.oneWayDelayMs, 0) },
    })),
    wideband: scales.includes('wideband') ? text.mosWideband : null,
  };
}

const pad = (value: number): string => String(value).padStart(2, '0');

// UTC, spelled out by hand so the document is the same on every machine and locale.
export function formatDate(iso: string, language: 'en' | 'de'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const [y, m, d, hh, mm] = [date.getUTCFullYear(), pad(date.getUTCMonth() + 1), pad(date.getUTCDate()), pad(date.getUTCHours()), pad(date.getUTCMinutes())];
  return language === 'de' ? `${d}.${m}.${y} ${hh}:${mm} UTC` : `${y}-${m}-${d} ${hh}:${mm} UTC`;
}

function ports(value: Ports, text: DocumentText): string {
  return value.any ? text.any : formatPorts(value);
}

function endpoint(value: Endpoint, text: DocumentText): EndpointView {
  const addresses = value.anyAddress ? text.any : formatEndpointAddresses(value) || text.notMeasured;
  const hosts = value.hosts.filter((host) => !value.addresses.includes(host)).join(', ');
  return { label: text.endpointLabels[value.label] ?? value.label, addresses, hosts: hosts === '' ? null : hosts, ports: ports(value.ports, text) };
}

function yesNo(value: boolean | null, text: DocumentText): string {
  return value === null ? text.notMeasured : value ? text.yes : text.no;
}

function joinAddress(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function server(ip: string | null, host: string, port: number): ServerView {
  return ip === null || ip === host ? { address: joinAddress(host, port), host: null } : { address: joinAddress(ip, port), host };
}

function offeredServices(gateway: GatewayReport): MappingServiceName[] {
  const offered = { upnp: gateway.portMapping.upnp, 'nat-pmp': gateway.portMapping.natPmp, pcp: gateway.portMapping.pcp };
  return MAPPING_SERVICES.filter((service) => offered[service] === true);
}

function todoView(checklist: Checklist, text: DocumentText): DocumentView['todo'] {
  const view = (item: ChecklistTodo): TodoView => {
    const rule = todoRule(item, checklist.rules, checklist.network.pbxIp);
    return { rule: rule === null ? null : todoRuleLabel(text, rule), text: word(checklist.language, item.message) };
  };
  const of = (kind: ChecklistTodo['kind']): TodoView[] => checklist.todo.filter((item) => item.kind === kind).map(view);
  return { fixes: of('fix'), caveats: of('caveat'), notes: of('note') };
}

// What was measured, as page 1 states it: the NAT type is a fact here, never the headline.
function factsView(checklist: Checklist, text: DocumentText, publicAddress: string | null): (readonly [string, string])[] {
  const { nat, gateway, fragments } = checklist;
  return [
    [text.natTitle, word(checklist.language, { code: 'nat/type', classic: nat.classic })],
    [text.publicAddress, publicAddress === null ? text.notMeasured : text.publicAddressFact(publicAddress, nat.portPreserved)],
    [text.secondNatLabel, text.secondNat(nat.doubleNat, nat.carrierGrade)],
    [text.routerLabel, gateway === null ? text.routerNotAsked : text.routerFact(gateway.ip, gateway.externalIp, offeredServices(gateway))],
    [text.fragmentsLabel, fragments === null ? text.notMeasured : text.fragmentsFact(fragments.outbound, fragments.inbound)],
  ];
}

// "5-8", the numbers of the IPv6 rules of a dual-stack PBX.
function numbers(rules: readonly RuleView[]): string {
  const list = rules.map((rule) => rule.number);
  const first = list[0];
  const last = list.at(-1);
  if (first === undefined || last === undefined) return '';
  return list.length > 1 && last - first === list.length - 1 ? `${first}-${last}` : list.join(', ');
}

function ipv6View(checklist: Checklist, rules: readonly RuleView[], text: DocumentText): DocumentView['network']['ipv6'] {
  const ipv6 = checklist.network.ipv6;
  const secondary = rules.filter((rule) => rule.secondary);
  if (ipv6 === null || secondary.length === 0) return null;
  const translated = ipv6.translation === 'translated' && ipv6.publicIp !== null ? text.ipv6Translated(ipv6.pbxIp, ipv6.publicIp) : null;
  return { pbxIp: ipv6.pbxIp, rules: numbers(secondary), line: text.ipv6Rules(ipv6.pbxIp, numbers(secondary)), translated, verdict: text.verdicts[ipv6.verdict] };
}

// The headline's sentence. On a dual-stack checklist whose IPv6 path came out otherwise it speaks
// for the IPv4 rules only and names the IPv6 path's verdict beside it, so "nothing failed" never
// stands above a failed IPv6 rule.
function verdictExplained(checklist: Checklist, rules: readonly RuleView[], text: DocumentText): string {
  const explained = text.verdictExplained[checklist.verdict];
  const ipv6 = checklist.network.ipv6;
  const secondary = rules.filter((rule) => rule.secondary);
  if (ipv6 === null || secondary.length === 0 || ipv6.verdict === checklist.verdict) return explained;
  return text.verdictByPath(explained, numbers(rules.filter((rule) => !rule.secondary)), text.verdicts[ipv6.verdict], numbers(secondary));
}

export function documentView(checklist: Checklist): DocumentView {
  const text = DOCUMENT[checklist.language] ?? DOCUMENT.en;
  const say = (message: Parameters<typeof word>[1]): string => word(checklist.language, message);
  const { network, nat, profile } = checklist;
  const natName = say({ code: 'nat/type', classic: nat.classic });
  const primary: IpFamily = network.pbxIp.includes(':') ? 6 : 4;
  const rtp = `${profile.rtp.from}-${profile.rtp.to}`;
  const rules = checklist.rules.map((rule, index): RuleView => ({
    number: index + 1,
    id: rule.id,
    family: rule.family,
    secondary: rule.family !== primary,
    name: rule.family !== primary ? `${text.ruleNames[rule.id]} (IPv6)` : text.ruleNames[rule.id],
    purpose: text.rulePurposes[rule.id],
    direction: text.directions[rule.direction],
    source: endpoint(rule.source, text),
    destination: endpoint(rule.destination, text),
    protocol: rule.family !== primary ? `${rule.protocol.toUpperCase()} / IPv6` : rule.protocol.toUpperCase(),
    status: rule.status,
    statusWord: text.statuses[rule.status],
    mark: STATUS_MARKS[rule.status],
    evidence: wordAll(checklist.language, rule.evidence),
  }));
  const publicAddress = network.publicIp === null ? null : network.publicPort === null ? network.publicIp : joinAddress(network.publicIp, network.publicPort);
  // A NAT the PBX supports is green only on a ready line: never a green "supported" beside a failed rule.
  const natTone: Tone = nat.supported === false ? 'bad' : nat.supported === true && checklist.verdict === 'ready' ? 'good' : 'neutral';
  return {
    text,
    date: formatDate(checklist.createdAt, checklist.language),
    site: {
      name: checklist.site.name.trim() || text.notGiven,
      customer: checklist.site.customer.trim() || text.notGiven,
      technician: checklist.site.technician.trim() || text.notGiven,
    },
    profileName: profile.name,
    verdict: { id: checklist.verdict, word: text.verdicts[checklist.verdict], explained: verdictExplained(checklist, rules, text), tone: VERDICT_TONES[checklist.verdict] },
    todo: todoView(checklist, text),
    facts: factsView(checklist, text, publicAddress),
    network: {
      pbxIp: network.pbxIp,
      sipPort: profile.sipPort,
      rtp,
      gateway: network.gateway,
      publicAddress,
      publicIp: network.publicIp,
      publicPort: network.publicPort,
      portPreserved: nat.portPreserved,
      stun: network.stun.map((entry) => server(entry.ip, entry.host, entry.port)),
      sip: network.sip === null ? null : server(network.sip.ip, network.sip.host, network.sip.port),
      ipv6: ipv6View(checklist, rules, text),
    },
    nat: {
      name: natName,
      line: say(verdictMessage(nat, profile.name)),
      tone: natTone,
      facts: [
        [text.mapping, text.behaviours[nat.mapping]],
        [text.filtering, text.behaviours[nat.filtering]],
        [text.portPreserved, yesNo(nat.portPreserved, text)],
        [text.hairpinning, yesNo(nat.hairpinning, text)],
        [text.bindingLifetime, nat.bindingLifetimeSec === null ? text.notMeasured : text.seconds(nat.bindingLifetimeSec)],
      ],
      meaning: word(checklist.language, meaningMessage(nat, profile.sipPort)),
    },
    rules,
    qos: checklist.qos ? text.qosNote(rules.filter((rule) => rule.id.endsWith('-media')).map((rule) => String(rule.number))) : null,
    callQuality: checklist.callQuality === undefined ? null : callQualityView(checklist.callQuality, text),
    registration: checklist.register ? registrationFacts(checklist.register).map(say) : null,
  };
}
