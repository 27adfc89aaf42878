// What every document says, worked out once from the checklist: formatted addresses, the status
// words, the NAT verdict, the fixes. Markdown and PDF only lay this out.
import type { Checklist, Endpoint, IpFamily, Ports } from '../checklist/model';
import { formatEndpointAddresses, formatPorts } from '../checklist/model';
import { meaningMessage, natAdvice, verdictMessage, type PbxPorts } from '../nat/advice';
import type { NatReport, RuleId, RuleStatus, Verdict } from '../report';
import { DOCUMENT, word, wordAll, type DocumentText } from '../text';

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
  readonly verdict: { readonly id: Verdict; readonly word: string; readonly explained: string; readonly tone: Tone };
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
    readonly ipv6: { readonly pbxIp: string; readonly rules: string; readonly line: string; readonly translated: string | null } | null;
  };
  readonly nat: {
    readonly name: string;
    readonly line: string;
    readonly tone: Tone;
    readonly facts: readonly (readonly [string, string])[];
    readonly advice: readonly string[];
  };
  readonly rules: readonly RuleView[];
  readonly fixes: readonly { readonly number: number; readonly name: string; readonly text: string }[];
  readonly qos: string | null;
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

// Under a NAT type the PBX cannot use as it is: what the type means, then how to fix it, the
// first fix led by "Fix:" (the terminal says the same, shared/nat/advice.ts).
function adviceOf(nat: NatReport, pbx: PbxPorts, text: DocumentText, say: (message: Parameters<typeof word>[1]) => string): string[] {
  const meaning = nat.supported === true ? [] : [say(meaningMessage(nat, pbx.sipPort))];
  const fixes = natAdvice(nat, pbx).map((advice, index) => (index === 0 ? `${text.fix}: ${say(advice)}` : say(advice)));
  return [...meaning, ...fixes];
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
  return { pbxIp: ipv6.pbxIp, rules: numbers(secondary), line: text.ipv6Rules(ipv6.pbxIp, numbers(secondary)), translated };
}

export function documentView(checklist: Checklist): DocumentView {
  const text = DOCUMENT[checklist.language] ?? DOCUMENT.en;
  const say = (message: Parameters<typeof word>[1]): string => word(checklist.language, message);
  const { network, nat, profile } = checklist;
  const natName = say({ code: 'nat/type', classic: nat.classic });
  const rtp = `${profile.rtp.from}-${profile.rtp.to}`;
  const primary: IpFamily = network.pbxIp.includes(':') ? 6 : 4;
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
  const verdictTone: Tone = checklist.verdict === 'ready' ? 'good' : checklist.verdict === 'blocked' ? 'bad' : 'neutral';
  return {
    text,
    date: formatDate(checklist.createdAt, checklist.language),
    site: {
      name: checklist.site.name.trim() || text.notGiven,
      customer: checklist.site.customer.trim() || text.notGiven,
      technician: checklist.site.technician.trim() || text.notGiven,
    },
    profileName: profile.name,
    verdict: { id: checklist.verdict, word: text.verdicts[checklist.verdict], explained: text.verdictExplained[checklist.verdict], tone: verdictTone },
    network: {
      pbxIp: network.pbxIp,
      sipPort: profile.sipPort,
      rtp,
      gateway: network.gateway,
      publicAddress: network.publicIp === null ? null : network.publicPort === null ? network.publicIp : joinAddress(network.publicIp, network.publicPort),
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
      tone: nat.supported === true ? 'good' : nat.supported === false ? 'bad' : 'neutral',
      facts: [
        [text.mapping, text.behaviours[nat.mapping]],
        [text.filtering, text.behaviours[nat.filtering]],
        [text.portPreserved, yesNo(nat.portPreserved, text)],
        [text.hairpinning, yesNo(nat.hairpinning, text)],
        [text.bindingLifetime, nat.bindingLifetimeSec === null ? text.notMeasured : text.seconds(nat.bindingLifetimeSec)],
      ],
      advice: adviceOf(nat, { pbxIp: network.pbxIp, sipPort: profile.sipPort, rtp: profile.rtp }, text, say),
    },
    rules,
    fixes: checklist.rules.flatMap((rule, index) => (rule.status === 'failed' && rule.fix !== null ? [{ number: index + 1, name: rules[index]?.name ?? text.ruleNames[rule.id], text: say(rule.fix) }] : [])),
    qos: checklist.qos ? text.qosNote : null,
  };
}
