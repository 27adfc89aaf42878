#!/usr/bin/env node
// The built command line lives in out/main/cli.js (npm install builds it through "prepare").
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('trunkcheck: the program is not built yet: run "npm install" (or "npm run build") in the TrunkCheck folder first.\n');
  process.exit(2);
}
await import(built);
