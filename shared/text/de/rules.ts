// Die Nachweise und die Abhilfe der Firewall-Regeln auf Deutsch. Wortwahl wie im Export
// (shared/text/de/document.ts) und im Assistenten (renderer/src/i18n/de.ts): TK-Anlage,
// SIP-Provider, Sprachports, beliebig, weiterleiten.
import type { Catalog } from '../catalog';
import { FORMAT, portOf } from '../format';
import type { MeasuredRuleMessage } from '../messages/rules';

const f = FORMAT.de;
const requests = (count: number): string => `${count} ${count === 1 ? 'Anfrage' : 'Anfragen'}`;
const alternate = (from: string | null): string => from ?? 'der zweiten Adresse des STUN-Servers';
const peers = (list: readonly string[]): string => (list.length === 0 ? 'nicht gemessen' : list.join(', '));

const STUN_FAILED = {
  timeout: (server: string, port: number) =>
    `Keine STUN-Antwort von ${server} an UDP ${port}: Ausgehendes UDP von Port ${port} ist offenbar gesperrt, oder der Server ist nicht erreichbar. UDP von Port ${port} dieses Rechners zum STUN-Server (und seine Antworten zurück) erlauben oder einen anderen STUN-Server versuchen.`,
  'wrong-source': (server: string, port: number) =>
    `Antworten an UDP ${port} kamen von einer anderen Adresse als vom STUN-Server ${server}: Der Server steht hinter einem NAT oder antwortet über eine andere Schnittstelle und ist daher nicht nutzbar; einen anderen STUN-Server wählen.`,
  refused: (server: string, port: number) => `Der STUN-Server ${server} hat die Binding-Anfrage von UDP ${port} abgelehnt; einen anderen STUN-Server wählen.`,
  'no-mapped-address': (server: string) => `Der STUN-Server ${server} antwortete ohne zugeordnete Adresse und kann daher die öffentliche Adresse nicht nennen.`,
  malformed: (server: string) => `Der STUN-Server ${server} sandte eine fehlerhafte Antwort; einen anderen STUN-Server wählen.`,
  other: (server: string, port: number) => `Die Binding-Anfrage von UDP ${port} an ${server} bekam keine verwertbare Antwort.`,
} as const;

const SIP_NOT_ASKED = {
  'not-found': (target: string) => `Den SIP-Server ${target} gibt es im DNS nicht, daher wurde kein SIP OPTIONS gesendet: den Namen mit der Dokumentation des Providers vergleichen.`,
  'no-address': (target: string) => `Der SIP-Server ${target} hat im DNS keine Adresse, daher wurde kein SIP OPTIONS gesendet.`,
  'no-udp': (target: string) => `${target} bietet kein SIP über UDP an, daher wurde kein SIP OPTIONS gesendet.`,
  'dns-failed': (target: string) => `Die DNS-Abfrage für den SIP-Server ${target} schlug fehl, daher wurde kein SIP OPTIONS gesendet: den DNS-Server dieses Rechners prüfen.`,
  'invalid-target': (target: string) => `„${target}“ ist kein SIP-Servername: Host oder Host:Port angeben.`,
  'not-sent': (target: string) => `Die SIP-OPTIONS-Anfrage an ${target} ließ sich nicht erstellen, daher wurde keine gesendet.`,
} as const;

const CANCELLED = {
  nat: 'Der NAT-Test wurde abgebrochen, bevor er fertig war.',
  sip: 'Die SIP-Prüfung wurde abgebrochen, bevor sie fertig war.',
  register: 'Die Registrierung beim Provider wurde abgebrochen, bevor sie fertig war.',
  media: 'Die Prüfung der Sprachports wurde abgebrochen, bevor sie fertig war; die Sprachports sind daher ungetestet.',
  quality: 'Die Messung der Leitungsqualität wurde abgebrochen, bevor sie fertig war.',
} as const;

export const rulesDe: Catalog<MeasuredRuleMessage> = {
  'signalling/stun-failed': (m) => STUN_FAILED[m.reason](m.server, m.port),
  'signalling/inbound-not-tested': () => 'Es kam nichts zurück, daher ließ sich die eingehende Richtung nicht testen.',
  'signalling/stun-out': (m) => `Die STUN-Binding-Anfrage von UDP ${m.port} an ${m.server} wurde beantwortet (${f.time(m.at)}).`,
  'signalling/stun-in': (m) => `Die STUN-Antwort von ${m.from} kam an UDP ${m.port} an.`,
  'signalling/sip-not-named': () => 'SIP nicht getestet: den SIP-Server des Providers angeben.',
  'signalling/no-sip-answer-back': () => 'Es kam keine SIP-Antwort zurück, daher ließ sich der SIP-Teil nicht testen.',
  'signalling/sip-answer-in': (m) => `Auch die SIP-Antwort ${m.status}${m.reason ? ` ${m.reason}` : ''} von ${m.from} kam an UDP ${m.port} an.`,

  'options/answered': (m) => {
    const seen = m.received !== null || m.rport !== null ? `; der Provider sah die Anfrage von ${m.received ?? '(Adresse nicht genannt)'}:${m.rport ?? '(Port nicht genannt)'} kommen` : '';
    return `SIP OPTIONS an ${m.target} wurde nach ${f.number(m.rttMs)} ms mit ${m.status} ${m.reason} beantwortet${m.server ? ` (Gegenstelle: ${m.server})` : ''}${seen}.`;
  },
  'options/no-answer': (m) => `Keine SIP-Antwort von ${m.target} nach ${requests(m.requests)} in ${f.number(m.waitedMs / 1000, 1)} s.`,
  'options/cancelled': (m) => `SIP OPTIONS an ${m.target} wurde nach ${requests(m.requests)} abgebrochen.`,
  'options/not-asked': (m) => SIP_NOT_ASKED[m.reason](m.target),

  'media/none-opened': (m) => `Kein Port aus UDP ${f.range(m.range)} ließ sich für den Test öffnen.`,
  'media/ports-held': (m) => `Übersprungen, weil ein anderes Programm auf diesem Rechner sie belegt: ${f.ports(m.ports)}.`,
  'media/outbound-blocked': (m) => `Binding-Anfragen von ${m.ports.length} der ${m.probed} geprüften Ports bekamen keine Antwort von ${m.server} (Ports ${f.ports(m.ports)}).`,
  'media/outbound-answered': (m) => {
    const kept = m.changed.length === 0 ? 'der Router behielt jeden Port bei' : `der Router änderte den Port von ${f.ports(m.changed)}`;
    return `Binding-Anfragen von allen ${m.probed} geprüften Ports aus UDP ${f.range(m.range)} wurden von ${m.server} beantwortet (${kept}; öffentliche IP ${m.publicIps.join(', ')}).`;
  },
  'media/one-destination': () => 'Nur zum STUN-Server hin getestet; eine Regel, die RTP nur zu bestimmten Zielen erlaubt, bestünde den Test ebenfalls.',
  'media/no-alternate-address': (m) =>
    `Der STUN-Server ${m.server} meldet keine zweite Adresse (RFC 5780 OTHER-ADDRESS) und kann daher nicht von einer Adresse antworten, an die der Port nie gesendet hat: Eingehende Sprache von unbekannten Adressen ließ sich nicht testen. Einen STUN-Server mit RFC-5780-Unterstützung verwenden.`,
  'media/inbound-blocked': (m) =>
    `Antworten von ${alternate(m.from)}, an die die Ports nie gesendet hatten, erreichten ${m.ports.length} der ${m.tested} geprüften Ports nicht (${f.ports(m.ports)}): Der Router verwirft Sprachpakete von unbekannten Adressen.`,
  'media/inbound-open': (m) => `Antworten von ${alternate(m.from)}, an die die Ports nie gesendet hatten, erreichten alle ${m.tested} geprüften Ports aus UDP ${f.range(m.range)}.`,
  'media/inbound-not-tested': () => 'Kein Port ließ sich auf eingehende Sprache testen.',
  'media/return-path-open': (m) => `Antworten von ${m.server}, der Adresse, an die die Ports gesendet hatten, erreichten alle ${m.tested} geprüften Ports aus UDP ${f.range(m.range)}: Der Rückweg ist offen.`,
  'media/return-path-unproven': (m) =>
    `Keine Antwort von ${m.server} kam an ${f.ports(m.ports)} zurück; ob dort der Hinweg oder der Rückweg gesperrt ist, bleibt offen.`,
  'media/needs-return-path': () =>
    'Diese TK-Anlage sendet von jedem RTP-Port zuerst und nutzt die per STUN gemessene öffentliche Adresse jedes Ports, daher genügen ihr Antworten von der Adresse, an die ein Port gesendet hat.',
  'media/needs-any-source': () =>
    'Diese TK-Anlage braucht Sprache, die unaufgefordert von beliebigen Adressen ankommt, daher belegt nur eine Antwort von einer Adresse, an die ein Port nie gesendet hat, die Regel.',
  'media/off': () => 'Die Sprachports wurden nicht geprüft (abgeschaltet, --no-media).',
  'media/no-stun-answer': () => 'Vom STUN-Server kam nichts zurück, daher ließen sich die Sprachports nicht testen.',

  'port/held': (m) => `UDP ${m.port} ist von einem anderen Programm auf diesem Rechner belegt und wurde übersprungen.`,
  'port/not-opened': (m) => `UDP ${m.port} ließ sich auf diesem Rechner nicht öffnen und wurde übersprungen.`,
  'port/cancelled': (m) => `Der Test von UDP ${m.port} wurde abgebrochen.`,
  'port/answer-unusable': (m) =>
    `${m.server} hat die Anfrage von UDP ${m.port} beantwortet, sie kam also hinaus; Portbeibehaltung und eingehende Sprache ließen sich mit dieser Antwort aber nicht testen.`,
  'port/no-answer': (m) => `Keine STUN-Antwort von ${m.server} an UDP ${m.port}: Ausgehendes UDP von diesem Port ist offenbar gesperrt, daher ließ sich auch die eingehende Richtung nicht testen.`,
  'port/answered': (m) => {
    const mappedPort = portOf(m.mapped);
    const kept = mappedPort === m.port ? 'Port beibehalten' : `der Router änderte den Port in ${mappedPort}`;
    return `Binding-Anfrage von UDP ${m.port} von ${m.server} beantwortet; öffentliche Adresse ${m.mapped} (${kept}).`;
  },
  'port/inbound-blocked': (m) =>
    `Keine von ${m.requests} Antworten von ${m.from}, einer Adresse, an die UDP ${m.port} nie gesendet hat, kam an: Der Router lässt nur Pakete von Adressen herein, an die dieser Port gesendet hat, und blockiert Sprache von unbekannter Adresse und unbekanntem Port.`,
  'port/inbound-refused': () => 'Der Server nimmt kein CHANGE-REQUEST an, daher ließ sich eingehende Sprache von unbekannter Adresse nicht testen.',
  'port/inbound-ignored': (m) => `Der STUN-Server ignorierte CHANGE-REQUEST und antwortete von ${m.server}, daher ließ sich eingehende Sprache von unbekannter Adresse nicht testen.`,
  'port/inbound-wrong-source': (m) => `Die Antwort auf CHANGE-REQUEST kam von ${m.from}, nicht von der zweiten Adresse ${m.expected}, daher ließ sich eingehende Sprache nicht testen.`,
  'port/inbound-open': (m) => `Eine Antwort von ${m.from}, einer Adresse, an die UDP ${m.port} nie gesendet hat, kam herein: Eingehende Sprache von unbekannten Adressen wird durchgelassen.`,
  'port/inbound-cancelled': () => 'Der Test der eingehenden Richtung wurde abgebrochen.',

  'register/answered': (m) => `Die REGISTER-Anfrage an ${m.target} wurde mit ${m.status}${m.reason ? ` ${m.reason}` : ''} beantwortet.`,
  'register/inbound-received': (m) =>
    `Ein eigenes ${m.method} des Providers von ${m.from} erreichte UDP ${m.port} unaufgefordert, ${f.number(m.afterMs / 1000, 1)} s nach der Registrierung: Der Provider erreicht die TK-Anlage über die NAT-Zuordnung, und die Zuordnung hielt so lange.`,
  'register/no-inbound': (m) =>
    `Nach der Registrierung kam innerhalb von ${f.number(m.waitedMs / 1000, 0)} s keine Anfrage des Providers an UDP ${m.port} an (viele Provider senden keine), daher belegen die Antworten oben diese Regel.`,

  'check/cancelled': (m) => CANCELLED[m.check],
  'rule/not-measured': () => 'Nicht gemessen.',

  'fix/outbound-signalling': (m) =>
    `UDP von ${m.pbxIp} Ports ${f.ranges(m.pbxPorts)} zum STUN-Server und zum SIP-Provider erlauben (${peers(m.peers)}, Ports ${f.ranges(m.peerPorts)}).`,
  'fix/inbound-signalling': (m) => `Die Antworten erlauben: UDP vom STUN-Server und SIP-Provider (${peers(m.peers)}), beliebiger Port, an ${m.pbxIp} Port ${f.ranges(m.pbxPorts)}.`,
  'fix/outbound-media': (m) => `UDP von ${m.pbxIp} Ports ${f.ranges(m.pbxPorts)} an beliebige Adressen und Ports erlauben.`,
  'fix/inbound-media': (m) => `UDP von beliebigen Adressen und Ports an ${m.pbxIp} Ports ${f.ranges(m.pbxPorts)} erlauben; hinter NAT diesen Bereich mit denselben Ports an ${m.pbxIp} weiterleiten.`,
  'fix/inbound-media-cgn': (m) =>
    `UDP von beliebigen Adressen und Ports an ${m.pbxIp} Ports ${f.ranges(m.pbxPorts)} in der Firewall erlauben; hinter dem Carrier-Grade-NAT des Providers bringt keine Weiterleitung am eigenen Router diese Pakete herein: beim Provider eine öffentliche IPv4-Adresse oder einen SIP-Trunk über IPv6 bestellen.`,
  'fix/register-credentials': (m) =>
    `Der Registrar lehnte die Zugangsdaten für ${m.aor} ab${m.status === null ? '' : ` (${m.status})`}: Benutzername, Passwort und Domain mit den Zugangsdaten des Providers abgleichen und erneut testen.`,
  'fix/register-refused': (m) =>
    `Der Registrar lehnte ${m.aor} mit ${m.status}${m.reason ? ` ${m.reason}` : ''} ab: Konto und Registrar-Domain mit dem Provider klären.`,
  'fix/register-no-answer': (m) =>
    `Der Registrar ${m.target} beantwortete das REGISTER für ${m.aor} nicht: beim Provider erfragen, ob er Registrierungen von dieser öffentlichen Adresse annimmt und welcher Registrar oder Outbound-Proxy zu verwenden ist.`,
};
