// Accessibility: axe-core on every step of a walk on loopback (real coturn), in English and in
// German, with no serious or critical violation allowed; and the new steps by keyboard alone.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startCoturn, type Coturn } from '../support/coturn';
import { randomSipPort, SCREENSHOTS, startWizardServer, type WizardServer } from './wizard-server';

let coturn: Coturn;
let wizard: WizardServer;

test.use({ locale: 'en-US' });

test.beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  coturn = await startCoturn();
  wizard = await startWizardServer(`127.0.0.1:${coturn.port}`);
});

test.afterAll(async () => {
  await wizard?.stop();
  await coturn?.stop();
});

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 2, name });
const next = (page: Page) => page.getByRole('button', { name: 'Next' });

// "color-contrast: .brand__tagline (3.9:1)" per serious or critical finding, so a failure says what to fix.
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary ?? ''}`));
}

// Runs axe in English, then in German (switched in the header), and back to English.
async function checkBothLanguages(page: Page, step: string, shots = false): Promise<void> {
  expect.soft(await seriousViolations(page), `${step} (en)`).toEqual([]);
  if (shots) await page.screenshot({ path: join(SCREENSHOTS, `${step}.png`) });
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  expect.soft(await seriousViolations(page), `${step} (de)`).toEqual([]);
  if (shots) await page.screenshot({ path: join(SCREENSHOTS, `${step}-de.png`) });
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => (element as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === element);
}

test('has no serious or critical axe findings on any step, in English and German', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(wizard.url);
  await expect(heading(page, 'Get the SIP trunk through NAT and firewall')).toBeVisible();
  await checkBothLanguages(page, 'welcome', true);

  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(heading(page, 'Which address does the PBX use?')).toBeFocused();
  await page.getByRole('radio', { name: /127\.0\.0\.1/ }).check();
  await checkBothLanguages(page, 'network-profile', true);
  // The custom profile shows the RTP range and opens the SIP port.
  await page.getByLabel('PBX', { exact: true }).selectOption('custom');
  await page.getByLabel('Last RTP port').fill('100');
  await expect(page.getByText('Enter two port numbers')).toBeVisible();
  await page.getByLabel('Last RTP port').fill('56000');
  await page.getByLabel('Local SIP port (UDP)').fill(String(randomSipPort()));
  await checkBothLanguages(page, 'network-custom', true);

  await next(page).click();
  await expect(heading(page, /public address/)).toBeFocused();
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('mapped-address')).toBeVisible({ timeout: 15_000 });
  await checkBothLanguages(page, 'a11y-public-address');

  await next(page).click();
  await expect(heading(page, 'Which kind of NAT does the router do?')).toBeFocused();
  await page.getByRole('button', { name: 'Run NAT test' }).click();
  await expect(page.getByTestId('nat-verdict')).toBeVisible({ timeout: 15_000 });
  await checkBothLanguages(page, 'a11y-nat');

  await next(page).click();
  await expect(heading(page, /Does the provider answer/)).toBeFocused();
  await checkBothLanguages(page, 'a11y-checks-form');
  await page.getByRole('button', { name: 'Run checks' }).click();
  await expect(page.getByTestId('nat-verdict')).toBeVisible({ timeout: 60_000 });
  await checkBothLanguages(page, 'a11y-checks');

  await next(page).click();
  await expect(heading(page, 'Your verified firewall checklist')).toBeFocused();
  await expect(page.getByTestId('checklist-rules').locator('tbody tr')).not.toHaveCount(0);
  await checkBothLanguages(page, 'a11y-checklist');

  // Back on the Welcome step, the session is offered for resuming where it was left (Network).
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByTestId('resume-card')).toContainText('Saved at “Network”');
  await checkBothLanguages(page, 'welcome-resume', true);
});

test('starts, picks a PBX profile and leaves the Network step with the keyboard alone', async ({ page }) => {
  await page.goto(wizard.url);
  const start = page.getByRole('button', { name: 'Start', exact: true });
  for (let i = 0; i < 10 && !(await hasFocus(start)); i++) await page.keyboard.press('Tab');
  await expect(start).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Which address does the PBX use?')).toBeFocused();

  await page.keyboard.press('Tab');
  const profile = page.getByLabel('PBX', { exact: true });
  await expect(profile).toBeFocused();
  await profile.press('ArrowDown'); // SwyxWare → 3CX
  await expect(profile).toHaveValue('3cx');
  await expect(page.getByTestId('profile-ports')).toHaveText('SIP port 5060 · RTP ports 9000–10999 (UDP)');

  // Into the interface list and on to loopback, then a free SIP port under Advanced.
  const loopback = page.getByRole('radio', { name: /127\.0\.0\.1/ });
  await page.keyboard.press('Tab');
  for (let i = 0; i < 20 && !(await loopback.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(loopback).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Local SIP port (UDP)')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(String(randomSipPort()));

  const nextButton = next(page);
  for (let i = 0; i < 10 && !(await hasFocus(nextButton)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(heading(page, /public address/)).toBeFocused();
});
