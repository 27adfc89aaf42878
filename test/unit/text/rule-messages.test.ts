// Every code of the rules' evidence and fixes, worded in both languages. The sample table is typed
// by code, so a new code without a sample does not compile, and the loop over RULE_CODES finds a
// code whose wording is missing, empty or (in German) English.
import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../../shared/checks';
import { LANGUAGES, word, wordAll, type Language } from '../../../shared/text';
import { fromLegacyText } from '../../../shared/text/messages/legacy';
import { isFixMessage, isRuleMessage, RULE_CODES, SIP_LOOKUP_FAILURES, STUN_FAILURES, type MessageOf, type RuleCode, type RuleMessage } from '../../../shared/text/messages/rules';

const SAMPLES: { readonly [C in RuleCode]: MessageOf<C> } = {
  'signalling/stun-failed': { code: 'signalling/stun-failed', server: '203.0.113.10:3478', port: 65002, reason: 'timeout' },
  'signalling/inbound-not-tested': { code: 'signalling/inbound-not-tested' },
  'signalling/stun-out': { code: 'signalling/stun-out', port: 65002, server: '203.0.113.10:3478', at: '2026-11-23T21:21:40.263Z' },
  'signalling/stun-in': { code: 'signalling/stun-in', port: 65002, from: '203.0.113.10:3478' },
  'signalling/sip-not-named': { code: 'signalling/sip-not-named' },
  'signalling/no-sip-answer-back': { code: 'signalling/no-sip-answer-back' },
  'signalling/sip-answer-in': { code: 'signalling/sip-answer-in', port: 65002, status: 200, reason: 'OK', from: 'sip.example.net:5060' },
  'options/answered': { code: 'options/answered', target: '203.0.113.20:5060', status: 200, reason: 'OK', server: 'kamailio (5.6.3)', rttMs: 12.4, received: '203.0.113.1', rport: 65002 },
  'options/no-answer': { code: 'options/no-answer', target: '203.0.113.20:5060', requests: 5, waitedMs: 7500 },
  'options/cancelled': { code: 'options/cancelled', target: '203.0.113.20:5060', requests: 2 },
  'options/not-asked': { code: 'options/not-asked', target: 'sip.example.net', reason: 'not-found' },
  'media/none-opened': { code: 'media/none-opened', range: { from: 55000, to: 56000 } },
  'media/ports-held': { code: 'media/ports-held', ports: [55000, 55091, 55182, 55273, 55364, 55455, 55545, 55636, 55727, 56000] },
  'media/outbound-blocked': { code: 'media/outbound-blocked', ports: [55000, 56000], probed: 12, server: '203.0.113.10:3478' },
  'media/outbound-answered': { code: 'media/outbound-answered', probed: 12, range: { from: 55000, to: 56000 }, server: '203.0.113.10:3478', changed: [55091], publicIps: ['203.0.113.1'] },
  'media/one-destination': { code: 'media/one-destination' },
  'media/no-alternate-address': { code: 'media/no-alternate-address', server: '203.0.113.10:3478' },
  'media/inbound-blocked': { code: 'media/inbound-blocked', from: '203.0.113.11:3479', ports: [55000, 55091], tested: 12 },
  'media/inbound-open': { code: 'media/inbound-open', from: null, tested: 12, range: { from: 55000, to: 56000 } },
  'media/inbound-not-tested': { code: 'media/inbound-not-tested' },
  'media/return-path-open': { code: 'media/return-path-open', server: '203.0.113.10:3478', tested: 12, range: { from: 55000, to: 56000 } },
  'media/return-path-unproven': { code: 'media/return-path-unproven', server: '203.0.113.10:3478', ports: [55182] },
  'media/needs-return-path': { code: 'media/needs-return-path' },
  'media/needs-any-source': { code: 'media/needs-any-source' },
  'media/off': { code: 'media/off' },
  'media/no-stun-answer': { code: 'media/no-stun-answer' },
  'port/held': { code: 'port/held', port: 55123 },
  'port/not-opened': { code: 'port/not-opened', port: 55123 },
  'port/cancelled': { code: 'port/cancelled', port: 55123 },
  'port/answer-unusable': { code: 'port/answer-unusable', port: 55123, server: '203.0.113.10:3478' },
  'port/no-answer': { code: 'port/no-answer', port: 55123, server: '203.0.113.10:3478' },
  'port/answered': { code: 'port/answered', port: 55123, server: '203.0.113.10:3478', mapped: '203.0.113.1:61000' },
  'port/inbound-blocked': { code: 'port/inbound-blocked', port: 55123, from: '203.0.113.11:3479', requests: 6 },
  'port/inbound-refused': { code: 'port/inbound-refused', port: 55123 },
  'port/inbound-ignored': { code: 'port/inbound-ignored', server: '203.0.113.10:3478' },
  'port/inbound-wrong-source': { code: 'port/inbound-wrong-source', from: '198.51.100.7:3478', expected: '203.0.113.11:3479' },
  'port/inbound-open': { code: 'port/inbound-open', port: 55123, from: '[2001:db8::11]:3479' },
  'port/inbound-cancelled': { code: 'port/inbound-cancelled' },
  'register/answered': { code: 'register/answered', target: '203.0.113.20:5060', status: 200, reason: 'OK' },
  'register/inbound-received': { code: 'register/inbound-received', port: 65002, method: 'OPTIONS', from: '203.0.113.20:5060', afterMs: 2400 },
  'register/no-inbound': { code: 'register/no-inbound', port: 65002, waitedMs: 30000 },
  'check/cancelled': { code: 'check/cancelled', check: 'sip' },
  'rule/not-measured': { code: 'rule/not-measured' },
  'fix/outbound-signalling': {
    code: 'fix/outbound-signalling',
    pbxIp: '192.168.100.5',
    pbxPorts: [{ from: 55000, to: 56000 }, { from: 65002, to: 65002 }],
    peers: ['203.0.113.10', '203.0.113.20'],
    peerPorts: [{ from: 3478, to: 3478 }, { from: 5060, to: 5060 }],
  },
  'fix/inbound-signalling': { code: 'fix/inbound-signalling', pbxIp: '192.168.100.5', pbxPorts: [{ from: 65002, to: 65002 }], peers: [] },
  'fix/outbound-media': { code: 'fix/outbound-media', pbxIp: '192.168.100.5', pbxPorts: [{ from: 55000, to: 56000 }] },
  'fix/inbound-media': { code: 'fix/inbound-media', pbxIp: '192.168.100.5', pbxPorts: [{ from: 55000, to: 56000 }] },
  'fix/inbound-media-cgn': { code: 'fix/inbound-media-cgn', pbxIp: '192.168.100.5', pbxPorts: [{ from: 9000, to: 10999 }] },
  'fix/register-credentials': { code: 'fix/register-credentials', aor: 'sip:trunk1@sip.example.net', status: 403 },
  'fix/register-refused': { code: 'fix/register-refused', aor: 'sip:trunk1@sip.example.net', status: 404, reason: 'User Unknown' },
  'fix/register-no-answer': { code: 'fix/register-no-answer', aor: 'sip:trunk1@sip.example.net', target: '203.0.113.20:5060' },
};

// Every variant a wording branches on: each reason of a failed STUN request or SIP lookup, each check.
const VARIANTS: readonly RuleMessage[] = [
  ...Object.values(SAMPLES),
  ...STUN_FAILURES.map((reason) => ({ ...SAMPLES['signalling/stun-failed'], reason })),
  ...SIP_LOOKUP_FAILURES.map((reason) => ({ ...SAMPLES['options/not-asked'], reason })),
  ...CHECK_IDS.map((check) => ({ ...SAMPLES['check/cancelled'], check })),
  { ...SAMPLES['port/answered'], mapped: '203.0.113.1:55123' },
  { ...SAMPLES['media/outbound-answered'], changed: [] },
  { ...SAMPLES['options/answered'], server: null, received: null, rport: null },
  { ...SAMPLES['options/no-answer'], requests: 1 },
  { ...SAMPLES['register/answered'], reason: null },
  { ...SAMPLES['fix/register-credentials'], status: null },
  { ...SAMPLES['fix/register-refused'], reason: null },
];

// Words that mark an English sentence; none of them is a German word or a protocol name.
const ENGLISH = [' the ', ' was ', ' were ', ' from ', ' could ', ' not ', ' and ', ' with ', ' is ', ' of ', ' to ', ' answered', ' request ', 'allow ', ' any ', 'port kept', 'skipped', ' held ', ' by '];

describe('the wording of the rules\' evidence and fixes', () => {
  it('has a sample for every code, and every sample passes the check a report reader makes', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...RULE_CODES].sort());
    for (const message of VARIANTS) expect(isRuleMessage(message), JSON.stringify(message)).toBe(true);
  });

  for (const language of LANGUAGES) {
    it(`words every code in ${language === 'en' ? 'English' : 'German'}, as one full sentence or more`, () => {
      for (const message of VARIANTS) {
        const text = word(language, message);
        expect(text, message.code).toMatch(/^\S.{10,}[.)]$/);
        expect(text, message.code).not.toMatch(/undefined|null|NaN|\[object|\[[a-z]+\/[a-z-]+\]/);
      }
    });
  }

  it('says every German wording without an English sentence', () => {
    for (const message of VARIANTS) {
      const text = ` ${word('de', message)} `;
      for (const marker of ENGLISH) expect(text.toLowerCase(), `${message.code}: ${text}`).not.toContain(marker);
    }
  });

  it('words every code differently in German than in English', () => {
    for (const message of VARIANTS) expect(word('de', message), message.code).not.toBe(word('en', message));
  });

  it('writes numbers and times the German way in German', () => {
    expect(word('de', SAMPLES['options/no-answer'])).toBe('Keine SIP-Antwort von 203.0.113.20:5060 nach 5 Anfragen in 7,5 s.');
    expect(word('en', SAMPLES['options/no-answer'])).toBe('No SIP answer from 203.0.113.20:5060 after 5 requests in 7.5 s.');
    expect(word('de', SAMPLES['signalling/stun-out'])).toContain('(23.11.2026 21:21:40 UTC)');
    expect(word('en', SAMPLES['signalling/stun-out'])).toContain('at 2026-11-23 21:21:40 UTC');
    expect(word('de', SAMPLES['media/ports-held'])).toContain('55000, 55091, 55182, 55273, 55364, 55455, 55545, 55636 und 2 weitere');
  });

  it('reads the parts of one piece of evidence as one paragraph', () => {
    const evidence: RuleMessage[] = [SAMPLES['signalling/stun-in'], SAMPLES['signalling/sip-answer-in']];
    expect(wordAll('de', evidence)).toBe('Die STUN-Antwort von 203.0.113.10:3478 kam an UDP 65002 an. Auch die SIP-Antwort 200 OK von sip.example.net:5060 kam an UDP 65002 an.');
  });

  it('shows the English sentence of an old report as it is, in either language', () => {
    const old = fromLegacyText('Media ports not tested yet.');
    for (const language of ['en', 'de'] as Language[]) expect(word(language, old)).toBe('Media ports not tested yet.');
    expect(isRuleMessage(old)).toBe(true);
    expect(isFixMessage(old)).toBe(true);
  });
});

describe('the check of a message read from a file', () => {
  const sample = SAMPLES['media/inbound-blocked'];
  it.each([
    ['an unknown code', { code: 'media/everything-fine' }],
    ['a missing value', { code: 'media/inbound-blocked', from: null, ports: [55000] }],
    ['an extra value', { ...sample, note: 'hi' }],
    ['port 0', { ...sample, ports: [0] }],
    ['port 65536', { ...sample, ports: [65536] }],
    ['a port as text', { ...sample, ports: ['55000'] }],
    ['a negative count', { ...sample, tested: -1 }],
    ['an address without a port', { ...sample, from: '203.0.113.11' }],
    ['a name where an address belongs', { ...sample, from: 'evil.example:3479' }],
    ['a bare IPv6 address with a port', { ...SAMPLES['port/inbound-open'], from: '2001:db8::11:3479' }],
    ['a reversed port range', { ...SAMPLES['media/none-opened'], range: { from: 56000, to: 55000 } }],
    ['a reason phrase with a line break', { ...SAMPLES['options/answered'], reason: 'OK\r\nX-Injected: 1' }],
    ['a reason phrase of 301 characters', { ...SAMPLES['options/answered'], reason: 'x'.repeat(301) }],
    ['a time that is not ISO 8601', { ...SAMPLES['signalling/stun-out'], at: 'yesterday' }],
    ['an unknown check', { code: 'check/cancelled', check: 'everything' }],
    ['a SIP status out of range', { ...SAMPLES['signalling/sip-answer-in'], status: 99 }],
    ['a sentence instead of a message', 'The STUN answer came back.'],
    ['null', null],
    ['a legacy text of 4,001 characters', fromLegacyText('x'.repeat(4001))],
  ])('refuses %s', (_name, value) => {
    expect(isRuleMessage(value)).toBe(false);
  });

  it('takes only fix codes (or an old sentence) as a fix', () => {
    expect(isFixMessage(SAMPLES['fix/inbound-media'])).toBe(true);
    expect(isFixMessage(SAMPLES['media/inbound-blocked'])).toBe(false);
  });
});
