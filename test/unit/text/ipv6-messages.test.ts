// Every code of the IPv6 area, worded in both languages (as area-messages.test.ts does for the
// other areas): a sample per code, and German without an English sentence.
import { describe, expect, it } from 'vitest';
import { LANGUAGES, word, isMessage } from '../../../shared/text';
import { CHANGE_CODES } from '../../../shared/text/messages/history';
import { FRAGMENT_CODES } from '../../../shared/text/messages/fragments';
import { IPV6_CODES, isIpv6Message, type Ipv6Code, type Ipv6MessageOf } from '../../../shared/text/messages/ipv6';
import { MONITOR_CODES } from '../../../shared/text/messages/monitor';
import { NAT_CODES } from '../../../shared/text/messages/nat';
import { PROGRESS_CODES } from '../../../shared/text/messages/progress';
import { QUALITY_CODES } from '../../../shared/text/messages/quality';
import { RULE_CODES } from '../../../shared/text/messages/rules';
import { SIP_CODES } from '../../../shared/text/messages/sip';
import { englishLines } from '../../support/english';

const PBX6 = '2001:db8::5';

const IPV6: { readonly [C in Ipv6Code]: Ipv6MessageOf<C> } = {
  'ipv6/no-global-address': { code: 'ipv6/no-global-address' },
  'ipv6/no-server-address': { code: 'ipv6/no-server-address', hosts: ['stun.example.net', 'sip.example.net'] },
  'ipv6/not-measured': { code: 'ipv6/not-measured', address: PBX6, error: { code: 'net/port-in-use', port: 5060 } },
  'ipv6/own-address': { code: 'ipv6/own-address', address: PBX6 },
  'ipv6/translated': { code: 'ipv6/translated', local: PBX6, mapped: '2001:db8:ff::5' },
  'ipv6/firewall-open': { code: 'ipv6/firewall-open', address: PBX6 },
  'ipv6/firewall-stateful': { code: 'ipv6/firewall-stateful', address: PBX6 },
  'ipv6-fix/firewall': { code: 'ipv6-fix/firewall', address: PBX6, sipPort: 5060, rtp: { from: 9000, to: 10999 } },
  'ipv6-advice/use-ipv6': { code: 'ipv6-advice/use-ipv6', address: PBX6 },
};

// Everyday English words; none is German or a protocol name (as in area-messages.test.ts).
const ENGLISH = [' the ', ' was ', ' were ', ' from ', ' could ', ' not ', ' and ', ' with ', ' is ', ' of ', ' to ', ' answered', ' request ', 'allow ', ' any ', ' by ', ' no ', ' this ', ' which ', ' only ', ' every ', ' ask '];

describe('the wording of the IPv6 path', () => {
  it('has a sample for every code, each passing the check a report reader uses', () => {
    expect(Object.keys(IPV6).sort()).toEqual([...IPV6_CODES].sort());
    for (const message of Object.values(IPV6)) {
      expect(isIpv6Message(message), JSON.stringify(message)).toBe(true);
      expect(isMessage(message)).toBe(true);
    }
  });

  it('shares no code with another area', () => {
    const all = [...RULE_CODES, ...NAT_CODES, ...SIP_CODES, ...QUALITY_CODES, ...MONITOR_CODES, ...PROGRESS_CODES, ...CHANGE_CODES, ...FRAGMENT_CODES, ...IPV6_CODES];
    expect(new Set(all).size).toBe(all.length);
  });

  it.each([
    ['an address with a command', { ...IPV6['ipv6/own-address'], address: '2001:db8::5; reboot' }],
    ['a name where an address belongs', { ...IPV6['ipv6/translated'], mapped: 'nat.example.net' }],
    ['a value too many', { ...IPV6['ipv6/no-global-address'], address: PBX6 }],
    ['a host list that is text', { ...IPV6['ipv6/no-server-address'], hosts: 'stun.example.net' }],
    ['an error that is a sentence', { ...IPV6['ipv6/not-measured'], error: { code: 'legacy/text', text: 'Port 5060 is taken.' } }],
    ['an error of no known code', { ...IPV6['ipv6/not-measured'], error: { code: 'net/on-fire', port: 5060 } }],
  ])('refuses %s read from a file', (_name, value) => {
    expect(isMessage(value)).toBe(false);
  });

  for (const language of LANGUAGES) {
    it(`words every code in ${language === 'en' ? 'English' : 'German'} as one full sentence or more`, () => {
      for (const message of Object.values(IPV6)) {
        const text = word(language, message);
        expect(text, message.code).not.toMatch(/undefined|null|NaN|\[object/);
        expect(text, message.code).toMatch(/^\S.{10,}[.)]$/);
      }
    });
  }

  it('says every German wording without an English word, and differently from the English', () => {
    for (const message of Object.values(IPV6)) {
      const text = ` ${word('de', message)} `;
      for (const marker of ENGLISH) expect(text.toLowerCase(), `${message.code}: ${text}`).not.toContain(marker);
      expect(englishLines(text)).toEqual([]);
      expect(word('de', message)).not.toBe(word('en', message));
    }
  });

  it('names the addresses and the RFC of the translation', () => {
    expect(word('en', IPV6['ipv6/translated'])).toContain('saw 2001:db8:ff::5, not the PBX\'s own address 2001:db8::5');
    expect(word('en', IPV6['ipv6/translated'])).toContain('RFC 6296');
    expect(word('de', IPV6['ipv6/no-server-address'])).toContain('stun.example.net, sip.example.net');
    expect(word('en', IPV6['ipv6-advice/use-ipv6'])).toContain('register the PBX with 2001:db8::5');
    // The socket's error as the IPv4 path words it, after what it means for the IPv6 path.
    expect(word('en', IPV6['ipv6/not-measured'])).toBe(`Nothing was measured over IPv6 from 2001:db8::5. ${word('en', { code: 'net/port-in-use', port: 5060 })}`);
    expect(word('de', IPV6['ipv6/not-measured'])).toContain('UDP-Port 5060');
  });
});
