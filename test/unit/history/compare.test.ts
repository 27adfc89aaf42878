import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareReports as compareMessages, type ReportChange } from '../../../shared/history/compare';
import type { DiagnoseReport, RuleResult, SipReport } from '../../../shared/report';
import { word, type Language } from '../../../shared/text';

// Two real runs from the NAT lab: plain masquerade (port restricted cone), then the same router
// with --random-fully (symmetric).
const masquerade = JSON.parse(readFileSync('test/fixtures/report-masquerade.json', 'utf8')) as DiagnoseReport;
const randomFully = JSON.parse(readFileSync('test/fixtures/report-random-fully.json', 'utf8')) as DiagnoseReport;

// The changes as codes, worded as a reader of `language` sees them.
const worded = (changes: readonly ReportChange[], language: Language) => changes.map(({ topic, severity, message }) => ({ topic, severity, sentence: word(language, message) }));
const compareReports = (older: DiagnoseReport, newer: DiagnoseReport, language: Language = 'en') => worded(compareMessages(older, newer), language);

function createReport(overrides: Partial<DiagnoseReport> = {}): DiagnoseReport {
  return { ...masquerade, ...overrides };
}
const withRule = (report: DiagnoseReport, id: RuleResult['id'], status: RuleResult['status']): DiagnoseReport => ({
  ...report,
  rules: report.rules.map((rule) => (rule.id === id ? { ...rule, status } : rule)),
});
const withSip = (report: DiagnoseReport, sip: Partial<SipReport> | null): DiagnoseReport => ({ ...report, sip: sip === null ? null : { ...(report.sip as SipReport), ...sip } });

describe('comparing two diagnoses of a site', () => {
  it('says what the switch to --random-fully changed, most important first', () => {
    expect(compareReports(masquerade, randomFully).map((change) => change.sentence)).toEqual([
      'The verdict changed from incomplete to blocked.',
      'NAT type changed from port restricted cone NAT to symmetric NAT, which the PBX does not support.',
      'Mapping behaviour changed from endpoint-independent to address-and-port-dependent.',
      'The NAT no longer keeps the local port 65002 as the public port.',
      'Public address changed from 203.0.113.1:65002 to 203.0.113.1:62553.',
      "The provider now sees the PBX's SIP traffic coming from 203.0.113.1:54675 (was 203.0.113.1:65002).",
    ]);
  });

  it('marks what got worse and what got better', () => {
    const worse = compareReports(masquerade, randomFully);
    expect(worse.filter((change) => change.severity === 'worse').map((change) => change.topic)).toEqual(['verdict', 'nat', 'nat']);
    const better = compareReports(randomFully, masquerade);
    expect(better[0]).toEqual({ topic: 'verdict', severity: 'better', sentence: 'The verdict changed from blocked to incomplete.' });
    expect(better[1]?.sentence).toBe('NAT type changed from symmetric NAT to port restricted cone NAT, which the PBX supports.');
  });

  it('finds nothing between a report and itself', () => {
    expect(compareReports(masquerade, masquerade)).toEqual([]);
  });

  it('names a rule that now fails', () => {
    const before = withRule(masquerade, 'inbound-media', 'verified');
    const after = withRule(masquerade, 'inbound-media', 'failed');
    expect(compareReports(before, after)).toEqual([{ topic: 'rule', severity: 'worse', sentence: 'Rule inbound-media now fails (was verified).' }]);
    expect(compareReports(after, before)[0]?.sentence).toBe('Rule inbound-media is now verified (failed before).');
    expect(compareReports(masquerade, before)[0]).toEqual({ topic: 'rule', severity: 'better', sentence: 'Rule inbound-media is now verified (was not tested).' });
  });

  it('says when the SIP provider no longer answers, and when it answers again', () => {
    const silent = withSip(masquerade, { reachable: false, status: null, reason: null, rttMs: null, via: { received: null, rport: null } });
    expect(compareReports(masquerade, silent)).toEqual([{ topic: 'sip', severity: 'worse', sentence: 'SIP provider 203.0.113.20:5060 no longer answers.' }]);
    expect(compareReports(silent, masquerade)[0]?.sentence).toBe('SIP provider 203.0.113.20:5060 answers now (200 OK; it did not before).');
  });

  it('says when the provider answers with another status, or a SIP ALG appears', () => {
    const refused = withSip(masquerade, { status: 403, reason: 'Forbidden', algSuspected: true });
    expect(compareReports(masquerade, refused).map(({ severity, sentence }) => [severity, sentence])).toEqual([
      ['worse', 'SIP provider 203.0.113.20:5060 now answers 403 Forbidden (was 200 OK).'],
      ['worse', 'A SIP ALG is now suspected in the path.'],
    ]);
  });

  it('says when the public address could not be found any more', () => {
    const lost = createReport({ publicAddress: null });
    expect(compareReports(masquerade, lost)).toEqual([{ topic: 'public-address', severity: 'worse', sentence: 'No public address was found this time (was 203.0.113.1:65002).' }]);
  });

  it('reports a new public IP after a reconnect as information, not as a fault', () => {
    const reconnected = createReport({ publicAddress: { ip: '198.51.100.7', port: 65002 } });
    expect(compareReports(masquerade, reconnected)).toEqual([{ topic: 'public-address', severity: 'info', sentence: 'Public address changed from 203.0.113.1:65002 to 198.51.100.7:65002.' }]);
  });

  it('does not call a value one run did not measure a change', () => {
    const withLifetime = createReport({ nat: { ...masquerade.nat, bindingLifetimeSec: 120, hairpinning: null } });
    expect(compareReports(masquerade, withLifetime)).toEqual([]);
    const shorter = createReport({ nat: { ...masquerade.nat, bindingLifetimeSec: 30 } });
    expect(compareReports(withLifetime, shorter)).toEqual([{ topic: 'nat', severity: 'worse', sentence: 'The NAT binding now lasts 30 s (was 120 s).' }]);
  });

  it('ends with what was set up differently', () => {
    const moved = createReport({ local: { ip: '192.168.100.6', sipPort: 65002, gateway: '192.168.100.1' }, stunServers: [{ host: 'stun.sipgate.net', port: 10000 }] });
    expect(compareReports(masquerade, moved).map((change) => change.sentence)).toEqual([
      'The PBX address changed from 192.168.100.5:65002 to 192.168.100.6:65002.',
      'The STUN servers changed from 203.0.113.10:3478 to stun.sipgate.net:10000.',
    ]);
  });

  it('says when SIP was checked in only one of the two runs', () => {
    expect(compareReports(masquerade, withSip(masquerade, null))[0]?.sentence).toBe('The SIP provider was not checked this time (was 203.0.113.20:5060).');
  });

  it('carries codes with values, no sentences', () => {
    expect(compareMessages(masquerade, randomFully).slice(0, 2).map((change) => change.message)).toEqual([
      { code: 'change/verdict', from: 'incomplete', to: 'blocked' },
      { code: 'change/nat-type', from: 'port-restricted-cone', to: 'symmetric', supported: false },
    ]);
  });

  it('is worded in German with the German network vocabulary', () => {
    expect(compareReports(masquerade, randomFully, 'de').slice(0, 3).map((change) => change.sentence)).toEqual([
      'Das Ergebnis änderte sich von „unvollständig“ zu „blockiert“.',
      'Der NAT-Typ änderte sich von „Port-Restricted-Cone-NAT“ zu „symmetrisches NAT“; das unterstützt die TK-Anlage nicht.',
      'Die Zuordnung (Mapping) änderte sich von „endpunkt-unabhängig“ zu „adress- und portabhängig“.',
    ]);
    const before = withRule(masquerade, 'inbound-media', 'verified');
    expect(compareReports(before, withRule(masquerade, 'inbound-media', 'failed'), 'de')[0]?.sentence).toBe('Regel „Sprache eingehend“ schlägt jetzt fehl (war bestätigt).');
  });
});
