// What the SIP check says beyond the OPTIONS outcome (that one is in rules.ts), as codes with
// values: how the provider's server was looked up (RFC 3263, SipEvidence.resolution.steps), what
// the Via of the answer shows about a SIP ALG (SipEvidence.algEvidence and algNotes), and how to
// switch the ALG off on the common routers.
import { codesOf, guardOf, type MessageIn, type MessagesOf } from './area';
import { address, count, field, ip, ips, list, nullable, oneOf, port, text, type Field } from './fields';

export const SIP_TRANSPORTS = ['udp', 'tcp', 'tls'] as const;
// How a DNS query came out: records found, the name does not exist, no record of the type, failed.
export const DNS_OUTCOMES = ['found', 'nxdomain', 'nodata', 'failed'] as const;
export type DnsOutcome = (typeof DNS_OUTCOMES)[number];
const notFound = oneOf(['nxdomain', 'nodata', 'failed'] as const);

// The routers TrunkCheck knows how to free from a SIP ALG (electron/sip/alg.ts names the sources).
export const ALG_DEVICES = ['fortigate', 'fritzbox', 'mikrotik', 'pfsense', 'linux', 'telekom'] as const;

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);
const shaped = <T>(row: { readonly [name: string]: Field<unknown> }): Field<T> =>
  field((value) => isRecord(value) && Object.keys(value).length === Object.keys(row).length && Object.entries(row).every(([name, kind]) => kind.check(value[name])));

export interface NaptrStep {
  readonly service: string;
  readonly order: number;
  readonly preference: number;
  readonly replacement: string;
}
export interface SrvStep {
  readonly target: string;
  readonly port: number;
  readonly priority: number;
  readonly weight: number;
}
export interface AddressLookup {
  readonly type: 'A' | 'AAAA';
  readonly outcome: DnsOutcome;
  readonly ips: readonly string[];
  readonly rcode: string | null;      // the resolver's error code when it failed (ESERVFAIL, …)
}

const naptrs = list(shaped<NaptrStep>({ service: text, order: count, preference: count, replacement: text }), 64);
const srvs = list(shaped<SrvStep>({ target: text, port, priority: count, weight: count }), 64);
const lookups = list(shaped<AddressLookup>({ type: oneOf(['A', 'AAAA'] as const), outcome: oneOf(DNS_OUTCOMES), ips, rcode: nullable(text) }), 2);
const transport = oneOf(SIP_TRANSPORTS);

export const SIP_MESSAGES = {
  // RFC 3263 §4, step by step.
  'dns/ip-literal': { host: ip, port },
  'dns/port-given': { host: text, port },
  'dns/tcp-tls-too': { tcpPort: port, tlsPort: port },
  'dns/naptr-none': { domain: text, outcome: notFound, rcode: nullable(text) },
  'dns/naptr': { domain: text, records: naptrs },
  'dns/naptr-ignored': { services: list(text, 64) },
  'dns/naptr-unusable': { domain: text },
  'dns/prefers': { transport },
  'dns/naptr-no-udp': {},
  'dns/naptr-no-targets': {},
  'dns/srv-fallback': { domain: text, udpPort: port, tlsPort: port },
  'dns/srv-none': { name: text, outcome: notFound, rcode: nullable(text) },
  'dns/srv-not-offered': { name: text, transport },
  'dns/srv': { name: text, records: srvs },
  'dns/addresses': { host: text, lookups },

  // The Via of the OPTIONS answer against what was sent and what STUN saw (RFC 3261 §18.2, RFC 3581).
  'sip-alg/via-rewritten': { got: text, sent: text },
  'sip-alg/no-received': { local: ip, mapped: address },
  'sip-alg/private-received': { received: text, mapped: ip },
  'sip-alg/received-split': { received: text, mapped: ip },
  'sip-alg/received-differs': { received: text, mapped: ip },
  'sip-alg/rport-split': { rport: port, mapped: port },
  'sip-alg/rport-differs': { rport: port, mapped: port },
  'sip-alg/no-rport': {},
  'sip-alg/no-stun': {},
  'sip-alg/consistent': { seen: text },
  'sip-alg/via-unreadable': {},
  // No evidence either way: the server neither added received nor filled rport (RFC 3261
  // §18.2.1, RFC 3581 §4), so its Via does not say where it saw the request from.
  'sip-alg/via-echoed': {},
  'sip-alg/via-changed': { got: text, sent: text },
  // Evidence besides the Via: From or our Contact came back rewritten; STUN's MAPPED-ADDRESS
  // (readable by an ALG) differs from XOR-MAPPED-ADDRESS (which it cannot read).
  'sip-alg/header-rewritten': { header: oneOf(['from', 'contact'] as const), sent: text, got: text },
  'sip-alg/stun-rewritten': { plain: address, mapped: address },
  // Switching the SIP ALG off, per router (the commands stay as the device takes them).
  'sip-alg/switch-off': { device: oneOf(ALG_DEVICES) },
} as const;

type Table = typeof SIP_MESSAGES;
export type SipCode = keyof Table;
export type SipMessageOf<C extends SipCode> = MessageIn<Table, C>;
export type SipMessage = MessagesOf<Table>;
export type DnsStep = Extract<SipMessage, { readonly code: `dns/${string}` }>;
export const SIP_CODES = codesOf(SIP_MESSAGES);
export const isSipMessage = guardOf(SIP_MESSAGES);
