#!/usr/bin/env node
// `npm start`: the wizard in an Electron window. Electron is an optional dependency (its binary
// cannot be downloaded everywhere), so say in one sentence what to do when it is missing.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let binary;
try {
  binary = require('electron'); // the package's main export is the path of the downloaded binary
} catch {
  binary = undefined;
}
if (typeof binary !== 'string') {
  process.stderr.write(
    'trunkcheck: the Electron desktop binary is not installed (it could not be downloaded): run "npm install electron" where github.com is reachable, ' +
      'or use the browser mode instead: npx trunkcheck ui\n',
  );
  process.exit(3);
}
const result = spawnSync('npx', ['electron-vite', 'preview', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
