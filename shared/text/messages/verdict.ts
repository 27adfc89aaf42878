// What to do after a diagnosis, and the caveats of a ready one (shared/verdict/what-to-do.ts), as
// codes with values (DESIGN.md "Command line contract": every report that is not ready carries a
// short ordered list "What to do", each item a fix with the rule it serves). Fixes that already
// have a code (fix/* of the rules, nat-fix/* of the NAT) keep theirs; these are the rest.
import { CHECK_IDS } from '../../checks';
import { RULE_IDS } from '../../report';
import { amount, codesOf, flag, guardOf, type MessageIn, type MessagesOf } from './area';
import { ip, list, nullable, oneOf, port, range, text } from './fields';

// The router's own port-mapping services (shared/path.ts GatewayReport.portMapping).
export const MAPPING_SERVICES = ['upnp', 'nat-pmp', 'pcp'] as const;
export type MappingServiceName = (typeof MAPPING_SERVICES)[number];

const where = { pbxIp: ip, sipPort: port, rtp: range };

export const VERDICT_MESSAGES = {
  // A PBX that needs media and SIP from any address (any-source) behind one NAT of the customer's:
  // a 1:1 forward of the SIP port and the RTP range.
  'todo/forward': where,
  // The same behind two routers of the customer's own (RFC 1918 space between them).
  'todo/forward-both-routers': where,
  // Behind the provider's carrier-grade NAT (RFC 6598): no forward on the router can help.
  'todo/cgn-public-address': {},
  // Behind the provider's carrier-grade NAT a PBX that sends first still works while its keep-alive
  // holds the mapping open.
  'todo/cgn-keepalive': { seconds: amount },
  // IP fragments dropped on the way (STUN PADDING, RFC 5780 §7.6): a SIP INVITE with its SDP often
  // exceeds one packet over UDP.
  'todo/fragments-allow': {},
  'todo/fragments-tcp': {},
  // Something the PBX needs was not tested.
  'todo/run-again': { check: oneOf(CHECK_IDS) },
  'todo/name-sip-server': {},
  'todo/test-media': {},
  'todo/test-rule': { rule: oneOf(RULE_IDS) },

  // The caveat of a ready report: the PBX sends first, so answers from where it sends are enough; a
  // provider whose media comes from another address than it receives on gives one-way audio.
  // behindCgn: then the fix, if it happens, is not a forward but a public address.
  'caveat/one-way-audio': { pbxIp: ip, rtp: range, behindCgn: flag },

  // The registration (issue 16). The registrar asks for a digest TrunkCheck does not answer: the
  // registration stays untested (incomplete), the PBX itself must show it.
  'todo/register-unsupported': { aor: text },
  // Registered, but the provider sent no request within the wait: not a failure (many providers
  // do not ping), but rule 2 then rests on the answers alone and the keep-alive on the PBX.
  'caveat/no-inbound-request': { seconds: amount },
  // The un-REGISTER failed: the test contact stays registered until it expires.
  'caveat/register-left': { seconds: nullable(amount) },

  // A fact with its security note: the router opens ports for any program in the LAN that asks.
  'note/port-mapping-offered': { services: list(oneOf(MAPPING_SERVICES), MAPPING_SERVICES.length) },
} as const;

type Table = typeof VERDICT_MESSAGES;
export type VerdictCode = keyof Table;
export type VerdictMessageOf<C extends VerdictCode> = MessageIn<Table, C>;
export type VerdictMessage = MessagesOf<Table>;
export const VERDICT_CODES = codesOf(VERDICT_MESSAGES);
export const isVerdictMessage = guardOf(VERDICT_MESSAGES);
