#!/usr/bin/env node
// Runs every test runner (vitest: unit, integration, NAT lab; Playwright: browser, Electron)
// and ends with one plain line "N passed, N failed" summed over all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;

function run(label, command, args) {
  process.stdout.write(`\n=== ${label}: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

// vitest
const vitestJson = 'test-results/vitest.json';
const vitestCode = run('unit, integration and NAT lab tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A suite that failed to load has no tests to count but must still fail the run.
  if (vitestCode !== 0 && (report.numFailedTests ?? 0) === 0) broken = true;
} else {
  broken = true;
}

// Playwright
const playwrightJson = 'test-results/playwright.json';
const playwrightCode = run('browser and Electron tests', 'npx', ['playwright', 'test']);
if (existsSync(playwrightJson)) {
  const stats = JSON.parse(readFileSync(playwrightJson, 'utf8')).stats ?? {};
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  totals.failed += stats.unexpected ?? 0;
  totals.skipped += stats.skipped ?? 0;
  if (playwrightCode !== 0 && (stats.unexpected ?? 0) === 0) broken = true;
} else {
  broken = true;
}

if (broken) totals.failed += 1; // a runner that crashed counts as one failure, never as a pass
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(totals.failed > 0 ? 1 : 0);
