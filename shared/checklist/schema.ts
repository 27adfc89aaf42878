// Every field of a checklist (model.ts), checked like a report (shared/report-schema.ts): a
// checklist opened from a file or sent over IPC is rendered straight into firewall commands.
import { isIPv6 } from '../address';
import { IPV6_TRANSLATIONS, IPV6_VERDICTS, ipv6Address } from '../report-ipv6';
import { checklistNatReport, evidence, MAX_NAME, mosEstimate, portRange, profileId, registerReport, ruleId, ruleStatus, verdict } from '../report-schema';
import { CODEC_IDS } from '../quality/codecs';
import { either, figure, flag, integer, ipAddress, list, literal, nullable, object, oneOf, optional, port, refine, scalar, serverHost, text, timestamp, type Schema } from '../schema';
import { fragmentsReport, gatewayReport } from '../path';
import { isLegacyText } from '../text/messages/legacy';
import { NAT_BEHAVIOURS } from '../text/messages/nat';
import { isFixMessage } from '../text/messages/rules';
import { isTodoMessage, TODO_KINDS } from '../verdict/what-to-do';
import { CHECKLIST_SCHEMA_VERSION, type Checklist, type ChecklistCallQuality, type ChecklistIpv6, type ChecklistRule, type ChecklistServer, type ChecklistTodo, type Endpoint, type IpFamily, type Ports, type Site } from './model';
import type { PortRange } from '../port-range';

const name = text(MAX_NAME);

export const siteSchema: Schema<Site> = object<Site>({ name, customer: name, technician: name });

// A host as the checklist names it; an IPv6 SIP server keeps the brackets of its "[v6]:port" target.
const host: Schema<string> = (value, path) =>
  typeof value === 'string' && /^\[[^\]]{1,45}\]$/.test(value) && isIPv6(value.slice(1, -1)) ? value : serverHost(value, path);

const server = object<ChecklistServer>({ host, ip: nullable(ipAddress), port });
const server6 = object<ChecklistServer>({ host, ip: nullable(ipv6Address), port });

const family: Schema<IpFamily> = scalar((value): value is IpFamily => value === 4 || value === 6, 'schema/not-one-of', { values: ['4', '6'] });

const ipv6 = object<ChecklistIpv6>({
  pbxIp: ipv6Address,
  publicIp: nullable(ipv6Address),
  translation: oneOf(IPV6_TRANSLATIONS),
  filtering: oneOf(NAT_BEHAVIOURS),
  verdict: oneOf(IPV6_VERDICTS),
  stun: list(server6, 2),
  sip: nullable(server6),
});

const ports: Schema<Ports> = either(
  (value) => value.any === true,
  object<{ any: true }>({ any: literal(true) }),
  object<{ any: false; ranges: readonly PortRange[] }>({ any: literal(false), ranges: list(portRange, 8) }),
);

const endpoint = object<Endpoint>({ label: name, addresses: list(ipAddress, 8), hosts: list(host, 8), anyAddress: flag, ports });

const rule = object<ChecklistRule>({
  id: ruleId,
  family,
  direction: oneOf(['outbound', 'inbound']),
  protocol: oneOf(['udp']),
  media: flag,
  source: endpoint,
  destination: endpoint,
  status: ruleStatus,
  evidence,
  fix: nullable(scalar(isFixMessage, 'schema/not-message', { kind: 'fix' })),
});

// What to do: a fix, caveat or note as codes with values; a schema-1 checklist's fix as legacy text.
const todo = object<ChecklistTodo>({
  kind: oneOf(TODO_KINDS),
  rule: nullable(ruleId),
  message: scalar((value: unknown) => isTodoMessage(value) || isLegacyText(value), 'schema/not-message', { kind: 'fix' }),
});

// A rule's PBX address is network.pbxIp, or network.ipv6.pbxIp for the IPv6 rules of a dual-stack PBX.
const familyOf = (ip: string): IpFamily => (ip.includes(':') ? 6 : 4);
const hasAddressFor = (checklist: Checklist, rule: ChecklistRule): boolean => rule.family === familyOf(checklist.network.pbxIp) || (rule.family === 6 && checklist.network.ipv6 !== null);

const checklistFields = object<Checklist>({
  schemaVersion: integer(1, CHECKLIST_SCHEMA_VERSION),
  createdAt: timestamp,
  language: oneOf(['en', 'de']),
  site: siteSchema,
  profile: object<Checklist['profile']>({ id: profileId, name, sipPort: port, rtp: portRange, keepaliveSec: figure(0, 1e9) }),
  network: object<Checklist['network']>({
    pbxIp: ipAddress,
    gateway: nullable(ipAddress),
    publicIp: nullable(ipAddress),
    publicPort: nullable(integer(0, 65535)),
    stun: list(server, 2),
    sip: nullable(server),
    ipv6: nullable(ipv6),
  }),
  nat: checklistNatReport,
  // Four rules of the PBX address's IP version, and four more for the IPv6 address of a dual-stack PBX.
  rules: refine(list(rule, 8), (rules) => (new Set(rules.map((entry) => `${entry.family} ${entry.id}`)).size === rules.length ? null : { code: 'schema/rule-twice' })),
  verdict,
  todo: list(todo, 32),
  gateway: nullable(gatewayReport),
  fragments: nullable(fragmentsReport),
  qos: flag,
  callQuality: optional(
    object<ChecklistCallQuality>({
      lossPercent: figure(0, 100),
      jitterMs: nullable(figure(0, 1e9)),
      rttMs: nullable(figure(0, 1e9)),
      estimates: list(mosEstimate, CODEC_IDS.length),
    }),
  ),
  register: optional(nullable(registerReport)),
});

export const checklistSchema: Schema<Checklist> = (value, path) => {
  const checklist = checklistFields(value, path);
  const rulesWithAddress = refine((rules: unknown) => rules as readonly ChecklistRule[], (rules) => (rules.every((rule) => hasAddressFor(checklist, rule)) ? null : { code: 'schema/no-pbx-address-for-family' }));
  rulesWithAddress(checklist.rules, path === '' ? 'rules' : `${path}.rules`);
  return checklist;
};
