// Nachweise und Abhilfe des Fragmenttests auf Deutsch.
import type { Catalog } from '../catalog';
import type { FragmentMessage } from '../messages/fragments';

const NICHT_GETESTET = 'eingehende Fragmente ließen sich daher nicht testen';

const ERLAUBEN = {
  outbound: (pbxIp: string) => `Ausgehende UDP-Fragmente der TK-Anlage (${pbxIp}) durch die Firewall lassen`,
  inbound: (pbxIp: string) => `Eingehende UDP-Fragmente zur TK-Anlage (${pbxIp}) durch die Firewall lassen`,
  both: (pbxIp: string) => `UDP-Fragmente von und zur TK-Anlage (${pbxIp}) in beiden Richtungen durch die Firewall lassen`,
} as const;

export const fragmentsDe: Catalog<FragmentMessage> = {
  'fragments/outbound-passes': (m) =>
    `Eine STUN-Anfrage mit ${m.requestBytes} Byte, größer als die MTU und daher in IP-Fragmenten gesendet, erreichte ${m.server} (Antwort: ${m.answerBytes} Byte): Fragmente gelangen hinaus.`,
  'fragments/outbound-dropped': (m) =>
    `Keine von ${m.requests} STUN-Anfragen mit ${m.requestBytes} Byte (größer als die MTU, daher in IP-Fragmenten gesendet) erreichte ${m.server}, während kleine Anfragen Antwort bekamen: Fragmente der TK-Anlage werden auf dem Weg hinaus verworfen.`,
  'fragments/inbound-passes': (m) =>
    `Der STUN-Server ${m.server} füllte seine Antwort mit PADDING (RFC 5780) auf ${m.answerBytes} Byte auf, mehr als die MTU, und sie kam in Fragmenten an: Fragmente gelangen herein.`,
  'fragments/inbound-dropped': (m) =>
    `Auf ${m.requests} Anfragen nach einer aufgefüllten Antwort (PADDING, RFC 5780) kam von ${m.server} keine Antwort an, kleine Antworten dagegen schon: Fragmente zur TK-Anlage werden auf dem Weg herein verworfen.`,
  'fragments/padding-ignored': (m) => `Der STUN-Server ${m.server} ignoriert PADDING (RFC 5780 §7.6) und antwortet klein; ${NICHT_GETESTET}.`,
  'fragments/padding-refused': (m) =>
    `Der STUN-Server ${m.server} lehnt PADDING ab (${m.status === null ? 'Fehlerantwort' : `Fehler ${m.status}`}); ${NICHT_GETESTET}.`,
  'fragments/answer-too-small': (m) => `Der STUN-Server ${m.server} füllte seine Antwort nur auf ${m.answerBytes} Byte auf, zu wenig für eine Fragmentierung; ${NICHT_GETESTET}.`,
  'fragments/server-silent': (m) =>
    `Der STUN-Server ${m.server} beantwortete während des Fragmenttests nicht einmal die einfache Anfrage (${m.requests} Anfragen ohne Antwort); Fragmente wurden nicht getestet.`,
  'fragments/cancelled': () => 'Der Fragmenttest wurde abgebrochen.',

  'fragments-fix/allow': (m) =>
    `${ERLAUBEN[m.direction](m.pbxIp)}: Nur das erste Fragment trägt die UDP-Ports, eine Regel nach Port trifft die übrigen nicht. Fragmente erlauben oder die Firewall sie wieder zusammensetzen lassen.`,
  'fragments-fix/sip-tcp': () =>
    'Oder SIP über TCP oder TLS nutzen, wo der Provider es anbietet: Nach RFC 3261 §18.1.1 geht eine Anfrage ohnehin über TCP, wenn sie bis auf 200 Byte an die Pfad-MTU heranreicht oder bei unbekannter MTU größer als 1300 Byte ist, wie ein INVITE mit vielen Codecs, SRTP-Schlüsseln oder ICE-Kandidaten.',
};
