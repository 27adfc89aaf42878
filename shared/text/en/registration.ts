// The registration with the provider (the report's sip.register section) in English.
import type { Catalog } from '../catalog';
import { FORMAT } from '../format';
import type { RegistrationMessage, RegistrationMessageOf } from '../messages/registration';

const f = FORMAT.en;
const answer = (status: number | null, reason: string | null): string => (status === null ? 'no final answer' : `${status}${reason ? ` ${reason}` : ''}`);
const after = (rttMs: number | null): string => (rttMs === null ? '' : ` after ${f.number(rttMs)} ms`);

const OUTCOME: { readonly [K in RegistrationMessageOf<'registration/outcome'>['outcome']]: (m: RegistrationMessageOf<'registration/outcome'>) => string } = {
  registered: (m) => `Registered as ${m.aor}: the registrar answered ${answer(m.status, m.reason)}${after(m.rttMs)}.`,
  'wrong-credentials': (m) => `Registering as ${m.aor} failed: the registrar did not accept the user name and password (${answer(m.status, m.reason)}).`,
  refused: (m) => `Registering as ${m.aor} was refused: the registrar answered ${answer(m.status, m.reason)}.`,
  unsupported: (m) => `Registering as ${m.aor} could not be tested: the registrar asks for a digest TrunkCheck does not answer (${answer(m.status, m.reason)}).`,
  'no-answer': (m) => `Registering as ${m.aor}: the registrar did not answer the REGISTER request.`,
  'not-sent': (m) => `No REGISTER was sent for ${m.aor}.`,
};

export const registrationEn: Catalog<RegistrationMessage> = {
  'registration/outcome': (m) => OUTCOME[m.outcome](m),
  'registration/digest': (m) =>
    m.challenged ? `The registrar asked for digest credentials; TrunkCheck answered with ${m.algorithm ?? 'no algorithm it speaks'}.` : 'The registrar accepted the REGISTER without asking for credentials.',
  'registration/expiry': (m) => `The registrar granted ${m.seconds} s${m.contact ? ` to the contact ${m.contact}` : ''}.`,
  'registration/seen-as': (m) => `The registrar saw the REGISTER coming from ${m.received ?? '(address not named)'}:${m.rport ?? '(port not named)'}.`,
  'registration/inbound': (m) =>
    `The provider's own ${m.method} reached the SIP port${m.from ? ` from ${m.from}` : ''}${m.afterMs === null ? '' : ` ${f.number(m.afterMs / 1000, 1)} s after the registration`}${
      m.answered === null ? '' : `, and TrunkCheck answered ${m.answered}`
    }: the provider can reach the PBX through the NAT binding.`,
  'registration/no-inbound': (m) => `No request from the provider arrived within ${f.number(m.waitedMs / 1000, 0)} s after the registration.`,
  'registration/unregister': (m) =>
    m.done === null ? 'The test contact was not removed (no un-REGISTER was sent).' : m.done ? 'The test contact was removed again (un-REGISTER with Expires: 0 answered).' : 'Removing the test contact again (un-REGISTER with Expires: 0) failed: it stays registered until it expires.',
};
