// A report of schema 1 carried the NAT discovery's reasons, the probes, the SIP check's findings,
// the keep-alive reason and the line-quality sentences as English sentences. Read as schema 2,
// each becomes a legacy-text message that every surface shows as it is. A report of schema 2 has
// nothing of what schema 3 measures (the second NAT, the router, the hops, fragments): read as
// schema 3, those are "not measured", and what its PBX needs comes from its catalog profile.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DiagnoseReport } from '../../../shared/report';
import { upgradeReport } from '../../../shared/report-upgrade';
import { word } from '../../../shared/text';
import { isLegacyText } from '../../../shared/text/messages/legacy';

const schema1 = JSON.parse(readFileSync('test/fixtures/report-masquerade.json', 'utf8')) as Record<string, unknown>;
const withSections = {
  ...schema1,
  keepalive: { profileIntervalSec: 10, bindingLifetimeSec: null, recommendedIntervalSec: 10, basis: 'profile', reason: 'The binding lifetime was not measured.', observed: null },
  quality: { verdict: { overall: 'pass' }, sentences: ['Jitter 0.2 ms is within the 20 ms limit.', 'The line is good enough for voice.'] },
  checks: {
    ...(schema1.checks as Record<string, unknown>),
    sip: {
      ...((schema1.checks as { sip: Record<string, unknown> }).sip),
      resolution: { steps: ['203.0.113.20 is an IP address, so no DNS lookup.'], warnings: ['The DNS server answered SERVFAIL.'] },
    },
  },
};

describe('reading a schema-1 report as the current schema', () => {
  const report = upgradeReport(withSections) as DiagnoseReport;
  const nat = report.checks.nat!;
  const sip = report.checks.sip!;

  it('turns every sentence of the NAT discovery into legacy text', () => {
    expect(report.schemaVersion).toBe(3);
    expect(nat.mappingReason).toEqual({ code: 'legacy/text', text: 'The same public address 203.0.113.1:65002 towards 203.0.113.10:3478 and 203.0.113.11:3478.' });
    expect(isLegacyText(nat.filteringReason)).toBe(true);
    expect(nat.probes.map((probe) => probe.name)).toContainEqual({ code: 'legacy/text', text: 'filtering test II (answer from alternate IP and port)' });
    expect(nat.probes.map((probe) => probe.note)).toEqual([null, null, { code: 'legacy/text', text: 'No STUN answer from 203.0.113.10:3478 after 6 requests in 0.2 s.' }, expect.objectContaining({ code: 'legacy/text' })]);
    expect(nat.server?.problems).toEqual([]);
    expect(nat.alg.evidence).toBeNull();
  });

  it('turns the SIP findings, the keep-alive reason and the quality sentences into legacy text', () => {
    expect(sip.algNotes.every(isLegacyText)).toBe(true);
    expect(sip.resolution?.steps).toEqual([{ code: 'legacy/text', text: '203.0.113.20 is an IP address, so no DNS lookup.' }]);
    expect(sip.resolution?.warnings).toEqual(['The DNS server answered SERVFAIL.']);
    expect(report.keepalive?.reason).toEqual({ code: 'legacy/text', text: 'The binding lifetime was not measured.' });
    expect(report.quality?.findings).toEqual([
      { code: 'legacy/text', text: 'Jitter 0.2 ms is within the 20 ms limit.' },
      { code: 'legacy/text', text: 'The line is good enough for voice.' },
    ]);
    expect(report.quality).not.toHaveProperty('sentences');
  });

  it('shows the old sentences as they are, in either language', () => {
    expect(word('de', nat.mappingReason)).toBe('The same public address 203.0.113.1:65002 towards 203.0.113.10:3478 and 203.0.113.11:3478.');
  });

  it('leaves a report of the current schema as it is, and a missing section missing', () => {
    expect(upgradeReport(report)).toBe(report);
    const bare = upgradeReport({ ...schema1, checks: { publicAddress: (schema1.checks as Record<string, unknown>).publicAddress, nat: null, sip: null } }) as DiagnoseReport;
    expect(bare.checks.nat).toBeNull();
    expect(bare).not.toHaveProperty('quality');
  });
});

describe('reading a schema-2 report as schema 3', () => {
  const schema2 = JSON.parse(readFileSync('test/fixtures/report-v2-masquerade.json', 'utf8')) as Record<string, unknown>;

  it('says the second NAT, the router, the hops and the fragments were not measured', () => {
    const report = upgradeReport(schema2) as DiagnoseReport;
    expect(report.schemaVersion).toBe(3);
    expect(report.nat).toMatchObject({ classic: 'port-restricted-cone', doubleNat: 'unknown', carrierGrade: 'unknown' });
    expect(report.gateway).toBeNull();
    expect(report.fragments).toBeNull();
    expect(report.checks.path).toBeNull();
  });

  it('records what the PBX of its profile needs, with the range it was measured with', () => {
    expect((upgradeReport(schema2) as DiagnoseReport).pbx).toEqual({ inboundMedia: 'return-path', rtp: { from: 55000, to: 56000 } });
    expect((upgradeReport({ ...schema2, profile: '3cx', rtp: null }) as DiagnoseReport).pbx).toEqual({ inboundMedia: 'any-source', rtp: { from: 9000, to: 10999 } });
    // A profile the catalog no longer has: unrecorded, and the readers fall back to the default profile.
    expect((upgradeReport({ ...schema2, profile: 'gone' }) as DiagnoseReport).pbx).toBeNull();
  });

  it('keeps the verdict the report was written with', () => {
    expect((upgradeReport(schema2) as DiagnoseReport).verdict).toBe(schema2.verdict);
  });
});
