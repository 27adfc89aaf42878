// Was der Router des LANs über sich selbst sagt, auf Deutsch.
import type { Catalog } from '../catalog';
import { FORMAT } from '../format';
import type { GatewayMessage } from '../messages/gateway';
import { MAPPING_SERVICE_NAMES } from '../messages/path';

const f = FORMAT.de;

const SERVICES = MAPPING_SERVICE_NAMES;

const SILENT = {
  upnp: 'die UPnP-Suche (SSDP)',
  'nat-pmp': 'NAT-PMP',
  pcp: 'PCP',
} as const;

const CLOSED = {
  upnp: 'Am SSDP-Port 1900 des Routers lauscht nichts (ICMP „Port unerreichbar“): Er bietet kein UPnP IGD an.',
  'nat-pmp': 'Der Router bietet kein NAT-PMP an: Sein Port 5351 ist geschlossen (ICMP „Port unerreichbar“).',
  pcp: 'Der Router bietet kein PCP an: Sein Port 5351 ist geschlossen (ICMP „Port unerreichbar“).',
} as const;

const STEPS = { description: 'seine Gerätebeschreibung', control: 'seine Steuer-URL' } as const;

const PROBLEMS = {
  timeout: 'antwortete nicht rechtzeitig',
  'too-large': 'war größer als erlaubt',
  refused: 'lehnte die Verbindung ab',
  status: 'antwortete mit einem HTTP-Fehler',
  elsewhere: 'zeigt auf einen anderen Rechner als den Router (nicht gefolgt)',
  malformed: 'war unlesbar',
  'no-service': 'nennt keinen WAN-Verbindungsdienst',
} as const;

// RFC 6886 §3.5.
const NAT_PMP_RESULTS: Readonly<Record<number, string>> = {
  1: 'Version nicht unterstützt',
  2: 'abgelehnt: Die Funktion ist am Router abgeschaltet',
  3: 'Netzwerkfehler: Der Router hat (noch) keine eigene öffentliche Adresse',
  4: 'keine Ressourcen frei',
  5: 'Opcode nicht unterstützt',
};

// RFC 6887 §7.4, mit den Namen der RFC.
const PCP_RESULTS: Readonly<Record<number, string>> = {
  1: 'UNSUPP_VERSION',
  2: 'NOT_AUTHORIZED',
  3: 'MALFORMED_REQUEST',
  4: 'UNSUPP_OPCODE',
  5: 'UNSUPP_OPTION',
  6: 'MALFORMED_OPTION',
  7: 'NETWORK_FAILURE',
  8: 'NO_RESOURCES',
  9: 'UNSUPP_PROTOCOL',
  10: 'USER_EX_QUOTA',
  11: 'CANNOT_PROVIDE_EXTERNAL',
  12: 'ADDRESS_MISMATCH',
  13: 'EXCESSIVE_REMOTE_PEERS',
};

const NOT_PUBLIC = {
  private: 'ist privat (RFC 1918): Zwischen ihm und dem Internet sitzt ein weiterer eigener Router.',
  shared: 'liegt im Adressbereich 100.64.0.0/10 für Provider-NAT (RFC 6598): Dahinter sitzt das Carrier-Grade-NAT des Providers.',
  unusable: 'ist keine brauchbare WAN-Adresse.',
} as const;

export const gatewayDe: Catalog<GatewayMessage> = {
  'gateway/not-asked': (m) =>
    m.why === 'no-gateway'
      ? 'Der Router wurde nicht nach sich selbst gefragt: Dieser Rechner hat keine Standardroute.'
      : 'Der Router wurde nicht nach sich selbst gefragt: Die Standardroute führt zu keinem IPv4-Router.',
  'gateway/cancelled': () => 'Die Fragen an den Router wurden abgebrochen, bevor alle Antworten da waren.',
  'gateway/silent': (m) =>
    m.closed ? CLOSED[m.service] : `Keine rechtzeitige Antwort des Routers auf ${SILENT[m.service]}: Er bietet es nicht an, oder eine Firewall verwirft die Frage.`,
  'gateway/malformed': (m) => `Die Antwort des Routers auf ${SERVICES[m.service]} war fehlerhaft und bleibt unbeachtet.`,
  'gateway/upnp-address': (m) => `Das UPnP IGD des Routers (${m.connection}) nennt als WAN-Adresse ${m.ip}.`,
  'gateway/upnp-no-address': (m) =>
    `Das UPnP IGD des Routers (${m.connection}) beantwortete GetExternalIPAddress ohne Adresse: So antworten miniupnpd und viele Router, wenn ihre eigene WAN-Adresse nicht öffentlich ist – ein Hinweis auf ein weiteres NAT hinter dem Router.`,
  'gateway/upnp-fault': (m) => `Das UPnP IGD des Routers (${m.connection}) lehnte GetExternalIPAddress ab (HTTP ${m.status}${m.upnpError === null ? '' : `, UPnP-Fehler ${m.upnpError}`}).`,
  'gateway/upnp-failed': (m) => `Der Router beantwortete die UPnP-Suche, aber ${STEPS[m.step]} ${PROBLEMS[m.problem]}.`,
  'gateway/natpmp-address': (m) => `NAT-PMP: Der Router nennt als öffentliche Adresse ${m.ip} (RFC 6886).`,
  'gateway/natpmp-no-address': () => 'NAT-PMP: Der Router antwortete mit der Adresse 0.0.0.0: Er hat keine zu nennen.',
  'gateway/natpmp-refused': (m) => `NAT-PMP: Der Router antwortete mit Ergebnis ${m.result}, ${NAT_PMP_RESULTS[m.result] ?? 'einem Code, den RFC 6886 nicht kennt'} (RFC 6886 §3.5).`,
  'gateway/natpmp-other-version': (m) => `Der Router antwortete auf NAT-PMP in Protokollversion ${m.version}: Er spricht ${m.version === 2 ? 'nur PCP' : 'eine andere Protokollversion'}.`,
  'gateway/pcp-answered': () => 'Der Router beantwortet PCP (eine ANNOUNCE-Anfrage, RFC 6887 §14.1).',
  'gateway/pcp-refused': (m) => `Der Router beantwortete PCP mit Ergebnis ${m.result} (${PCP_RESULTS[m.result] ?? 'ein Code, den RFC 6887 nicht kennt'}).`,
  'gateway/pcp-nat-pmp-only': () => 'Der Router beantwortete PCP im Format von NAT-PMP: Er spricht nur NAT-PMP.',
  'gateway/pcp-other-version': (m) => `Der Router beantwortete PCP mit Version ${m.version}: PCP-Version 2 spricht er nicht.`,
  'gateway/external-not-public': (m) => `Die WAN-Adresse, die der Router nennt (${m.ip}), ${NOT_PUBLIC[m.scope]}`,
  'gateway/sources-differ': (m) => `UPnP und NAT-PMP nennen verschiedene WAN-Adressen (${m.upnp} und ${m.natPmp}); berichtet wird die von NAT-PMP.`,
  'gateway/mapping-offered': (m) =>
    `Der Router bietet automatische Portfreigaben an (${f.list(m.services.map((s) => SERVICES[s]))}); TrunkCheck legt nie eine Freigabe an. Schalten Sie die Funktion ab, wenn kein Gerät sie braucht.`,
};
