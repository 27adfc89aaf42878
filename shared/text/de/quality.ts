// Leitungsqualität und Keep-alive auf Deutsch: Messwerte mit einer Nachkommastelle, Grenzen wie angegeben.
import type { Catalog } from '../catalog';
import { FORMAT } from '../format';
import type { QualityMessage } from '../messages/quality';

const f = FORMAT.de;
const value = (v: number): string => f.number(v, 1);
const limit = (v: number): string => String(v).replace('.', ',');
const seconds = (v: number): string => f.number(v, Number.isInteger(v) ? 0 : 1);

export const qualityDe: Catalog<QualityMessage> = {
  'quality/loss-pass': (m) => `Paketverlust ${value(m.oneWay)} % je Richtung (${value(m.roundTrip)} % der Umläufe) liegt innerhalb der Grenze von ${limit(m.limit)} %.`,
  'quality/loss-fail': (m) =>
    `Paketverlust ${value(m.oneWay)} % je Richtung (${value(m.roundTrip)} % der Umläufe) liegt über der Grenze von ${limit(m.limit)} %: Aussetzer in Gesprächen sind zu erwarten.`,
  'quality/jitter-pass': (m) => `Jitter ${value(m.jitter)} ms liegt innerhalb der Grenze von ${limit(m.limit)} ms.`,
  'quality/jitter-fail': (m) => `Jitter ${value(m.jitter)} ms liegt über der Grenze von ${limit(m.limit)} ms: der Jitter-Puffer verzögert die Sprache oder verwirft verspätete Pakete.`,
  'quality/rtt-pass': (m) => `Umlaufzeit im Mittel ${value(m.avg)} ms (95 % unter ${value(m.p95)} ms) liegt innerhalb der Grenze von ${limit(m.limit)} ms.`,
  'quality/rtt-fail': (m) => `Umlaufzeit im Mittel ${value(m.avg)} ms (95 % unter ${value(m.p95)} ms) liegt über der Grenze von ${limit(m.limit)} ms: Gesprächspartner fallen sich ins Wort.`,
  'quality/server-stopped': (m) =>
    `Der STUN-Server hat nach ${value(m.after)} s der ${limit(m.duration)}-s-Messung aufgehört zu antworten (die letzten ${m.unanswered} Messungen und eine wiederholte Anfrage blieben unbeantwortet), daher ist die Leitungsqualität ungetestet: bitte erneut messen, oder mit einem anderen STUN-Server.`,
  'quality/nothing-sent': () => 'Es wurde keine Messung gesendet, die Leitungsqualität ist unbekannt.',
  'quality/no-answers': (m) => `Keine von ${m.sent} Messungen wurde beantwortet: Die Leitung ist für Sprache unbrauchbar, oder der Server antwortet nicht mehr.`,
  'quality/too-few-for-jitter': () => 'Zu wenige Antworten, um den Jitter zu berechnen.',
  'quality/good': () => 'Die Leitung ist gut genug für Sprache.',
  'quality/bad': () => 'Die Leitung ist nicht gut genug für Sprache.',

  'keepalive/not-measured': (m) => `Die Haltedauer der Zuordnung wurde nicht gemessen; es gilt das Keep-alive der TK-Anlage alle ${seconds(m.profile)} s.`,
  'keepalive/enough': (m) =>
    `Eine ungenutzte Zuordnung hielt ${seconds(m.lifetime)} s, mindestens so lange wie das Keep-alive-Intervall der TK-Anlage von ${seconds(m.profile)} s: beibehalten.`,
  'keepalive/shorter': (m) =>
    `Eine ungenutzte Zuordnung hält nachweislich nur ${seconds(m.lifetime)} s, kürzer als das Keep-alive der TK-Anlage von ${seconds(m.profile)} s: ` +
    `alle ${seconds(m.interval)} s ein Keep-alive senden oder das UDP-Timeout des Routers auf über ${seconds(m.profile)} s erhöhen.`,
};
