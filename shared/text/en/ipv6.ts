// The IPv6 path's findings and advice in English.
import type { Catalog } from '../catalog';
import type { ErrorMessage } from '../messages/errors';
import type { Ipv6Message } from '../messages/ipv6';
import { errorsEn } from './errors';

const sayError = (error: ErrorMessage): string => (errorsEn[error.code] as (error: ErrorMessage) => string)(error);

export const ipv6En: Catalog<Ipv6Message> = {
  'ipv6/no-global-address': () => 'The PBX has no global IPv6 address (at most a link-local one), so nothing was measured over IPv6.',
  'ipv6/no-server-address': (m) => `None of the servers has an IPv6 address (no AAAA record for ${m.hosts.join(', ')}), so the IPv6 path could not be tested.`,
  'ipv6/not-measured': (m) => `Nothing was measured over IPv6 from ${m.address}. ${sayError(m.error)}`,
  'ipv6/own-address': (m) => `The STUN server saw the PBX's own address, ${m.address}: there is no NAT on the IPv6 path, so the IPv6 rules are pure firewall rules.`,
  'ipv6/translated': (m) =>
    `The STUN server saw ${m.mapped}, not the PBX's own address ${m.local}: a router translates IPv6 addresses (NPTv6 as in RFC 6296, or NAT66), so the provider must be given ${m.mapped}.`,
  'ipv6/firewall-open': (m) => `The router's IPv6 firewall lets UDP from unknown addresses through to ${m.address}.`,
  'ipv6/firewall-stateful': (m) =>
    `The router's IPv6 firewall lets in only answers to what ${m.address} sent: inbound rules for the SIP port and the voice ports are needed for calls that come from other addresses.`,
  'ipv6-fix/firewall': (m) =>
    `In the router's IPv6 firewall, allow UDP from any address to ${m.address}, port ${m.sipPort} and ports ${m.rtp.from}–${m.rtp.to} (IPv6 rules 6 and 8): there is no NAT on IPv6, so no port forwarding, only these firewall rules.`,
  'ipv6-advice/use-ipv6': (m) =>
    `The IPv4 line is behind the provider's carrier-grade NAT, where no rule of yours can open an inbound port, but the IPv6 path works: ask the provider for a SIP trunk over IPv6 and register the PBX with ${m.address}.`,
};
