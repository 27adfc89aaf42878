// What the registration with the provider showed (the report's `sip.register` section,
// shared/register.ts), as codes with values, for every surface that lists it: the terminal, the
// wizard, the PDF and the Markdown. shared/register-facts.ts turns a section into these lines.
// The evidence the rules carry (register/*) is in rules.ts; the fixes (fix/register-*) too.
import { DIGEST_ALGORITHMS, REGISTER_OUTCOMES } from '../../register';
import { codesOf, flag, guardOf, type MessageIn, type MessagesOf } from './area';
import { address, count, ms, nullable, oneOf, port, sipStatus, text } from './fields';

export const REGISTRATION_MESSAGES = {
  // How the REGISTER transaction ended (RFC 3261 §10.2), with the final status the registrar sent.
  'registration/outcome': { outcome: oneOf(REGISTER_OUTCOMES), aor: text, status: nullable(sipStatus), reason: nullable(text), rttMs: nullable(ms) },
  // The digest challenge answered (RFC 3261 §22.4, RFC 8760 for SHA-256).
  'registration/digest': { challenged: flag, algorithm: nullable(oneOf(DIGEST_ALGORITHMS)) },
  // The expiry the registrar granted the contact (RFC 3261 §10.2.4).
  'registration/expiry': { seconds: count, contact: nullable(text) },
  // Where the registrar saw the REGISTER come from (RFC 3581 received/rport).
  'registration/seen-as': { received: nullable(text), rport: nullable(port) },
  // The provider's own request through the binding, or the wait without one.
  'registration/inbound': { method: text, from: nullable(address), afterMs: nullable(ms), answered: nullable(sipStatus) },
  'registration/no-inbound': { waitedMs: ms },
  // The contact removed again (Expires: 0); null: not attempted.
  'registration/unregister': { done: nullable(flag) },
} as const;

type Table = typeof REGISTRATION_MESSAGES;
export type RegistrationCode = keyof Table;
export type RegistrationMessageOf<C extends RegistrationCode> = MessageIn<Table, C>;
export type RegistrationMessage = MessagesOf<Table>;
export const REGISTRATION_CODES = codesOf(REGISTRATION_MESSAGES);
export const isRegistrationMessage = guardOf(REGISTRATION_MESSAGES);
