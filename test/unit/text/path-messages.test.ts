// Every code of the second-NAT evidence (shared/text/messages/path.ts), worded in both languages:
// one sentence or more, German without an English sentence, and no code shared with another area.
import { describe, expect, it } from 'vitest';
import { LANGUAGES, word, type Message } from '../../../shared/text';
import { isMessage } from '../../../shared/text/messages';
import { CHANGE_CODES } from '../../../shared/text/messages/history';
import { MONITOR_CODES } from '../../../shared/text/messages/monitor';
import { NAT_CODES } from '../../../shared/text/messages/nat';
import { isPathMessage, PATH_CODES, type PathCode, type PathMessageOf } from '../../../shared/text/messages/path';
import { PROGRESS_CODES } from '../../../shared/text/messages/progress';
import { QUALITY_CODES } from '../../../shared/text/messages/quality';
import { RULE_CODES } from '../../../shared/text/messages/rules';
import { SIP_CODES } from '../../../shared/text/messages/sip';
import { englishLines } from '../../support/english';

const PATH: { readonly [C in PathCode]: PathMessageOf<C> } = {
  'second-nat/no-nat': { code: 'second-nat/no-nat', ip: '198.51.100.7' },
  'second-nat/router-public': { code: 'second-nat/router-public', externalIp: '198.51.100.7' },
  'second-nat/router-public-differs': { code: 'second-nat/router-public-differs', externalIp: '198.51.100.7', mapped: '198.51.100.9' },
  'second-nat/router-shared': { code: 'second-nat/router-shared', externalIp: '100.64.0.2' },
  'second-nat/router-ds-lite': { code: 'second-nat/router-ds-lite', externalIp: '192.0.0.2' },
  'second-nat/router-private': { code: 'second-nat/router-private', externalIp: '192.168.178.2' },
  'second-nat/router-no-address': { code: 'second-nat/router-no-address', services: ['upnp', 'nat-pmp'] },
  'second-nat/router-silent': { code: 'second-nat/router-silent' },
  'second-nat/hop-shared': { code: 'second-nat/hop-shared', ttl: 2, from: '100.64.0.1' },
  'second-nat/hop-ds-lite': { code: 'second-nat/hop-ds-lite', ttl: 2, from: '192.0.0.1' },
  'second-nat/hop-private': { code: 'second-nat/hop-private', ttl: 2, from: '192.168.178.1' },
  'second-nat/hop-provider': { code: 'second-nat/hop-provider', ttl: 2, from: '198.51.100.1' },
  'second-nat/hop-public': { code: 'second-nat/hop-public', ttl: 2, from: '198.51.100.1' },
  'second-nat/target-next': { code: 'second-nat/target-next', ttl: 2, target: '203.0.113.10' },
  'second-nat/no-hops': { code: 'second-nat/no-hops', first: 2, last: 4 },
  'second-nat/no-probe': { code: 'second-nat/no-probe' },
};

// Every variant a wording branches on.
const VARIANTS: readonly Message[] = [
  ...Object.values(PATH),
  { ...PATH['second-nat/router-public-differs'], mapped: null },
  { ...PATH['second-nat/router-no-address'], services: ['pcp'] },
  { ...PATH['second-nat/router-no-address'], services: ['upnp', 'nat-pmp', 'pcp'] },
  { ...PATH['second-nat/no-hops'], first: 2, last: 2 },
];

const ENGLISH = [' the ', ' was ', ' were ', ' from ', ' could ', ' not ', ' and ', ' with ', ' is ', ' of ', ' to ', ' answered', ' request ', 'allow ', ' any ', ' by ', ' no ', ' this ', ' which ', ' only ', ' every '];

describe('the wording of the second-NAT evidence', () => {
  it('has a sample for every code, and every variant passes the area\'s check and the report\'s', () => {
    expect(Object.keys(PATH).sort()).toEqual([...PATH_CODES].sort());
    for (const message of VARIANTS) {
      expect(isPathMessage(message), JSON.stringify(message)).toBe(true);
      expect(isMessage(message), JSON.stringify(message)).toBe(true);
    }
  });

  it('shares no code with another area', () => {
    const others = new Set<string>([...RULE_CODES, ...NAT_CODES, ...SIP_CODES, ...QUALITY_CODES, ...MONITOR_CODES, ...PROGRESS_CODES, ...CHANGE_CODES]);
    expect(PATH_CODES.filter((code) => others.has(code))).toEqual([]);
  });

  for (const language of LANGUAGES) {
    it(`words every code in ${language === 'en' ? 'English' : 'German'} as one full sentence or more`, () => {
      for (const message of VARIANTS) {
        const text = word(language, message);
        expect(text, message.code).not.toMatch(/undefined|null|NaN|\[object|\[[a-z-]+\/[a-z-]+\]/);
        expect(text, message.code).toMatch(/^\S.{10,}[.)]$/);
      }
    });
  }

  it('says every German wording without an English sentence, and differently from the English one', () => {
    for (const message of VARIANTS) {
      const german = word('de', message);
      for (const marker of ENGLISH) expect(` ${german} `.toLowerCase(), `${message.code}: ${german}`).not.toContain(marker);
      expect(englishLines(german), message.code).toEqual([]);
      expect(german, message.code).not.toBe(word('en', message));
    }
  });

  it('names the address, the hop and the services it was given', () => {
    expect(word('en', PATH['second-nat/hop-shared'])).toContain('hop 2, 100.64.0.1');
    expect(word('de', PATH['second-nat/router-no-address'])).toContain('UPnP und NAT-PMP');
    expect(word('en', PATH['second-nat/no-hops'])).toContain('hops 2–4');
    expect(word('de', { ...PATH['second-nat/no-hops'], last: 2 })).toContain('(Hop 2)');
  });

  it.each([
    ['a TTL of 0', { ...PATH['second-nat/hop-private'], ttl: 0 }],
    ['a hop address that is a name', { ...PATH['second-nat/hop-private'], from: 'router.example' }],
    ['a service the router cannot offer', { ...PATH['second-nat/router-no-address'], services: ['telnet'] }],
    ['an extra value', { ...PATH['second-nat/no-probe'], why: 'x' }],
  ])('refuses %s read from a file', (_title, value) => {
    expect(isPathMessage(value)).toBe(false);
  });
});
