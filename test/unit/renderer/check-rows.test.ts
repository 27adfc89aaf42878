// The Measure step's check list as data (renderer/src/steps/measure/check-rows.ts): where each
// row stands while the one run goes on, and how a finished check came out, from the report alone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECK_KINDS, publicAddressOutcome, ROW_IDS, runningState } from '../../../renderer/src/steps/measure/check-rows';
import { CHECK_IDS } from '../../../shared/checks';
import type { DiagnoseReport, RuleResult } from '../../../shared/report';
import { noInbound, registerReport, withRegistration, wrongCredentials } from '../../support/register-fixture';

const masquerade = JSON.parse(readFileSync('test/fixtures/report-v2-masquerade.json', 'utf8')) as DiagnoseReport;
const randomFully = JSON.parse(readFileSync('test/fixtures/report-v2-random-fully.json', 'utf8')) as DiagnoseReport;
const withRule = (report: DiagnoseReport, id: RuleResult['id'], status: RuleResult['status']): DiagnoseReport => ({
  ...report,
  rules: report.rules.map((rule) => (rule.id === id ? { ...rule, status } : rule)),
});

describe('the rows of the one run', () => {
  it('lists the public address first, then every check the main process runs, in its order', () => {
    expect(ROW_IDS).toEqual(['public-address', ...CHECK_IDS]);
  });

  it('shows the public address running until a check reports, and the checks waiting meanwhile', () => {
    for (const stage of ['ui/start', 'stun/resolve', 'stun/request']) {
      expect(ROW_IDS.map((id) => runningState(id, stage, null))).toEqual(['running', 'waiting', 'waiting', 'waiting', 'waiting', 'waiting']);
    }
  });

  it('shows the check the stage names running, those before it done and those after it waiting', () => {
    expect(ROW_IDS.map((id) => runningState(id, 'sip/options', null))).toEqual(['done', 'done', 'running', 'waiting', 'waiting', 'waiting']);
    expect(ROW_IDS.map((id) => runningState(id, 'register/request', null))).toEqual(['done', 'done', 'done', 'running', 'waiting', 'waiting']);
    expect(ROW_IDS.map((id) => runningState(id, 'diagnose/done', null))).toEqual(['done', 'done', 'done', 'done', 'done', 'done']);
  });

  it('shows a check run again alone waiting until its own stage, whatever else reports', () => {
    expect(runningState('media', 'stun/request', 'media')).toBe('waiting');
    expect(runningState('media', 'media/ports', 'media')).toBe('running');
  });
});

describe('how a finished check came out', () => {
  it('passes the NAT of a supported router and fails a symmetric one', () => {
    expect(CHECK_KINDS.nat.outcome(masquerade)).toBe('ok');
    expect(CHECK_KINDS.nat.outcome(randomFully)).toBe('problem');
  });

  it('judges SIP and the voice ports by the rules they prove: a failed rule is a problem, an untested one not verified', () => {
    expect(CHECK_KINDS.sip.outcome(masquerade)).toBe('ok');
    expect(CHECK_KINDS.media.outcome(masquerade)).toBe('unverified');
    expect(CHECK_KINDS.media.outcome(withRule(withRule(masquerade, 'outbound-media', 'verified'), 'inbound-media', 'verified'))).toBe('ok');
    expect(CHECK_KINDS.media.outcome(withRule(withRule(masquerade, 'outbound-media', 'verified'), 'inbound-media', 'failed'))).toBe('problem');
  });

  it('counts a router that rewrites the STUN answer (MAPPED ≠ XOR-MAPPED) as a problem of the public address', () => {
    expect(publicAddressOutcome(masquerade)).toBe('ok');
    const check = masquerade.checks.publicAddress;
    if (check.binding === null) throw new Error('the fixture has no binding');
    const rewritten = { ...check, binding: { ...check.binding, plainMapped: { family: 'IPv4' as const, ip: '192.168.100.5', port: 65002 } } };
    expect(publicAddressOutcome({ ...masquerade, checks: { ...masquerade.checks, publicAddress: rewritten } })).toBe('problem');
    expect(publicAddressOutcome({ ...masquerade, checks: { ...masquerade.checks, publicAddress: { ...check, ok: false, binding: null } } })).toBe('problem');
  });

  it('runs SIP only with a server, the voice ports unless off, the line quality only when asked', () => {
    const request = { stun: ['stun.sipgate.net:10000'] };
    expect(CHECK_KINDS.sip.runs(request)).toBe(false);
    expect(CHECK_KINDS.sip.runs({ ...request, sip: 'sipconnect.sipgate.de' })).toBe(true);
    expect(CHECK_KINDS.media.runs({ ...request, media: 'off' })).toBe(false);
    expect(CHECK_KINDS.quality.runs({ ...request, qualitySec: 10 })).toBe(true);
  });

  it('runs the registration only with credentials and a SIP server, and judges it by its outcome', () => {
    const register = { user: 'trunk1', password: 's3cr3t-Pa55!' };
    expect(CHECK_KINDS.register.runs({ stun: ['stun.sipgate.net:10000'], sip: 'sipconnect.sipgate.de' })).toBe(false);
    expect(CHECK_KINDS.register.runs({ stun: ['stun.sipgate.net:10000'], sip: 'sipconnect.sipgate.de', register })).toBe(true);
    expect(CHECK_KINDS.register.outcome(withRegistration(masquerade, noInbound()))).toBe('ok');
    expect(CHECK_KINDS.register.outcome(withRegistration(masquerade, wrongCredentials()))).toBe('problem');
    expect(CHECK_KINDS.register.outcome(withRegistration(masquerade, registerReport({ outcome: 'unsupported' })))).toBe('unverified');
    expect(CHECK_KINDS.register.outcome(masquerade)).toBe('unverified');
  });
});
