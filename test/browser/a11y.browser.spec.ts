// Accessibility: axe-core on every step of a walk on loopback (real coturn), in English and in
// German, with no serious or critical violation allowed (the provider editor with a refusal, the
// Welcome step with a site's history open); and the steps' fields by keyboard alone.
import { QUALITY_SEC } from '../../shared/limits';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { chooseLoopback, hasFocus, heading, nextButton as next, openNetworkStep } from './wizard-page';
import { randomSipPort, SCREENSHOTS, useLoopbackWizard } from './wizard-server';

const loopback = useLoopbackWizard();

test.use({ locale: 'en-US' });

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

test('has no serious or critical axe findings on any step, in English and German', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(loopback.wizard.url);
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
  await expect(heading(page, 'Which provider does the trunk go to?')).toBeFocused();
  await page.getByRole('radio', { name: /sipgate/ }).check();
  await checkBothLanguages(page, 'a11y-provider');
  // The editor, with a refusal showing.
  await page.getByRole('button', { name: 'Other provider…' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Loopback');
  await page.getByLabel('STUN server', { exact: true }).last().fill(`127.0.0.1:${loopback.coturn.port}`);
  await page.getByLabel('Jitter (ms)').fill('viel');
  await page.getByRole('button', { name: 'Save provider' }).click();
  await expect(page.getByTestId('provider-editor').getByRole('alert')).toBeVisible();
  await checkBothLanguages(page, 'a11y-provider-editor', true);
  await page.getByLabel('Jitter (ms)').fill('');
  await page.getByRole('button', { name: 'Save provider' }).click();
  await expect(page.getByRole('radio', { name: /Loopback/ })).toBeChecked();

  await next(page).click();
  await expect(heading(page, 'Measuring the line')).toBeFocused();
  await page.getByText('Options', { exact: true }).click();
  await expect(page.getByTestId('nat-verdict')).toBeVisible({ timeout: 60_000 });
  await checkBothLanguages(page, 'a11y-measure');

  await next(page).click();
  await expect(heading(page, 'Your verified firewall checklist')).toBeFocused();
  await expect(page.getByTestId('checklist-rules').locator('tbody tr')).not.toHaveCount(0);
  await page.getByLabel('Site', { exact: true }).fill('Head office');
  await page.getByLabel('Customer’s firewall').selectOption('pfsense');
  await page.getByText('Keep-alive monitor', { exact: true }).first().click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('history-count')).toHaveText('1 report');
  await checkBothLanguages(page, 'a11y-checklist');

  // Back on the Welcome step, the session is offered for resuming where it was left (Network),
  // and the site saved above is listed with its runs.
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByTestId('resume-card')).toContainText('Saved at “Network”');
  await page.reload();
  await page.getByRole('button', { name: 'Runs and changes at Head office' }).click();
  await expect(page.getByTestId('site-changes')).toContainText('Only one run so far');
  await checkBothLanguages(page, 'welcome-resume', true);
});

test('starts, picks a PBX profile and leaves the Network step with the keyboard alone', async ({ page }) => {
  await page.goto(loopback.wizard.url);
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
  const loopbackRadio = page.getByRole('radio', { name: /127\.0\.0\.1/ });
  await page.keyboard.press('Tab');
  for (let i = 0; i < 20 && !(await loopbackRadio.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(loopbackRadio).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Local SIP port (UDP)')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(String(randomSipPort()));

  const nextButton = next(page);
  for (let i = 0; i < 10 && !(await hasFocus(nextButton)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Which provider does the trunk go to?')).toBeFocused();
});

test('says what is wrong with each number field, to screen readers too', async ({ page }) => {
  await openNetworkStep(page, loopback.wizard.url);
  await chooseLoopback(page);

  const sipPort = page.getByLabel('Local SIP port (UDP)');
  await sipPort.fill('70000');
  await expect(sipPort).toHaveAttribute('aria-invalid', 'true');
  await expect(sipPort).toHaveAccessibleDescription(/^Enter a whole number from 1 to 65535\. The port the PBX uses for SIP/);
  await sipPort.fill(String(randomSipPort()));
  await expect(sipPort).toHaveAttribute('aria-invalid', 'false');
  await expect(sipPort).toHaveAccessibleDescription(/^The port the PBX uses for SIP/);

  // The RTP range's two ends share one message.
  await page.getByLabel('PBX', { exact: true }).selectOption('custom');
  await page.getByLabel('Last RTP port').fill('100');
  for (const end of ['First RTP port', 'Last RTP port']) {
    await expect(page.getByLabel(end)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel(end)).toHaveAccessibleDescription('Enter two port numbers from 1 to 65535, the first not above the second.');
  }
  await page.getByLabel('Last RTP port').fill('56000');
  await expect(page.getByLabel('Last RTP port')).toHaveAccessibleDescription('');

  for (let step = 0; step < 2; step++) await next(page).click();
  await expect(heading(page, 'Measuring the line')).toBeFocused();
  await page.getByText('Options', { exact: true }).click();
  await page.getByLabel('Measure the line quality').check();
  const seconds = page.getByLabel('Seconds', { exact: true });
  await seconds.fill('0');
  await expect(seconds).toHaveAttribute('aria-invalid', 'true');
  await expect(seconds).toHaveAccessibleDescription(`From ${QUALITY_SEC.min} to ${QUALITY_SEC.max} seconds.`);

  await expect(page.getByTestId('nat-verdict')).toBeVisible({ timeout: 60_000 });
  await next(page).click();
  await page.getByText('Keep-alive monitor', { exact: true }).first().click();
  const interval = page.getByLabel('Interval (s)');
  await interval.fill('0');
  await expect(interval).toHaveAttribute('aria-invalid', 'true');
  await expect(interval).toHaveAccessibleDescription('From 0.2 to 3600 seconds.');
  await interval.fill('0,5');
  await expect(interval).toHaveAccessibleDescription('');
});
