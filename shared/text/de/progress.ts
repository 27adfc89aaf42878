// Die Schritte einer laufenden Prüfung auf Deutsch: je eine Zeile für Statuszeile oder Fortschrittsbalken.
import type { CheckId } from '../../checks';
import type { Catalog } from '../catalog';
import { FORMAT } from '../format';
import type { ProgressMessage } from '../messages/progress';

const f = FORMAT.de;

// Was der IPv6-Durchgang gerade prüft, je Prüfung.
const IPV6_CHECK_DE: { readonly [C in CheckId]: string } = {
  nat: 'Firewall wird getestet',
  sip: 'SIP OPTIONS wird gesendet',
  register: 'Registrierung läuft',
  media: 'Sprachports werden getestet',
  quality: 'Leitungsqualität wird gemessen',
};

export const progressDe: Catalog<ProgressMessage> = {
  'ui/start': () => 'Wird gestartet …',
  'stun/resolve': (m) => `${f.list(m.servers)} wird aufgelöst`,
  'stun/bind': (m) => `UDP-Port ${m.port} wird geöffnet`,
  'stun/request': (m) => `Frage ${m.server} nach der öffentlichen Adresse von UDP ${m.port}`,
  'stun/done': () => 'Antwort erhalten',
  'stun/failed': () => 'Keine verwertbare STUN-Antwort',
  'nat/probes': () => 'Teste Zuordnung, Filterung und Hairpinning',
  'nat/classify': () => 'Bestimme den NAT-Typ',
  'nat/lifetime': (m) => `Warte, bis ungenutzte Zuordnungen verfallen (${m.elapsed} von ${m.total} s)`,
  'sip/resolve': (m) => `SIP-Server ${m.target} wird aufgelöst (NAPTR, SRV, A)`,
  'sip/options': (m) => `SIP OPTIONS von Port ${m.port} an ${m.target} wird gesendet`,
  'register/request': (m) => `Registrierung als ${m.aor} von Port ${m.port} bei ${m.target}`,
  'register/inbound-wait': (m) => `Warte auf eine eigene Anfrage des Providers am SIP-Port (${m.elapsed} von ${m.total} s)`,
  'register/unregister': (m) => `Die Testregistrierung bei ${m.target} wird entfernt`,
  'media/scan': (m) => `Prüfe, ob UDP ${f.range(m.range)} auf diesem Rechner frei ist`,
  'media/ports': (m) => `STUN von den Sprachports wird gesendet (${m.done} von ${m.total})`,
  'quality/measure': (m) => `Leitungsqualität wird gemessen (${m.seconds} s)`,
  'ipv6/start': (m) => `Der IPv6-Weg von ${m.address} aus wird mitgemessen`,
  'ipv6/check': (m) => `IPv6: ${IPV6_CHECK_DE[m.check]}`,
  'ipv6/done': (m) => `IPv6-Weg von ${m.address} gemessen`,
  'ipv6/failed': (m) => `IPv6-Weg von ${m.address} nicht gemessen`,
  'diagnose/done': () => 'Diagnose abgeschlossen',
};
