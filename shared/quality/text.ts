// The line-quality sentences, in one place per language (STYLE.md habit 11).
export type QualityLanguage = 'en' | 'de';

export interface QualityText {
  // Measured values with one decimal, limits as given, in the language's number format.
  value(value: number): string;
  limit(value: number): string;
  lossPass(oneWay: string, roundTrip: string, limit: string): string;
  lossFail(oneWay: string, roundTrip: string, limit: string): string;
  jitterPass(jitter: string, limit: string): string;
  jitterFail(jitter: string, limit: string): string;
  rttPass(avg: string, p95: string, limit: string): string;
  rttFail(avg: string, p95: string, limit: string): string;
  nothingSent: string;
  noAnswers(sent: number): string;
  serverStopped(afterSec: string, durationSec: string, unanswered: number): string;
  tooFewForJitter: string;
  overallPass: string;
  overallFail: string;
}

export const QUALITY_TEXT: Record<QualityLanguage, QualityText> = {
  en: {
    value: (value) => (Math.round(value * 10) / 10).toFixed(1),
    limit: (value) => String(value),
    lossPass: (oneWay, roundTrip, limit) => `Packet loss ${oneWay} % each way (${roundTrip} % of round trips) is within the ${limit} % limit.`,
    lossFail: (oneWay, roundTrip, limit) => `Packet loss ${oneWay} % each way (${roundTrip} % of round trips) is above the ${limit} % limit: expect gaps and dropouts in calls.`,
    jitterPass: (jitter, limit) => `Jitter ${jitter} ms is within the ${limit} ms limit.`,
    jitterFail: (jitter, limit) => `Jitter ${jitter} ms is above the ${limit} ms limit: the jitter buffer will add delay or drop late voice packets.`,
    rttPass: (avg, p95, limit) => `Round-trip time ${avg} ms on average (95 % within ${p95} ms) is within the ${limit} ms limit.`,
    rttFail: (avg, p95, limit) => `Round-trip time ${avg} ms on average (95 % within ${p95} ms) is above the ${limit} ms limit: callers will talk over each other.`,
    nothingSent: 'No probe was sent, so the line quality is unknown.',
    noAnswers: (sent) => `None of ${sent} probes was answered: the line is unusable for voice, or the server stopped answering.`,
    serverStopped: (after, duration, unanswered) =>
      `The STUN server stopped answering ${after} s into the ${duration} s measurement (the last ${unanswered} probes and a repeated request went unanswered), so the line quality is untested: measure again, or with another STUN server.`,
    tooFewForJitter: 'Too few answers to compute the jitter.',
    overallPass: 'The line is good enough for voice.',
    overallFail: 'The line is not good enough for voice.',
  },
  de: {
    value: (value) => (Math.round(value * 10) / 10).toFixed(1).replace('.', ','),
    limit: (value) => String(value).replace('.', ','),
    lossPass: (oneWay, roundTrip, limit) => `Paketverlust ${oneWay} % je Richtung (${roundTrip} % der Umläufe) liegt innerhalb der Grenze von ${limit} %.`,
    lossFail: (oneWay, roundTrip, limit) => `Paketverlust ${oneWay} % je Richtung (${roundTrip} % der Umläufe) liegt über der Grenze von ${limit} %: Aussetzer in Gesprächen sind zu erwarten.`,
    jitterPass: (jitter, limit) => `Jitter ${jitter} ms liegt innerhalb der Grenze von ${limit} ms.`,
    jitterFail: (jitter, limit) => `Jitter ${jitter} ms liegt über der Grenze von ${limit} ms: der Jitter-Puffer verzögert die Sprache oder verwirft verspätete Pakete.`,
    rttPass: (avg, p95, limit) => `Umlaufzeit im Mittel ${avg} ms (95 % unter ${p95} ms) liegt innerhalb der Grenze von ${limit} ms.`,
    rttFail: (avg, p95, limit) => `Umlaufzeit im Mittel ${avg} ms (95 % unter ${p95} ms) liegt über der Grenze von ${limit} ms: Gesprächspartner fallen sich ins Wort.`,
    nothingSent: 'Es wurde keine Messung gesendet, die Leitungsqualität ist unbekannt.',
    noAnswers: (sent) => `Keine von ${sent} Messungen wurde beantwortet: die Leitung ist für Sprache unbrauchbar, oder der Server antwortet nicht mehr.`,
    serverStopped: (after, duration, unanswered) =>
      `Der STUN-Server hat nach ${after} s der ${duration}-s-Messung aufgehört zu antworten (die letzten ${unanswered} Messungen und eine wiederholte Anfrage blieben unbeantwortet), daher ist die Leitungsqualität ungetestet: bitte erneut messen, oder mit einem anderen STUN-Server.`,
    tooFewForJitter: 'Zu wenige Antworten, um den Jitter zu berechnen.',
    overallPass: 'Die Leitung ist gut genug für Sprache.',
    overallFail: 'Die Leitung ist nicht gut genug für Sprache.',
  },
};
