import { describe, expect, it } from 'vitest';
import { algAdvice, assessAlg, type AlgInput } from '../../../electron/sip/alg';
import { word } from '../../../shared/text';
import type { SipMessage } from '../../../shared/text/messages/sip';

const english = (messages: readonly SipMessage[]): string[] => messages.map((message) => word('en', message));

const sentVia = 'SIP/2.0/UDP 192.168.100.5:65002;branch=z9hG4bK1;rport';
const mapped = { family: 'IPv4', ip: '203.0.113.1', port: 65002 } as const;
const base: AlgInput = {
  sentVia,
  sentFromLocal: { ip: '192.168.100.5', port: 65002 },
  stunMapped: mapped,
  response: { topVia: 'SIP/2.0/UDP 192.168.100.5:65002;branch=z9hG4bK1;rport=65002;received=203.0.113.1' },
};
const withVia = (topVia: string, extra: Partial<AlgInput> = {}) => assessAlg({ ...base, ...extra, response: { topVia } });

describe('SIP ALG assessment', () => {
  it('finds nothing behind a plain NAT: the provider saw what STUN saw, and the Via came back as sent', () => {
    const result = assessAlg(base);
    expect(result).toMatchObject({ suspected: false, evidence: [] });
    expect(result.notes).toEqual([{ code: 'sip-alg/consistent', seen: '203.0.113.1:65002' }]);
    expect(english(result.notes)).toEqual(['The provider saw the request from 203.0.113.1:65002, as STUN did, and returned the Via unchanged: no sign of a SIP ALG.']);
  });

  it('suspects an ALG when the Via sent-by came back rewritten', () => {
    const result = withVia('SIP/2.0/UDP 203.0.113.1:65002;branch=z9hG4bK1;rport=65002;received=203.0.113.1');
    expect(result.suspected).toBe(true);
    expect(result.evidence).toEqual([{ code: 'sip-alg/via-rewritten', got: '203.0.113.1:65002', sent: '192.168.100.5:65002' }]);
    expect(english(result.evidence)).toEqual([
      "The provider's answer carries the Via address 203.0.113.1:65002, but TrunkCheck sent 192.168.100.5:65002: a device on the path (a SIP ALG) rewrote the Via header.",
    ]);
  });

  it('suspects an ALG when received is missing although a private sent-by reached the provider from a public address', () => {
    const result = withVia('SIP/2.0/UDP 192.168.100.5:65002;branch=z9hG4bK1;rport=65002');
    expect(result.suspected).toBe(true);
    expect(result.evidence).toEqual([{ code: 'sip-alg/no-received', local: '192.168.100.5', mapped: '203.0.113.1:65002' }]);
    expect(english(result.evidence)[0]).toMatch(/private address 192\.168\.100\.5 and STUN sees it as 203\.0\.113\.1:65002, yet the provider's answer names no "received" address/);
  });

  it('does not expect received where STUN shows no public mapping (loopback, carrier-grade NAT)', () => {
    expect(withVia('SIP/2.0/UDP 192.168.100.5:65002;branch=z9hG4bK1;rport=65002', { stunMapped: { family: 'IPv4', ip: '100.64.0.9', port: 65002 } }).evidence).toEqual([]);
    expect(withVia('SIP/2.0/UDP 192.168.100.5:65002;branch=z9hG4bK1;rport=65002', { stunMapped: null }).notes).toContainEqual({ code: 'sip-alg/no-stun' });
  });

  it('names a private received address as the ALG rewriting the answer (what Linux nf_nat_sip does)', () => {
    const result = withVia('SIP/2.0/UDP 192.168.100.5:65002;branch=z9hG4bK1;rport=65002;received=192.168.100.5');
    expect(result.suspected).toBe(true);
    expect(result.evidence).toEqual([{ code: 'sip-alg/private-received', received: '192.168.100.5', mapped: '203.0.113.1' }]);
    expect(english(result.evidence)).toEqual([
      "The provider's answer says it received the request from 192.168.100.5, a private address no server on the internet can see, while STUN sees 203.0.113.1: the router's SIP ALG rewrote the answer on its way back.",
    ]);
  });

  it('suspects an ALG when received or rport disagree with STUN on an endpoint-independent NAT', () => {
    const result = withVia('SIP/2.0/UDP 192.168.100.5:65002;branch=z9hG4bK1;rport=1024;received=198.51.100.9', { mapping: 'endpoint-independent' });
    expect(result.suspected).toBe(true);
    expect(result.evidence).toEqual([
      { code: 'sip-alg/received-differs', received: '198.51.100.9', mapped: '203.0.113.1' },
      { code: 'sip-alg/rport-differs', rport: 1024, mapped: 65002 },
    ]);
    expect(english(result.evidence)).toEqual([
      'The provider saw the request coming from 198.51.100.9, but STUN saw 203.0.113.1 for the same socket: something on the path rewrites SIP addresses.',
      'The provider saw the request coming from port 1024, but STUN saw port 65002 for the same socket: either the NAT gives the SIP server another port than the STUN server, or a SIP ALG rewrote the rport parameter.',
    ]);
  });

  it('explains a different port by a symmetric NAT instead of blaming an ALG', () => {
    const result = withVia('SIP/2.0/UDP 192.168.100.5:65002;branch=z9hG4bK1;rport=31337;received=203.0.113.1', { mapping: 'address-and-port-dependent' });
    expect(result.suspected).toBe(false);
    expect(result.notes).toEqual([{ code: 'sip-alg/rport-split', rport: 31337, mapped: 65002 }]);
    expect(english(result.notes)).toEqual(['The provider saw the request from port 31337, STUN from port 65002: expected, as this NAT gives each destination its own port.']);
  });

  it('notes a provider that ignores rport, and leaves the ALG unknown when a Via cannot be read', () => {
    expect(withVia('SIP/2.0/UDP 192.168.100.5:65002;branch=z9hG4bK1;received=203.0.113.1').notes[0]).toEqual({ code: 'sip-alg/no-rport' });
    expect(withVia('garbage')).toEqual({ suspected: null, evidence: [], notes: [{ code: 'sip-alg/via-unreadable' }] });
  });

  it('suspects an ALG when the Via host came back rewritten while rport was filled', () => {
    // What a server sees behind an ALG that rewrote the request's Via to the public address: the
    // sent-by matches the source, so it fills rport and adds no received (kamailio does so).
    const result = withVia('SIP/2.0/UDP 203.0.113.1:65002;branch=z9hG4bK1;rport=65002');
    expect(result.suspected).toBe(true);
    expect(result.evidence.map((message) => message.code)).toEqual(['sip-alg/via-rewritten', 'sip-alg/no-received']);
  });

  it('leaves the ALG unknown, not suspected, when the provider echoes the Via without received or rport', () => {
    // A plain masquerade with no ALG, and a server that ignores RFC 3261 §18.2.1 and RFC 3581 §4.
    const result = withVia(sentVia);
    expect(result).toEqual({ suspected: null, evidence: [], notes: [{ code: 'sip-alg/via-echoed' }] });
    expect(english(result.notes)[0]).toMatch(/without "received" or "rport".*shows neither a SIP ALG nor its absence/);
    expect(word('de', result.notes[0] as SipMessage)).toMatch(/weder ein SIP-ALG noch/);
  });

  it('does not accuse on a changed Via from a provider that gives no received or rport either', () => {
    const result = withVia('SIP/2.0/UDP 203.0.113.1:65002;branch=z9hG4bK1;rport');
    expect(result).toEqual({ suspected: null, evidence: [], notes: [{ code: 'sip-alg/via-changed', got: '203.0.113.1:65002', sent: '192.168.100.5:65002' }] });
  });

  it('leaves the ALG unknown without a STUN mapping to compare the provider\'s view with', () => {
    const result = assessAlg({ ...base, stunMapped: null });
    expect(result.suspected).toBeNull();
    expect(result.notes).toContainEqual({ code: 'sip-alg/no-stun' });
  });

  describe('evidence besides the Via', () => {
    const sentHeaders = { from: '"TrunkCheck" <sip:trunkcheck@192.168.100.5>;tag=abc', contact: '<sip:trunkcheck@192.168.100.5:65002>' };
    const echo = (headers: { name: string; value: string }[], extra: Partial<AlgInput> = {}) =>
      assessAlg({ ...base, ...extra, sentHeaders, response: { topVia: sentVia, headers } });

    it('suspects an ALG when the echoed Contact came back with the public address, though the Via says nothing', () => {
      const result = echo([{ name: 'From', value: sentHeaders.from }, { name: 'Contact', value: '<sip:trunkcheck@203.0.113.1:65002>' }]);
      expect(result.suspected).toBe(true);
      expect(result.evidence).toEqual([{ code: 'sip-alg/header-rewritten', header: 'contact', sent: '192.168.100.5:65002', got: '203.0.113.1:65002' }]);
      expect(result.notes).toEqual([{ code: 'sip-alg/via-echoed' }]);
      expect(english(result.evidence)[0]).toMatch(/Contact header with 203\.0\.113\.1:65002, but TrunkCheck sent 192\.168\.100\.5:65002/);
    });

    it('suspects an ALG when the From, which a response must copy (RFC 3261 §8.2.6.2), came back rewritten', () => {
      const result = echo([{ name: 'From', value: '"TrunkCheck" <sip:trunkcheck@203.0.113.1>;tag=abc' }]);
      expect(result.evidence).toEqual([{ code: 'sip-alg/header-rewritten', header: 'from', sent: '192.168.100.5', got: '203.0.113.1' }]);
    });

    it('takes the provider\'s own Contact and an unchanged echo for what they are', () => {
      const result = echo([{ name: 'From', value: sentHeaders.from }, { name: 'Contact', value: '<sip:203.0.113.20:5060>' }, { name: 'Contact', value: '<sip:kamailio@203.0.113.20>' }]);
      expect(result).toEqual({ suspected: null, evidence: [], notes: [{ code: 'sip-alg/via-echoed' }] });
      expect(echo([{ name: 'Contact', value: sentHeaders.contact }]).suspected).toBeNull();
    });

    it('suspects an ALG when the STUN answer\'s MAPPED-ADDRESS differs from its XOR-MAPPED-ADDRESS', () => {
      const result = echo([], { stunPlainMapped: { family: 'IPv4', ip: '192.168.100.5', port: 65002 } });
      expect(result.suspected).toBe(true);
      expect(result.evidence).toEqual([{ code: 'sip-alg/stun-rewritten', plain: '192.168.100.5:65002', mapped: '203.0.113.1:65002' }]);
      expect(echo([], { stunPlainMapped: mapped }).suspected).toBeNull();
    });
  });

  it('finds nothing without NAT (the PBX has a public address)', () => {
    const result = assessAlg({
      sentVia: 'SIP/2.0/UDP 198.51.100.5:5060;branch=z9hG4bK1;rport',
      sentFromLocal: { ip: '198.51.100.5', port: 5060 },
      stunMapped: { family: 'IPv4', ip: '198.51.100.5', port: 5060 },
      response: { topVia: 'SIP/2.0/UDP 198.51.100.5:5060;branch=z9hG4bK1;rport=5060;received=198.51.100.5' },
    });
    expect(result.suspected).toBe(false);
  });

  it('gives switch-off advice for the common routers, each with its source', () => {
    const advice = algAdvice();
    expect(advice.map((entry) => entry.device)).toEqual(
      expect.arrayContaining(['FortiGate', 'AVM FRITZ!Box', 'MikroTik RouterOS', 'pfSense / OPNsense', 'Linux (iptables / nftables)']),
    );
    expect(advice.every((entry) => entry.source.length > 0)).toBe(true);
    // The commands are the same in both languages: the device takes them as they are.
    for (const language of ['en', 'de'] as const) {
      const text = advice.map((entry) => word(language, entry.advice)).join('\n');
      expect(text).toContain('set default-voip-alg-mode kernel-helper-based');
      expect(text).toContain('/ip firewall service-port disable sip');
      expect(text).toContain('nf_conntrack_sip');
    }
  });
});
