// Die Schritte einer laufenden Prüfung auf Deutsch: je eine Zeile für Statuszeile oder Fortschrittsbalken.
import type { Catalog } from '../catalog';
import { FORMAT } from '../format';
import type { ProgressMessage } from '../messages/progress';

const f = FORMAT.de;

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
  'register/inbound-wait': (m) => `Bis zu ${m.seconds} s warten auf eine eigene Anfrage des Providers`,
  'register/unregister': () => 'Testregistrierung wird entfernt',
  'media/scan': (m) => `Prüfe, ob UDP ${f.range(m.range)} auf diesem Rechner frei ist`,
  'media/ports': (m) => `STUN von den Sprachports wird gesendet (${m.done} von ${m.total})`,
  'quality/measure': (m) => `Leitungsqualität wird gemessen (${m.seconds} s)`,
  'diagnose/done': () => 'Diagnose abgeschlossen',
};
