// Nachweise, Urteil und Abhilfe der NAT-Erkennung auf Deutsch. Wortwahl wie im Assistenten und
// im Export: Zuordnung (Mapping), Filterung, endpunkt-unabhängig, adress- und portabhängig,
// Haltedauer der Zuordnung, TK-Anlage, SIP-Provider.
import type { Catalog } from '../catalog';
import { FORMAT } from '../format';
import type { NatMessage } from '../messages/nat';

const f = FORMAT.de;
const seconds = (value: number): string => f.number(value, Number.isInteger(value) ? 0 : 1);
const either = (items: readonly string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} oder ${items[items.length - 1]}`);

const NAMES = {
  'full-cone': 'Full-Cone-NAT',
  'restricted-cone': 'Restricted-Cone-NAT',
  'port-restricted-cone': 'Port-Restricted-Cone-NAT',
  symmetric: 'Symmetrisches NAT',
  'open-internet': 'Kein NAT (offenes Internet)',
  'symmetric-udp-firewall': 'Kein NAT, zustandsbehaftete Firewall',
  blocked: 'UDP blockiert',
  unknown: 'NAT-Typ unbekannt',
} as const;

const BEHAVIOURS = {
  'endpoint-independent': 'Endpunkt-unabhängig',
  'address-dependent': 'Adressabhängig',
  'address-and-port-dependent': 'Adress- und portabhängig',
  none: 'Keine (kein NAT)',
  unknown: 'Unbekannt',
} as const;

const MEANINGS = {
  'full-cone': 'Der Router behält einen öffentlichen Port für den SIP-Port und lässt jeden darauf antworten: Der Provider erreicht die TK-Anlage.',
  'restricted-cone': 'Der Router behält einen öffentlichen Port für den SIP-Port und lässt Antworten von jedem Port einer Adresse herein, an die die TK-Anlage gesendet hat.',
  'port-restricted-cone':
    'Der Router behält einen öffentlichen Port für den SIP-Port und lässt Antworten nur von genau der Adresse und dem Port herein, an die die TK-Anlage gesendet hat; das Keep-alive der Anlage hält diesen Weg offen.',
  symmetric: 'Der Router vergibt für jedes Ziel einen neuen öffentlichen Port, deshalb erreicht der Provider den Port nicht, den die TK-Anlage angekündigt hat.',
  'open-internet': 'Die Adresse der TK-Anlage ist öffentlich und nichts filtert UDP auf dem Weg: Eine NAT-Einstellung ist nicht nötig.',
  'symmetric-udp-firewall':
    'Keine Adressumsetzung, aber eine zustandsbehaftete Firewall lässt nur Antworten auf Pakete herein, die die TK-Anlage gesendet hat. Die Anlage funktioniert, sobald die Firewall-Regeln offen sind.',
  unknown: 'Der Test konnte den NAT-Typ mit diesem STUN-Server nicht vollständig bestimmen.',
} as const;

const LIFETIME_FAILED = {
  socket: () => 'Auf diesem Rechner ließ sich kein weiterer UDP-Socket öffnen.',
  'no-binding': (server: string) => `Der STUN-Server ${server} beantwortete die Anfrage nicht, die die Zuordnung anlegt.`,
  cancelled: () => 'Der Test wurde abgebrochen.',
  'response-port-ignored': (server: string) => `Der STUN-Server ${server} ignoriert RESPONSE-PORT (RFC 5780 §7.5).`,
} as const;

// Warum ein Einzeltest keine verwertbare Antwort bekam, als Satzteil; als Satz mit großem Anfang.
const PROBE_FAILED = {
  timeout: 'es kam keine Antwort zurück',
  'wrong-source': 'die Antwort kam von einer anderen als der gefragten Adresse',
  refused: 'der Server lehnte die Anfrage mit einer Fehlerantwort ab',
  'no-mapped-address': 'die Antwort enthielt keine zugeordnete Adresse',
  malformed: 'die Antwort war fehlerhaft',
  other: 'es kam keine verwertbare Antwort zurück',
} as const;
const sentence = (clause: string): string => `${clause.charAt(0).toUpperCase()}${clause.slice(1)}.`;

export const natDe: Catalog<NatMessage> = {
  'mapping/no-nat': () => 'Die öffentliche Adresse ist die eigene Adresse dieses Rechners: Es gibt kein NAT.',
  'mapping/same': (m) =>
    `Dieselbe öffentliche Adresse ${m.mapped} gegenüber ${m.towards.length === 2 ? 'beiden' : `allen ${m.towards.length}`} gefragten Server-Adressen (${f.list(m.towards)}).`,
  'mapping/alternate-silent': (m) => `Die zweite Adresse des Servers ${m.alternate} antwortete nicht, daher ist seiner OTHER-ADDRESS nicht zu trauen.`,
  'mapping/port-unknown': (m) => `Die öffentliche Adresse änderte sich (${m.from} → ${m.to}), aber ${m.other} antwortete nicht; ob auch der Port zählt, bleibt offen.`,
  'mapping/address-dependent': (m) =>
    `Eine andere öffentliche Adresse für andere Ziele (${m.from} → ${m.to}), aber dieselbe für einen anderen Port derselben Server-IP.`,
  'mapping/address-and-port-dependent': (m) => `Eine andere öffentliche Adresse für andere Ziele, sogar für einen anderen Port derselben Server-IP: ${f.list(m.mapped)}.`,
  'mapping/second-server-failed': (m) =>
    `Der zweite STUN-Server ${m.server} gab keine verwertbare Antwort (${PROBE_FAILED[m.reason]}), daher ließ sich die Zuordnung nicht vergleichen.`,
  'mapping/two-servers-differ': (m) =>
    `Verschiedene öffentliche Adressen gegenüber zwei Servern (${m.first} und ${m.second}): mindestens adressabhängige Zuordnung; ob auch der Port zählt, zeigt nur ein Server mit RFC 5780.`,
  'mapping/not-tested': () =>
    'Nicht getestet: Der STUN-Server hat keine nutzbare zweite Adresse (RFC 5780), und kein zweiter STUN-Server wurde angegeben. Einen zweiten STUN-Server angeben oder einen mit RFC 5780 verwenden.',

  'filtering/endpoint-independent': (m) => `Eine Antwort von ${m.from}, einer Adresse, an die dieser Port nie gesendet hat, kam durch.`,
  'filtering/address-dependent': (m) => `Eine Antwort von einem anderen Port einer bekannten IP (${m.knownIp}) kam durch; eine von einer unbekannten IP (${m.unknownIp}) nicht.`,
  'filtering/address-and-port-dependent': (m) =>
    `Nur Antworten von genau der Adresse und dem Port, an die dieser Port gesendet hat, kommen durch: Keine von ${m.requests} Antworten von ${either(m.from)} kam an.`,
  'filtering/refused': (m) => `Der STUN-Server ${m.server} lehnte CHANGE-REQUEST ab; die Filterung lässt sich mit ihm nicht testen.`,
  'filtering/ignored': (m) => `Der STUN-Server ignorierte CHANGE-REQUEST und antwortete von ${m.server}; die Filterung lässt sich mit ihm nicht testen.`,
  'filtering/wrong-source': (m) =>
    `Die Antwort auf Filtertest ${m.test.toUpperCase()} kam von ${m.from}, nicht von ${m.expected}; die Filterung lässt sich daher nicht beurteilen.`,
  'filtering/not-trusted': (m) =>
    `Nicht verlässlich: Die zweite Adresse des Servers ${m.alternate} beantwortete direkte Anfragen nicht, daher beweist eine ausbleibende Antwort von ihr nichts.`,
  'filtering/not-tested': () =>
    'Nicht getestet: Nur ein STUN-Server mit nutzbarer zweiter Adresse (RFC 5780) kann Antworten von Adressen senden, an die dieser Port nie gesendet hat. Einen STUN-Server mit RFC-5780-Unterstützung verwenden.',
  'filtering/no-socket': () => 'Nicht getestet: Auf diesem Rechner ließ sich kein zweiter UDP-Socket öffnen.',

  'probe/mapping-ii': () => 'Zuordnungstest II (zweite IP, erster Port)',
  'probe/mapping-iii': () => 'Zuordnungstest III (zweite IP und zweiter Port)',
  'probe/second-server': () => 'Zuordnungstest gegen den zweiten STUN-Server',
  'probe/filtering-ii': () => 'Filtertest II (Antwort von zweiter IP und zweitem Port)',
  'probe/filtering-iii': () => 'Filtertest III (Antwort vom zweiten Port)',
  'probe/failed': (m) => sentence(PROBE_FAILED[m.reason]),

  'server/usable': (m) => `Seine zweite Adresse ${m.other} antwortete von einer anderen IP und einem anderen Port.`,
  'server/origin-differs': (m) =>
    `Seine RESPONSE-ORIGIN ${m.origin} ist nicht die Adresse, von der die Antwort kam (${m.from}): Der Server steht hinter einem NAT oder ist falsch eingerichtet.`,
  'server/no-other-address': () => 'Er sendet keine OTHER-ADDRESS und unterstützt daher keine Verhaltenserkennung nach RFC 5780.',
  'server/other-same-ip': (m) => `Seine OTHER-ADDRESS ${m.other} liegt auf derselben IP-Adresse wie der Server selbst; adressabhängiges Verhalten lässt sich damit nicht testen.`,
  'server/other-same-port': (m) => `Seine OTHER-ADDRESS ${m.other} liegt auf demselben Port wie der Server selbst; portabhängiges Verhalten lässt sich damit nicht testen.`,
  'server/other-family': (m) => `Seine OTHER-ADDRESS ${m.other} gehört zu einer anderen Adressfamilie.`,

  'alg/mapped-differs': (m) =>
    `MAPPED-ADDRESS meldet ${m.plain}, XOR-MAPPED-ADDRESS meldet ${m.mapped}: Ein Router hat die Adresse im Paket umgeschrieben (ein Application Level Gateway, „SIP-ALG“). Das stört SIP auf dieselbe Weise: das SIP-ALG im Router abschalten.`,
  'alg/agree': () => 'MAPPED-ADDRESS und XOR-MAPPED-ADDRESS stimmen überein.',
  'alg/not-comparable': () => 'Der Server sandte nur XOR-MAPPED-ADDRESS; es gab nichts zu vergleichen.',

  'lifetime/survived-all': (m) => `Ungenutzte Zuordnungen überlebten jede getestete Pause (${m.delays.map(seconds).join(', ')} s).`,
  'lifetime/gone-at-first': (m) => `Eine ungenutzte Zuordnung war nach ${seconds(m.dead)} s verschwunden, der kürzesten getesteten Pause.`,
  'lifetime/between': (m) => `Eine ungenutzte Zuordnung überlebte ${seconds(m.alive)} s und war nach ${seconds(m.dead)} s verschwunden.`,
  'lifetime/not-measured': (m) => `Die Haltedauer der Zuordnung wurde nicht gemessen: ${LIFETIME_FAILED[m.why](m.server)}`,
  'lifetime/keepalive-enough': (m) => `Das Keep-alive der TK-Anlage alle ${seconds(m.keepalive)} s genügt.`,
  'lifetime/keepalive-too-slow': (m) => `Das Keep-alive der TK-Anlage alle ${seconds(m.keepalive)} s ist zu langsam: mindestens alle ${seconds(m.recommended)} s eines senden.`,

  'nat/port-kept': (m) => `Der öffentliche Port ist der SIP-Port ${m.port}.`,
  'nat/port-changed': (m) => `Der lokale Port ${m.local} geht als öffentlicher Port ${m.mapped} hinaus.`,
  'nat/port-unknown': () => 'Es wurde kein öffentlicher Port gemessen.',
  'nat/hairpin-yes': () => 'Ein Paket an die öffentliche Adresse kam ins LAN zurück.',
  'nat/hairpin-no': () => 'Ein Paket an die öffentliche Adresse kam nicht ins LAN zurück. Telefone im LAN müssen die TK-Anlage über ihre LAN-Adresse erreichen.',
  'nat/hairpin-not-tested': () => 'Hairpinning wird nur hinter einem NAT getestet.',
  'nat/timeouts': (m) => `Die Wartezeiten für ausbleibende Antworten wurden aus der gemessenen Umlaufzeit von ${f.number(m.rttMs, m.rttMs < 10 ? 1 : 0)} ms abgeleitet.`,

  'nat/type': (m) => NAMES[m.classic],
  'nat/behaviour': (m) => BEHAVIOURS[m.behaviour],
  'nat/verdict': (m) =>
    `${NAMES[m.classic]}: ${m.supported === true ? `wird von ${m.profile} unterstützt` : m.supported === false ? `wird von ${m.profile} NICHT unterstützt` : 'noch keine Bewertung'}.`,
  'nat/meaning': (m) =>
    m.classic === 'blocked'
      ? `Es kam keine STUN-Antwort zurück: Ausgehendes UDP von Port ${m.sipPort} oder die Antworten darauf werden blockiert.`
      : m.classic === 'unknown' && m.mapping === 'endpoint-independent'
        ? 'Der Router behält einen öffentlichen Port für den SIP-Port, egal wohin gesendet wird: Es ist ein Cone-NAT, kein symmetrisches. Welche Art von Cone, zeigt erst ein Filtertest.'
        : MEANINGS[m.classic],
  'nat-fix/symmetric-forward': (m) =>
    `UDP ${m.sipPort} und UDP ${f.range(m.rtp)} statisch an die TK-Anlage (${m.pbxIp}) weiterleiten, mit denselben öffentlichen Ports (1:1- bzw. „Static Port“-Zuordnung).`,
  'nat-fix/symmetric-static': () =>
    'Oder zufällige Quellports für die TK-Anlage abschalten: pfSense/OPNsense „Static Port“ im hybriden Outbound-NAT, SonicWall „Consistent NAT“, Linux ohne --random-fully.',
  'nat-fix/blocked': (m) =>
    `UDP von ${m.pbxIp} Ports ${m.sipPort} und ${f.range(m.rtp)} zum STUN-Server und zum SIP-Provider erlauben, und deren Antworten zurück an ${m.pbxIp} Port ${m.sipPort}.`,
  'nat-fix/firewall': (m) => `UDP ${m.sipPort} und ${f.range(m.rtp)} eingehend zu ${m.pbxIp} öffnen, wie es die Firewall-Regeln beschreiben.`,
  'nat-fix/unknown': () => 'Einen STUN-Server mit RFC 5780 (zwei IP-Adressen) verwenden oder einen zweiten STUN-Server angeben, um den NAT-Test abzuschließen.',
  'nat-fix/unknown-filtering': () => 'Für den Filtertest einen STUN-Server mit RFC 5780 (zwei IP-Adressen) verwenden: Ein zweiter Server misst nur die Zuordnung.',
};
