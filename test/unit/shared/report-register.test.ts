// The report's sip.register section read back (shared/report-schema.ts): a report with a
// registration reads as it was written, still schema 3; a damaged one is refused by the field; a
// hand-edited file that smuggles a password into it loses that field on reading.
import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_VERSION } from '../../../shared/report';
import { parseReportJson } from '../../../shared/report-file';
import { word } from '../../../shared/text';
import { noInbound, registerReport, withRegistration } from '../../support/register-fixture';
import { readReportFixture } from '../../support/report-fixture';

const base = readReportFixture('report-v3-masquerade.json');
const edited = (change: (register: Record<string, unknown>) => void): string => {
  const report = JSON.parse(JSON.stringify(withRegistration(base, registerReport()))) as { sip: { register: Record<string, unknown> } };
  change(report.sip.register);
  return JSON.stringify(report);
};

describe('a report with a registration, read back', () => {
  it('reads as written, with and without the provider\'s request, as a schema-3 report', () => {
    for (const register of [registerReport(), noInbound(), registerReport({ outcome: 'not-sent', status: null, reason: null, challenged: false, algorithm: null, expiresSec: null, contact: null, via: { received: null, rport: null }, rttMs: null, unregistered: null, inbound: null })]) {
      const report = withRegistration(base, register);
      expect(report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
      expect(parseReportJson(JSON.stringify(report))).toEqual({ ok: true, value: report });
    }
  });

  it.each([
    ['an unknown outcome', (r: Record<string, unknown>) => (r.outcome = 'maybe'), 'sip.register.outcome'],
    ['an algorithm it does not speak', (r: Record<string, unknown>) => (r.algorithm = 'SHA-512-256'), 'sip.register.algorithm'],
    ['a method with a line break', (r: Record<string, unknown>) => ((r.inbound as Record<string, unknown>).method = 'OPTIONS\nINVITE'), 'sip.register.inbound.method'],
    ['a status out of range', (r: Record<string, unknown>) => (r.status = 999), 'sip.register.status'],
    ['a reason phrase with a line break', (r: Record<string, unknown>) => (r.reason = 'OK\nadd rule'), 'sip.register.reason'],
    ['a received that is no address', (r: Record<string, unknown>) => ((r.via as Record<string, unknown>).received = 'example.net'), 'sip.register.via.received'],
    ['a missing outcome', (r: Record<string, unknown>) => delete r.outcome, 'sip.register.outcome'],
  ])('refuses %s, naming the field', (_name, change, path) => {
    const result = parseReportJson(edited(change), 'hostile.json');
    expect(result).toMatchObject({ ok: false, error: { code: 'report/damaged', path } });
    if (!result.ok) expect(word('de', result.error)).toContain(path);
  });

  it('drops a password a hand-edited file put into the section', () => {
    const result = parseReportJson(edited((r) => (r.password = 's3cr3t-Pa55!')));
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain('s3cr3t-Pa55!');
  });
});
