// Checklist exports on a worker thread (the built out/main/export-worker.js, as the app runs it):
// the same bytes as on the main thread, and a job that runs too long, needs too much memory or
// whose caller went away ends only its own thread.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runChecklistJob } from '../../../electron/checklist/jobs';
import { findExportWorker, MAX_EXPORT_WORKERS, runChecklistJobOffThread } from '../../../electron/checklist/off-thread';
import { findProfile } from '../../../shared/catalog/profiles';
import { buildChecklist, type Checklist } from '../../../shared/checklist/model';
import { word } from '../../../shared/text';
import { parseReportJson } from '../../../shared/report-file';

const workerFile = findExportWorker(resolve('out/main'));
let checklist: Checklist;

beforeAll(() => {
  if (workerFile === undefined || !existsSync(workerFile)) throw new Error('out/main/export-worker.js is missing: run "npm run build" (npm test does it) before these tests.');
  // Read as the app reads a saved report: the fixture is schema 1, its evidence upgraded to legacy text.
  const parsed = parseReportJson(readFileSync('test/fixtures/report-masquerade.json', 'utf8'));
  if (!parsed.ok) throw new Error(word('en', parsed.error));
  const report = parsed.value;
  const profile = findProfile(report.profile);
  if (profile === undefined) throw new Error('the fixture names an unknown profile');
  checklist = buildChecklist(report, profile, { site: { name: 'Head office', customer: 'Müller GmbH', technician: 'J. Weiß' }, language: 'de', qos: true });
});

describe('checklist jobs on a worker thread', () => {
  it('exports the same Markdown and firewall rules as the main thread does', async () => {
    for (const format of ['md', 'nftables', 'windows']) {
      const [there, here] = await Promise.all([runChecklistJobOffThread({ kind: 'export', checklist, format }, { workerFile }), runChecklistJob({ kind: 'export', checklist, format })]);
      if (!there.ok || !here.ok) throw new Error(`${format}: ${JSON.stringify([there, here])}`);
      expect(Buffer.from(there.value.bytes).equals(Buffer.from(here.value.bytes)), format).toBe(true);
      expect(there.value.fileName).toBe(here.value.fileName);
    }
  });

  it('makes a PDF there with the fonts found on the main thread', async () => {
    const pdf = await runChecklistJobOffThread({ kind: 'export', checklist, format: 'pdf' }, { workerFile });
    if (!pdf.ok) throw new Error(word('en', pdf.error));
    expect(Buffer.from(pdf.value.bytes).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('stops a job past its time limit with a sentence, and the next job still runs', async () => {
    const slow = await runChecklistJobOffThread({ kind: 'export', checklist, format: 'pdf' }, { workerFile, timeLimitMs: 1 });
    expect(slow).toMatchObject({ ok: false, error: { code: 'export/too-slow' } });
    const next = await runChecklistJobOffThread({ kind: 'export', checklist, format: 'json' }, { workerFile });
    expect(next.ok).toBe(true);
  });

  it('stops a job that needs more memory than allowed, without harming this process', async () => {
    const big = await runChecklistJobOffThread({ kind: 'export', checklist, format: 'pdf' }, { workerFile, memoryLimitMb: 2 });
    expect(big).toMatchObject({ ok: false, error: { code: 'export/too-large' } });
    if (!big.ok) expect(word('en', big.error)).toMatch(/^The export was stopped: it needed more than 2 MiB/);
  });

  it(`runs at most ${MAX_EXPORT_WORKERS} at once, and a caller that goes away leaves the queue`, async () => {
    const gone = new AbortController();
    const jobs = Array.from({ length: MAX_EXPORT_WORKERS }, () => runChecklistJobOffThread({ kind: 'export', checklist, format: 'pdf' }, { workerFile }));
    const queued = runChecklistJobOffThread({ kind: 'export', checklist, format: 'pdf' }, { workerFile, signal: gone.signal });
    const after = runChecklistJobOffThread({ kind: 'export', checklist, format: 'json' }, { workerFile });
    gone.abort();
    expect(await queued).toMatchObject({ ok: false, error: { code: 'export/cancelled' } });
    const results = await Promise.all([...jobs, after]);
    expect(results.every((result) => result.ok)).toBe(true);
  });

  it('runs the job on this thread when the worker cannot start or cannot load the export code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trunkcheck-worker-'));
    const broken = join(dir, 'export-worker.js');
    writeFileSync(broken, "import 'no-such-package-for-pdf';\n");
    const unloadable = join(dir, 'unloadable.mjs');
    writeFileSync(unloadable, "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ kind: 'unavailable', reason: 'test' });\n");
    for (const file of [join(dir, 'missing.js'), broken, unloadable]) {
      const result = await runChecklistJobOffThread({ kind: 'export', checklist, format: 'json' }, { workerFile: file });
      expect(result.ok, file).toBe(true);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('ends a running job when its caller goes away', async () => {
    const gone = new AbortController();
    const running = runChecklistJobOffThread({ kind: 'export', checklist, format: 'pdf' }, { workerFile, signal: gone.signal });
    setTimeout(() => gone.abort(), 20);
    expect(await running).toMatchObject({ ok: false, error: { code: 'export/cancelled' } });
  });
});
