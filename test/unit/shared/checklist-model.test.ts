import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../../shared/catalog/profiles';
import { buildChecklist, formatPorts } from '../../../shared/checklist/model';
import { ipv6Section, PBX6, SIP6, STUN6 } from '../../support/ipv6-section';
import type { DiagnoseReport, RuleResult } from '../../../shared/report';
import { readReportFixture } from '../../support/report-fixture';

// The lab report as TrunkCheck reads it (upgraded to the current schema).
const report: DiagnoseReport = readReportFixture('report-v2-masquerade.json');
const failing = (id: RuleResult['id'], evidence?: RuleResult['evidence']): DiagnoseReport => ({
  ...report,
  rules: report.rules.map((rule) => (rule.id === id ? { ...rule, status: 'failed', evidence: evidence ?? rule.evidence } : rule)),
});
const site = { name: 'Head office', customer: 'Müller GmbH', technician: 'J. Weiß' };

describe('the checklist model', () => {
  it('fills the four rules of the source document with the real addresses of a lab run', () => {
    const checklist = buildChecklist(report, defaultProfile(), { site, language: 'en' });
    expect(checklist.rules.map((rule) => rule.id)).toEqual(['outbound-signalling', 'inbound-signalling', 'outbound-media', 'inbound-media']);
    const [out, back, voiceOut, voiceIn] = checklist.rules;
    expect(out?.source.addresses).toEqual(['192.168.100.5']);
    expect(formatPorts(out!.source.ports)).toBe('55000-56000, 65002');
    expect(out?.destination.addresses).toEqual(['203.0.113.10', '203.0.113.20']);
    expect(formatPorts(out!.destination.ports)).toBe('3478, 5060');
    expect(formatPorts(back!.destination.ports)).toBe('65002');
    expect(voiceOut?.destination.anyAddress).toBe(true);
    expect(voiceIn?.source.anyAddress).toBe(true);
    expect(out?.status).toBe('verified');
  });

  it('uses the ports the run really used, not the profile defaults', () => {
    const custom = { ...report, local: { ...report.local, sipPort: 51510 }, rtp: { ...report.rtp, range: { from: 40000, to: 40100 } } as DiagnoseReport['rtp'] };
    const checklist = buildChecklist(custom, defaultProfile(), { site, language: 'en' });
    expect(formatPorts(checklist.rules[0]!.source.ports)).toBe('40000-40100, 51510');
    expect(formatPorts(checklist.rules[1]!.destination.ports)).toBe('51510');
    expect(formatPorts(checklist.rules[3]!.destination.ports)).toBe('40000-40100');
  });

  it('names the fix for a failed rule with the real values', () => {
    const checklist = buildChecklist(failing('inbound-media', [{ code: 'media/inbound-not-tested' }]), defaultProfile(), { site, language: 'en' });
    expect(checklist.rules[3]?.fix).toEqual({ code: 'fix/inbound-media', pbxIp: '192.168.100.5', pbxPorts: [{ from: 55000, to: 56000 }] });
    expect(checklist.rules[0]?.fix).toBeNull();
  });

  it('names the far side of a failed signalling rule: the STUN server and SIP provider as measured', () => {
    const checklist = buildChecklist(failing('outbound-signalling'), defaultProfile(), { site, language: 'de' });
    expect(checklist.rules[0]?.fix).toEqual({
      code: 'fix/outbound-signalling',
      pbxIp: '192.168.100.5',
      pbxPorts: [{ from: 55000, to: 56000 }, { from: 65002, to: 65002 }],
      peers: ['203.0.113.10', '203.0.113.20'],
      peerPorts: [{ from: 3478, to: 3478 }, { from: 5060, to: 5060 }],
    });
  });

  it('says "not measured" as a code for a rule the report does not hold', () => {
    const checklist = buildChecklist({ ...report, rules: report.rules.slice(0, 2) }, defaultProfile(), { site, language: 'en' });
    expect(checklist.rules[3]).toMatchObject({ status: 'untested', evidence: [{ code: 'rule/not-measured' }], fix: null });
  });
});

describe('the checklist of a dual-stack PBX', () => {
  const dual = { ...report, ipv6: ipv6Section() };

  it('carries the four IPv6 rules with the PBX\'s IPv6 address beside the four IPv4 rules: eight rules', () => {
    const checklist = buildChecklist(dual, defaultProfile(), { site, language: 'en' });
    expect(checklist.rules.map((rule) => `${rule.family} ${rule.id}`)).toEqual([
      '4 outbound-signalling', '4 inbound-signalling', '4 outbound-media', '4 inbound-media',
      '6 outbound-signalling', '6 inbound-signalling', '6 outbound-media', '6 inbound-media',
    ]);
    const [out6, back6, voiceOut6, voiceIn6] = checklist.rules.slice(4);
    for (const rule of [out6, voiceOut6]) expect(rule?.source.addresses).toEqual([PBX6]);
    for (const rule of [back6, voiceIn6]) expect(rule?.destination.addresses).toEqual([PBX6]);
    // The servers' AAAA addresses and the ports they answered on; no IPv4 address in an IPv6 rule.
    expect(out6?.destination.addresses).toEqual([STUN6, SIP6]);
    expect(back6?.source.addresses).toEqual([STUN6, SIP6]);
    expect(formatPorts(out6!.destination.ports)).toBe('3478, 5060');
    expect(formatPorts(out6!.source.ports)).toBe('55000-56000, 65002');
    expect(voiceIn6?.source.anyAddress).toBe(true);
    expect(JSON.stringify(checklist.rules.slice(4))).not.toMatch(/192\.168\.|203\.0\.113\./);
    expect(checklist.network.ipv6).toEqual({
      pbxIp: PBX6,
      publicIp: PBX6,
      translation: 'none',
      filtering: 'address-and-port-dependent',
      verdict: 'action-needed',
      stun: [{ host: STUN6, ip: STUN6, port: 3478 }],
      sip: { host: SIP6, ip: SIP6, port: 5060 },
    });
  });

  it('takes each IPv6 rule\'s status and evidence from the IPv6 section, and names the IPv6 address in the fix', () => {
    const checklist = buildChecklist(dual, defaultProfile(), { site, language: 'en' });
    expect(checklist.rules.map((rule) => rule.status)).toEqual(['verified', 'verified', 'untested', 'untested', 'verified', 'verified', 'verified', 'failed']);
    expect(checklist.rules[7]?.evidence).toEqual(ipv6Section().rules[3]?.evidence);
    expect(checklist.rules[7]?.fix).toEqual({ code: 'fix/inbound-media', pbxIp: PBX6, pbxPorts: [{ from: 55000, to: 56000 }] });
    expect(checklist.rules[3]?.fix).toBeNull();
  });

  it('keeps an IPv6 STUN server given beside an IPv4 one out of the IPv4 rules (the wizard\'s one STUN server per IP version)', () => {
    const both = { ...dual, stunServers: [...report.stunServers, { host: STUN6, port: 3478 }] };
    const checklist = buildChecklist(both, defaultProfile(), { site, language: 'en' });
    const [out4, back4] = checklist.rules;
    for (const endpoint of [out4?.destination, back4?.source]) {
      expect(endpoint?.addresses.some((address) => address.includes(':')), JSON.stringify(endpoint)).toBe(false);
      expect(endpoint?.hosts).not.toContain(STUN6);
    }
    expect(checklist.rules[4]?.destination.addresses).toEqual([STUN6, SIP6]);
    // The network still names every STUN server the run was given.
    expect(checklist.network.stun.map((server) => server.host)).toContain(STUN6);
  });

  it('keeps the names the AAAA addresses were resolved from', () => {
    const named = { ...dual, ipv6: ipv6Section({ servers: { stun: [{ family: 'IPv6', ip: STUN6, port: 3478, host: 'stun.example.net' }], sip: { family: 'IPv6', ip: SIP6, port: 5060, host: 'sip.example.net' } } }) };
    const checklist = buildChecklist(named, defaultProfile(), { site, language: 'en' });
    expect(checklist.rules[4]?.destination.hosts).toEqual(['stun.example.net', 'sip.example.net']);
    expect(checklist.network.ipv6?.stun).toEqual([{ host: 'stun.example.net', ip: STUN6, port: 3478 }]);
  });

  it('names the servers as configured in the IPv6 rules when none has an IPv6 address, so the exports say which one is missing', () => {
    const noAaaa = { ...dual, stunServers: [{ host: 'stun.example.net', port: 3478 }], ipv6: ipv6Section({ servers: { stun: [], sip: null } }) };
    const rule = buildChecklist(noAaaa, defaultProfile(), { site, language: 'en' }).rules[4];
    expect(rule?.destination.addresses).toEqual([]);
    expect(rule?.destination.hosts).toEqual(['stun.example.net']);
    expect(formatPorts(rule!.destination.ports)).toBe('3478, 5060');
  });

  it('leaves the checklist of a report without an IPv6 section as it was: four IPv4 rules, no IPv6 path', () => {
    const before = buildChecklist(report, defaultProfile(), { site, language: 'en', createdAt: report.startedAt });
    for (const ipv6 of [null, ipv6Section({ address: null, rules: [] })]) {
      expect(buildChecklist({ ...report, ipv6 }, defaultProfile(), { site, language: 'en', createdAt: report.startedAt })).toEqual(before);
    }
    expect(before.rules.map((rule) => rule.family)).toEqual([4, 4, 4, 4]);
    expect(before.network.ipv6).toBeNull();
  });

  it('gives a PBX measured over IPv6 alone its four IPv6 rules once, not twice', () => {
    const only6 = { ...dual, local: { ...report.local, ip: PBX6 } };
    const checklist = buildChecklist(only6, defaultProfile(), { site, language: 'en' });
    expect(checklist.rules.map((rule) => rule.family)).toEqual([6, 6, 6, 6]);
    expect(checklist.network.ipv6).toBeNull();
  });
});
