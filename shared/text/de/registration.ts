// Die Registrierung beim Provider (der Abschnitt sip.register eines Berichts) auf Deutsch.
import type { Catalog } from '../catalog';
import { FORMAT } from '../format';
import type { RegistrationMessage, RegistrationMessageOf } from '../messages/registration';

const f = FORMAT.de;
const answer = (status: number | null, reason: string | null): string => (status === null ? 'keine endgültige Antwort' : `${status}${reason ? ` ${reason}` : ''}`);
const after = (rttMs: number | null): string => (rttMs === null ? '' : ` nach ${f.number(rttMs)} ms`);

const OUTCOME: { readonly [K in RegistrationMessageOf<'registration/outcome'>['outcome']]: (m: RegistrationMessageOf<'registration/outcome'>) => string } = {
  registered: (m) => `Registriert als ${m.aor}: Der Registrar antwortete${after(m.rttMs)} mit ${answer(m.status, m.reason)}.`,
  'wrong-credentials': (m) => `Die Registrierung als ${m.aor} schlug fehl: Der Registrar nahm Benutzername und Passwort nicht an (${answer(m.status, m.reason)}).`,
  refused: (m) => `Die Registrierung als ${m.aor} wurde abgelehnt: Der Registrar antwortete mit ${answer(m.status, m.reason)}.`,
  unsupported: (m) => `Die Registrierung als ${m.aor} ließ sich nicht testen: Der Registrar verlangt ein Digest-Verfahren, das TrunkCheck nicht beherrscht (${answer(m.status, m.reason)}).`,
  'no-answer': (m) => `Registrierung als ${m.aor}: Der Registrar beantwortete die REGISTER-Anfrage nicht.`,
  'not-sent': (m) => `Für ${m.aor} wurde kein REGISTER gesendet.`,
};

export const registrationDe: Catalog<RegistrationMessage> = {
  'registration/outcome': (m) => OUTCOME[m.outcome](m),
  'registration/digest': (m) =>
    m.challenged ? `Der Registrar verlangte Digest-Zugangsdaten; TrunkCheck antwortete mit ${m.algorithm ?? 'keinem Verfahren, das es beherrscht'}.` : 'Der Registrar nahm das REGISTER ohne Zugangsdaten an.',
  'registration/expiry': (m) => `Der Registrar gewährte ${m.seconds} s${m.contact ? ` für den Kontakt ${m.contact}` : ''}.`,
  'registration/seen-as': (m) => `Der Registrar sah das REGISTER von ${m.received ?? '(Adresse nicht genannt)'}:${m.rport ?? '(Port nicht genannt)'} kommen.`,
  'registration/inbound': (m) =>
    `Ein eigenes ${m.method} des Providers erreichte den SIP-Port${m.from ? ` von ${m.from}` : ''}${m.afterMs === null ? '' : ` ${f.number(m.afterMs / 1000, 1)} s nach der Registrierung`}${
      m.answered === null ? '' : `, TrunkCheck antwortete mit ${m.answered}`
    }: Der Provider erreicht die TK-Anlage über die NAT-Zuordnung.`,
  'registration/no-inbound': (m) => `Innerhalb von ${f.number(m.waitedMs / 1000, 0)} s nach der Registrierung kam keine Anfrage vom Provider an.`,
  'registration/unregister': (m) =>
    m.done === null
      ? 'Der Testkontakt wurde nicht wieder entfernt (kein Abmelde-REGISTER gesendet).'
      : m.done
        ? 'Der Testkontakt wurde wieder entfernt (Abmelde-REGISTER mit Expires: 0 beantwortet).'
        : 'Das Entfernen des Testkontakts (Abmelde-REGISTER mit Expires: 0) schlug fehl: Er bleibt registriert, bis er abläuft.',
};
