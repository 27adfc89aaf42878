// The desktop app: the built main process opens the sandboxed window, the preload exposes the
// API and nothing else, the Network step works over real IPC, and the whole wizard runs on
// loopback (real coturn and kamailio) to the exported PDF. Needs an Electron binary, which this
// checkout does not download: point ELECTRON_OVERRIDE_DIST_PATH at an Electron build.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Locator, type Page } from '@playwright/test';
import { de } from '../../renderer/src/i18n/de';
import { en } from '../../renderer/src/i18n/en';
import { word } from '../../shared/text';
import { startCoturn } from '../support/coturn';
import { startKamailio } from '../support/kamailio';
import { runProcess } from '../support/processes';
import { randomSipPort, ROOT } from './wizard-server';

const MAIN = join(ROOT, 'out', 'main', 'index.js');
const PDFS = join(ROOT, 'test-results', 'pdf');

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
const cleanups: (() => Promise<void>)[] = [];

test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

// The app with its own empty settings folder and browser profile, in English.
async function launchApp(executablePath: string): Promise<{ app: ElectronApplication; page: Page }> {
  const home = mkdtempSync(join(tmpdir(), 'trunkcheck-electron-'));
  cleanups.push(async () => rmSync(home, { recursive: true, force: true }));
  // Chromium refuses to start as root with its OS sandbox; the renderer sandbox stays on.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  // The built files, never a dev server a developer's shell may point at.
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[0] !== 'ELECTRON_RENDERER_URL' && entry[1] !== undefined));
  const app = await electron.launch({
    executablePath,
    args: [...rootArgs, `--user-data-dir=${join(home, 'profile')}`, '--lang=en-US', MAIN],
    cwd: ROOT,
    env: { ...env, TRUNKCHECK_HOME: join(home, 'store') },
  });
  cleanups.push(() => app.close());
  const page = await app.firstWindow();
  await page.setViewportSize({ width: 1280, height: 800 });
  return { app, page };
}

test('opens the sandboxed wizard window and walks the Network step', async () => {
  if ('skip' in binary) {
    console.log(binary.skip);
    test.skip(true, binary.skip);
    return;
  }
  const { page } = await launchApp(binary.path);

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

test('walks the whole wizard on loopback and saves the exported PDF', async () => {
  if ('skip' in binary) {
    console.log(binary.skip);
    test.skip(true, binary.skip);
    return;
  }
  test.setTimeout(120_000);
  mkdirSync(PDFS, { recursive: true });
  const [coturn, kamailio] = await Promise.all([startCoturn(), startKamailio()]);
  cleanups.push(() => coturn.stop(), () => kamailio.stop());
  const { app, page } = await launchApp(binary.path);
  const sipPort = randomSipPort();
  const heading = (text: string): Locator => page.getByRole('heading', { level: 2, name: text });
  const button = (text: string): Locator => page.getByRole('button', { name: text, exact: true });

  // --lang asks for English; should the app still follow the system's German, walk in German.
  await expect(page.locator('#step-heading')).toBeVisible();
  const t = (await page.locator('html').getAttribute('lang')) === 'de' ? de : en;
  await expect(heading(t.welcome.title)).toBeVisible();
  await button(t.welcome.start).click();

  // Network: loopback and a free SIP port, as the loopback browser walk does.
  await expect(heading(t.network.title)).toBeVisible();
  await page.getByRole('radio', { name: /127\.0\.0\.1/ }).check();
  await page.getByText(t.network.advanced, { exact: true }).click();
  await page.getByLabel(t.network.sipPortLabel).fill(String(sipPort));
  await button(t.nav.next).click();

  // Provider: the desktop app has no --stun and none is chosen, so the servers are typed.
  await expect(heading(t.provider.title)).toBeFocused();
  await expect(button(t.nav.next)).toBeDisabled();
  await page.getByLabel(t.provider.servers.stunLabel, { exact: true }).fill(`127.0.0.1:${coturn.port}`);
  await page.getByLabel(t.provider.servers.sipLabel, { exact: true }).fill(`127.0.0.1:${kamailio.port}`);
  await button(t.nav.next).click();

  // Measure: the run starts on entering the step.
  await expect(heading(t.measure.title)).toBeFocused();
  await expect(page.getByTestId('mapped-address')).toHaveText(`127.0.0.1:${sipPort}`, { timeout: 15_000 });
  await expect(page.getByTestId('nat-verdict')).toContainText(word(t === de ? 'de' : 'en', { code: 'nat/type', classic: 'open-internet' }), { timeout: 15_000 });
  await expect(page.getByTestId('rules-result').locator('tr')).toHaveCount(4, { timeout: 60_000 });
  await expect(page.getByTestId('sip-status')).toHaveText(/^200\b/);
  await button(t.nav.next).click();

  // Checklist
  await expect(heading(t.checklist.title)).toBeFocused();
  await expect(page.getByTestId('checklist-rules').locator('tbody tr')).toHaveCount(4);

  // The export reaches the renderer over IPC as a file, which it hands to Chromium as an
  // <a download>. In Electron that opens the native save dialog unless the main process has
  // chosen a path for the download first: the test chooses it, as a person would in the dialog.
  const pdfPath = join(PDFS, 'electron-walk.pdf');
  rmSync(pdfPath, { force: true });
  await app.evaluate(({ session }, target) => {
    const slot = globalThis as { trunkcheckDownload?: Promise<{ state: string; fileName: string }> };
    slot.trunkcheckDownload = new Promise((resolve) => {
      session.defaultSession.once('will-download', (_event, item) => {
        item.setSavePath(target);
        item.once('done', (_done, state) => resolve({ state, fileName: item.getFilename() }));
      });
    });
  }, pdfPath);
  await button(t.checklist.exportPdf).click();
  const saved = await app.evaluate(() => (globalThis as { trunkcheckDownload?: Promise<{ state: string; fileName: string }> }).trunkcheckDownload);
  expect(saved?.state).toBe('completed');
  expect(saved?.fileName).toMatch(/\.pdf$/);
  expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = await runProcess('pdftotext', ['-layout', pdfPath, '-'], { timeoutMs: 30_000 });
  expect(text.code, text.stderr).toBe(0);
  expect(text.stdout).toContain('127.0.0.1');
});
