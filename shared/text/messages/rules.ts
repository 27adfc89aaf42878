// What the firewall rules' evidence and fixes say, as codes with values (DESIGN.md, "The domain
// speaks in codes"). The report carries these; shared/text/en and shared/text/de word them.
// One row per code: its values and their kinds. The message type is derived from the table, and
// isRuleMessage checks a message read from a file against the same table.
import { CHECK_IDS } from '../../checks';
import { legacyText, LEGACY_MESSAGES, type LegacyText } from './legacy';
import { address, count, host, hosts, ip, ips, matchesRow, ms, nullable, oneOf, port, ports, range, ranges, sipStatus, text, time, type FieldTable, type ValueOf } from './fields';

// Why the STUN request from the SIP port got no usable answer (the public-address check's error code).
export const STUN_FAILURES = ['timeout', 'wrong-source', 'refused', 'no-mapped-address', 'malformed', 'other'] as const;
export type StunFailure = (typeof STUN_FAILURES)[number];

// The STUN failure an error code of a Binding exchange stands for (electron/net/binding.ts).
const STUN_FAILURE_OF: Readonly<Record<string, StunFailure>> = {
  'stun/timeout': 'timeout',
  'stun/wrong-source': 'wrong-source',
  'stun/error-response': 'refused',
  'stun/no-mapped-address': 'no-mapped-address',
  'stun/malformed-response': 'malformed',
};
export function stunFailureOf(errorCode: string): StunFailure {
  return Object.hasOwn(STUN_FAILURE_OF, errorCode) ? (STUN_FAILURE_OF[errorCode] as StunFailure) : 'other';
}

// Why the SIP server could not be asked (its name did not lead to a UDP address).
export const SIP_LOOKUP_FAILURES = ['not-found', 'no-address', 'no-udp', 'dns-failed', 'invalid-target', 'not-sent'] as const;
export type SipLookupFailure = (typeof SIP_LOOKUP_FAILURES)[number];

const check = oneOf(CHECK_IDS);

export const RULE_MESSAGES = {
  // Rules 1 and 2, signalling: the STUN half (from the SIP port), then the SIP half.
  'signalling/stun-failed': { server: address, port, reason: oneOf(STUN_FAILURES) },
  'signalling/inbound-not-tested': {},
  'signalling/stun-out': { port, server: address, at: time },
  'signalling/stun-in': { port, from: address },
  'signalling/sip-not-named': {},
  'signalling/no-sip-answer-back': {},
  'signalling/sip-answer-in': { port, status: sipStatus, reason: nullable(text), from: host },

  // The SIP OPTIONS ping from the SIP port (also the SIP check's own evidence).
  'options/answered': { target: address, status: sipStatus, reason: text, server: nullable(text), rttMs: ms, received: nullable(text), rport: nullable(port) },
  'options/no-answer': { target: address, requests: count, waitedMs: ms },
  'options/cancelled': { target: address, requests: count },
  'options/not-asked': { target: text, reason: oneOf(SIP_LOOKUP_FAILURES) },

  // Rules 3 and 4, media, over the ports tested.
  'media/none-opened': { range },
  'media/ports-held': { ports },
  'media/outbound-blocked': { ports, probed: count, server: address },
  'media/outbound-answered': { probed: count, range, server: address, changed: ports, publicIps: ips },
  'media/one-destination': {},
  'media/no-alternate-address': { server: address },
  'media/inbound-blocked': { from: nullable(address), ports, tested: count },
  'media/inbound-open': { from: nullable(address), tested: count, range },
  'media/inbound-not-tested': {},
  // Rule 4 the other way: the answer from the very address each port sent to (the return path).
  'media/return-path-open': { server: address, tested: count, range },
  'media/return-path-unproven': { server: address, ports },
  // What the PBX needs of rule 4, from its profile (the rule is judged by it).
  'media/needs-return-path': {},
  'media/needs-any-source': {},
  'media/off': {},
  'media/no-stun-answer': {},

  // One media port (the rtp section's per-port evidence).
  'port/held': { port },
  'port/not-opened': { port },
  'port/cancelled': { port },
  'port/answer-unusable': { port, server: address },
  'port/no-answer': { port, server: address },
  'port/answered': { port, server: address, mapped: address },
  'port/inbound-blocked': { port, from: address, requests: count },
  'port/inbound-refused': { port },
  'port/inbound-ignored': { server: address },
  'port/inbound-wrong-source': { from: address, expected: address },
  'port/inbound-open': { port, from: address },
  'port/inbound-cancelled': {},

  // The registration with the provider (issue 16) on rules 1 and 2. A REGISTER answer proves the
  // way out and back like the OPTIONS answer; the provider's own request arriving unasked at the
  // SIP port through the binding is the real proof of rule 2 and of the keep-alive.
  'register/answered': { target: address, status: sipStatus, reason: nullable(text) },
  'register/inbound-received': { port, method: text, from: address, afterMs: ms },
  'register/no-inbound': { port, waitedMs: ms },

  // Any rule.
  'check/cancelled': { check },
  'rule/not-measured': {},

  // The fix for a failed rule, with the real addresses and ports (peers: the far side's addresses).
  'fix/outbound-signalling': { pbxIp: ip, pbxPorts: ranges, peers: hosts, peerPorts: ranges },
  'fix/inbound-signalling': { pbxIp: ip, pbxPorts: ranges, peers: hosts },
  'fix/outbound-media': { pbxIp: ip, pbxPorts: ranges },
  'fix/inbound-media': { pbxIp: ip, pbxPorts: ranges },
  // Behind the provider's carrier-grade NAT no forward on the customer's router can pass unasked traffic on.
  'fix/inbound-media-cgn': { pbxIp: ip, pbxPorts: ranges },
  // The registration (not a firewall rule): the registrar refused the credentials (a second
  // challenge or 403, RFC 3261 §22.2), refused the account otherwise, or did not answer REGISTER.
  'fix/register-credentials': { aor: text, status: nullable(sipStatus) },
  'fix/register-refused': { aor: text, status: sipStatus, reason: nullable(text) },
  'fix/register-no-answer': { aor: text, target: address },
} as const satisfies { readonly [code: string]: FieldTable };

type Table = typeof RULE_MESSAGES;
export type RuleCode = keyof Table;

// Every code of the area, in the table's order (for tests and tools that go through them all).
export const RULE_CODES = Object.keys(RULE_MESSAGES) as RuleCode[];

export type MessageOf<C extends RuleCode> = { readonly code: C } & { readonly [K in keyof Table[C]]: ValueOf<Table[C][K]> };

export type MeasuredRuleMessage = { [C in RuleCode]: MessageOf<C> }[RuleCode];

// A part of a rule's evidence: one sentence once worded. Reports of schema 1 carried English
// sentences instead; they are read as legacy text (see legacy.ts).
export type RuleMessage = MeasuredRuleMessage | LegacyText;

export type FixCode = Extract<RuleCode, `fix/${string}`>;
export type FixMessage = { [C in FixCode]: MessageOf<C> }[FixCode] | LegacyText;

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isCode(code: unknown): code is RuleCode {
  return typeof code === 'string' && Object.hasOwn(RULE_MESSAGES, code);
}

// The guard a report reader calls for each part of `rules[].evidence`: a known code with exactly
// its values, each of its kind (ports 1–65535, IP addresses and "ip:port" as strings, bounded text).
export function isRuleMessage(value: unknown): value is RuleMessage {
  if (!isRecord(value)) return false;
  if (isCode(value.code)) return matchesRow(value, RULE_MESSAGES[value.code]);
  return value.code === legacyText && matchesRow(value, LEGACY_MESSAGES[legacyText]);
}

export function isFixMessage(value: unknown): value is FixMessage {
  return isRuleMessage(value) && (value.code.startsWith('fix/') || value.code === legacyText);
}
