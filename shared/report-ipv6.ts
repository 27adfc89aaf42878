// The report's IPv6 section (DESIGN.md, "Command line contract": ipv6: { address|null,
// publicAddress|null, nat, filtering, sip|null, rules: [...] } | null): the same checks as the
// IPv4 report, run over IPv6 from the PBX's global IPv6 address to the servers' AAAA addresses.
// IPv6 has no NAT by design: STUN is expected to see the PBX's own address, and what decides is
// the router's IPv6 firewall (its filtering). The measuring side (electron/) fills this shape; the
// checklist turns its rules into IPv6 firewall rules beside the IPv4 ones.
// Absent or null in a report: not measured (a report written before IPv6 was measured, or a run
// limited to IPv4).
import { isIPv6, type TransportAddress } from './address';
import type { FragmentsReport } from './path';
import { fragmentsReport } from './path';
import type { NatBehaviour, NatReport, RuleResult, SipReport } from './report';
import { figure, flag, integer, list, literal, nullable, object, oneOf, orElse, refine, scalar, type Schema } from './schema';
import { isIpv6Message, type Ipv6Message } from './text/messages/ipv6';
import { NAT_BEHAVIOURS, NAT_CLASSICS } from './text/messages/nat';

// The verdict of the IPv6 path, in the words of the report's verdict (DESIGN.md). Declared here
// until the report's own verdict type carries all four.
export const IPV6_VERDICTS = ['ready', 'action-needed', 'blocked', 'incomplete'] as const;
export type Ipv6Verdict = (typeof IPV6_VERDICTS)[number];

// What STUN's mapped address says about address translation on the IPv6 path:
//   none        the mapped address is the PBX's own (no NAT, as IPv6 intends)
//   translated  another address: a router translates (NPTv6, RFC 6296, or a stateful NAT66)
//   unknown     no mapping was measured
export const IPV6_TRANSLATIONS = ['none', 'translated', 'unknown'] as const;
export type Ipv6Translation = (typeof IPV6_TRANSLATIONS)[number];

// The NAT facts as the IPv4 report has them, with mapping 'none' expected, and the translation.
// Filtering is the section's own field: without NAT it is the router's IPv6 firewall alone.
export interface Ipv6NatReport extends Omit<NatReport, 'filtering' | 'doubleNat' | 'carrierGrade'> {
  readonly translation: Ipv6Translation;
}

// The servers' IPv6 addresses the checks went to (their AAAA records), each keeping the name it
// was resolved from in `host`. The checklist writes these into the IPv6 rules 1 and 2.
export type Ipv6Server = TransportAddress & { readonly host?: string };
export interface Ipv6Servers {
  readonly stun: readonly Ipv6Server[];
  readonly sip: Ipv6Server | null;
}

export interface Ipv6Section {
  readonly address: string | null;                    // the PBX's global IPv6 address used; null: it has none
  readonly publicAddress: { readonly ip: string; readonly port: number } | null; // STUN mapped over IPv6
  readonly servers: Ipv6Servers;
  readonly nat: Ipv6NatReport;
  readonly filtering: NatBehaviour;                   // the router's IPv6 firewall, RFC 5780 §4.4
  readonly sip: SipReport | null;                     // SIP OPTIONS over IPv6
  readonly rules: readonly RuleResult[];              // the four rules, over IPv6
  readonly fragments: FragmentsReport | null;         // STUN PADDING over IPv6 (RFC 5780 §7.6)
  readonly verdict: Ipv6Verdict;
  readonly findings: readonly Ipv6Message[];          // ipv6/*: why not measured, translation, firewall
}

// An IPv6 address, never an IPv4 one: an IPv4 address here would end up in an IPv6 rule.
export const ipv6Address: Schema<string> = scalar((value): value is string => typeof value === 'string' && value.length <= 45 && isIPv6(value), 'schema/not-ipv6', {});

// The parts of a report the section shares with the IPv4 one, checked by the very same schemas
// (shared/report-schema.ts passes them in: that file reads the whole report, this one a part of it).
export interface ReportParts {
  readonly transportAddress: Schema<TransportAddress>;
  readonly rule: Schema<RuleResult>;
  readonly sipReport: Schema<SipReport>;
}

export function ipv6SectionSchema({ transportAddress, rule, sipReport }: ReportParts): Schema<Ipv6Section> {
  // A server of the IPv6 checks is reached at an IPv6 address.
  const server6: Schema<Ipv6Server> = (value, path) => {
    const server: Ipv6Server = transportAddress(value, path);
    ipv6Address(server.ip, `${path}.ip`);
    literal('IPv6')(server.family, `${path}.family`);
    return server;
  };
  return object<Ipv6Section>({
    address: nullable(ipv6Address),
    publicAddress: nullable(object<NonNullable<Ipv6Section['publicAddress']>>({ ip: ipv6Address, port: integer(0, 65535) })),
    servers: object<Ipv6Servers>({ stun: list(server6, 2), sip: nullable(server6) }),
    nat: object<Ipv6NatReport>({
      classic: oneOf(NAT_CLASSICS),
      mapping: oneOf(NAT_BEHAVIOURS),
      translation: oneOf(IPV6_TRANSLATIONS),
      supported: nullable(flag),
      portPreserved: nullable(flag),
      bindingLifetimeSec: nullable(figure(0, 1e9)),
      hairpinning: nullable(flag),
    }),
    filtering: oneOf(NAT_BEHAVIOURS),
    sip: nullable(sipReport),
    rules: refine(list(rule, 4), (rules) => (new Set(rules.map((entry) => entry.id)).size === rules.length ? null : { code: 'schema/rule-twice' })),
    fragments: nullable(fragmentsReport),
    verdict: oneOf(IPV6_VERDICTS),
    findings: orElse(list(scalar(isIpv6Message, 'schema/not-message', { kind: 'finding' }), 32), []),
  });
}
