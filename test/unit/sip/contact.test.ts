import { describe, expect, it } from 'vitest';
import { getHeader, getHeaders, parseSipMessage } from '../../../shared/sip/message';
import { grantedExpires, parseContacts, sameContactUri } from '../../../shared/sip/contact';
import { utf8Encode } from '../../../shared/bytes';
import { KAMAILIO_200_REGISTER } from './fixtures/kamailio-registrar';

describe('the expiry a registrar granted (RFC 3261 §10.2.4)', () => {
  it('reads our contact\'s expires from kamailio\'s 200', () => {
    const message = parseSipMessage(utf8Encode(KAMAILIO_200_REGISTER));
    expect(grantedExpires(getHeaders(message, 'Contact'), getHeader(message, 'Expires'), 'sip:trunk1@127.0.0.1:36198')).toBe(120);
  });

  it('picks our contact among the other bindings of the AOR, commas in names and URIs notwithstanding', () => {
    const values = ['"Desk, left" <sip:trunk1@10.0.0.9:5060;transport=udp>;expires=3600, <sip:trunk1@192.168.100.5:65002>;expires=60', 'sip:trunk1@10.0.0.7;expires=10'];
    expect(parseContacts(values)).toEqual([
      { uri: 'sip:trunk1@10.0.0.9:5060;transport=udp', expires: 3600 },
      { uri: 'sip:trunk1@192.168.100.5:65002', expires: 60 },
      { uri: 'sip:trunk1@10.0.0.7', expires: 10 },
    ]);
    expect(grantedExpires(values, '999', 'sip:trunk1@192.168.100.5:65002')).toBe(60);
  });

  it('falls back to the Expires header when our contact has no expires parameter or is not listed', () => {
    expect(grantedExpires(['<sip:trunk1@192.168.100.5:65002>'], '300', 'sip:trunk1@192.168.100.5:65002')).toBe(300);
    expect(grantedExpires([], '300', 'sip:trunk1@192.168.100.5:65002')).toBe(300);
    expect(grantedExpires([], undefined, 'sip:trunk1@192.168.100.5:65002')).toBeNull();
    expect(grantedExpires(['<sip:trunk1@192.168.100.5:65002>;expires=soon'], 'never', 'sip:trunk1@192.168.100.5:65002')).toBeNull();
  });

  it('compares contact URIs as §19.1.4 does for ours: host and scheme in any case, user and port exactly', () => {
    expect(sameContactUri('SIP:trunk1@Host.Example:5060', 'sip:trunk1@host.example:5060')).toBe(true);
    expect(sameContactUri('sip:Trunk1@host.example:5060', 'sip:trunk1@host.example:5060')).toBe(false);
    expect(sameContactUri('sip:trunk1@host.example', 'sip:trunk1@host.example:5060')).toBe(false);
    expect(sameContactUri('garbage', 'garbage')).toBe(false);
  });

  it('skips what it cannot read and stops at 64 contacts', () => {
    expect(parseContacts(['*', '<unterminated', 'mailto:x@y', ''])).toEqual([]);
    expect(parseContacts([Array.from({ length: 100 }, (_, i) => `<sip:u@10.0.0.${i % 250}>`).join(',')])).toHaveLength(64);
  });
});
