// DNS-Schritte, SIP-ALG-Befunde und das Abschalten des ALG auf Deutsch. Befehle bleiben, wie das
// Gerät sie erwartet.
import type { Catalog } from '../catalog';
import type { AddressLookup, SipMessage } from '../messages/sip';

const LABEL = { udp: 'UDP', tcp: 'TCP', tls: 'TLS' } as const;
const HEADER_DE = { from: 'den From-Header', contact: 'den eigenen Contact-Header von TrunkCheck' } as const;
const NOT_FOUND = { nxdomain: 'den Namen gibt es nicht (NXDOMAIN)', nodata: 'kein solcher Eintrag (NODATA)', failed: 'fehlgeschlagen' } as const;
const outcome = (kind: keyof typeof NOT_FOUND, rcode: string | null): string => (kind === 'failed' ? `fehlgeschlagen (${rcode ?? 'unbekannt'})` : NOT_FOUND[kind]);
const lookup = (host: string) => (l: AddressLookup): string => `${l.type} ${host}: ${l.outcome === 'found' ? l.ips.join(', ') : outcome(l.outcome, l.rcode)}`;

const SWITCH_OFF = {
  fortigate:
    'Das SIP-ALG ist ab Werk eingeschaltet (proxybasiert). Die VoIP-Behandlung auf den Kernel-Helper umstellen und den SIP-Session-Helper entfernen: ' +
    'config system settings / set default-voip-alg-mode kernel-helper-based / end, danach ' +
    'config system session-helper / show (Nummer des Eintrags mit dem Namen sip notieren) / delete <diese Nummer> / end. ' +
    'Alternativ der Policy der TK-Anlage ein VoIP-Profil mit abgeschaltetem SIP zuweisen. Die UDP-Sitzungsdauer ist ab Werk 180 s.',
  fritzbox:
    'Ein Schalter für ein SIP-ALG ist in unseren Quellen nicht dokumentiert. Bekannt ist: Die Box öffnet UDP 5060 selbst, sobald auf ihr IP-Rufnummern eingerichtet sind; die TK-Anlage dort also nicht 5060 nutzen lassen. ' +
    'DS-Lite-Anschlüsse haben keine öffentliche IPv4-Adresse, daher erreicht über IPv4 nichts von außen die TK-Anlage. Portfreigaben können automatisch per PCP/UPnP entstehen.',
  mikrotik: 'Der SIP-Helper ist ein „Service Port“ der Firewall; abschalten mit /ip firewall service-port disable sip (IP > Firewall > Service Ports).',
  pfsense:
    'Keines von beiden hat ein SIP-ALG im Grundsystem; OPNsense hat überhaupt keinen SIP-Helper: den RTP-Bereich fest öffnen. ' +
    'pfSense ändert beim Outbound-NAT ab Werk die Quellports: hybrides Outbound-NAT mit einer Static-Port-Regel für die TK-Anlage verwenden.',
  linux:
    'Das SIP-ALG ist der Conntrack-Helper nf_conntrack_sip mit nf_nat_sip. Seit Linux 4.7 greift er nur, wo eine Regel ihn zuweist (nf_conntrack_helper ist ab Werk 0). ' +
    'Die Regel „ct helper set“ (nftables) bzw. „-j CT --helper sip“ (iptables) für den SIP-Port entfernen. ' +
    'Auf älteren Kernels mit automatischer Zuweisung die Module entladen: modprobe -r nf_nat_sip nf_conntrack_sip (und beide in /etc/modprobe.d/ sperren).',
  telekom: 'Der Provider verlangt, dass kein SIP-ALG im Weg liegt.',
} as const;

export const sipDe: Catalog<SipMessage> = {
  'dns/ip-literal': (m) => `${m.host} ist eine IP-Adresse, daher keine DNS-Abfrage: Nach RFC 3263 §4.1 geht UDP an Port ${m.port}.`,
  'dns/port-given': (m) => `${m.host}:${m.port} nennt einen Port, daher überspringt RFC 3263 §4.2 NAPTR und SRV und fragt nur die Adresse ab.`,
  'dns/tcp-tls-too': (m) => `TCP wird ebenfalls auf Port ${m.tcpPort} geprüft, TLS auf seinem Standardport ${m.tlsPort}.`,
  'dns/naptr-none': (m) => `NAPTR ${m.domain}: ${outcome(m.outcome, m.rcode)}, daher wird direkt SRV abgefragt (RFC 3263 §4.1).`,
  'dns/naptr': (m) =>
    `NAPTR ${m.domain}: ${m.records.map((r) => `${r.service} (Reihenfolge ${r.order}, Präferenz ${r.preference}) → ${r.replacement || '.'}`).join('; ')}.`,
  'dns/naptr-ignored': (m) => `Übergangen, weil nicht SIP über UDP, TCP oder TLS mit Flag „s“: ${m.services.join(', ')}.`,
  'dns/naptr-unusable': (m) => `Kein verwendbarer NAPTR-Eintrag für ${m.domain}, daher wird direkt SRV abgefragt (RFC 3263 §4.1).`,
  'dns/prefers': (m) =>
    `Der Provider bevorzugt ${LABEL[m.transport]} (niedrigste NAPTR-Reihenfolge): Eine TK-Anlage, die RFC 3263 folgt, nutzt ${LABEL[m.transport]}, nicht UDP.`,
  'dns/naptr-no-udp': () => 'Die NAPTR-Einträge bieten kein UDP an (SIP+D2U): Dieser Provider erwartet TCP oder TLS.',
  'dns/naptr-no-targets': () => 'Keiner der SRV-Namen, auf die die NAPTR-Einträge zeigen, hat ein Ziel (RFC 3263 §4.2).',
  'dns/srv-fallback': (m) =>
    `Kein SRV-Ziel für ${m.domain}: Nach RFC 3263 §4.2 gilt dann die eigene Adresse der Domain auf dem Standardport (${m.udpPort}, TLS ${m.tlsPort}).`,
  'dns/srv-none': (m) => `SRV ${m.name}: ${outcome(m.outcome, m.rcode)}.`,
  'dns/srv-not-offered': (m) => `SRV ${m.name}: Das Ziel „.“ besagt, dass ${LABEL[m.transport]} nicht angeboten wird (RFC 2782).`,
  'dns/srv': (m) => `SRV ${m.name}: ${m.records.map((r) => `${r.target}:${r.port} (Priorität ${r.priority}, Gewicht ${r.weight})`).join(', ')}.`,
  'dns/addresses': (m) => `${m.lookups.map(lookup(m.host)).join('; ')}.`,

  'sip-alg/via-rewritten': (m) =>
    `Die Antwort des Providers trägt die Via-Adresse ${m.got}, TrunkCheck hat aber ${m.sent} gesendet: Ein Gerät im Weg (ein SIP-ALG) hat den Via-Header umgeschrieben.`,
  'sip-alg/no-received': (m) =>
    `Die Anfrage ging von der privaten Adresse ${m.local} aus, und STUN sieht sie als ${m.mapped}, doch die Antwort des Providers nennt keine „received“-Adresse: ` +
    'Dem Provider wurde ein Via gezeigt, das schon zur öffentlichen Quelle passte; ein SIP-ALG hat es also umgeschrieben (oder der Provider missachtet RFC 3261 §18.2.1).',
  'sip-alg/private-received': (m) =>
    `Laut Antwort des Providers kam die Anfrage von ${m.received}, einer privaten Adresse, die kein Server im Internet sehen kann, während STUN ${m.mapped} sieht: Das SIP-ALG des Routers hat die Antwort auf dem Rückweg umgeschrieben.`,
  'sip-alg/received-split': (m) => `Der Provider sah die Anfrage von ${m.received}, STUN von ${m.mapped}: erwartet, denn dieses NAT ordnet jedem Ziel eine eigene Adresse zu.`,
  'sip-alg/received-differs': (m) =>
    `Der Provider sah die Anfrage von ${m.received} kommen, STUN aber ${m.mapped} für denselben Socket: Etwas im Weg schreibt SIP-Adressen um.`,
  'sip-alg/rport-split': (m) => `Der Provider sah die Anfrage von Port ${m.rport}, STUN von Port ${m.mapped}: erwartet, denn dieses NAT gibt jedem Ziel einen eigenen Port.`,
  'sip-alg/rport-differs': (m) =>
    `Der Provider sah die Anfrage von Port ${m.rport} kommen, STUN aber Port ${m.mapped} für denselben Socket: ` +
    'Entweder gibt das NAT dem SIP-Server einen anderen Port als dem STUN-Server, oder ein SIP-ALG hat den rport-Parameter umgeschrieben.',
  'sip-alg/no-rport': () =>
    'Der Provider hat rport nicht ausgefüllt (RFC 3581): Er antwortet an den Port im Via; das funktioniert nur, wo das NAT den Port beibehält.',
  'sip-alg/no-stun': () => 'Keine STUN-Zuordnung, mit der sich die Sicht des Providers vergleichen ließe.',
  'sip-alg/consistent': (m) => `Der Provider sah die Anfrage von ${m.seen}, wie STUN auch, und gab das Via unverändert zurück: kein Hinweis auf ein SIP-ALG.`,
  'sip-alg/via-unreadable': () => 'Der Via-Header ließ sich nicht lesen, daher entfiel die Prüfung auf ein SIP-ALG.',
  'sip-alg/via-echoed': () =>
    'Der Provider gab das Via so zurück, wie es gesendet wurde, ohne „received“ und „rport“ (er folgt RFC 3261 §18.2.1 und RFC 3581 §4 nicht): ' +
    'Seine Antwort sagt nicht, woher er die Anfrage kommen sah, und zeigt daher weder ein SIP-ALG noch, dass keines im Weg ist.',
  'sip-alg/via-changed': (m) =>
    `Die Antwort des Providers trägt die Via-Adresse ${m.got}, TrunkCheck hat ${m.sent} gesendet, aber ohne „received“ und „rport“: ` +
    'Ein Provider, der RFC 3261 §18.2.1 und RFC 3581 §4 missachtet, kann das Via auch selbst ändern; das allein zeigt daher kein SIP-ALG.',
  'sip-alg/header-rewritten': (m) =>
    `Die Antwort des Providers trägt ${HEADER_DE[m.header]} mit ${m.got}, TrunkCheck hat aber ${m.sent} gesendet: Ein Gerät im Weg (ein SIP-ALG) hat ihn umgeschrieben.`,
  'sip-alg/stun-rewritten': (m) =>
    `Die STUN-Antwort nennt als MAPPED-ADDRESS ${m.plain}, als XOR-MAPPED-ADDRESS ${m.mapped}: Ein Gerät im Weg schreibt Adressen im Inneren der Pakete um, wie es ein SIP-ALG tut.`,
  'sip-alg/switch-off': (m) => SWITCH_OFF[m.device],
};
