// Was sich seit dem letzten Lauf des Standorts geändert hat, auf Deutsch.
import type { Catalog } from '../catalog';
import type { ChangeMessage } from '../messages/history';

const NAT = {
  'full-cone': 'Full-Cone-NAT',
  'restricted-cone': 'Restricted-Cone-NAT',
  'port-restricted-cone': 'Port-Restricted-Cone-NAT',
  symmetric: 'symmetrisches NAT',
  'open-internet': 'kein NAT (offenes Internet)',
  'symmetric-udp-firewall': 'kein NAT hinter einer zustandsbehafteten Firewall',
  blocked: 'UDP blockiert',
  unknown: 'unbekannt',
} as const;
const BEHAVIOUR = {
  'endpoint-independent': 'endpunkt-unabhängig',
  'address-dependent': 'adressabhängig',
  'address-and-port-dependent': 'adress- und portabhängig',
  none: 'keine',
  unknown: 'unbekannt',
} as const;
const VERDICT = { ready: 'bereit', 'action-needed': 'Handlungsbedarf', blocked: 'blockiert', incomplete: 'unvollständig' } as const;
const RULE = {
  'outbound-signalling': 'Signalisierung ausgehend',
  'inbound-signalling': 'Signalisierung eingehend',
  'outbound-media': 'Sprache ausgehend',
  'inbound-media': 'Sprache eingehend',
} as const;
const RULE_NOW = { verified: 'ist jetzt bestätigt', failed: 'schlägt jetzt fehl', untested: 'ließ sich diesmal nicht prüfen' } as const;
const RULE_WAS = { verified: 'war bestätigt', failed: 'schlug vorher fehl', untested: 'war nicht geprüft' } as const;
const answer = (status: number | null, reason: string | null): string => (status === null ? 'keine Antwort' : `${status}${reason ? ` ${reason}` : ''}`);
const list = (items: readonly string[]): string => (items.length === 0 ? '(keine)' : items.join(', '));

export const historyDe: Catalog<ChangeMessage> = {
  'change/verdict': (m) => `Das Ergebnis änderte sich von „${VERDICT[m.from]}“ zu „${VERDICT[m.to]}“.`,
  'change/nat-type': (m) =>
    `Der NAT-Typ änderte sich von „${NAT[m.from]}“ zu „${NAT[m.to]}“${m.supported === false ? '; das unterstützt die TK-Anlage nicht' : m.supported === true ? '; das unterstützt die TK-Anlage' : ''}.`,
  'change/nat-support': (m) => (m.supported ? `Das Profil der TK-Anlage unterstützt „${NAT[m.classic]}“ jetzt.` : `Das Profil der TK-Anlage unterstützt „${NAT[m.classic]}“ nicht.`),
  'change/mapping': (m) => `Die Zuordnung (Mapping) änderte sich von „${BEHAVIOUR[m.from]}“ zu „${BEHAVIOUR[m.to]}“.`,
  'change/filtering': (m) => `Die Filterung änderte sich von „${BEHAVIOUR[m.from]}“ zu „${BEHAVIOUR[m.to]}“.`,
  'change/port-kept': (m) =>
    m.kept ? `Das NAT behält den lokalen Port ${m.port} jetzt als öffentlichen Port bei.` : `Das NAT behält den lokalen Port ${m.port} nicht mehr als öffentlichen Port bei.`,
  'change/lifetime': (m) => `Die NAT-Zuordnung hält jetzt ${m.to} s (vorher ${m.from} s).`,
  'change/hairpinning': (m) => (m.works ? 'Hairpinning funktioniert jetzt (vorher nicht).' : 'Hairpinning funktioniert nicht mehr.'),
  'change/public-address': (m) => `Die öffentliche Adresse änderte sich von ${m.from} zu ${m.to}.`,
  'change/public-address-lost': (m) => `Diesmal wurde keine öffentliche Adresse gefunden (vorher ${m.from}).`,
  'change/public-address-found': (m) => `Die öffentliche Adresse ${m.to} wurde gefunden (vorher keine).`,
  'change/sip-target': (m) => `Das SIP-Ziel änderte sich von ${m.from} zu ${m.to}.`,
  'change/sip-silent': (m) => `Der SIP-Provider ${m.target} antwortet nicht mehr.`,
  'change/sip-answers': (m) => `Der SIP-Provider ${m.target} antwortet jetzt (${answer(m.status, m.reason)}; vorher nicht).`,
  'change/sip-status': (m) => `Der SIP-Provider ${m.target} antwortet jetzt mit ${answer(m.toStatus, m.toReason)} (vorher ${answer(m.fromStatus, m.fromReason)}).`,
  'change/sip-not-checked': (m) => `Der SIP-Provider wurde diesmal nicht geprüft (vorher ${m.from}).`,
  'change/sip-checked': (m) => `Der SIP-Provider ${m.to} wurde diesmal geprüft (vorher nicht).`,
  'change/sip-alg': (m) => (m.suspected ? 'Im Weg wird jetzt ein SIP-ALG vermutet.' : 'Im Weg wird kein SIP-ALG mehr vermutet.'),
  'change/sip-seen-from': (m) => `Der Provider sieht den SIP-Verkehr der TK-Anlage jetzt von ${m.to} kommen (vorher ${m.from}).`,
  'change/rule': (m) => `Regel „${RULE[m.rule]}“ ${RULE_NOW[m.to]} (${RULE_WAS[m.from]}).`,
  'change/pbx-address': (m) => `Die Adresse der TK-Anlage änderte sich von ${m.from} zu ${m.to}.`,
  'change/gateway': (m) => `Das Gateway änderte sich von ${m.from ?? '(keines)'} zu ${m.to ?? '(keines)'}.`,
  'change/profile': (m) => `Das Profil der TK-Anlage änderte sich von ${m.from} zu ${m.to}.`,
  'change/stun-servers': (m) => `Die STUN-Server änderten sich von ${list(m.from)} zu ${list(m.to)}.`,
};
