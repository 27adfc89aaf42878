// Code under test run inside a lab's LAN namespace (the vitest worker lives in the root one): the
// real modules, imported by a small runner written in TypeScript, are bundled with rolldown into
// one ESM file once per test file and started with node inside the namespace. The runner prints
// one line of JSON. The labs a suite made are destroyed when their test ends, or after the suite
// at the latest (a timed-out test).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { afterAll, beforeAll } from 'vitest';
import { removeStaleLabs } from './cleanup.js';
import { createLab, type Lab, type LabOptions } from './lab.js';

// A module of this checkout as the runner imports it: an absolute path, quoted.
export const sourceModule = (path: string): string => JSON.stringify(fileURLToPath(new URL(`../../${path}`, import.meta.url)));

export interface LabRunnerSuite {
  // A lab for `use`, destroyed when it ends.
  withLab<T>(options: LabOptions, use: (lab: Lab) => Promise<T>): Promise<T>;
  // The runner in the lab's LAN namespace with these arguments: the JSON line it printed.
  runInLan<T>(lab: Lab, args: readonly string[], timeoutMs: number): Promise<T>;
}

// Registers the suite's beforeAll (stale labs removed, the runner bundled) and afterAll.
export function labRunnerSuite(name: string, runnerSource: string): LabRunnerSuite {
  const open = new Set<Lab>();
  let dir = '';
  let runner = '';

  beforeAll(async () => {
    await removeStaleLabs();
    dir = mkdtempSync(join(tmpdir(), `trunkcheck-${name}-lab-`));
    writeFileSync(join(dir, 'runner.ts'), runnerSource);
    runner = join(dir, 'runner.mjs');
    await build({ input: join(dir, 'runner.ts'), platform: 'node', logLevel: 'warn', output: { file: runner, format: 'esm' } });
  });
  afterAll(async () => {
    await Promise.all([...open].map((lab) => lab.destroy()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  return {
    async withLab(options, use) {
      const lab = await createLab(options);
      open.add(lab);
      try {
        return await use(lab);
      } finally {
        await lab.destroy();
        open.delete(lab);
      }
    },
    async runInLan<T>(lab: Lab, args: readonly string[], timeoutMs: number): Promise<T> {
      const result = await lab.exec('lan', process.execPath, [runner, ...args], { timeoutMs });
      if (result.code !== 0 || !result.stdout.trim().startsWith('{')) throw new Error(`runner failed (exit ${result.code}): ${result.stderr}${result.stdout}`);
      return JSON.parse(result.stdout) as T;
    },
  };
}
