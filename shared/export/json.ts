// The checklist as a JSON file that TrunkCheck can open again. A foreign, damaged or newer file
// gets one clear sentence, never a crash further down (like shared/report-file.ts for reports).
import { CHECKLIST_SCHEMA_VERSION, type Checklist, type ChecklistRule } from '../checklist/model';
import { upgradeChecklist } from '../report-upgrade';
import { fail, ok, type Result } from '../result';
import { word, wordAll } from '../text';
import { isFixMessage, isRuleMessage } from '../text/messages/rules';

export const CHECKLIST_FORMAT = 'trunkcheck/checklist';

// The top level reads in this order; everything below it with sorted keys, so the same checklist
// always gives the same bytes (diffable, testable).
const TOP_LEVEL = ['format', 'schemaVersion', 'createdAt', 'language', 'site', 'profile', 'network', 'nat', 'verdict', 'qos', 'rules'] as const;

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(record).sort().filter((key) => record[key] !== undefined).map((key) => [key, sortedKeys(record[key])]));
}

// Each rule carries its evidence and fix as codes (for TrunkCheck to read back in any language)
// and worded in the checklist's language (for a person or a script reading the file).
function withWords(rule: ChecklistRule, language: Checklist['language']): Record<string, unknown> {
  return { ...rule, evidenceText: wordAll(language, rule.evidence), fixText: rule.fix === null ? null : word(language, rule.fix) };
}

export function renderJson(checklist: Checklist): string {
  const rules = checklist.rules.map((rule) => withWords(rule, checklist.language));
  const record: Record<string, unknown> = { ...checklist, rules, format: CHECKLIST_FORMAT, schemaVersion: CHECKLIST_SCHEMA_VERSION };
  const known = new Set<string>(TOP_LEVEL);
  const keys = [...TOP_LEVEL, ...Object.keys(record).filter((key) => !known.has(key)).sort()];
  const ordered = Object.fromEntries(keys.filter((key) => record[key] !== undefined).map((key) => [key, sortedKeys(record[key])]));
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

const RULE_IDS = new Set(['outbound-signalling', 'inbound-signalling', 'outbound-media', 'inbound-media']);
const STATUSES = new Set(['verified', 'failed', 'untested']);
const VERDICTS = new Set(['ready', 'blocked', 'incomplete']);
const NAT_CLASSIC = new Set(['full-cone', 'restricted-cone', 'port-restricted-cone', 'symmetric', 'open-internet', 'symmetric-udp-firewall', 'blocked', 'unknown']);
const BEHAVIOURS = new Set(['endpoint-independent', 'address-dependent', 'address-and-port-dependent', 'none', 'unknown']);

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isPort = (value: unknown): boolean => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535;
const isStringList = (value: unknown): boolean => Array.isArray(value) && value.every(isString);

function isPorts(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (value.any === true) return true;
  return value.any === false && Array.isArray(value.ranges) && value.ranges.every((range: unknown) => isObject(range) && isPort(range.from) && isPort(range.to));
}

function isEndpoint(value: unknown): boolean {
  return isObject(value) && isString(value.label) && isStringList(value.addresses) && isStringList(value.hosts) && typeof value.anyAddress === 'boolean' && isPorts(value.ports);
}

function isRule(value: unknown): boolean {
  return (
    isObject(value) &&
    RULE_IDS.has(value.id as string) &&
    STATUSES.has(value.status as string) &&
    (value.direction === 'outbound' || value.direction === 'inbound') &&
    isString(value.protocol) &&
    Array.isArray(value.evidence) &&
    value.evidence.length <= 64 &&
    value.evidence.every(isRuleMessage) &&
    (value.fix === null || isFixMessage(value.fix)) &&
    isEndpoint(value.source) &&
    isEndpoint(value.destination)
  );
}

function isServer(value: unknown): boolean {
  return isObject(value) && isString(value.host) && (value.ip === null || isString(value.ip)) && isPort(value.port);
}

// Which part of the file is broken, for the one sentence; null when the checklist is whole.
function damagedPart(data: Loose): string | null {
  const { site, profile, network, nat } = data;
  if (!isString(data.createdAt) || (data.language !== 'en' && data.language !== 'de')) return 'its date or language';
  if (!isObject(site) || !isString(site.name) || !isString(site.customer) || !isString(site.technician)) return 'the site, customer and technician';
  if (!isObject(profile) || !isString(profile.id) || !isString(profile.name) || !isPort(profile.sipPort) || !isObject(profile.rtp) || !isPort(profile.rtp.from) || !isPort(profile.rtp.to)) {
    return 'the PBX profile';
  }
  if (
    !isObject(network) ||
    !isString(network.pbxIp) ||
    !(network.gateway === null || isString(network.gateway)) ||
    !(network.publicIp === null || isString(network.publicIp)) ||
    !(network.publicPort === null || isPort(network.publicPort)) ||
    !Array.isArray(network.stun) ||
    !network.stun.every(isServer) ||
    !(network.sip === null || isServer(network.sip))
  ) {
    return 'the network part';
  }
  if (!isObject(nat) || !NAT_CLASSIC.has(nat.classic as string) || !BEHAVIOURS.has(nat.mapping as string) || !BEHAVIOURS.has(nat.filtering as string)) return 'the NAT result';
  if (!Array.isArray(data.rules) || data.rules.length === 0 || !data.rules.every(isRule)) return 'its firewall rules';
  if (!VERDICTS.has(data.verdict as string) || typeof data.qos !== 'boolean') return 'its verdict';
  return null;
}

export function parseChecklistJson(text: string, name = 'The file'): Result<Checklist> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('checklist/not-json', `${name} is not JSON: open a checklist saved by TrunkCheck (.json).`);
  }
  if (isObject(data) && isObject(data.tool) && data.tool.name === 'trunkcheck' && !('format' in data)) {
    return fail('checklist/foreign', `${name} is a TrunkCheck diagnosis report, not a checklist: open it as a report, or save the checklist from it first.`);
  }
  if (!isObject(data) || data.format !== CHECKLIST_FORMAT) {
    return fail('checklist/foreign', `${name} is not a TrunkCheck checklist: open a checklist saved by TrunkCheck (.json).`);
  }
  const version = data.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > CHECKLIST_SCHEMA_VERSION) {
    return fail(
      'checklist/newer',
      `${name} was made by a newer TrunkCheck (checklist schema ${version}, this version reads ${CHECKLIST_SCHEMA_VERSION}): update TrunkCheck to open it.`,
    );
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('checklist/unknown-version', `${name} has an unknown checklist schema version (${JSON.stringify(version) ?? 'none'}), so TrunkCheck cannot open it.`);
  }
  const upgraded = upgradeChecklist(data) as Loose;
  const damaged = damagedPart(upgraded);
  if (damaged !== null) return fail('checklist/damaged', `${name} is damaged: ${damaged} is missing or malformed. Export the checklist again.`);
  const { format: _format, ...checklist } = upgraded;
  // The worded text is derived: the codes are what is read back.
  const rules = (checklist.rules as Loose[]).map(({ evidenceText: _evidence, fixText: _fix, ...rule }) => rule);
  const nat = checklist.nat as Loose;
  // Fields added to the NAT report later read as "not measured" in older files.
  const natFilled = { supported: null, portPreserved: null, hairpinning: null, bindingLifetimeSec: null, ...nat };
  return ok({ ...checklist, rules, nat: natFilled } as unknown as Checklist);
}
