// The checks step's own controls, on loopback against a real coturn and a real kamailio: cancel
// one check while the others go on, run that one check again once it can pass, cancel all.
// A UDP socket that reads and never answers stands in for a SIP server that is down.
import { createSocket, type Socket } from 'node:dgram';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chooseLoopback, openNetworkStep } from './wizard-page';
import { SCREENSHOTS, useLoopbackWizard } from './wizard-server';

const loopback = useLoopbackWizard({ kamailio: true });
let silent: Socket;

test.use({ locale: 'en-US' });

test.beforeAll(async () => {
  silent = createSocket('udp4');
  silent.on('message', () => undefined);
  await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
});

test.afterAll(() => {
  silent?.close();
});

// Loopback, a free SIP port, a small RTP range of its own; on to the checks step.
async function openChecks(page: Page): Promise<void> {
  const rtpFrom = 46000 + 20 * Math.floor(Math.random() * 40);
  await openNetworkStep(page, loopback.wizard.url);
  await chooseLoopback(page);
  await page.getByLabel('PBX', { exact: true }).selectOption('custom');
  await page.getByLabel('First RTP port').fill(String(rtpFrom));
  await page.getByLabel('Last RTP port').fill(String(rtpFrom + 9));
  for (let step = 0; step < 3; step++) await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Does the provider answer/ })).toBeFocused();
}

test('cancels the SIP check of a silent server while the voice ports are checked, then runs SIP alone again', async ({ page }) => {
  test.setTimeout(90_000);
  await openChecks(page);
  const silentPort = silent.address().port;
  await page.getByLabel('SIP server (optional)').fill(`127.0.0.1:${silentPort}`);
  await page.getByRole('button', { name: 'Run checks' }).click();

  const list = page.getByTestId('check-list');
  const row = (id: string) => list.locator(`[data-check="${id}"]`);
  await expect(row('sip')).toHaveAttribute('data-state', 'running', { timeout: 15_000 });
  await expect(row('nat')).toHaveAttribute('data-state', 'done');
  await expect(row('media')).toHaveAttribute('data-state', 'waiting');
  await expect(row('quality')).toHaveAttribute('data-state', 'off');
  await page.screenshot({ path: join(SCREENSHOTS, 'checks-running.png') });
  await page.getByRole('button', { name: 'Cancel: SIP server' }).click();

  await expect(row('sip')).toHaveAttribute('data-state', 'cancelled', { timeout: 15_000 });
  await expect(row('media')).toHaveAttribute('data-state', 'done');
  await expect(row('media').locator('[data-outcome]')).toHaveAttribute('data-outcome', 'ok');
  await expect(row('nat').locator('[data-outcome]')).toHaveAttribute('data-outcome', 'ok');
  await expect(page.locator('[data-rule="outbound-signalling"] [data-status]')).toHaveAttribute('data-status', 'untested');
  await expect(page.getByTestId('rules-result')).toContainText('The SIP check was cancelled before it finished.');
  await page.screenshot({ path: join(SCREENSHOTS, 'checks-sip-cancelled.png') });

  // The right server now: only the SIP row says it is out of date, and only SIP runs again.
  await page.getByLabel('SIP server (optional)').fill(`127.0.0.1:${loopback.kamailio.port}`);
  await expect(row('sip')).toContainText('Settings changed: run it again');
  await expect(row('media')).not.toContainText('Settings changed');
  await page.getByRole('button', { name: 'Run again: SIP server' }).click();
  await expect(row('sip').locator('[data-outcome]')).toHaveAttribute('data-outcome', 'ok', { timeout: 20_000 });
  await expect(row('sip')).not.toContainText('Settings changed');
  await expect(page.getByTestId('sip-status')).toContainText('200');
  await expect(page.locator('[data-rule="outbound-signalling"] [data-status]')).toHaveAttribute('data-status', 'verified');
  await expect(page.locator('[data-rule="inbound-media"] [data-status]')).toHaveAttribute('data-status', 'verified');
  await expect(page.getByText('These results were measured with other settings')).toHaveCount(0);
  await page.screenshot({ path: join(SCREENSHOTS, 'checks-sip-rerun.png') });

  // A new address for everything cannot be followed by one check alone.
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Back' }).click();
  const port = page.getByLabel('Local SIP port (UDP)');
  await port.fill(String(Number(await port.inputValue()) + 1));
  for (let step = 0; step < 3; step++) await page.getByRole('button', { name: 'Next' }).click();
  await expect(list).toContainText('run all checks again');
  await expect(page.getByRole('button', { name: /^Run again: / })).toHaveCount(0);
});

test('cancels all checks and keeps the results shown before', async ({ page }) => {
  test.setTimeout(90_000);
  await openChecks(page);
  await page.getByLabel('SIP server (optional)').fill(`127.0.0.1:${loopback.kamailio.port}`);
  await page.getByRole('button', { name: 'Run checks' }).click();
  await expect(page.getByTestId('sip-status')).toContainText('200', { timeout: 30_000 });

  await page.getByLabel('SIP server (optional)').fill(`127.0.0.1:${silent.address().port}`);
  await page.getByRole('button', { name: 'Run again', exact: true }).click();
  const sip = page.getByTestId('check-list').locator('[data-check="sip"]');
  await expect(sip).toHaveAttribute('data-state', 'running', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Cancel all' }).click();
  await expect(page.getByText('The checks were cancelled. The results before them are unchanged.')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('sip-status')).toContainText('200');
  await expect(sip.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'ok');
  await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled();

  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.getByText('Die Prüfungen wurden abgebrochen.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Erneut prüfen: SIP-Server' })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'checks-cancelled-de.png') });
});
