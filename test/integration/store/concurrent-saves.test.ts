// Saves racing for one site: the wizard and the CLI (or two API calls) saving in the same
// millisecond. Each save must end in its own file; none may replace another while both report
// success. The other processes run the real store code: the test bundles electron/store/history.ts
// with rolldown into a plain ESM runner and starts it with node, several at once.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHistory } from '../../../electron/store/history';
import type { DiagnoseReport } from '../../../shared/report';

const report = JSON.parse(readFileSync('test/fixtures/report-masquerade.json', 'utf8')) as DiagnoseReport;
const source = (path: string): string => JSON.stringify(fileURLToPath(new URL(`../../../${path}`, import.meta.url)));

// Waits for the agreed moment, then saves COUNT reports at once, all stamped with the same
// millisecond; prints each result as one JSON line.
const RUNNER = `
import { readFileSync } from 'node:fs';
import { openHistory } from ${source('electron/store/history.ts')};
const [dir, site, count, startAt, stamp, reportPath] = process.argv.slice(2);
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const store = openHistory({ dir, now: () => new Date(Number(stamp)) });
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now() - 20)));
while (Date.now() < Number(startAt));
const results = await Promise.all(Array.from({ length: Number(count) }, () => store.saveReport(site, report)));
for (const result of results) process.stdout.write(JSON.stringify(result) + '\\n');
`;

let work = '';
let runner = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'trunkcheck-race-'));
  writeFileSync(join(work, 'runner.ts'), RUNNER);
  runner = join(work, 'runner.mjs');
  await build({ input: join(work, 'runner.ts'), platform: 'node', logLevel: 'warn', output: { file: runner, format: 'esm' } });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runSaver(args: readonly string[]): Promise<{ code: number | null; lines: string[]; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', [runner, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, lines: stdout.split('\n').filter((line) => line !== ''), stderr }));
  });
}

describe('twenty saves for one site in the same millisecond', () => {
  it('leave twenty reports, from three processes and this one at once, listed in one stable order', { timeout: 60_000 }, async () => {
    const dir = join(work, 'store');
    const site = 'head-office';
    const stamp = Date.parse('2026-11-23T21:00:00.000Z');
    // Far enough ahead for node to start three times on a busy machine.
    const startAt = Date.now() + 3_000;
    const args = (count: number) => [dir, site, String(count), String(startAt), String(stamp), join(process.cwd(), 'test/fixtures/report-masquerade.json')];
    const others = [runSaver(args(5)), runSaver(args(5)), runSaver(args(5))];
    const here = openHistory({ dir, now: () => new Date(stamp) });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
    const ours = await Promise.all(Array.from({ length: 5 }, () => here.saveReport(site, report)));
    const finished = await Promise.all(others);

    for (const process of finished) expect(process.code, process.stderr).toBe(0);
    const results = [...ours, ...finished.flatMap((process) => process.lines.map((line) => JSON.parse(line)))];
    expect(results).toHaveLength(20);
    expect(results.filter((result) => !result.ok)).toEqual([]);
    const files = results.map((result) => (result.ok ? result.value.file : ''));
    expect(new Set(files).size).toBe(20);

    const onDisk = readdirSync(join(dir, 'sites', site));
    expect(onDisk.sort()).toEqual(files.map((file) => file.split('/').pop()).sort());
    for (const name of onDisk) expect(JSON.parse(readFileSync(join(dir, 'sites', site, name), 'utf8'))).toEqual(report);

    const listed = await here.listHistory(site);
    const again = await openHistory({ dir, now: () => new Date(stamp) }).listHistory(site);
    expect(listed.ok && listed.value.problems).toEqual([]);
    const order = listed.ok ? listed.value.entries.map((entry) => entry.file) : [];
    expect(order).toHaveLength(20);
    expect(again.ok && again.value.entries.map((entry) => entry.file)).toEqual(order);
    expect(order).toEqual([...order].sort().reverse());  // newest first, by the name's time
  });
});
