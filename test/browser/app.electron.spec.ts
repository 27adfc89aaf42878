// The desktop app: the built main process opens the sandboxed window, the preload exposes the
// API and nothing else, and the Network step works over real IPC. Needs an Electron binary,
// which this checkout does not download: point ELECTRON_OVERRIDE_DIST_PATH at an Electron build.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = join(ROOT, 'out', 'main', 'index.js');

const BINARY_NAMES: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'electron',
  win32: 'electron.exe',
  darwin: join('Electron.app', 'Contents', 'MacOS', 'Electron'),
};

function electronBinary(): { path: string } | { skip: string } {
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!dist) return { skip: 'Electron binary not present: set ELECTRON_OVERRIDE_DIST_PATH to an Electron build folder to run this test' };
  const path = join(dist, BINARY_NAMES[process.platform] ?? 'electron');
  if (!existsSync(path)) return { skip: `Electron binary not present at ${path}: set ELECTRON_OVERRIDE_DIST_PATH to an Electron build folder to run this test` };
  if (!existsSync(MAIN)) return { skip: `${MAIN} is missing: run "npx electron-vite build" first` };
  return { path };
}

const binary = electronBinary();
let app: ElectronApplication | undefined;

test.afterAll(async () => {
  await app?.close();
});

test('opens the sandboxed wizard window and walks the Network step', async () => {
  if ('skip' in binary) {
    console.log(binary.skip);
    test.skip(true, binary.skip);
    return;
  }
  // Chromium refuses to start as root with its OS sandbox; the renderer sandbox stays on.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  // The built files, never a dev server a developer's shell may point at.
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[0] !== 'ELECTRON_RENDERER_URL' && entry[1] !== undefined));
  app = await electron.launch({ executablePath: binary.path, args: [...rootArgs, MAIN], cwd: ROOT, env });
  const page = await app.firstWindow();
  await page.setViewportSize({ width: 1280, height: 800 });

  await expect(page).toHaveTitle('TrunkCheck');
  const exposed = await page.evaluate(() => {
    const page = globalThis as unknown as { trunkcheck?: { checkPublicAddress?: unknown }; require?: unknown; process?: unknown };
    return {
      api: typeof page.trunkcheck === 'object' && typeof page.trunkcheck.checkPublicAddress === 'function',
      require: typeof page.require,
      process: typeof page.process,
    };
  });
  expect(exposed).toEqual({ api: true, require: 'undefined', process: 'undefined' });

  await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
  await page.locator('.welcome .btn--primary').click(); // Welcome → Network
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
  await page.getByRole('radio', { name: /127\.0\.0\.1/ }).check();
  await page.locator('summary').click();
  await expect(page.locator('#sip-port')).toHaveValue('65002');
  await page.locator('footer .btn--primary').click();
  await expect(page.locator('#stun-server')).toBeVisible();
  await expect(page.locator('#step-heading')).toBeFocused();
});
