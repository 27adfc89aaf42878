// Rules 1 and 2 from the STUN and SIP halves: the evidence says, as codes, which half proved what.
import { describe, expect, it } from 'vitest';
import { signallingRules } from '../../../electron/diagnose/rules';
import type { SipResult } from '../../../electron/diagnose/sip';
import type { BindingEvidence } from '../../../shared/report';
import { wordAll } from '../../../shared/text';

const server = { family: 'IPv4' as const, ip: '203.0.113.10', port: 3478 };
const binding: BindingEvidence = {
  server,
  respondedFrom: server,
  localPort: 65002,
  mapped: { family: 'IPv4', ip: '203.0.113.1', port: 65002 },
  plainMapped: null,
  otherAddress: null,
  responseOrigin: null,
  software: null,
  rttMs: 4,
  retransmissions: 0,
  at: '2026-11-23T21:21:40.263Z',
};
const noAnswer: SipResult = {
  report: { target: '203.0.113.20:5070', reachable: false, status: null, reason: null, rttMs: null, via: { received: null, rport: null }, algSuspected: null },
  evidence: { resolution: null, transports: [], resolved: null, evidence: { code: 'options/no-answer', target: '203.0.113.20:5070', requests: 5, waitedMs: 8000 }, algEvidence: [], algNotes: [], error: null },
};

describe('the signalling rules', () => {
  it('names the STUN server and why nothing usable came back, when the SIP port got no answer', () => {
    const rules = signallingRules({ server, binding: null, error: { code: 'stun/wrong-source', server: '203.0.113.10:3478', requests: 7, waitedMs: 3000, from: ['198.51.100.9:3478'] } }, 65002, null);
    expect(rules).toEqual([
      { id: 'outbound-signalling', status: 'failed', evidence: [{ code: 'signalling/stun-failed', server: '203.0.113.10:3478', port: 65002, reason: 'wrong-source' }] },
      { id: 'inbound-signalling', status: 'untested', evidence: [{ code: 'signalling/inbound-not-tested' }] },
    ]);
    expect(wordAll('de', rules[0]?.evidence ?? [])).toContain('kamen von einer anderen Adresse als vom STUN-Server 203.0.113.10:3478');
  });

  it('fails outbound signalling with the SIP half when the provider does not answer', () => {
    const [outbound, inbound] = signallingRules({ server, binding, error: null }, 65002, noAnswer);
    expect(outbound).toEqual({
      id: 'outbound-signalling',
      status: 'failed',
      evidence: [{ code: 'signalling/stun-out', port: 65002, server: '203.0.113.10:3478', at: binding.at }, noAnswer.evidence.evidence],
    });
    expect(inbound?.evidence.map((message) => message.code)).toEqual(['signalling/stun-in', 'signalling/no-sip-answer-back']);
  });

  it('leaves both untested with the reason when SIP was cancelled or not named', () => {
    expect(signallingRules({ server, binding, error: null }, 65002, 'cancelled')[0]?.evidence[1]).toEqual({ code: 'check/cancelled', check: 'sip' });
    expect(signallingRules({ server, binding, error: null }, 65002, null)[1]?.evidence[1]).toEqual({ code: 'signalling/sip-not-named' });
  });
});
