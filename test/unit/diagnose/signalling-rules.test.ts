// Rules 1 and 2 from the STUN and SIP halves: the evidence says, as codes, which half proved what.
import { describe, expect, it } from 'vitest';
import { signallingRules } from '../../../electron/diagnose/rules';
import type { SipResult } from '../../../electron/diagnose/sip';
import type { BindingEvidence } from '../../../shared/report';
import { wordAll } from '../../../shared/text';
import { noInbound, registerReport } from '../../support/register-fixture';

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

  it('proves inbound signalling with the provider\'s own request after the registration, and says so', () => {
    const answered: SipResult = {
      report: { target: '203.0.113.20:5060', reachable: true, status: 200, reason: 'OK', rttMs: 4, via: { received: '203.0.113.1', rport: 65002 }, algSuspected: false },
      evidence: { ...noAnswer.evidence, resolved: { family: 'IPv4', ip: '203.0.113.20', port: 5060 }, evidence: { code: 'options/answered', target: '203.0.113.20:5060', status: 200, reason: 'OK', server: null, rttMs: 4, received: '203.0.113.1', rport: 65002 } },
    };
    const [outbound, inbound] = signallingRules({ server, binding, error: null }, 65002, answered, registerReport());
    expect(outbound?.evidence.at(-1)).toEqual({ code: 'register/answered', target: '203.0.113.20:5060', status: 200, reason: 'OK' });
    expect(inbound?.status).toBe('verified');
    expect(inbound?.evidence.at(-1)).toEqual({ code: 'register/inbound-received', port: 65002, method: 'OPTIONS', from: '203.0.113.20:5060', afterMs: 2400 });
    expect(wordAll('en', inbound?.evidence ?? [])).toContain("The provider's own OPTIONS from 203.0.113.20:5060 reached UDP 65002 unasked, 2.4 s after the registration");
    expect(signallingRules({ server, binding, error: null }, 65002, answered, noInbound())[1]?.evidence.at(-1)).toEqual({ code: 'register/no-inbound', port: 65002, waitedMs: 30000 });
  });

  it('counts a REGISTER answer as the SIP half when the provider ignores OPTIONS', () => {
    const silent: SipResult = { ...noAnswer, evidence: { ...noAnswer.evidence, resolved: { family: 'IPv4', ip: '203.0.113.20', port: 5070 } } };
    const [outbound, inbound] = signallingRules({ server, binding, error: null }, 65002, silent, registerReport({ inbound: null }));
    expect(outbound?.status).toBe('verified');
    expect(outbound?.evidence.map((message) => message.code)).toEqual(['signalling/stun-out', 'register/answered']);
    expect(inbound).toEqual({
      id: 'inbound-signalling',
      status: 'verified',
      evidence: [{ code: 'signalling/stun-in', port: 65002, from: '203.0.113.10:3478' }, { code: 'signalling/sip-answer-in', port: 65002, status: 200, reason: 'OK', from: '203.0.113.20:5070' }],
    });
  });

  it('leaves the rules as OPTIONS left them when REGISTER got no answer either', () => {
    const silent: SipResult = { ...noAnswer, evidence: { ...noAnswer.evidence, resolved: { family: 'IPv4', ip: '203.0.113.20', port: 5070 } } };
    const register = registerReport({ outcome: 'no-answer', status: null, reason: null, unregistered: null, inbound: null });
    expect(signallingRules({ server, binding, error: null }, 65002, silent, register)).toEqual(signallingRules({ server, binding, error: null }, 65002, silent));
  });
});
