// Der Rahmen der Terminalausgabe auf Deutsch: Beschriftungen und die Wendungen um die Messwerte.
import { FORMAT } from '../format';
import type { MappingService } from '../../path';
import type { TerminalText } from '../terminal';

const f = FORMAT.de;
const ms = (value: number): string => f.number(value, value < 10 ? 1 : 0);

const VERDICT = { ready: 'BEREIT', 'action-needed': 'HANDLUNGSBEDARF', blocked: 'BLOCKIERT', incomplete: 'UNVOLLSTÄNDIG' } as const;
const FRAGMENTS = { passes: 'kommen durch', dropped: 'verworfen', untested: 'nicht getestet' } as const;
const GRADES = { good: 'gut', acceptable: 'annehmbar', poor: 'schlecht', unknown: 'unbekannt' } as const;

export const terminalDe: TerminalText = {
  header: (version, profile, sipPort) => `TrunkCheck ${version} · ${profile} · SIP-Port ${sipPort}`,
  labels: {
    nat: 'NAT-Typ',
    secondNat: 'Zweites NAT',
    router: 'Router',
    fragments: 'IP-Fragmente',
    publicAddress: 'Öffentliche Adresse',
    stunServer: 'STUN-Server',
    mapping: 'Zuordnung',
    filtering: 'Filterung',
    hairpinning: 'Hairpinning',
    serverNote: 'Hinweis STUN-Server',
    alg: 'Warnung',
    lifetime: 'Haltedauer',
    measuredIn: 'Gemessen in',
    sipOptions: 'SIP OPTIONS',
    register: 'Registrierung',
    rtpPorts: 'RTP-Ports',
    keepalive: 'Keep-alive',
    quality: 'Leitungsqualität',
    verdict: 'Ergebnis',
    ipv6: 'IPv6-Weg',
    ipv6Address: 'IPv6-Adresse',
    translation: 'Adressumsetzung',
    ipv6Firewall: 'IPv6-Firewall',
    mos: 'Erwarteter MOS',
  },
  sublabels: { fix: 'Abhilfe', dns: 'DNS', dnsWarning: 'DNS-Warnung', algNote: 'Geprüft', sipAlg: 'SIP-ALG', switchOff: 'Abschalten', inbound: 'Eingehend', finding: '' },
  rulesTitle: 'Firewall-Regeln',
  headline: (verdict) => `Ergebnis: ${VERDICT[verdict]}`,
  whatToDoTitle: 'Nächste Schritte',
  caveatsTitle: 'Vorbehalte',
  notesTitle: 'Hinweise',
  secondNat: (double, carrierGrade) =>
    double === 'unknown'
      ? 'nicht gemessen'
      : double === 'no'
        ? 'nein'
        : carrierGrade === 'yes'
          ? 'ja: das Carrier-Grade-NAT des Providers (DS-Lite oder CGN)'
          : carrierGrade === 'no'
            ? 'ja: ein zweiter eigener Router'
            : 'ja, Betreiber unbekannt',
  router: (ip, externalIp, mapping) => {
    const service = (name: string, offered: MappingService): string => `${name} ${offered === true ? 'angeboten' : offered === false ? 'abgelehnt' : 'keine Antwort'}`;
    return `${ip ?? 'unbekannt'}, nennt als WAN-Adresse ${externalIp ?? '(keine)'}; ${service('UPnP', mapping.upnp)}, ${service('NAT-PMP', mapping.natPmp)}, ${service('PCP', mapping.pcp)}`;
  },
  fragments: (outbound, inbound) => `ausgehend ${FRAGMENTS[outbound]}, eingehend ${FRAGMENTS[inbound]}`,
  portPreserved: 'Port beibehalten',
  portChanged: (from) => `Port geändert, lokal ${from}`,
  publicAddressUnknown: 'unbekannt (siehe Firewall-Regeln unten)',
  nothingFilters: 'Keine (nichts filtert)',
  stunAnswer: (server, rttMs, retransmissions, software) =>
    `${server}, ${ms(rttMs)} ms${retransmissions ? ` nach ${retransmissions} ${retransmissions === 1 ? 'Wiederholung' : 'Wiederholungen'}` : ''}${software ? `, ${software}` : ''}`,
  yes: 'ja',
  no: 'nein',
  notTested: 'nicht getestet',
  measuredIn: (durationMs, rttMs) => `${f.number(durationMs)} ms${rttMs === null ? '' : ` (Umlaufzeit ${ms(rttMs)} ms)`}`,
  sipAnswered: (target, status, reason, rttMs, received, rport) =>
    `${target}: ${status ?? '?'}${reason ? ` ${reason}` : ''}${rttMs === null ? '' : ` nach ${ms(rttMs)} ms`}; ${received === null && rport === null ? 'der Provider sagte nicht, woher er die Anfrage kommen sah (kein received, kein rport)' : `der Provider sah ${received ?? '(kein received)'}:${rport ?? '?'}`}`,
  transport: (target, outcome, time, certificate) =>
    `${target}: ${outcome} nach ${f.number(time)} ms${certificate ? `, Zertifikat ${certificate.name} noch ${certificate.days} Tage gültig` : ''}`,
  rtpSummary: (range, probed, full, outbound, kept, inbound, held) =>
    `${f.range(range)}: ${probed} geprüft (${full ? 'alle Ports' : 'Stichprobe'}), ausgehend ${outbound}/${probed}, Port beibehalten ${kept}/${probed}, eingehend von unbekannt ${inbound}/${probed}` +
    (held.length > 0 ? `; von anderen Programmen belegt: ${f.ports(held)}` : ''),
  keepaliveEvery: (seconds) => `alle ${f.number(seconds, Number.isInteger(seconds) ? 0 : 1)} s`,
  qualitySummary: (verdict, loss, jitter, rtt) =>
    `${{ pass: 'bestanden', fail: 'nicht bestanden', unknown: 'unbekannt' }[verdict]}: Verlust ${f.number(loss, 1)} % (je Richtung), Jitter ${jitter === null ? '–' : ms(jitter)} ms, Umlaufzeit ${rtt === null ? '–' : ms(rtt)} ms`,
  ruleStatus: { verified: 'bestätigt', failed: 'fehlgeschlagen', untested: 'ungetestet' },
  ruleName: {
    'outbound-signalling': 'Signalisierung ausgehend',
    'inbound-signalling': 'Signalisierung eingehend',
    'outbound-media': 'Sprache ausgehend',
    'inbound-media': 'Sprache eingehend',
  },
  verdict: { ready: 'bereit', 'action-needed': 'Handlungsbedarf', blocked: 'blockiert', incomplete: 'unvollständig' },
  savedFirst: (site, path) => `Als erster Bericht des Standorts ${site} gespeichert: ${path}`,
  saved: (path) => `Gespeichert: ${path}`,
  since: (site, time) => `Seit dem vorigen Lauf von ${site} (${time}):`,
  nothingChanged: 'Nichts hat sich geändert.',
  wrote: (file, bytes) => `${file} geschrieben (${bytes} Bytes).`,
  keeping: (port, server, interval) => `Halte UDP ${port} gegenüber ${server} alle ${f.number(interval, Number.isInteger(interval) ? 0 : 1)} s offen. Beenden mit Strg+C.`,
  monitorSummary: (sent, answered, missed, changes, lost) =>
    `${sent} Keep-alives, ${answered} beantwortet, ${missed} verpasst, ${changes} Adresswechsel, ${lost} Zuordnungen verloren.`,
  verdictWord: VERDICT,
  ipv6NotMeasured: 'nicht gemessen',
  translation: (translation, mapped) =>
    translation === 'none' ? 'keine (kein NAT)' : translation === 'translated' ? `NPTv6 oder NAT66, gesehen als ${mapped ?? 'andere Adresse'}` : 'nicht gemessen',
  ipv6RulesTitle: 'Firewall-Regeln über IPv6',
  mosEstimate: (codec, wideband, figures, grade) =>
    `${codec}${wideband ? ' (Breitband)' : ''}: ` +
    (figures === null
      ? `${GRADES[grade]}, zu wenige Antworten für eine Schätzung`
      : `MOS ${f.number(figures.mos, 2)}, ${GRADES[grade]} (R ${f.number(figures.r, 1)}, Jitterpuffer ${f.number(figures.jitterBufferMs)} ms, Mund zu Ohr ${f.number(figures.mouthToEarMs)} ms)`),
};
