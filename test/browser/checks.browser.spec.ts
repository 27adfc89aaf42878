// The Measure step's own controls, on loopback against a real coturn and a real kamailio: cancel
// one check while the others go on, have that one check run again alone once it can pass, cancel
// all. A UDP socket that reads and never answers stands in for a SIP server that is down.
import { createSocket, type Socket } from 'node:dgram';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chooseLoopback, heading, nextButton, openNetworkStep, typeServers } from './wizard-page';
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

// Loopback, a free SIP port, a small RTP range of its own; the SIP server typed on the Provider
// step; on to Measure, which starts the run.
async function openMeasure(page: Page, sip: string): Promise<void> {
  const rtpFrom = 46000 + 20 * Math.floor(Math.random() * 40);
  await openNetworkStep(page, loopback.wizard.url);
  await chooseLoopback(page);
  await page.getByLabel('PBX', { exact: true }).selectOption('custom');
  await page.getByLabel('First RTP port').fill(String(rtpFrom));
  await page.getByLabel('Last RTP port').fill(String(rtpFrom + 9));
  await nextButton(page).click();
  await typeServers(page, { sip });
  await nextButton(page).click();
  await expect(heading(page, 'Measuring the line')).toBeFocused();
}

const row = (page: Page, id: string) => page.getByTestId('check-list').locator(`[data-check="${id}"]`);

test('cancels the SIP check of a silent server while the voice ports are checked, then runs SIP alone again', async ({ page }) => {
  test.setTimeout(90_000);
  await openMeasure(page, `127.0.0.1:${silent.address().port}`);

  await expect(row(page, 'sip')).toHaveAttribute('data-state', 'running', { timeout: 15_000 });
  await expect(row(page, 'public-address')).toHaveAttribute('data-state', 'done');
  await expect(row(page, 'nat')).toHaveAttribute('data-state', 'done');
  await expect(row(page, 'media')).toHaveAttribute('data-state', 'waiting');
  await expect(row(page, 'quality')).toHaveAttribute('data-state', 'off');
  await page.screenshot({ path: join(SCREENSHOTS, 'measure-running.png') });
  await page.getByRole('button', { name: 'Cancel: SIP server' }).click();

  await expect(row(page, 'sip')).toHaveAttribute('data-state', 'cancelled', { timeout: 15_000 });
  await expect(row(page, 'media')).toHaveAttribute('data-state', 'done');
  await expect(row(page, 'media').locator('[data-outcome]')).toHaveAttribute('data-outcome', 'ok');
  await expect(row(page, 'nat').locator('[data-outcome]')).toHaveAttribute('data-outcome', 'ok');
  await expect(page.locator('[data-rule="outbound-signalling"] [data-status]')).toHaveAttribute('data-status', 'untested');
  await expect(page.getByTestId('rules-result')).toContainText('The SIP check was cancelled before it finished.');
  await page.screenshot({ path: join(SCREENSHOTS, 'measure-sip-cancelled.png') });

  // The right server now, on the Provider step: back on Measure, SIP alone runs again by itself.
  await page.getByRole('button', { name: 'Back' }).click();
  await typeServers(page, { sip: `127.0.0.1:${loopback.kamailio.port}` });
  // Watched through the requests: one diagnosis, asked to run SIP again with the report before.
  const reruns: unknown[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/invoke/nat:diagnose')) reruns.push((request.postDataJSON() as { rerun?: { check: string } }).rerun?.check);
  });
  await nextButton(page).click();
  await expect(row(page, 'sip').locator('[data-outcome]')).toHaveAttribute('data-outcome', 'ok', { timeout: 20_000 });
  expect(reruns).toEqual(['sip']);
  await expect(row(page, 'media')).toHaveAttribute('data-state', 'done');
  await expect(row(page, 'sip')).not.toContainText('Settings changed');
  await expect(page.getByTestId('sip-status')).toContainText('200');
  await expect(page.locator('[data-rule="outbound-signalling"] [data-status]')).toHaveAttribute('data-status', 'verified');
  await expect(page.locator('[data-rule="inbound-media"] [data-status]')).toHaveAttribute('data-status', 'verified');
  await expect(page.getByText('These results were measured with other settings')).toHaveCount(0);
  await page.screenshot({ path: join(SCREENSHOTS, 'measure-sip-rerun.png') });

  // An option of one check offers that one check again; "Run again" does it alone.
  await page.getByText('Options', { exact: true }).click();
  await page.getByText('All ports', { exact: true }).click(); // the segmented option's label
  await expect(row(page, 'media')).toContainText('Settings changed: run it again');
  await expect(row(page, 'sip')).not.toContainText('Settings changed');
  await page.getByRole('button', { name: 'Run again: Voice ports' }).click();
  await expect(row(page, 'media').locator('[data-outcome]')).toHaveAttribute('data-outcome', 'ok', { timeout: 30_000 });
  await expect(row(page, 'media')).not.toContainText('Settings changed');

  // A new SIP port for everything cannot be followed by one check alone: entering Measure runs all.
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Back' }).click();
  const port = page.getByLabel('Local SIP port (UDP)');
  const newPort = Number(await port.inputValue()) + 1;
  await port.fill(String(newPort));
  await nextButton(page).click();
  await nextButton(page).click();
  await expect(page.getByTestId('mapped-address')).toHaveText(`127.0.0.1:${newPort}`, { timeout: 30_000 });
  await expect(row(page, 'sip').locator('[data-outcome]')).toHaveAttribute('data-outcome', 'ok', { timeout: 30_000 });
  await expect(page.getByText('These results were measured with other settings')).toHaveCount(0);
});

test('cancels all checks and keeps the results shown before', async ({ page }) => {
  test.setTimeout(90_000);
  await openMeasure(page, `127.0.0.1:${loopback.kamailio.port}`);
  await expect(page.getByTestId('sip-status')).toContainText('200', { timeout: 30_000 });

  await page.getByRole('button', { name: 'Back' }).click();
  await typeServers(page, { sip: `127.0.0.1:${silent.address().port}` });
  await nextButton(page).click();
  await expect(row(page, 'sip')).toHaveAttribute('data-state', 'running', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Cancel all' }).click();
  await expect(page.getByText('The measurement was cancelled. The results before it are unchanged.')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('sip-status')).toContainText('200');
  await expect(row(page, 'sip').locator('[data-outcome]')).toHaveAttribute('data-outcome', 'ok');
  await expect(nextButton(page)).toBeEnabled();

  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.getByText('Die Messung wurde abgebrochen.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Erneut prüfen: SIP-Server' })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'measure-cancelled-de.png') });
});
