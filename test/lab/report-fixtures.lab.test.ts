// The schema-3 report fixtures (test/fixtures/report-v3-*.json) that tests take as "a report as
// TrunkCheck writes it now" are real runs of `trunkcheck diagnose` in the NAT lab, with kamailio as
// the SIP provider. This test runs the same diagnosis again and fails when the fixture no longer
// says what a run says (the rules' statuses and evidence codes); TRUNKCHECK_WRITE_FIXTURES=1 writes
// the fresh reports as the fixtures first. (The schema-1 fixtures report-*.json and the schema-2
// ones report-v2-*.json stay as they are: they are the old reports every reader must still open.)
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parseReportJson } from '../../shared/report-file';
import { REPORT_SCHEMA_VERSION, type DiagnoseReport } from '../../shared/report';
import { removeStaleLabs } from './cleanup.js';
import { canCreateLabs, createLab, type Lab } from './lab.js';
import { startKamailio } from '../support/kamailio.js';

const capability = await canCreateLabs();
const skipReason = capability.ok ? '' : capability.reason;
const CLI = resolve('bin/trunkcheck.js');
const WRITE = process.env.TRUNKCHECK_WRITE_FIXTURES === '1';

const shape = (report: DiagnoseReport) => report.rules.map((rule) => ({ id: rule.id, status: rule.status, codes: rule.evidence.map((message) => message.code) }));

describe.skipIf(!capability.ok)(`the schema-3 report fixtures${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const open = new Set<Lab>();
  beforeAll(async () => void (await removeStaleLabs()));
  afterAll(async () => void (await Promise.all([...open].map((lab) => lab.destroy()))));

  for (const scenario of ['masquerade', 'random-fully'] as const) {
    it.concurrent(`say what a run behind ${scenario} says`, { timeout: 60_000 }, async ({ expect }) => {
      const lab = await createLab({ scenario });
      open.add(lab);
      try {
        await lab.startCoturn();
        const kamailio = await startKamailio({ address: lab.addr.sip, port: 5060, netns: lab.ns.inet });
        try {
          const run = await lab.exec('lan', 'node', [CLI, 'diagnose', '--json', '--stun', lab.addr.stunPrimary, '--sip', lab.addr.sip, '--no-media'], { timeoutMs: 45_000 });
          const fresh = parseReportJson(run.stdout, 'The run');
          expect(fresh.ok, run.stderr).toBe(true);
          if (!fresh.ok) return;
          const path = `test/fixtures/report-v3-${scenario}.json`;
          if (WRITE) writeFileSync(path, run.stdout.endsWith('\n') ? run.stdout : `${run.stdout}\n`);
          const fixture = parseReportJson(readFileSync(path, 'utf8'), path);
          expect(fixture.ok).toBe(true);
          if (!fixture.ok) return;
          expect(fixture.value.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
          expect(shape(fixture.value)).toEqual(shape(fresh.value));
          expect({ nat: fixture.value.nat, verdict: fixture.value.verdict }).toEqual({ nat: fresh.value.nat, verdict: fresh.value.verdict });
        } finally {
          await kamailio.stop();
        }
      } finally {
        await lab.destroy();
        open.delete(lab);
      }
    });
  }
});
