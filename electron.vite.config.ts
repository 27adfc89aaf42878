import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';

// Electron is an optional dependency: where its binary cannot be downloaded, npm drops it and the
// terminal and browser modes still build. electron-vite then needs the target's major version,
// which package.json's build.electronVersion states (a packaging test keeps both in step).
const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { build: { electronVersion: string } };
process.env.ELECTRON_MAJOR_VER ??= pkg.build.electronVersion.split('.')[0];

const CORE = /[\\/](shared|electron)[\\/]/;
// electron/sip/transport: node:tls, loaded only for a provider that offers TCP or TLS.
const NOT_CORE = /[\\/](shared[\\/](firewall|export|checklist)|electron[\\/](export|checklist|cli|main|preload|ui-server|store|sip[\\/]transport))[\\/]/;
const isCoreModule = (id: string): boolean => CORE.test(id) && !NOT_CORE.test(id);

// Three bundles: the main process (plus the CLI, which shares its modules and runs in plain
// Node, and the export worker both start, electron/checklist/off-thread.ts), the preload (CommonJS: a sandboxed preload cannot be an ES module), and the renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          cli: resolve('electron/cli/index.ts'),
          'export-worker': resolve('electron/checklist/export-worker.ts'),
        },
        // `trunkcheck diagnose` loads what it runs as one chunk: a module costs its resolution
        // and compilation on every start, and a person waits for the CLI. The exports (pdfkit,
        // the firewall renderers), the stores and the wizard's server stay out: they load on use.
        output: {
          // Whatever those modules import statically joins them (rolldown's default), so the chunk
          // never imports another chunk back: a cycle between chunks would run one's top level
          // before the other's and leave its values undefined.
          codeSplitting: {
            groups: [{ name: 'core', test: (id: string) => isCoreModule(id) }],
          },
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [svelte()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
