// The wizard in browser mode, end to end: the built CLI serves it (`trunkcheck ui`), a real
// coturn answers the STUN request, and Chromium walks the steps as a person would.
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { BindingEvidence, PublicAddressCheck } from '../../shared/report';
import { chooseLoopback, hasFocus, openNetworkStep } from './wizard-page';
import { randomSipPort, SCREENSHOTS, startWizardServer, useLoopbackWizard } from './wizard-server';

const loopback = useLoopbackWizard();

test.use({ locale: 'en-US' });

test('finds the public address of the SIP port through a real STUN server', async ({ page }) => {
  const sipPort = randomSipPort();
  await page.goto(loopback.wizard.url);
  await page.getByRole('button', { name: 'Start', exact: true }).click();

  // The token has moved into a cookie and out of the address bar.
  await expect(page).toHaveURL(`${loopback.wizard.origin}/`);
  await expect(page.getByRole('heading', { level: 2, name: 'Which address does the PBX use?' })).toBeVisible();
  const radios = page.getByRole('radio');
  await expect(radios.first()).toBeVisible();
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);

  await page.getByRole('radio', { name: /127\.0\.0\.1/ }).check();
  await page.getByText('Advanced', { exact: true }).click();
  const portField = page.getByLabel('Local SIP port (UDP)');
  await expect(portField).toHaveValue('65002'); // the SwyxWare profile's default, from appInfo()

  // An impossible port blocks Next and says why.
  await portField.fill('70000');
  await expect(page.getByText('Enter a whole number from 1 to 65535.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();

  await portField.fill(String(sipPort));
  await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled();
  await page.screenshot({ path: join(SCREENSHOTS, 'network.png') });

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /public address/ })).toBeFocused();
  await expect(page.getByLabel('STUN server')).toHaveValue(`127.0.0.1:${loopback.coturn.port}`);
  await expect(page.getByText(`127.0.0.1:${sipPort}`)).toBeVisible(); // "Sent from"

  await page.getByRole('button', { name: 'Check' }).click();
  const result = page.getByTestId('public-address-result');
  // Loopback: no NAT, so the server sees the local address and port unchanged.
  await expect(page.getByTestId('mapped-address')).toHaveText(`127.0.0.1:${sipPort}`, { timeout: 15_000 });
  await expect(result.getByText('Port preserved')).toBeVisible();
  await expect(result.getByText('No NAT', { exact: true })).toBeVisible();
  const evidence = page.getByTestId('binding-evidence');
  await expect(evidence.getByRole('definition').filter({ hasText: `127.0.0.1:${loopback.coturn.port}` }).first()).toBeVisible();
  await expect(evidence).toContainText('Coturn'); // SOFTWARE of the real server
  await expect(page.getByRole('img', { name: /Path of the STUN request/ })).toBeVisible();
  await expect(page.getByTestId('alg-warning')).toHaveCount(0);
  await page.screenshot({ path: join(SCREENSHOTS, 'public-address.png') });

  // Back and Next keep everything entered, and the result.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('radio', { name: /127\.0\.0\.1/ })).toBeChecked();
  await expect(page.getByLabel('Local SIP port (UDP)')).toHaveValue(String(sipPort));
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('mapped-address')).toHaveText(`127.0.0.1:${sipPort}`);
});

test('shows an error panel with the fix when the STUN server does not answer', async ({ page }) => {
  await openNetworkStep(page, loopback.wizard.url);
  await chooseLoopback(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('STUN server').fill('127.0.0.1:9');
  await page.getByRole('button', { name: 'Check' }).click();

  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /127\.0\.0\.1:9/ })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'public-address-progress.png') });

  // The client gives up after its 8 s deadline.
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toContainText('No public address found');
  await expect(alert).toContainText('allow UDP');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'public-address-error.png') });
});

test('can be walked with the keyboard alone', async ({ page }) => {
  const sipPort = randomSipPort();
  await page.goto(loopback.wizard.url);
  // Welcome: Tab to Start, Enter; the focus moves to the Network step's heading.
  const start = page.getByRole('button', { name: 'Start', exact: true });
  for (let i = 0; i < 10 && !(await hasFocus(start)); i++) await page.keyboard.press('Tab');
  await expect(start).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Which address does the PBX use?' })).toBeFocused();
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);

  // Into the radio group (it holds the focus on the checked entry), arrows to loopback.
  const loopbackRadio = page.getByRole('radio', { name: /127\.0\.0\.1/ });
  for (let i = 0; i < 20 && !(await hasFocus(page.getByRole('radio', { checked: true }))); i++) {
    await page.keyboard.press('Tab');
  }
  for (let i = 0; i < 20 && !(await loopbackRadio.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(loopbackRadio).toBeChecked();
  await expect(loopbackRadio).toBeFocused();

  await page.keyboard.press('Tab'); // the "Advanced" disclosure
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const portField = page.getByLabel('Local SIP port (UDP)');
  await expect(portField).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(String(sipPort));

  const next = page.getByRole('button', { name: 'Next' });
  for (let i = 0; i < 10 && !(await hasFocus(next)); i++) await page.keyboard.press('Tab');
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 2, name: /public address/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('STUN server')).toBeFocused();
  await page.keyboard.press('Enter'); // submits the form: Check
  await expect(page.getByTestId('mapped-address')).toHaveText(`127.0.0.1:${sipPort}`, { timeout: 15_000 });
});

test('switches between English and German', async ({ page }) => {
  await page.goto(loopback.wizard.url);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Welche Adresse verwendet die TK-Anlage?' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('button', { name: 'Weiter' })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'network-de.png') });
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Next' })).toBeVisible();
});

test('opens in German for an English browser when started with trunkcheck ui --lang de', async ({ page }) => {
  const german = await startWizardServer(`127.0.0.1:${loopback.coturn.port}`, undefined, ['--lang', 'de']);
  try {
    expect(german.url).toMatch(/&lang=de$/);
    await page.goto(german.url);
    // The token goes into a cookie; the language stays in the address, so a reload keeps it.
    await expect(page).toHaveURL(`${german.origin}/?lang=de`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await page.getByRole('button', { name: 'Starten', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Welche Adresse verwendet die TK-Anlage?' })).toBeVisible();
    // The header's switch still works.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('button', { name: 'Next' })).toBeVisible();
  } finally {
    await german.stop();
  }
});

test('shows a changed port behind NAT and warns about a router that rewrites packets', async ({ page }) => {
  // The real server cannot produce a NAT on loopback: answer this one request with the
  // evidence a router with a SIP ALG gives (the values of DESIGN.md's example network).
  const binding: BindingEvidence = {
    server: { family: 'IPv4', ip: '217.10.68.152', port: 10000 },
    respondedFrom: { family: 'IPv4', ip: '217.10.68.152', port: 10000 },
    localPort: 65002,
    mapped: { family: 'IPv4', ip: '217.194.238.2', port: 1024 },
    plainMapped: { family: 'IPv4', ip: '192.168.100.5', port: 65002 },
    otherAddress: null,
    responseOrigin: null,
    software: null,
    rttMs: 23.4,
    retransmissions: 1,
    at: new Date().toISOString(),
  };
  const check: PublicAddressCheck = { ok: true, local: { ip: '127.0.0.1', port: 65002 }, binding, error: null };
  await page.route('**/api/invoke/stun:public-address', (route) => route.fulfill({ json: { ok: true, value: check } }));

  await page.goto(loopback.wizard.url);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('radio', { name: /127\.0\.0\.1/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('STUN server').fill('stun.sipgate.net:10000');
  await page.getByRole('button', { name: 'Check' }).click();

  await expect(page.getByTestId('mapped-address')).toHaveText('217.194.238.2:1024');
  await expect(page.getByText('Port changed')).toBeVisible();
  await expect(page.getByText('Behind NAT')).toBeVisible();
  await expect(page.getByTestId('alg-warning')).toContainText('MAPPED-ADDRESS says 192.168.100.5:65002');
  await expect(page.getByText('(217.10.68.152:10000)')).toBeVisible();
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.getByText('Port geändert')).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'public-address-nat-de.png') });
});

test('says so when the TrunkCheck program stops answering, and recovers on Try again', async ({ page }) => {
  await page.route('**/api/invoke/network:interfaces', (route) => route.abort('connectionrefused'));
  await page.goto(loopback.wizard.url);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The TrunkCheck program is not answering: is it still running?');
  await expect(alert).toContainText('ui/connection');

  await page.unroute('**/api/invoke/network:interfaces');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
});

test('refuses a request without the token', async ({ request }) => {
  const page = await request.get(`${loopback.wizard.origin}/`);
  expect(page.status()).toBe(403);
  const invoke = await request.post(`${loopback.wizard.origin}/api/invoke/app:info`, { data: null });
  expect(invoke.status()).toBe(403);
});
