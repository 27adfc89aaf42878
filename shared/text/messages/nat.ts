// What the NAT discovery says about its measurements, as codes with values (DESIGN.md, "The
// domain speaks in codes"): why the mapping and the filtering are what they are, the probes and
// their outcome, the STUN server's shortcomings, a rewritten STUN packet (ALG), the binding
// lifetime, and the verdict with its fix. The report's `checks.nat` carries these; the wizard
// and the terminal word the facts beside them (the port, hairpinning) with the same catalog.
import type { NatBehaviour, NatClassic } from '../../report';
import { codesOf, guardOf, addresses, amount, amounts, flag, type MessageIn, type MessagesOf } from './area';
import { address, ip, ms, nullable, oneOf, port, range, text, count } from './fields';
import { STUN_FAILURES } from './rules';

export const NAT_CLASSICS = ['full-cone', 'restricted-cone', 'port-restricted-cone', 'symmetric', 'open-internet', 'symmetric-udp-firewall', 'blocked', 'unknown'] as const satisfies readonly NatClassic[];
export const NAT_BEHAVIOURS = ['endpoint-independent', 'address-dependent', 'address-and-port-dependent', 'none', 'unknown'] as const satisfies readonly NatBehaviour[];

// Why the binding lifetime could not be measured.
export const LIFETIME_FAILURES = ['socket', 'no-binding', 'cancelled', 'response-port-ignored'] as const;
export type LifetimeFailure = (typeof LIFETIME_FAILURES)[number];

// The two filtering tests of RFC 5780 §4.4 that ask for an answer from elsewhere.
export const FILTERING_TESTS = ['ii', 'iii'] as const;

const classic = oneOf(NAT_CLASSICS);
const behaviour = oneOf(NAT_BEHAVIOURS);
const stunFailure = oneOf(STUN_FAILURES);

export const NAT_MESSAGES = {
  // Mapping behaviour, RFC 5780 §4.3 (NatEvidence.mappingReason).
  'mapping/no-nat': {},
  'mapping/same': { mapped: address, towards: addresses },
  'mapping/alternate-silent': { alternate: address },
  'mapping/port-unknown': { from: address, to: address, other: address },
  'mapping/address-dependent': { from: address, to: address },
  'mapping/address-and-port-dependent': { mapped: addresses },
  'mapping/second-server-failed': { server: address, reason: stunFailure },
  'mapping/two-servers-differ': { first: address, second: address },
  'mapping/not-tested': {},

  // Filtering behaviour, RFC 5780 §4.4 (NatEvidence.filteringReason).
  'filtering/endpoint-independent': { from: address },
  'filtering/address-dependent': { knownIp: address, unknownIp: address },
  'filtering/address-and-port-dependent': { requests: count, from: addresses },
  'filtering/refused': { server: address },
  'filtering/ignored': { server: address },
  'filtering/wrong-source': { test: oneOf(FILTERING_TESTS), from: address, expected: address },
  'filtering/not-trusted': { alternate: address },
  'filtering/not-tested': {},
  'filtering/no-socket': {},

  // The probes (ProbeEvidence.name) and why one got no usable answer (ProbeEvidence.note).
  'probe/mapping-ii': {},
  'probe/mapping-iii': {},
  'probe/second-server': {},
  'probe/filtering-ii': {},
  'probe/filtering-iii': {},
  'probe/failed': { reason: stunFailure },

  // The STUN server checked for behaviour discovery, RFC 5780 §4.2, §7.3–7.4 (StunServerCheck.problems).
  'server/usable': { other: address },
  'server/origin-differs': { origin: address, from: address },
  'server/no-other-address': {},
  'server/other-same-ip': { other: address },
  'server/other-same-port': { other: address },
  'server/other-family': { other: address },

  // MAPPED-ADDRESS against XOR-MAPPED-ADDRESS (NatEvidence.alg.evidence).
  'alg/mapped-differs': { plain: address, mapped: address },
  'alg/agree': {},
  'alg/not-comparable': {},

  // Binding lifetime, RFC 5780 §4.6 (NatEvidence.lifetime.reason), and what it means for the keep-alive.
  'lifetime/survived-all': { delays: amounts },
  'lifetime/gone-at-first': { dead: amount },
  'lifetime/between': { alive: amount, dead: amount },
  'lifetime/not-measured': { why: oneOf(LIFETIME_FAILURES), server: address },
  'lifetime/keepalive-enough': { keepalive: amount },
  'lifetime/keepalive-too-slow': { keepalive: amount, recommended: amount },

  // Facts of the report beside the reasons.
  'nat/port-kept': { port },
  'nat/port-changed': { local: port, mapped: port },
  'nat/port-unknown': {},
  'nat/hairpin-yes': {},
  'nat/hairpin-no': {},
  'nat/hairpin-not-tested': {},
  'nat/timeouts': { rttMs: ms },

  // The verdict, the names it uses, what the type means and how to fix a blocker.
  'nat/type': { classic },
  'nat/behaviour': { behaviour },
  'nat/verdict': { classic, supported: nullable(flag), profile: text },
  'nat/meaning': { classic, mapping: behaviour, sipPort: port },
  'nat-fix/symmetric-forward': { sipPort: port, rtp: range, pbxIp: ip },
  'nat-fix/symmetric-static': {},
  'nat-fix/blocked': { sipPort: port, rtp: range, pbxIp: ip },
  'nat-fix/firewall': { sipPort: port, rtp: range, pbxIp: ip },
  'nat-fix/unknown': {},
  'nat-fix/unknown-filtering': {},
} as const;

type Table = typeof NAT_MESSAGES;
export type NatCode = keyof Table;
export type NatMessageOf<C extends NatCode> = MessageIn<Table, C>;
export type NatMessage = MessagesOf<Table>;
export const NAT_CODES = codesOf(NAT_MESSAGES);
export const isNatMessage = guardOf(NAT_MESSAGES);

// Codes worded as a name (a label in a table cell), not as a sentence.
export const NAT_LABEL_CODES: readonly NatCode[] = ['nat/type', 'nat/behaviour'];
