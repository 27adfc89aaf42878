// The verdict and its "What to do" list, judged by what the PBX needs (issue 13, items 1–3): one
// tiny report per branch, built from a real lab report (reports.ts).
import { describe, expect, it } from 'vitest';
import { LANGUAGES, word } from '../../../shared/text';
import { judgeReport } from '../../../shared/verdict/verdict';
import { FORWARD_CODES, whatToDo, type TodoItem } from '../../../shared/verdict/what-to-do';
import { createReport, inboundMedia, NATS, PBX_IP, rule, SWYXWARE, THREE_CX } from './reports';
import type { DiagnoseReport } from '../../../shared/report';

const codes = (items: readonly TodoItem[]) => items.map((item) => item.message.code);
const fixes = (report: DiagnoseReport) => whatToDo(report).filter((item) => item.kind === 'fix');
const CGN = { doubleNat: 'yes', carrierGrade: 'yes' } as const;
const OWN_SECOND_ROUTER = { doubleNat: 'yes', carrierGrade: 'no' } as const;

describe('the verdict behind a plain masquerade (port restricted cone)', () => {
  it('is ready for SwyxWare, which sends first from every RTP port, with the one-way-audio caveat named', () => {
    const report = createReport({ profile: 'swyxware' });
    expect(judgeReport(report)).toBe('ready');
    expect(whatToDo(report)).toEqual([
      { kind: 'caveat', rule: 'inbound-media', message: { code: 'caveat/one-way-audio', pbxIp: PBX_IP, rtp: SWYXWARE.rtp, behindCgn: false } },
    ]);
    expect(word('en', whatToDo(report)[0]!.message)).toContain('one-way audio; if that happens, forward UDP 55000-56000 to 192.168.100.5');
  });

  it('is ready for Asterisk too, whose profile says it sends first (rtp_symmetric)', () => {
    expect(judgeReport(createReport({ profile: 'asterisk' }))).toBe('ready');
  });

  it('needs action for 3CX, which needs media and SIP from any address: the forward is named', () => {
    const report = createReport({ profile: '3cx' });
    expect(judgeReport(report)).toBe('action-needed');
    expect(fixes(report)).toEqual([{ kind: 'fix', rule: 'inbound-media', message: { code: 'todo/forward', pbxIp: PBX_IP, sipPort: 5060, rtp: THREE_CX.rtp } }]);
    expect(word('en', fixes(report)[0]!.message)).toContain('forward UDP 5060 and UDP 9000-10999 to the PBX (192.168.100.5) with the same ports (1:1)');
    expect(word('de', fixes(report)[0]!.message)).toContain('UDP 5060 und UDP 9000-10999 mit denselben Ports (1:1) an die TK-Anlage (192.168.100.5) weiterleiten');
  });

  it('needs action for 3CX even with the media ports not tested: the NAT test measured the filtering', () => {
    const report = createReport({ profile: '3cx', rules: [rule('outbound-media', 'untested', [{ code: 'media/off' }]), rule('inbound-media', 'untested', [{ code: 'media/off' }])] });
    expect(judgeReport(report)).toBe('action-needed');
    expect(codes(fixes(report))).toEqual(['todo/forward', 'todo/test-media']);
  });

  it('names the inbound rule\'s fix when the return path of a PBX that sends first failed (an older report), and no forward behind carrier-grade NAT', () => {
    const failed = rule('inbound-media', 'failed', [{ code: 'media/needs-return-path' }, { code: 'media/inbound-blocked', from: null, ports: [55000], tested: 12 }]);
    const report = createReport({ profile: 'swyxware', rules: [failed] });
    expect(judgeReport(report)).toBe('action-needed');
    expect(fixes(report)).toEqual([{ kind: 'fix', rule: 'inbound-media', message: { code: 'fix/inbound-media', pbxIp: PBX_IP, pbxPorts: [SWYXWARE.rtp] } }]);
    const behindCgn = createReport({ profile: 'swyxware', rules: [failed], nat: CGN });
    expect(codes(fixes(behindCgn))).toEqual(['todo/cgn-public-address']);
  });

  it('judges a custom profile by the need the person named', () => {
    expect(judgeReport(createReport({ profile: 'custom', pbx: THREE_CX }))).toBe('action-needed');
    expect(judgeReport(createReport({ profile: 'custom', pbx: SWYXWARE }))).toBe('ready');
  });
});

describe('the verdict behind a 1:1 mapping (full cone)', () => {
  it('is ready for both, and SwyxWare has no caveat: media from unknown addresses gets in', () => {
    for (const profile of ['swyxware', '3cx'] as const) {
      const report = createReport({ profile, nat: { ...NATS.fullCone, supported: true } });
      expect(judgeReport(report), profile).toBe('ready');
      expect(whatToDo(report), profile).toEqual([]);
    }
  });
});

describe('blocked: the PBX cannot work in this network as it is', () => {
  it('behind symmetric NAT (random-fully), with the static forward and the static port as the ways out', () => {
    const report = createReport({ nat: NATS.symmetric });
    expect(judgeReport(report)).toBe('blocked');
    expect(codes(fixes(report))).toEqual(['nat-fix/symmetric-forward', 'nat-fix/symmetric-static']);
  });

  it('when UDP is blocked, with the rule to allow it', () => {
    const stunFailed = rule('outbound-signalling', 'failed', [{ code: 'signalling/stun-failed', server: '203.0.113.10:3478', port: 65002, reason: 'timeout' }]);
    const report = createReport({ nat: NATS.blocked, rules: [stunFailed, rule('inbound-signalling', 'untested', [{ code: 'signalling/inbound-not-tested' }]), rule('outbound-media', 'untested', [{ code: 'media/no-stun-answer' }]), rule('inbound-media', 'untested', [{ code: 'media/no-stun-answer' }])] });
    expect(judgeReport(report)).toBe('blocked');
    expect(fixes(report)).toEqual([{ kind: 'fix', rule: 'outbound-signalling', message: { code: 'nat-fix/blocked', pbxIp: PBX_IP, sipPort: 65002, rtp: SWYXWARE.rtp } }]);
  });

  it('behind the provider’s carrier-grade NAT for 3CX: no forward can let unasked traffic in', () => {
    const report = createReport({ profile: '3cx', nat: CGN });
    expect(judgeReport(report)).toBe('blocked');
    expect(codes(fixes(report))).toEqual(['todo/cgn-public-address']);
  });
});

describe('behind the provider’s carrier-grade NAT, no item says "forward ports on the router"', () => {
  const cases: [string, DiagnoseReport][] = [
    ['3CX', createReport({ profile: '3cx', nat: CGN })],
    ['3CX without media ports', createReport({ profile: '3cx', nat: CGN, rules: [rule('inbound-media', 'untested', [{ code: 'media/off' }])] })],
    ['SwyxWare', createReport({ nat: CGN })],
    ['symmetric NAT', createReport({ nat: { ...NATS.symmetric, ...CGN } })],
    ['a custom any-source PBX', createReport({ profile: 'custom', pbx: THREE_CX, nat: CGN })],
  ];
  it.each(cases)('%s', (_name, report) => {
    const items = whatToDo(report);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(FORWARD_CODES, item.message.code).not.toContain(item.message.code);
    for (const language of LANGUAGES) for (const item of items) expect(word(language, item.message)).not.toMatch(/forward (UDP|that range)|weiterleiten,? (und|mit)|statisch an/i);
  });

  it('says what works for a PBX that sends first: ready, with the keep-alive and a public address as the fix for one-way audio', () => {
    const report = createReport({ nat: CGN });
    expect(judgeReport(report)).toBe('ready');
    expect(whatToDo(report)).toEqual([
      { kind: 'caveat', rule: 'inbound-media', message: { code: 'caveat/one-way-audio', pbxIp: PBX_IP, rtp: SWYXWARE.rtp, behindCgn: true } },
      { kind: 'caveat', rule: null, message: { code: 'todo/cgn-keepalive', seconds: 10 } },
    ]);
    expect(word('en', whatToDo(report)[0]!.message)).toContain('ask the provider for a public IPv4 address or an IPv6 SIP trunk');
  });
});

describe('behind a second router of the customer’s own', () => {
  it('names the forward on both routers, or bridge mode, for 3CX', () => {
    const report = createReport({ profile: '3cx', nat: OWN_SECOND_ROUTER });
    expect(judgeReport(report)).toBe('action-needed');
    expect(fixes(report)).toEqual([{ kind: 'fix', rule: 'inbound-media', message: { code: 'todo/forward-both-routers', pbxIp: PBX_IP, sipPort: 5060, rtp: THREE_CX.rtp } }]);
    expect(word('en', fixes(report)[0]!.message)).toContain('bridge mode');
  });
});

describe('IP fragments dropped on the way', () => {
  it('needs action on an otherwise ready line: allow fragments, or SIP over TCP/TLS', () => {
    for (const fragments of [{ outbound: 'dropped', inbound: 'passes' }, { outbound: 'passes', inbound: 'dropped' }] as const) {
      const report = createReport({ fragments });
      expect(judgeReport(report)).toBe('action-needed');
      expect(codes(fixes(report))).toEqual(['todo/fragments-allow', 'todo/fragments-tcp']);
    }
    expect(word('en', { code: 'todo/fragments-tcp' })).toContain('RFC 3261 §18.1.1');
    expect(judgeReport(createReport({ fragments: { outbound: 'passes', inbound: 'untested' } }))).toBe('ready');
  });
});

describe('incomplete: nothing failed, but something the PBX needs was not tested', () => {
  it('when the media check was cancelled, with the check to run again', () => {
    const cancelled = rule('inbound-media', 'untested', [{ code: 'check/cancelled', check: 'media' }]);
    const report = createReport({ cancelled: ['media'], rules: [rule('outbound-media', 'untested', [{ code: 'check/cancelled', check: 'media' }]), cancelled] });
    expect(judgeReport(report)).toBe('incomplete');
    expect(fixes(report)).toEqual([{ kind: 'fix', rule: 'inbound-media', message: { code: 'todo/run-again', check: 'media' } }]);
  });

  it('when the mapping was not measured (no RFC 5780 server): a symmetric NAT is not ruled out', () => {
    const report = createReport({ nat: NATS.unknown, rules: [inboundMedia('return-path', 'filtered')] });
    expect(judgeReport(report)).toBe('incomplete');
    expect(codes(fixes(report))).toEqual(['nat-fix/unknown']);
  });

  it('when no SIP server was named', () => {
    const why = { code: 'signalling/sip-not-named' } as const;
    const report = createReport({ rules: [rule('outbound-signalling', 'untested', [why]), rule('inbound-signalling', 'untested', [why])] });
    expect(judgeReport(report)).toBe('incomplete');
    expect(codes(fixes(report))).toEqual(['todo/name-sip-server']);
  });
});

describe('a failed rule the user can fix', () => {
  it('needs action when the provider does not answer SIP, with the rule’s own fix', () => {
    const report = createReport({ rules: [rule('outbound-signalling', 'failed', [{ code: 'options/no-answer', target: '203.0.113.20:5060', requests: 7, waitedMs: 32000 }])] });
    expect(judgeReport(report)).toBe('action-needed');
    expect(fixes(report)).toMatchObject([{ rule: 'outbound-signalling', message: { code: 'fix/outbound-signalling', pbxIp: PBX_IP } }]);
  });
});

describe('what the router says of itself', () => {
  it('is a note with its security line when it offers port mappings, and changes no verdict', () => {
    const report = createReport({ gateway: { ip: '192.168.100.1', externalIp: '203.0.113.1', portMapping: { upnp: true, natPmp: false, pcp: true } } });
    expect(judgeReport(report)).toBe('ready');
    expect(whatToDo(report).at(-1)).toEqual({ kind: 'note', rule: null, message: { code: 'note/port-mapping-offered', services: ['upnp', 'pcp'] } });
    expect(word('en', whatToDo(report).at(-1)!.message)).toContain('TrunkCheck never creates a mapping');
    expect(word('de', whatToDo(report).at(-1)!.message)).toContain('TrunkCheck legt nie eine Zuordnung an');
  });
});
