import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layer rules (STYLE.md: folder = runtime): shared/ is pure, renderer/ is browser-only, and raw
// ipcMain/ipcRenderer live only in the two wrapper files.
const nodeBuiltins = ['fs', 'dgram', 'os', 'net', 'child_process', 'http', 'crypto', 'path', 'electron'];

const rawIpc = { name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Use the typed wrappers in electron/main/ipc.ts and electron/preload/index.ts.' };
// Inside electron/ dependencies point down: the entry points (main, cli, ui-server, handlers) and the
// diagnosis use the measurements (nat, media, monitor, sip, quality), which use net/, never the reverse.
const ENTRY_FOLDERS = 'diagnose|cli|main|ui-server|checklist|store|export|files|handlers';
const MEASUREMENT_FOLDERS = 'nat|media|monitor|sip|quality';
const noRenderer = { group: ['**/renderer/**'], message: 'electron/ and renderer/ never import each other.' };
const upward = (folders, why) => ({ regex: `^(\\.\\./)+(${folders})(/|$)`, message: why });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser }, globals: { ...globals.browser } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltins, patterns: ['node:*', '**/electron/**', '**/renderer/**'] }],
      'no-restricted-globals': ['error', 'Buffer', 'process', 'window', 'document'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { paths: nodeBuiltins, patterns: ['node:*', '**/electron/**'] }] },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/ipc.ts', 'electron/preload/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [rawIpc], patterns: ['**/renderer/**'] },
      ],
    },
  },
  {
    files: ['electron/nat/**/*.ts', 'electron/media/**/*.ts', 'electron/monitor/**/*.ts', 'electron/sip/**/*.ts', 'electron/quality/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [rawIpc], patterns: [noRenderer, upward(ENTRY_FOLDERS, 'A measurement does not import the layers that use it; move the shared piece down into electron/net.')] }],
    },
  },
  {
    files: ['electron/net/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [rawIpc], patterns: [noRenderer, upward(`${ENTRY_FOLDERS}|${MEASUREMENT_FOLDERS}`, 'electron/net is the bottom layer: it imports only shared/ and itself.')] },
      ],
    },
  },
  {
    // The sandboxed preload carries the contract's names only, not the validators behind shared/ipc.ts.
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noRenderer, { group: ['**/shared/ipc'], message: 'The preload imports shared/ipc-contract.ts: shared/ipc.ts pulls the validators, catalogs and parsers into the preload bundle.' }] }],
    },
  },
);
