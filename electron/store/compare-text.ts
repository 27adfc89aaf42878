// The sentences that say what changed between two diagnoses, in one place per language
// (STYLE.md habit 11). Addresses, ports and rule ids go in as they are.
import type { NatBehaviour, NatClassic, RuleStatus, Verdict } from '../../shared/report';
import type { Language } from './settings-schema';

export interface CompareText {
  verdict(from: Verdict, to: Verdict): string;
  natType(from: NatClassic, to: NatClassic, supportedNow: boolean | null): string;
  natSupport(type: NatClassic, supportedNow: boolean): string;
  mapping(from: NatBehaviour, to: NatBehaviour): string;
  filtering(from: NatBehaviour, to: NatBehaviour): string;
  portNoLongerKept(port: number): string;
  portNowKept(port: number): string;
  lifetime(fromSec: number, toSec: number): string;
  hairpinning(now: boolean): string;
  publicAddress(from: string, to: string): string;
  publicAddressLost(from: string): string;
  publicAddressFound(to: string): string;
  sipTarget(from: string, to: string): string;
  sipNoLongerAnswers(target: string): string;
  sipAnswersAgain(target: string, status: string): string;
  sipStatus(target: string, from: string, to: string): string;
  sipNotChecked(from: string): string;
  sipNewlyChecked(to: string): string;
  sipAlg(suspectedNow: boolean): string;
  sipSeenFrom(from: string, to: string): string;
  rule(id: string, from: RuleStatus, to: RuleStatus): string;
  pbxAddress(from: string, to: string): string;
  gateway(from: string | null, to: string | null): string;
  profile(from: string, to: string): string;
  stunServers(from: readonly string[], to: readonly string[]): string;
  noAnswer: string;
}

const EN_NAT: Record<NatClassic, string> = {
  'full-cone': 'full cone NAT',
  'restricted-cone': 'restricted cone NAT',
  'port-restricted-cone': 'port restricted cone NAT',
  symmetric: 'symmetric NAT',
  'open-internet': 'no NAT (open internet)',
  'symmetric-udp-firewall': 'no NAT behind a stateful firewall',
  blocked: 'UDP blocked',
  unknown: 'unknown',
};

const DE_NAT: Record<NatClassic, string> = {
  'full-cone': 'Full-Cone-NAT',
  'restricted-cone': 'Restricted-Cone-NAT',
  'port-restricted-cone': 'Port-Restricted-Cone-NAT',
  symmetric: 'symmetrisches NAT',
  'open-internet': 'kein NAT (offenes Internet)',
  'symmetric-udp-firewall': 'kein NAT hinter einer zustandsbehafteten Firewall',
  blocked: 'UDP blockiert',
  unknown: 'unbekannt',
};

const DE_VERDICT: Record<Verdict, string> = { ready: 'bereit', blocked: 'blockiert', incomplete: 'unvollständig' };

const EN_RULE_NOW: Record<RuleStatus, string> = { verified: 'is now verified', failed: 'now fails', untested: 'could not be tested this time' };
const EN_RULE_WAS: Record<RuleStatus, string> = { verified: 'was verified', failed: 'failed before', untested: 'was not tested' };
const DE_RULE_NOW: Record<RuleStatus, string> = { verified: 'ist jetzt bestätigt', failed: 'schlägt jetzt fehl', untested: 'konnte diesmal nicht geprüft werden' };
const DE_RULE_WAS: Record<RuleStatus, string> = { verified: 'war bestätigt', failed: 'schlug vorher fehl', untested: 'war nicht geprüft' };

const list = (items: readonly string[], none: string) => (items.length === 0 ? none : items.join(', '));

export const COMPARE_TEXT: Record<Language, CompareText> = {
  en: {
    verdict: (from, to) => `The verdict changed from ${from} to ${to}.`,
    natType: (from, to, supportedNow) =>
      `NAT type changed from ${EN_NAT[from]} to ${EN_NAT[to]}${supportedNow === false ? ', which the PBX does not support' : supportedNow === true ? ', which the PBX supports' : ''}.`,
    natSupport: (type, supportedNow) => (supportedNow ? `The PBX profile now supports the ${EN_NAT[type]}.` : `The PBX profile does not support the ${EN_NAT[type]}.`),
    mapping: (from, to) => `Mapping behaviour changed from ${from} to ${to}.`,
    filtering: (from, to) => `Filtering behaviour changed from ${from} to ${to}.`,
    portNoLongerKept: (port) => `The NAT no longer keeps the local port ${port} as the public port.`,
    portNowKept: (port) => `The NAT now keeps the local port ${port} as the public port.`,
    lifetime: (from, to) => `The NAT binding now lasts ${to} s (was ${from} s).`,
    hairpinning: (now) => (now ? 'Hairpinning now works (it did not before).' : 'Hairpinning no longer works.'),
    publicAddress: (from, to) => `Public address changed from ${from} to ${to}.`,
    publicAddressLost: (from) => `No public address was found this time (was ${from}).`,
    publicAddressFound: (to) => `The public address ${to} was found (none before).`,
    sipTarget: (from, to) => `The SIP target changed from ${from} to ${to}.`,
    sipNoLongerAnswers: (target) => `SIP provider ${target} no longer answers.`,
    sipAnswersAgain: (target, status) => `SIP provider ${target} answers now (${status}; it did not before).`,
    sipStatus: (target, from, to) => `SIP provider ${target} now answers ${to} (was ${from}).`,
    sipNotChecked: (from) => `The SIP provider was not checked this time (was ${from}).`,
    sipNewlyChecked: (to) => `The SIP provider ${to} was checked this time (not before).`,
    sipAlg: (now) => (now ? 'A SIP ALG is now suspected in the path.' : 'A SIP ALG is no longer suspected in the path.'),
    sipSeenFrom: (from, to) => `The provider now sees the PBX's SIP traffic coming from ${to} (was ${from}).`,
    rule: (id, from, to) => `Rule ${id} ${EN_RULE_NOW[to]} (${EN_RULE_WAS[from]}).`,
    pbxAddress: (from, to) => `The PBX address changed from ${from} to ${to}.`,
    gateway: (from, to) => `The gateway changed from ${from ?? '(none)'} to ${to ?? '(none)'}.`,
    profile: (from, to) => `The PBX profile changed from ${from} to ${to}.`,
    stunServers: (from, to) => `The STUN servers changed from ${list(from, '(none)')} to ${list(to, '(none)')}.`,
    noAnswer: 'no answer',
  },
  de: {
    verdict: (from, to) => `Das Ergebnis änderte sich von „${DE_VERDICT[from]}“ zu „${DE_VERDICT[to]}“.`,
    natType: (from, to, supportedNow) =>
      `Der NAT-Typ änderte sich von „${DE_NAT[from]}“ zu „${DE_NAT[to]}“${supportedNow === false ? '; das unterstützt die Telefonanlage nicht' : supportedNow === true ? '; das unterstützt die Telefonanlage' : ''}.`,
    natSupport: (type, supportedNow) =>
      supportedNow ? `Das Profil der Telefonanlage unterstützt „${DE_NAT[type]}“ jetzt.` : `Das Profil der Telefonanlage unterstützt „${DE_NAT[type]}“ nicht.`,
    mapping: (from, to) => `Das Mapping-Verhalten änderte sich von ${from} zu ${to}.`,
    filtering: (from, to) => `Das Filter-Verhalten änderte sich von ${from} zu ${to}.`,
    portNoLongerKept: (port) => `Das NAT behält den lokalen Port ${port} nicht mehr als öffentlichen Port bei.`,
    portNowKept: (port) => `Das NAT behält den lokalen Port ${port} jetzt als öffentlichen Port bei.`,
    lifetime: (from, to) => `Die NAT-Zuordnung hält jetzt ${to} s (vorher ${from} s).`,
    hairpinning: (now) => (now ? 'Hairpinning funktioniert jetzt (vorher nicht).' : 'Hairpinning funktioniert nicht mehr.'),
    publicAddress: (from, to) => `Die öffentliche Adresse änderte sich von ${from} zu ${to}.`,
    publicAddressLost: (from) => `Diesmal wurde keine öffentliche Adresse gefunden (vorher ${from}).`,
    publicAddressFound: (to) => `Die öffentliche Adresse ${to} wurde gefunden (vorher keine).`,
    sipTarget: (from, to) => `Das SIP-Ziel änderte sich von ${from} zu ${to}.`,
    sipNoLongerAnswers: (target) => `Der SIP-Provider ${target} antwortet nicht mehr.`,
    sipAnswersAgain: (target, status) => `Der SIP-Provider ${target} antwortet jetzt (${status}; vorher nicht).`,
    sipStatus: (target, from, to) => `Der SIP-Provider ${target} antwortet jetzt mit ${to} (vorher ${from}).`,
    sipNotChecked: (from) => `Der SIP-Provider wurde diesmal nicht geprüft (vorher ${from}).`,
    sipNewlyChecked: (to) => `Der SIP-Provider ${to} wurde diesmal geprüft (vorher nicht).`,
    sipAlg: (now) => (now ? 'Im Weg wird jetzt ein SIP-ALG vermutet.' : 'Im Weg wird kein SIP-ALG mehr vermutet.'),
    sipSeenFrom: (from, to) => `Der Provider sieht den SIP-Verkehr der Telefonanlage jetzt von ${to} (vorher ${from}).`,
    rule: (id, from, to) => `Regel ${id} ${DE_RULE_NOW[to]} (${DE_RULE_WAS[from]}).`,
    pbxAddress: (from, to) => `Die Adresse der Telefonanlage änderte sich von ${from} zu ${to}.`,
    gateway: (from, to) => `Das Gateway änderte sich von ${from ?? '(keines)'} zu ${to ?? '(keines)'}.`,
    profile: (from, to) => `Das Profil der Telefonanlage änderte sich von ${from} zu ${to}.`,
    stunServers: (from, to) => `Die STUN-Server änderten sich von ${list(from, '(keine)')} zu ${list(to, '(keine)')}.`,
    noAnswer: 'keine Antwort',
  },
};
