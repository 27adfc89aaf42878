// Die eigenen Worte der exportierten Dokumente auf Deutsch (shared/text/document.ts).
import type { DocumentText } from '../document';
import { FORMAT } from '../format';
import { MAPPING_SERVICE_NAMES } from '../messages/path';

const SERVICES = MAPPING_SERVICE_NAMES;
const FRAGMENTS = { passes: 'kommen durch', dropped: 'verworfen', untested: 'nicht getestet' } as const;

export const documentDe: DocumentText = {
  locale: 'de-DE',
  title: 'Firewall-Checkliste für den SIP-Trunk',
  subtitle: 'Mit echten Paketen gemessen von TrunkCheck',
  generatedBy: 'TrunkCheck',
  page: (page, pages) => `Seite ${page} von ${pages}`,

  siteLabel: 'Standort',
  customerLabel: 'Kunde',
  technicianLabel: 'Techniker',
  dateLabel: 'Datum',
  profileLabel: 'TK-Anlage',
  verdictLabel: 'Ergebnis',
  notGiven: '—',

  networkTitle: 'Netzwerk',
  pbx: 'TK-Anlage',
  router: 'NAT-Router / Firewall',
  lanSide: 'LAN',
  wanSide: 'WAN',
  internet: 'Internet',
  stunServer: 'STUN-Server',
  sipProvider: 'SIP-Provider',
  publicAddress: 'Öffentliche Adresse',
  gateway: 'Gateway',
  sipPortLabel: 'SIP',
  rtpPortsLabel: 'RTP',
  notMeasured: 'nicht gemessen',
  noSipProvider: 'kein SIP-Provider getestet',
  pbxIpv6: 'TK-Anlage über IPv6',
  ipv6Rules: (ip, rules) => `Regeln ${rules}: dieselben vier Regeln über IPv6, für ${ip}. Kein NAT: reine Firewall-Regeln, ohne Portweiterleitungen.`,
  ipv6VerdictLabel: 'Ergebnis über IPv6',
  ipv6Translated: (local, mapped) => `Über IPv6 sah der STUN-Server ${mapped} statt ${local}: Ein Router übersetzt IPv6-Adressen (NPTv6 oder NAT66).`,

  natTitle: 'NAT-Typ',
  behaviours: {
    'endpoint-independent': 'endpunkt-unabhängig',
    'address-dependent': 'adressabhängig',
    'address-and-port-dependent': 'adress- und portabhängig',
    none: 'keine',
    unknown: 'unbekannt',
  },
  mapping: 'Zuordnung (Mapping)',
  filtering: 'Filterung',
  portPreserved: 'Port beibehalten',
  hairpinning: 'Hairpinning',
  bindingLifetime: 'Haltedauer der Zuordnung',
  seconds: (value) => `${value} s`,
  yes: 'ja',
  no: 'nein',
  unknown: 'unbekannt',
  verdicts: { ready: 'Bereit', 'action-needed': 'Handlungsbedarf', blocked: 'Blockiert', incomplete: 'Unvollständig' },
  verdictByPath: (explained, primaryRules, ipv6Verdict, ipv6Rules) => `Regeln ${primaryRules} (IPv4): ${explained} Regeln ${ipv6Rules} (IPv6): ${ipv6Verdict}.`,
  verdictExplained: {
    ready: 'Jede Regel, die diese TK-Anlage braucht, wurde mit echten Paketen bestätigt: Der Trunk kann in Betrieb gehen.',
    'action-needed': 'Dieses Netz braucht eine Änderung, bevor der Trunk funktioniert: „Nächste Schritte“ nennt sie.',
    blocked: 'In diesem Netz kann der Trunk so nicht funktionieren: „Nächste Schritte“ nennt, was sich ändern muss.',
    incomplete: 'Nichts ist durchgefallen, aber nicht alles, was diese TK-Anlage braucht, konnte getestet werden: „Nächste Schritte“ nennt, was noch zu prüfen ist.',
  },

  whatToDoTitle: 'Nächste Schritte',
  caveatsTitle: 'Vorbehalte',
  notesTitle: 'Hinweise',
  factsTitle: 'Gemessen',
  registrationTitle: 'Registrierung beim Provider',
  rule: (number, name) => `Regel ${number} · ${name}`,
  publicAddressFact: (address, portKept) => (portKept === null ? address : `${address} (${portKept ? 'Port beibehalten' : 'Port geändert'})`),
  secondNatLabel: 'Zweites NAT',
  secondNat: (doubleNat, carrierGrade) =>
    doubleNat === 'unknown'
      ? 'nicht gemessen'
      : doubleNat === 'no'
        ? 'keines'
        : carrierGrade === 'yes'
          ? 'ja: das Carrier-Grade-NAT des Providers (DS-Lite oder CGN)'
          : carrierGrade === 'no'
            ? 'ja: ein zweiter eigener Router'
            : 'ja, Betreiber unbekannt',
  routerLabel: 'Router',
  routerFact: (ip, externalIp, offered) =>
    `${ip ?? 'Adresse unbekannt'}: ${externalIp === null ? 'nennt keine WAN-Adresse' : `WAN-Adresse ${externalIp}`}; ${offered.length === 0 ? 'bietet keine Portfreigabe an' : `bietet Portfreigaben an (${offered.map((service) => SERVICES[service]).join(', ')})`}`,
  routerNotAsked: 'nicht gefragt',
  fragmentsLabel: 'IP-Fragmente',
  fragmentsFact: (outbound, inbound) => `ausgehend ${FRAGMENTS[outbound]}, eingehend ${FRAGMENTS[inbound]}`,

  rulesTitle: 'Firewall-Regeln',
  rulesIntro: 'Die vier Regeln, die ein SIP-Trunk braucht, mit den echten Adressen und Ports dieses Standorts, jeweils wie gemessen.',
  columns: {
    number: 'Nr.',
    rule: 'Regel',
    direction: 'Richtung',
    source: 'Quelle',
    destination: 'Ziel',
    protocol: 'Protokoll',
    status: 'Status',
    evidence: 'Nachweis',
  },
  ruleNames: {
    'outbound-signalling': 'Signalisierung ausgehend',
    'inbound-signalling': 'Signalisierung eingehend',
    'outbound-media': 'Sprache ausgehend',
    'inbound-media': 'Sprache eingehend',
  },
  rulePurposes: {
    'outbound-signalling': 'STUN, SIP und Audio von der TK-Anlage zum STUN-Server und zum SIP-Provider.',
    'inbound-signalling': 'Antworten vom STUN-Server und vom SIP-Provider an den SIP-Port.',
    'outbound-media': 'Sprache von den RTP-Ports an beliebige Adressen und Ports.',
    'inbound-media': 'Sprache von beliebigen Adressen und Ports an die RTP-Ports.',
  },
  directions: { outbound: 'ausgehend', inbound: 'eingehend' },
  statuses: { verified: 'bestätigt', failed: 'fehlgeschlagen', untested: 'ungetestet' },
  endpointLabels: {
    PBX: 'TK-Anlage',
    'STUN server': 'STUN-Server',
    'SIP provider': 'SIP-Provider',
    'STUN server / SIP provider': 'STUN-Server / SIP-Provider',
    any: 'beliebig',
  },
  portsLabel: 'Ports',
  any: 'beliebig',
  callQualityTitle: 'Erwartete Gesprächsqualität (MOS)',
  callQualityIntro: 'Geschätzt mit dem E-Modell der ITU-T (G.107) für jeden Codec der TK-Anlage: ab 4,0 gut, 3,6 bis 4,0 annehmbar, unter 3,6 schlecht. Eine Planungsschätzung, kein gemessenes Gespräch.',
  callQualityBasis: (loss, jitter, rtt) => `Aus der gemessenen Leitung: Verlust ${loss} % je Richtung, Jitter ${jitter ?? 'nicht gemessen'}${jitter === null ? '' : ' ms'}, Umlaufzeit ${rtt ?? 'nicht gemessen'}${rtt === null ? '' : ' ms'}.`,
  mosGrades: { good: 'Gut', acceptable: 'Annehmbar', poor: 'Schlecht', unknown: 'Unbekannt' },
  mosScales: { narrowband: 'Schmalband', wideband: 'Breitband, HD-Telefonie' },
  mosValue: (mos) => `MOS ${mos}`,
  mosDetails: (r, delay, buffer) => `R ${r} · ${delay} ms Mund zu Ohr · Jitterpuffer ${buffer} ms`,
  mosUnknown: 'Zu wenige Antworten für eine Schätzung.',
  mosColumns: { codec: 'Codec', mos: 'MOS', grade: 'Bewertung', r: 'R', jitterBuffer: 'Jitterpuffer (ms)', mouthToEar: 'Mund zu Ohr (ms)' },
  mosWideband: 'Der Breitbandwert stammt aus dem Breitband-E-Modell (G.107.1, R bis 129, umgerechnet als R / 1,29).',
  qosNote: (rules) => `Die Sprachpakete der Regeln ${FORMAT.de.list(rules)} mit DSCP EF (46) markieren, wo die Firewall QoS unterstützt.`,


  signOffTitle: 'Abnahme',
  signOffStatement: 'Die obigen Firewall-Regeln wurden wie angegeben eingerichtet und am unten genannten Datum geprüft.',
  nameLabel: 'Name',
  signatureLabel: 'Unterschrift',

  appendixTitle: 'Anhang: Firewall-Konfiguration',
  appendixIntro: 'Dieselben vier Regeln zum Einfügen in die genannte Firewall. Schnittstellen- und Objektnamen vor dem Übernehmen prüfen.',
};
