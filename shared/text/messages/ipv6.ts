// What the IPv6 path says of itself (the report's `ipv6` section, shared/report-ipv6.ts), as codes
// with values: why it was not measured, whether the address STUN saw is the PBX's own (no NAT, as
// IPv6 intends) or a translated one (NPTv6, RFC 6296, or a stateful NAT66), what the router's IPv6
// firewall lets in, and the advice to move the trunk to IPv6 where IPv4 cannot be reached.
import { codesOf, guardOf, type MessageIn, type MessagesOf } from './area';
import { isErrorData, type ErrorMessage } from './errors';
import { field, hosts, ip, port, range } from './fields';
import { isLegacyText } from './legacy';

// Why the IPv6 pass could not run: the error of its socket (net/port-in-use, net/address-not-available, …),
// as the IPv4 path would report it; never an old report's English sentence.
const error = field<ErrorMessage>((value) => isErrorData(value) && !isLegacyText(value));

export const IPV6_MESSAGES = {
  // Why nothing (or not everything) was measured over IPv6.
  'ipv6/no-global-address': {},
  'ipv6/no-server-address': { hosts },
  'ipv6/not-measured': { address: ip, error },
  // What the STUN mapping over IPv6 showed.
  'ipv6/own-address': { address: ip },
  'ipv6/translated': { local: ip, mapped: ip },
  // What the router's IPv6 firewall does with traffic nobody inside asked for (RFC 5780 §4.4 over IPv6).
  'ipv6/firewall-open': { address: ip },
  'ipv6/firewall-stateful': { address: ip },
  // Fix: a PBX that needs SIP and voice from any address (rules 6 and 8 over IPv6), behind an IPv6
  // firewall that lets in only answers.
  'ipv6-fix/firewall': { address: ip, sipPort: port, rtp: range },
  // Advice: behind carrier-grade NAT an inbound IPv4 rule cannot help, the IPv6 path can.
  'ipv6-advice/use-ipv6': { address: ip },
} as const;

type Table = typeof IPV6_MESSAGES;
export type Ipv6Code = keyof Table;
export type Ipv6MessageOf<C extends Ipv6Code> = MessageIn<Table, C>;
export type Ipv6Message = MessagesOf<Table>;
export const IPV6_CODES = codesOf(IPV6_MESSAGES);
export const isIpv6Message = guardOf(IPV6_MESSAGES);
