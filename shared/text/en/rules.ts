// The firewall rules' evidence and fixes in English.
import type { Catalog } from '../catalog';
import { FORMAT, portOf } from '../format';
import type { MeasuredRuleMessage } from '../messages/rules';

const f = FORMAT.en;
const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
const alternate = (from: string | null): string => from ?? 'the alternate address';
const peers = (list: readonly string[]): string => (list.length === 0 ? 'not measured' : list.join(', '));

const STUN_FAILED = {
  timeout: (server: string, port: number) =>
    `No STUN answer from ${server} to UDP ${port}: outbound UDP from port ${port} seems blocked, or the server is down. Allow UDP from this machine's port ${port} to the STUN server (and its answers back), or try another STUN server.`,
  'wrong-source': (server: string, port: number) =>
    `Answers to UDP ${port} came from another address than the STUN server ${server}: the server is behind a NAT or answers from another interface, so it cannot be used; choose another STUN server.`,
  refused: (server: string, port: number) => `The STUN server ${server} refused the Binding request from UDP ${port}; choose another STUN server.`,
  'no-mapped-address': (server: string) => `The STUN server ${server} answered without a mapped address, so it cannot tell the public address.`,
  malformed: (server: string) => `The STUN server ${server} sent a malformed answer; choose another STUN server.`,
  other: (server: string, port: number) => `The Binding request from UDP ${port} to ${server} got no usable answer.`,
} as const;

const SIP_NOT_ASKED = {
  'not-found': (target: string) => `The SIP server ${target} does not exist in DNS, so no SIP OPTIONS was sent: check the name against the provider's documentation.`,
  'no-address': (target: string) => `The SIP server ${target} has no address in DNS, so no SIP OPTIONS was sent.`,
  'no-udp': (target: string) => `${target} offers no SIP over UDP, so no SIP OPTIONS was sent.`,
  'dns-failed': (target: string) => `The DNS lookup of the SIP server ${target} failed, so no SIP OPTIONS was sent: check this machine's DNS server.`,
  'invalid-target': (target: string) => `"${target}" is not a SIP server name: write host or host:port.`,
  'not-sent': (target: string) => `The SIP OPTIONS request to ${target} could not be built, so none was sent.`,
} as const;

const CANCELLED = {
  nat: 'The NAT test was cancelled before it finished.',
  sip: 'The SIP check was cancelled before it finished.',
  register: 'The registration with the provider was cancelled before it finished.',
  media: 'The media check was cancelled before it finished, so the media ports were not tested.',
  quality: 'The line-quality measurement was cancelled before it finished.',
} as const;

export const rulesEn: Catalog<MeasuredRuleMessage> = {
  'signalling/stun-failed': (m) => STUN_FAILED[m.reason](m.server, m.port),
  'signalling/inbound-not-tested': () => 'Nothing came back, so the inbound direction could not be tested.',
  'signalling/stun-out': (m) => `The STUN Binding request from UDP ${m.port} to ${m.server} was answered at ${f.time(m.at)}.`,
  'signalling/stun-in': (m) => `The STUN answer from ${m.from} reached UDP ${m.port}.`,
  'signalling/sip-not-named': () => "SIP not tested: name the provider's SIP server.",
  'signalling/no-sip-answer-back': () => 'No SIP answer came back, so the SIP part could not be tested.',
  'signalling/sip-answer-in': (m) => `The SIP answer ${m.status}${m.reason ? ` ${m.reason}` : ''} from ${m.from} reached UDP ${m.port} too.`,

  'options/answered': (m) => {
    const seen = m.received !== null || m.rport !== null ? `; it saw the request coming from ${m.received ?? '(address not named)'}:${m.rport ?? '(port not named)'}` : '';
    return `SIP OPTIONS to ${m.target} was answered with ${m.status} ${m.reason}${m.server ? ` by ${m.server}` : ''} after ${f.number(m.rttMs)} ms${seen}.`;
  },
  'options/no-answer': (m) => `No SIP answer from ${m.target} after ${plural(m.requests, 'request', 'requests')} in ${f.number(m.waitedMs / 1000, 1)} s.`,
  'options/cancelled': (m) => `SIP OPTIONS to ${m.target} was cancelled after ${plural(m.requests, 'request', 'requests')}.`,
  'options/not-asked': (m) => SIP_NOT_ASKED[m.reason](m.target),

  'media/none-opened': (m) => `No port of UDP ${f.range(m.range)} could be opened for the test.`,
  'media/ports-held': (m) => `Skipped, held by another program on this machine: ${f.ports(m.ports)}.`,
  'media/outbound-blocked': (m) => `Binding requests from ${m.ports.length} of ${m.probed} tested ports got no answer from ${m.server} (ports ${f.ports(m.ports)}).`,
  'media/outbound-answered': (m) => {
    const kept = m.changed.length === 0 ? 'the router kept every port' : `the router changed the port of ${f.ports(m.changed)}`;
    return `Binding requests from all ${m.probed} tested ports of UDP ${f.range(m.range)} were answered by ${m.server} (${kept}; public IP ${m.publicIps.join(', ')}).`;
  },
  'media/one-destination': () => 'Tested towards the STUN server only; a rule that allows RTP to some destinations only would pass too.',
  'media/no-alternate-address': (m) =>
    `The STUN server ${m.server} reports no alternate address (RFC 5780 OTHER-ADDRESS), so it cannot answer from an address the port never sent to: inbound media from unknown addresses could not be tested. Use a STUN server with RFC 5780 support.`,
  'media/inbound-blocked': (m) =>
    `Answers from ${alternate(m.from)}, an address the ports never sent to, did not reach ${m.ports.length} of ${m.tested} tested ports (${f.ports(m.ports)}): the router drops media from unknown addresses.`,
  'media/inbound-open': (m) => `Answers from ${alternate(m.from)}, an address the ports never sent to, reached all ${m.tested} tested ports of UDP ${f.range(m.range)}.`,
  'media/inbound-not-tested': () => 'No port could be tested for inbound media.',
  'media/return-path-open': (m) => `Answers from ${m.server}, the address the ports sent to, reached all ${m.tested} tested ports of UDP ${f.range(m.range)}: the return path is open.`,
  'media/return-path-unproven': (m) =>
    `No answer from ${m.server} came back to ${f.ports(m.ports)}, so whether the way out or the way back is blocked there is not known.`,
  'media/needs-return-path': () =>
    'This PBX sends first from every RTP port and uses the public address STUN measured for each, so answers from the address a port sent to are all it needs.',
  'media/needs-any-source': () => 'This PBX needs media from any address to arrive unasked, so only an answer from an address a port never sent to proves the rule.',
  'media/off': () => 'The media ports were not tested (switched off, --no-media).',
  'media/no-stun-answer': () => 'Nothing came back from the STUN server, so the media ports could not be tested.',

  'port/held': (m) => `UDP ${m.port} is held by another program on this machine, so it was skipped.`,
  'port/not-opened': (m) => `UDP ${m.port} could not be opened on this machine, so it was skipped.`,
  'port/cancelled': (m) => `The probe of UDP ${m.port} was cancelled.`,
  'port/answer-unusable': (m) => `${m.server} answered the request from UDP ${m.port}, so it did get out, but port preservation and inbound media could not be tested with this answer.`,
  'port/no-answer': (m) => `No STUN answer from ${m.server} to UDP ${m.port}: outbound UDP from this port seems blocked, so inbound could not be tested either.`,
  'port/answered': (m) => {
    const mappedPort = portOf(m.mapped);
    const kept = mappedPort === m.port ? 'port kept' : `the router changed the port to ${mappedPort}`;
    return `Binding request from UDP ${m.port} answered by ${m.server}; public address ${m.mapped} (${kept}).`;
  },
  'port/inbound-blocked': (m) =>
    `None of ${m.requests} answers sent from ${m.from}, an address UDP ${m.port} never sent to, arrived: the router only lets in packets from addresses this port has sent to, so media from an unknown address and port is blocked.`,
  'port/inbound-refused': () => 'The server does not take CHANGE-REQUEST, so inbound media from an unknown address could not be tested.',
  'port/inbound-ignored': (m) => `The STUN server ignored CHANGE-REQUEST and answered from ${m.server}, so inbound media from an unknown address could not be tested.`,
  'port/inbound-wrong-source': (m) => `The CHANGE-REQUEST answer came from ${m.from}, not from the alternate address ${m.expected}, so inbound media could not be tested.`,
  'port/inbound-open': (m) => `An answer from ${m.from}, an address UDP ${m.port} never sent to, got in: inbound media from unknown addresses is let through.`,
  'port/inbound-cancelled': () => 'The inbound test was cancelled.',

  'register/answered': (m) => `The REGISTER request to ${m.target} was answered with ${m.status}${m.reason ? ` ${m.reason}` : ''}.`,
  'register/inbound-received': (m) =>
    `The provider's own ${m.method} from ${m.from} reached UDP ${m.port} unasked, ${f.number(m.afterMs / 1000, 1)} s after the registration: the provider reaches the PBX through the NAT binding, and the binding held meanwhile.`,
  'register/no-inbound': (m) =>
    `After the registration no request from the provider reached UDP ${m.port} within ${f.number(m.waitedMs / 1000, 0)} s (many providers send none), so the answers above are the proof of this rule.`,

  'check/cancelled': (m) => CANCELLED[m.check],
  'rule/not-measured': () => 'Not measured.',

  'fix/outbound-signalling': (m) =>
    `Allow UDP from ${m.pbxIp} ports ${f.ranges(m.pbxPorts)} to the STUN server and the SIP provider (${peers(m.peers)}, ports ${f.ranges(m.peerPorts)}).`,
  'fix/inbound-signalling': (m) => `Allow the answers: UDP from the STUN server and SIP provider (${peers(m.peers)}), any port, to ${m.pbxIp} port ${f.ranges(m.pbxPorts)}.`,
  'fix/outbound-media': (m) => `Allow UDP from ${m.pbxIp} ports ${f.ranges(m.pbxPorts)} to any address and any port.`,
  'fix/inbound-media': (m) => `Allow UDP from any address and port to ${m.pbxIp} ports ${f.ranges(m.pbxPorts)}; behind NAT, forward that range to ${m.pbxIp} with the same ports.`,
  'fix/inbound-media-cgn': (m) =>
    `Allow UDP from any address and port to ${m.pbxIp} ports ${f.ranges(m.pbxPorts)} on the firewall; behind the provider’s carrier-grade NAT no forward on your router can bring it in: ask the provider for a public IPv4 address, or for an IPv6 SIP trunk.`,
  'fix/register-credentials': (m) =>
    `The registrar refused the credentials for ${m.aor}${m.status === null ? '' : ` (${m.status})`}: check the user name, the password and the domain against the provider's account data, then test again.`,
  'fix/register-refused': (m) =>
    `The registrar refused ${m.aor} with ${m.status}${m.reason ? ` ${m.reason}` : ''}: check the account and the registrar domain with the provider.`,
  'fix/register-no-answer': (m) =>
    `The registrar ${m.target} did not answer REGISTER for ${m.aor}: ask the provider whether it accepts registrations from this public address, and which registrar or outbound proxy to use.`,
};
