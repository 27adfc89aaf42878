// Befunde und Rat zum IPv6-Weg auf Deutsch.
import type { Catalog } from '../catalog';
import type { ErrorMessage } from '../messages/errors';
import type { Ipv6Message } from '../messages/ipv6';
import { errorsDe } from './errors';

const sayError = (error: ErrorMessage): string => (errorsDe[error.code] as (error: ErrorMessage) => string)(error);

export const ipv6De: Catalog<Ipv6Message> = {
  'ipv6/no-global-address': () => 'Die TK-Anlage hat keine globale IPv6-Adresse (höchstens eine link-lokale), daher wurde über IPv6 nichts gemessen.',
  'ipv6/no-server-address': (m) => `Keiner der Server hat eine IPv6-Adresse (kein AAAA-Eintrag für ${m.hosts.join(', ')}), daher ließ sich der IPv6-Weg nicht prüfen.`,
  'ipv6/not-measured': (m) => `Über IPv6 wurde von ${m.address} aus nichts gemessen. ${sayError(m.error)}`,
  'ipv6/own-address': (m) => `Der STUN-Server sah die eigene Adresse der TK-Anlage, ${m.address}: Auf dem IPv6-Weg gibt es kein NAT, die IPv6-Regeln sind reine Firewall-Regeln.`,
  'ipv6/translated': (m) =>
    `Der STUN-Server sah ${m.mapped} statt der eigenen Adresse der TK-Anlage ${m.local}: Ein Router übersetzt IPv6-Adressen (NPTv6 nach RFC 6296 oder NAT66), dem Provider ist daher ${m.mapped} zu nennen.`,
  'ipv6/firewall-open': (m) => `Die IPv6-Firewall des Routers lässt UDP von unbekannten Adressen zu ${m.address} durch.`,
  'ipv6/firewall-stateful': (m) =>
    `Die IPv6-Firewall des Routers lässt nur Antworten auf Pakete von ${m.address} herein: Für Anrufe von anderen Adressen braucht es eingehende Regeln für den SIP-Port und die Sprachports.`,
  'ipv6-fix/firewall': (m) =>
    `In der IPv6-Firewall des Routers UDP von jeder Adresse zu ${m.address} erlauben, Port ${m.sipPort} und Ports ${m.rtp.from}–${m.rtp.to} (IPv6-Regeln 6 und 8): Auf IPv6 gibt es kein NAT, also keine Portweiterleitung, nur diese Firewall-Regeln.`,
  'ipv6-advice/use-ipv6': (m) =>
    `Die IPv4-Leitung liegt hinter dem Carrier-Grade-NAT des Providers, wo keine eigene Regel einen eingehenden Port öffnen kann, der IPv6-Weg aber funktioniert: Beim Provider einen SIP-Trunk über IPv6 anfragen und die TK-Anlage mit ${m.address} registrieren.`,
};
