// What the fragment test (electron/nat/fragments.ts, judged by shared/nat/fragments.ts) says, as
// codes with values: whether a STUN request padded past the MTU got out, whether a padded answer
// got in, why a direction stayed untested, and the fixes. PADDING is RFC 5780 §7.6.
import { codesOf, guardOf, type MessageIn, type MessagesOf } from './area';
import { address, count, ip, nullable, oneOf } from './fields';

// Which way fragments are lost, for the fix.
export const FRAGMENT_DIRECTIONS = ['outbound', 'inbound', 'both'] as const;
export type FragmentDirection = (typeof FRAGMENT_DIRECTIONS)[number];

export const FRAGMENT_MESSAGES = {
  // Outbound: a request bigger than the MTU reached the server (any answer proves it).
  'fragments/outbound-passes': { server: address, requestBytes: count, answerBytes: count },
  'fragments/outbound-dropped': { server: address, requestBytes: count, requests: count },
  // Inbound: the server's answer, padded past the MTU, reached the PBX.
  'fragments/inbound-passes': { server: address, answerBytes: count },
  'fragments/inbound-dropped': { server: address, requests: count },
  // Why inbound stayed untested: the server does not pad (RFC 5780 §6.1 says it must), refuses
  // PADDING (a 420 from a server without RFC 5780), or pads too little to fragment.
  'fragments/padding-ignored': { server: address },
  'fragments/padding-refused': { server: address, status: nullable(count) },
  'fragments/answer-too-small': { server: address, answerBytes: count },
  // Why both directions stayed untested.
  'fragments/server-silent': { server: address, requests: count },
  'fragments/cancelled': {},

  // The fixes for a direction that drops fragments.
  'fragments-fix/allow': { direction: oneOf(FRAGMENT_DIRECTIONS), pbxIp: ip },
  'fragments-fix/sip-tcp': {},
} as const;

type Table = typeof FRAGMENT_MESSAGES;
export type FragmentCode = keyof Table;
export type FragmentMessageOf<C extends FragmentCode> = MessageIn<Table, C>;
export type FragmentMessage = MessagesOf<Table>;
export const FRAGMENT_CODES = codesOf(FRAGMENT_MESSAGES);
export const isFragmentMessage = guardOf(FRAGMENT_MESSAGES);
