// What to do, the caveats and the notes of a verdict, in English.
import type { Catalog } from '../catalog';
import { FORMAT } from '../format';
import type { VerdictMessage } from '../messages/verdict';
import { MAPPING_SERVICE_NAMES } from '../messages/path';

const f = FORMAT.en;
const seconds = (value: number): string => f.number(value, Number.isInteger(value) ? 0 : 1);
const SERVICES = MAPPING_SERVICE_NAMES;
const both = (items: readonly string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

const CHECKS = { nat: 'the NAT test', sip: 'the SIP check', register: 'the registration with the provider', media: 'the media check', quality: 'the line-quality measurement' } as const;
const RULES = {
  'outbound-signalling': 'outbound signalling',
  'inbound-signalling': 'inbound signalling',
  'outbound-media': 'outbound media',
  'inbound-media': 'inbound media',
} as const;

export const verdictEn: Catalog<VerdictMessage> = {
  'todo/forward': (m) =>
    `On the router, forward UDP ${m.sipPort} and UDP ${f.range(m.rtp)} to the PBX (${m.pbxIp}) with the same ports (1:1), and allow UDP from any address to them: this PBX needs SIP and media from any address to arrive unasked.`,
  'todo/forward-both-routers': (m) =>
    `There are two routers of your own in the way: forward UDP ${m.sipPort} and UDP ${f.range(m.rtp)} with the same ports on both, the outer one to the inner one's WAN address and the inner one to the PBX (${m.pbxIp}), or put the outer one in bridge mode and forward on the inner one only.`,
  'todo/cgn-public-address': () =>
    'The line sits behind the provider’s carrier-grade NAT (DS-Lite or CGN), so no forward on your router can let unasked traffic in: ask the provider for a public IPv4 address, or for an IPv6 SIP trunk.',
  'todo/cgn-keepalive': (m) =>
    `Behind the provider’s carrier-grade NAT, forwarding ports cannot help; the trunk works while the PBX keeps its mappings open: send a keep-alive at least every ${seconds(m.seconds)} s.`,
  'todo/fragments-allow': () => 'IP fragments are dropped on the way: allow IP fragments (UDP) in and out on the firewall, since a SIP INVITE with its SDP often needs more than one packet.',
  'todo/fragments-tcp': () => 'Or use SIP over TCP or TLS where the provider offers it: large requests then go as one stream, not as fragments (RFC 3261 §18.1.1).',
  'todo/run-again': (m) => `Run ${CHECKS[m.check]} again: it was cancelled before it finished.`,
  'todo/name-sip-server': () => 'Name the provider’s SIP server and run the check again, so the SIP part of the signalling rules is tested.',
  'todo/test-media': () => 'Run the check again with the media ports (without --no-media), so the RTP rules are tested.',
  'todo/test-rule': (m) => `Test the ${RULES[m.rule]} rule again: its evidence says what was missing.`,
  'caveat/one-way-audio': (m) =>
    `This PBX sends first from every RTP port, so answers from the address it sent to are enough. A provider whose media comes from another address than the one it receives on gives one-way audio; if that happens, ${
      m.behindCgn ? 'ask the provider for a public IPv4 address or an IPv6 SIP trunk' : `forward UDP ${f.range(m.rtp)} to ${m.pbxIp} and allow it from any address (the inbound media rule as written)`
    }.`,
  'todo/register-unsupported': (m) =>
    `The registrar asks for a digest TrunkCheck does not answer, so registering as ${m.aor} was not tested: register the PBX itself and check that it shows the trunk as registered.`,
  'caveat/no-inbound-request': (m) =>
    `No request from the provider arrived within ${seconds(m.seconds)} s after the registration. Many providers send none, so this is no failure; but then nothing proved that calls can reach the PBX unasked: keep the PBX's keep-alive on, and place a test call from outside.`,
  'caveat/register-left': (m) =>
    `The test registration could not be removed again: it stays registered${m.seconds === null ? '' : ` for up to ${seconds(m.seconds)} s`}, and calls to the account may reach TrunkCheck's address meanwhile instead of the PBX.`,
  'note/port-mapping-offered': (m) =>
    `The router offers ${both(m.services.map((service) => SERVICES[service]))}: any program in the LAN may open ports on it without asking. TrunkCheck never creates a mapping; switch it off unless something needs it.`,
};
