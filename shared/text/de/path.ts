// Was hinter dem Router des LANs liegt, auf Deutsch. Wortwahl: LAN-Router, zweites NAT,
// Carrier-Grade-NAT des Providers, Hop (ein Router auf dem Weg, gezählt ab dem LAN).
import type { Catalog } from '../catalog';
import { FORMAT } from '../format';
import type { MappingServiceName, PathMessage } from '../messages/path';

const f = FORMAT.de;
const SERVICES: { readonly [S in MappingServiceName]: string } = { upnp: 'UPnP', 'nat-pmp': 'NAT-PMP', pcp: 'PCP' };
const hop = (ttl: number, from: string): string => `Hop ${ttl}, ${from}`;

export const pathDe: Catalog<PathMessage> = {
  'second-nat/no-nat': (m) => `Die öffentliche Adresse ${m.ip} ist die eigene Adresse dieses Rechners: Es gibt gar kein NAT, also auch kein zweites.`,
  'second-nat/router-public': (m) => `Der Router meldet ${m.externalIp} als eigene WAN-Adresse, dieselbe Adresse, die der STUN-Server sah: Er ist das einzige NAT auf dem Weg.`,
  'second-nat/router-public-differs': (m) =>
    m.mapped === null
      ? `Der Router meldet die öffentliche Adresse ${m.externalIp} als eigene, aber es wurde keine STUN-Adresse zum Vergleich gemessen.`
      : `Der Router meldet ${m.externalIp} als eigene WAN-Adresse, der STUN-Server sah aber ${m.mapped}: Womöglich setzt ein weiteres Gerät die Adresse noch einmal um, oder der Verkehr geht über eine andere Leitung hinaus.`,
  'second-nat/router-shared': (m) =>
    `Die eigene WAN-Adresse des Routers, ${m.externalIp}, stammt aus 100.64.0.0/10, dem gemeinsamen Adressbereich der Provider für Carrier-Grade-NAT (RFC 6598): Der Provider setzt die Adresse ein zweites Mal um.`,
  'second-nat/router-ds-lite': (m) =>
    `Die eigene WAN-Adresse des Routers, ${m.externalIp}, ist eine DS-Lite-Tunneladresse (192.0.0.0/29, RFC 6333): IPv4 geht über das Carrier-Grade-NAT des Providers hinaus.`,
  'second-nat/router-private': (m) =>
    `Die eigene WAN-Adresse des Routers, ${m.externalIp}, ist eine private Adresse (RFC 1918): Er steht hinter einem weiteren eigenen Router, der die Adresse ein zweites Mal umsetzt.`,
  'second-nat/router-no-address': (m) =>
    `Der Router antwortete über ${f.list(m.services.map((service) => SERVICES[service]))}, meldete aber keine öffentliche Adresse für sich: Seine WAN-Adresse ist nicht öffentlich, also folgt ein zweites NAT.`,
  'second-nat/router-silent': () => 'Der Router nannte seine WAN-Adresse nicht (keine Antwort über UPnP, NAT-PMP oder PCP).',
  'second-nat/hop-shared': (m) =>
    `Der nächste Router nach dem LAN-Router (${hop(m.ttl, m.from)}) hat eine Adresse aus 100.64.0.0/10, dem gemeinsamen Adressbereich der Provider für Carrier-Grade-NAT (RFC 6598).`,
  'second-nat/hop-ds-lite': (m) => `Der nächste Router nach dem LAN-Router (${hop(m.ttl, m.from)}) ist ein DS-Lite-Tunnelende (192.0.0.0/29, RFC 6333): das Carrier-Grade-NAT des Providers.`,
  'second-nat/hop-private': (m) =>
    `Der nächste Router nach dem LAN-Router (${hop(m.ttl, m.from)}) hat eine private Adresse (RFC 1918): Zwischen dem LAN-Router und dem Internet steht ein zweiter eigener Router.`,
  'second-nat/hop-provider': (m) =>
    `Der nächste Router nach dem LAN-Router (${hop(m.ttl, m.from)}) hat eine öffentliche Adresse, gehört also dem Provider: Das zweite NAT ist das Carrier-Grade-NAT des Providers.`,
  'second-nat/hop-public': (m) =>
    `Der nächste Router nach dem LAN-Router (${hop(m.ttl, m.from)}) hat eine öffentliche Adresse: Wahrscheinlich gibt es kein zweites NAT, ein NAT des Providers weiter hinten ist aber nicht ausgeschlossen.`,
  'second-nat/target-next': (m) =>
    `Der STUN-Server ${m.target} antwortete selbst bei Hop ${m.ttl}, direkt nach dem LAN-Router: Dazwischen liegt kein weiterer Router und damit kein zweites NAT.`,
  'second-nat/no-hops': (m) =>
    `Kein Router hinter dem LAN-Router nannte dem Test mit begrenzter TTL seine Adresse (${m.first === m.last ? `Hop ${m.first}` : `Hops ${m.first}–${m.last}`}).`,
  'second-nat/no-probe': () => 'Die Router hinter dem LAN-Router wurden nicht abgefragt: Es gibt keinen nutzbaren ping-Befehl, oder der Test wurde abgebrochen.',
};
