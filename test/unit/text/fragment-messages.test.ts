// Every code of the fragments area, worded in both languages (as area-messages.test.ts does for
// the other areas): a sample per code, each variant a wording branches on, and German without an
// English sentence.
import { describe, expect, it } from 'vitest';
import { LANGUAGES, word, isMessage } from '../../../shared/text';
import { FRAGMENT_CODES, FRAGMENT_DIRECTIONS, isFragmentMessage, type FragmentCode, type FragmentMessageOf } from '../../../shared/text/messages/fragments';
import { CHANGE_CODES } from '../../../shared/text/messages/history';
import { MONITOR_CODES } from '../../../shared/text/messages/monitor';
import { NAT_CODES } from '../../../shared/text/messages/nat';
import { PROGRESS_CODES } from '../../../shared/text/messages/progress';
import { QUALITY_CODES } from '../../../shared/text/messages/quality';
import { RULE_CODES } from '../../../shared/text/messages/rules';
import { SIP_CODES } from '../../../shared/text/messages/sip';
import { englishLines } from '../../support/english';

const S = '203.0.113.10:3478';

const FRAGMENTS: { readonly [C in FragmentCode]: FragmentMessageOf<C> } = {
  'fragments/outbound-passes': { code: 'fragments/outbound-passes', server: S, requestBytes: 1540, answerBytes: 124 },
  'fragments/outbound-dropped': { code: 'fragments/outbound-dropped', server: S, requestBytes: 1540, requests: 6 },
  'fragments/inbound-passes': { code: 'fragments/inbound-passes', server: S, answerBytes: 1604 },
  'fragments/inbound-dropped': { code: 'fragments/inbound-dropped', server: S, requests: 12 },
  'fragments/padding-ignored': { code: 'fragments/padding-ignored', server: S },
  'fragments/padding-refused': { code: 'fragments/padding-refused', server: S, status: 420 },
  'fragments/answer-too-small': { code: 'fragments/answer-too-small', server: S, answerBytes: 120 },
  'fragments/server-silent': { code: 'fragments/server-silent', server: S, requests: 24 },
  'fragments/cancelled': { code: 'fragments/cancelled' },
  'fragments-fix/allow': { code: 'fragments-fix/allow', direction: 'both', pbxIp: '192.168.100.5' },
  'fragments-fix/sip-tcp': { code: 'fragments-fix/sip-tcp' },
};

const VARIANTS = [
  ...Object.values(FRAGMENTS),
  { ...FRAGMENTS['fragments/padding-refused'], status: null },
  ...FRAGMENT_DIRECTIONS.map((direction) => ({ ...FRAGMENTS['fragments-fix/allow'], direction })),
];

// Everyday English words; none is German or a protocol name (as in area-messages.test.ts).
const ENGLISH = [' the ', ' was ', ' were ', ' from ', ' could ', ' not ', ' and ', ' with ', ' is ', ' of ', ' to ', ' answered', ' request ', 'allow ', ' any ', ' by ', ' no ', ' this ', ' which ', ' only ', ' every '];

describe('the wording of the fragment test', () => {
  it('has a sample for every code, each passing the check a report reader uses', () => {
    expect(Object.keys(FRAGMENTS).sort()).toEqual([...FRAGMENT_CODES].sort());
    for (const message of VARIANTS) {
      expect(isFragmentMessage(message), JSON.stringify(message)).toBe(true);
      expect(isMessage(message)).toBe(true);
    }
  });

  it('shares no code with another area', () => {
    const all = [...RULE_CODES, ...NAT_CODES, ...SIP_CODES, ...QUALITY_CODES, ...MONITOR_CODES, ...PROGRESS_CODES, ...CHANGE_CODES, ...FRAGMENT_CODES];
    expect(new Set(all).size).toBe(all.length);
  });

  it.each([
    ['a status that is text', { ...FRAGMENTS['fragments/padding-refused'], status: '420' }],
    ['a direction that does not exist', { ...FRAGMENTS['fragments-fix/allow'], direction: 'sideways' }],
    ['a server given by name', { ...FRAGMENTS['fragments/inbound-passes'], server: 'stun.example.net:3478' }],
    ['a negative size', { ...FRAGMENTS['fragments/inbound-passes'], answerBytes: -1 }],
  ])('refuses %s read from a file', (_name, value) => {
    expect(isMessage(value)).toBe(false);
  });

  for (const language of LANGUAGES) {
    it(`words every code in ${language === 'en' ? 'English' : 'German'} as one full sentence or more`, () => {
      for (const message of VARIANTS) {
        const text = word(language, message);
        expect(text, message.code).not.toMatch(/undefined|null|NaN|\[object/);
        expect(text, message.code).toMatch(/^\S.{10,}[.)]$/);
      }
    });
  }

  it('says every German wording without an English word, and differently from the English', () => {
    for (const message of VARIANTS) {
      const text = ` ${word('de', message)} `;
      for (const marker of ENGLISH) expect(text.toLowerCase(), `${message.code}: ${text}`).not.toContain(marker);
      expect(englishLines(text)).toEqual([]);
      expect(word('de', message)).not.toBe(word('en', message));
    }
  });

  it('gives the numbers and the RFC the fix rests on', () => {
    expect(word('en', FRAGMENTS['fragments/outbound-dropped'])).toContain('None of 6 STUN requests of 1540 bytes');
    expect(word('de', FRAGMENTS['fragments/inbound-passes'])).toContain('auf 1604 Byte auf');
    expect(word('en', FRAGMENTS['fragments-fix/sip-tcp'])).toContain('RFC 3261 §18.1.1');
    expect(word('de', FRAGMENTS['fragments-fix/sip-tcp'])).toContain('200 Byte an die Pfad-MTU');
    expect(word('de', { code: 'fragments-fix/allow', direction: 'inbound', pbxIp: '192.168.100.5' })).toMatch(/^Eingehende UDP-Fragmente zur TK-Anlage \(192\.168\.100\.5\)/);
  });
});
