// Was zu tun ist, die Vorbehalte und Hinweise eines Ergebnisses, auf Deutsch.
import type { Catalog } from '../catalog';
import { FORMAT } from '../format';
import type { VerdictMessage } from '../messages/verdict';
import { MAPPING_SERVICE_NAMES } from '../messages/path';

const f = FORMAT.de;
const seconds = (value: number): string => f.number(value, Number.isInteger(value) ? 0 : 1);
const SERVICES = MAPPING_SERVICE_NAMES;
const both = (items: readonly string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`);

const RUN_AGAIN = {
  nat: 'Den NAT-Test erneut ausführen: Er wurde vor dem Ende abgebrochen.',
  sip: 'Die SIP-Prüfung erneut ausführen: Sie wurde vor dem Ende abgebrochen.',
  register: 'Die Registrierung beim Provider erneut ausführen: Sie wurde vor dem Ende abgebrochen.',
  media: 'Die Prüfung der Sprachports erneut ausführen: Sie wurde vor dem Ende abgebrochen.',
  quality: 'Die Messung der Leitungsqualität erneut ausführen: Sie wurde vor dem Ende abgebrochen.',
} as const;
const RULES = {
  'outbound-signalling': 'Signalisierung ausgehend',
  'inbound-signalling': 'Signalisierung eingehend',
  'outbound-media': 'Sprache ausgehend',
  'inbound-media': 'Sprache eingehend',
} as const;

export const verdictDe: Catalog<VerdictMessage> = {
  'todo/forward': (m) =>
    `Am Router UDP ${m.sipPort} und UDP ${f.range(m.rtp)} mit denselben Ports (1:1) an die TK-Anlage (${m.pbxIp}) weiterleiten und UDP von beliebigen Adressen dorthin erlauben: Diese TK-Anlage braucht SIP und Sprache, die unaufgefordert von beliebigen Adressen ankommen.`,
  'todo/forward-both-routers': (m) =>
    `Es liegen zwei eigene Router im Weg: UDP ${m.sipPort} und UDP ${f.range(m.rtp)} auf beiden mit denselben Ports weiterleiten, am äußeren an die WAN-Adresse des inneren und am inneren an die TK-Anlage (${m.pbxIp}), oder den äußeren in den Bridge-Modus schalten und nur am inneren weiterleiten.`,
  'todo/cgn-public-address': () =>
    'Der Anschluss liegt hinter dem Carrier-Grade-NAT des Providers (DS-Lite oder CGN), daher kann keine Weiterleitung am eigenen Router unaufgeforderten Verkehr hereinlassen: beim Provider eine öffentliche IPv4-Adresse oder einen SIP-Trunk über IPv6 bestellen.',
  'todo/cgn-keepalive': (m) =>
    `Hinter dem Carrier-Grade-NAT des Providers hilft keine Portweiterleitung; der Trunk funktioniert, solange die TK-Anlage ihre Zuordnungen offen hält: mindestens alle ${seconds(m.seconds)} s ein Keep-alive senden.`,
  'todo/fragments-allow': () =>
    'IP-Fragmente werden unterwegs verworfen: IP-Fragmente (UDP) in beiden Richtungen an der Firewall erlauben, denn ein SIP-INVITE mit SDP braucht oft mehr als ein Paket.',
  'todo/fragments-tcp': () =>
    'Oder SIP über TCP bzw. TLS nutzen, wo der Provider es anbietet: Große Anfragen gehen dann als ein Datenstrom statt in Fragmenten (RFC 3261 §18.1.1).',
  'todo/run-again': (m) => RUN_AGAIN[m.check],
  'todo/name-sip-server': () => 'Den SIP-Server des Providers angeben und die Prüfung wiederholen, damit der SIP-Teil der Signalisierungsregeln getestet wird.',
  'todo/test-media': () => 'Die Prüfung mit den Sprachports wiederholen (ohne --no-media), damit die RTP-Regeln getestet werden.',
  'todo/test-rule': (m) => `Die Regel „${RULES[m.rule]}“ erneut testen: Ihre Nachweise nennen den fehlenden Teil.`,
  'caveat/one-way-audio': (m) =>
    `Diese TK-Anlage sendet von jedem RTP-Port zuerst, daher genügen Antworten von der Adresse, an die sie gesendet hat. Ein Provider, dessen Sprache von einer anderen Adresse kommt als der, an die er empfängt, führt zu einseitigem Ton; falls das geschieht, ${
      m.behindCgn ? 'beim Provider eine öffentliche IPv4-Adresse oder einen SIP-Trunk über IPv6 bestellen' : `UDP ${f.range(m.rtp)} an ${m.pbxIp} weiterleiten und von beliebigen Adressen erlauben (die Regel „Sprache eingehend“ wie beschrieben)`
    }.`,
  'todo/register-unsupported': (m) =>
    `Der Registrar verlangt ein Digest-Verfahren, das TrunkCheck nicht beherrscht, daher wurde die Registrierung als ${m.aor} nicht getestet: die TK-Anlage selbst registrieren und prüfen, dass sie den Trunk als registriert anzeigt.`,
  'caveat/no-inbound-request': (m) =>
    `Innerhalb von ${seconds(m.seconds)} s nach der Registrierung kam keine Anfrage vom Provider an. Viele Provider senden keine, daher ist das kein Fehler; dann belegt aber nichts, dass Anrufe die TK-Anlage unaufgefordert erreichen: das Keep-alive der TK-Anlage eingeschaltet lassen und einen Testanruf von außen führen.`,
  'caveat/register-left': (m) =>
    `Die Testregistrierung ließ sich nicht wieder entfernen: Sie bleibt${m.seconds === null ? '' : ` bis zu ${seconds(m.seconds)} s`} registriert, und Anrufe an das Konto können in dieser Zeit statt bei der TK-Anlage bei der Adresse von TrunkCheck ankommen.`,
  'note/port-mapping-offered': (m) =>
    `Der Router bietet ${both(m.services.map((service) => SERVICES[service]))} an: Jedes Programm im LAN kann darüber ungefragt Ports öffnen. TrunkCheck legt nie eine Zuordnung an; abschalten, sofern nichts darauf angewiesen ist.`,
};
