// What changed since the site's previous run, in English.
import type { Catalog } from '../catalog';
import type { ChangeMessage } from '../messages/history';

// The NAT types inside a sentence.
const NAT = {
  'full-cone': 'full cone NAT',
  'restricted-cone': 'restricted cone NAT',
  'port-restricted-cone': 'port restricted cone NAT',
  symmetric: 'symmetric NAT',
  'open-internet': 'no NAT (open internet)',
  'symmetric-udp-firewall': 'no NAT behind a stateful firewall',
  blocked: 'UDP blocked',
  unknown: 'unknown',
} as const;
const natName = (classic: keyof typeof NAT): string => NAT[classic];
const RULE_NOW = { verified: 'is now verified', failed: 'now fails', untested: 'could not be tested this time' } as const;
const RULE_WAS = { verified: 'was verified', failed: 'failed before', untested: 'was not tested' } as const;
const answer = (status: number | null, reason: string | null): string => (status === null ? 'no answer' : `${status}${reason ? ` ${reason}` : ''}`);
const list = (items: readonly string[]): string => (items.length === 0 ? '(none)' : items.join(', '));

export const historyEn: Catalog<ChangeMessage> = {
  'change/verdict': (m) => `The verdict changed from ${m.from} to ${m.to}.`,
  'change/nat-type': (m) =>
    `NAT type changed from ${natName(m.from)} to ${natName(m.to)}${m.supported === false ? ', which the PBX does not support' : m.supported === true ? ', which the PBX supports' : ''}.`,
  'change/nat-support': (m) => (m.supported ? `The PBX profile now supports the ${natName(m.classic)}.` : `The PBX profile does not support the ${natName(m.classic)}.`),
  'change/mapping': (m) => `Mapping behaviour changed from ${m.from} to ${m.to}.`,
  'change/filtering': (m) => `Filtering behaviour changed from ${m.from} to ${m.to}.`,
  'change/port-kept': (m) => (m.kept ? `The NAT now keeps the local port ${m.port} as the public port.` : `The NAT no longer keeps the local port ${m.port} as the public port.`),
  'change/lifetime': (m) => `The NAT binding now lasts ${m.to} s (was ${m.from} s).`,
  'change/hairpinning': (m) => (m.works ? 'Hairpinning now works (it did not before).' : 'Hairpinning no longer works.'),
  'change/public-address': (m) => `Public address changed from ${m.from} to ${m.to}.`,
  'change/public-address-lost': (m) => `No public address was found this time (was ${m.from}).`,
  'change/public-address-found': (m) => `The public address ${m.to} was found (none before).`,
  'change/sip-target': (m) => `The SIP target changed from ${m.from} to ${m.to}.`,
  'change/sip-silent': (m) => `SIP provider ${m.target} no longer answers.`,
  'change/sip-answers': (m) => `SIP provider ${m.target} answers now (${answer(m.status, m.reason)}; it did not before).`,
  'change/sip-status': (m) => `SIP provider ${m.target} now answers ${answer(m.toStatus, m.toReason)} (was ${answer(m.fromStatus, m.fromReason)}).`,
  'change/sip-not-checked': (m) => `The SIP provider was not checked this time (was ${m.from}).`,
  'change/sip-checked': (m) => `The SIP provider ${m.to} was checked this time (not before).`,
  'change/sip-alg': (m) => (m.suspected ? 'A SIP ALG is now suspected in the path.' : 'A SIP ALG is no longer suspected in the path.'),
  'change/sip-seen-from': (m) => `The provider now sees the PBX's SIP traffic coming from ${m.to} (was ${m.from}).`,
  'change/rule': (m) => `Rule ${m.rule} ${RULE_NOW[m.to]} (${RULE_WAS[m.from]}).`,
  'change/pbx-address': (m) => `The PBX address changed from ${m.from} to ${m.to}.`,
  'change/gateway': (m) => `The gateway changed from ${m.from ?? '(none)'} to ${m.to ?? '(none)'}.`,
  'change/profile': (m) => `The PBX profile changed from ${m.from} to ${m.to}.`,
  'change/stun-servers': (m) => `The STUN servers changed from ${list(m.from)} to ${list(m.to)}.`,
};
