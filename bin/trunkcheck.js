#!/usr/bin/env node
// The built command line lives in out/main/cli.js (npm install builds it through "prepare").
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Node 22.1+ keeps V8's compiled code between runs (in the system's temporary folder), so every
// `trunkcheck` after the first starts faster. Node 20 has no such switch and skips this.
module.enableCompileCache?.();

const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('trunkcheck: the program is not built yet: run "npm install" (or "npm run build") in the TrunkCheck folder first.\n');
  process.exit(2);
}
await import(built);
