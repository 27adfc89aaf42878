// Die Ereignisse des Keep-alive-Monitors auf Deutsch.
import type { Catalog } from '../catalog';
import { FORMAT } from '../format';
import type { MonitorMessage } from '../messages/monitor';

const f = FORMAT.de;
const MISSED = {
  timeout: 'keine Antwort in der Wartezeit',
  'wrong-source': 'die Antwort kam von einer anderen Adresse',
  refused: 'der Server lehnte die Anfrage ab',
  'no-mapped-address': 'die Antwort enthielt keine zugeordnete Adresse',
  malformed: 'die Antwort war fehlerhaft',
  other: 'keine verwertbare Antwort',
} as const;

export const monitorDe: Catalog<MonitorMessage> = {
  'monitor/started': (m) => `Gestartet: öffentliche Adresse ${m.mapped} (${f.number(m.rttMs, 1)} ms).`,
  'monitor/ok': (m) => `OK: ${m.mapped} (${f.number(m.rttMs, 1)} ms).`,
  'monitor/miss': (m) => `Keine Antwort (${m.consecutive} in Folge): ${MISSED[m.reason]}.`,
  'monitor/binding-lost': (m) =>
    `${m.misses} Keep-alives in Folge bekamen keine Antwort von ${m.server}: Die NAT-Zuordnung von UDP ${m.port} ist vermutlich weg (Leitung gestört, Router neu gestartet oder neu verbunden), und Anrufe an die TK-Anlage scheitern, bis sie wieder steht.`,
  'monitor/recovered': (m) => `STUN-Antworten kommen nach ${m.misses} verpassten Keep-alives wieder; öffentliche Adresse ${m.mapped}.`,
  'monitor/address-changed': (m) =>
    `Die öffentliche Adresse des SIP-Ports änderte sich von ${m.from} zu ${m.to}` +
    (m.ipChanged ? ' (eine neue öffentliche IP, z. B. nach einer DSL-Neueinwahl)' : ' (ein neuer öffentlicher Port: Der Router hat eine neue Zuordnung angelegt)') +
    ': Die TK-Anlage muss sich unter der neuen Adresse neu beim Provider registrieren.',
};
