// The fragment test's evidence and fixes in English.
import type { Catalog } from '../catalog';
import type { FragmentMessage } from '../messages/fragments';

const NOT_TESTED_IN = 'so fragments towards the PBX could not be tested';

const ALLOW = {
  outbound: (pbxIp: string) => `Let UDP fragments from the PBX (${pbxIp}) out through the firewall`,
  inbound: (pbxIp: string) => `Let UDP fragments to the PBX (${pbxIp}) in through the firewall`,
  both: (pbxIp: string) => `Let UDP fragments to and from the PBX (${pbxIp}) through the firewall, both ways`,
} as const;

export const fragmentsEn: Catalog<FragmentMessage> = {
  'fragments/outbound-passes': (m) =>
    `A STUN request of ${m.requestBytes} bytes, larger than the MTU and so sent in IP fragments, reached ${m.server} (its answer: ${m.answerBytes} bytes): fragments get out.`,
  'fragments/outbound-dropped': (m) =>
    `None of ${m.requests} STUN requests of ${m.requestBytes} bytes (larger than the MTU, so sent in IP fragments) reached ${m.server}, while small requests to it were answered: fragments from the PBX are dropped on the way out.`,
  'fragments/inbound-passes': (m) =>
    `The STUN server ${m.server} padded its answer to ${m.answerBytes} bytes (RFC 5780 PADDING), more than the MTU, and it arrived in fragments: fragments get in.`,
  'fragments/inbound-dropped': (m) =>
    `No answer to ${m.requests} requests for a padded answer (RFC 5780 PADDING) arrived from ${m.server}, while its small answers did: fragments towards the PBX are dropped on the way in.`,
  'fragments/padding-ignored': (m) => `The STUN server ${m.server} ignores PADDING (RFC 5780 §7.6) and answers small, ${NOT_TESTED_IN}.`,
  'fragments/padding-refused': (m) =>
    `The STUN server ${m.server} refused PADDING (${m.status === null ? 'an error response' : `error ${m.status}`}), ${NOT_TESTED_IN}.`,
  'fragments/answer-too-small': (m) => `The STUN server ${m.server} padded its answer to only ${m.answerBytes} bytes, too few to be fragmented, ${NOT_TESTED_IN}.`,
  'fragments/server-silent': (m) =>
    `The STUN server ${m.server} did not even answer the plain request during the fragment test (${m.requests} requests unanswered), so fragments were not tested.`,
  'fragments/cancelled': () => 'The fragment test was cancelled.',

  'fragments-fix/allow': (m) =>
    `${ALLOW[m.direction](m.pbxIp)}: only the first fragment carries the UDP ports, so a rule by port does not match the others. Allow fragments, or let the firewall reassemble them.`,
  'fragments-fix/sip-tcp': () =>
    'Or use SIP over TCP or TLS where the provider offers it: RFC 3261 §18.1.1 sends a request over TCP anyway when it comes within 200 bytes of the path MTU, or exceeds 1300 bytes when the MTU is unknown, as an INVITE with many codecs, SRTP keys or ICE candidates does.',
};
