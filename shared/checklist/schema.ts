// Every field of a checklist (model.ts), checked like a report (shared/report-schema.ts): a
// checklist opened from a file or sent over IPC is rendered straight into firewall commands.
import { isIPv6 } from '../address';
import { checklistNatReport, evidence, MAX_NAME, portRange, profileId, ruleId, ruleStatus, verdict } from '../report-schema';
import { either, figure, flag, integer, ipAddress, list, literal, nullable, object, oneOf, port, scalar, serverHost, text, timestamp, type Schema } from '../schema';
import { fragmentsReport, gatewayReport } from '../path';
import { isLegacyText } from '../text/messages/legacy';
import { isFixMessage } from '../text/messages/rules';
import { isTodoMessage, TODO_KINDS } from '../verdict/what-to-do';
import { CHECKLIST_SCHEMA_VERSION, type Checklist, type ChecklistRule, type ChecklistTodo, type Endpoint, type Ports, type Site } from './model';
import type { PortRange } from '../port-range';

const name = text(MAX_NAME);

export const siteSchema: Schema<Site> = object<Site>({ name, customer: name, technician: name });

// A host as the checklist names it; an IPv6 SIP server keeps the brackets of its "[v6]:port" target.
const host: Schema<string> = (value, path) =>
  typeof value === 'string' && /^\[[^\]]{1,45}\]$/.test(value) && isIPv6(value.slice(1, -1)) ? value : serverHost(value, path);

const server = object<Checklist['network']['stun'][number]>({ host, ip: nullable(ipAddress), port });

const ports: Schema<Ports> = either(
  (value) => value.any === true,
  object<{ any: true }>({ any: literal(true) }),
  object<{ any: false; ranges: readonly PortRange[] }>({ any: literal(false), ranges: list(portRange, 8) }),
);

const endpoint = object<Endpoint>({ label: name, addresses: list(ipAddress, 8), hosts: list(host, 8), anyAddress: flag, ports });

const rule = object<ChecklistRule>({
  id: ruleId,
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

export const checklistSchema: Schema<Checklist> = object<Checklist>({
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
  }),
  nat: checklistNatReport,
  rules: list(rule, 4),
  verdict,
  todo: list(todo, 32),
  gateway: nullable(gatewayReport),
  fragments: nullable(fragmentsReport),
  qos: flag,
});
