// The registration section of a report (shared/register.ts) as the lines every surface lists, in
// one order: the outcome, the digest, the granted expiry, what the registrar saw, the provider's
// request (or the wait without one) and the un-REGISTER. Pure, so the terminal, the wizard, the PDF
// and the Markdown cannot disagree; shared/text words each line.
import { formatAddress } from './address';
import type { RegisterReport } from './register';
import type { RegistrationMessage } from './text/messages/registration';

export function registrationFacts(register: RegisterReport): RegistrationMessage[] {
  const facts: RegistrationMessage[] = [
    { code: 'registration/outcome', outcome: register.outcome, aor: register.aor, status: register.status, reason: register.reason, rttMs: register.rttMs },
  ];
  if (register.challenged || register.algorithm !== null) facts.push({ code: 'registration/digest', challenged: register.challenged, algorithm: register.algorithm });
  if (register.expiresSec !== null) facts.push({ code: 'registration/expiry', seconds: register.expiresSec, contact: register.contact });
  if (register.via.received !== null || register.via.rport !== null) facts.push({ code: 'registration/seen-as', received: register.via.received, rport: register.via.rport });
  const inbound = register.inbound;
  if (inbound !== null) {
    facts.push(
      inbound.received && inbound.method !== null
        ? { code: 'registration/inbound', method: inbound.method, from: inbound.from === null ? null : formatAddress(inbound.from), afterMs: inbound.afterMs, answered: inbound.answered }
        : { code: 'registration/no-inbound', waitedMs: inbound.waitedMs },
    );
  }
  if (register.outcome === 'registered' || register.unregistered !== null) facts.push({ code: 'registration/unregister', done: register.unregistered });
  return facts;
}

