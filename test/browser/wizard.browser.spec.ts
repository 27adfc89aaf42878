// The wizard in browser mode, end to end: the built CLI serves it (`trunkcheck ui`), a real
// coturn answers the STUN requests, and Chromium walks the steps as a person would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { DiagnoseReport } from '../../shared/report';
import { chooseLoopback, hasFocus, heading, nextButton, openNetworkStep, openProviderStep, typeServers } from './wizard-page';
import { randomSipPort, SCREENSHOTS, startWizardServer, useLoopbackWizard } from './wizard-server';

const loopback = useLoopbackWizard();

test.use({ locale: 'en-US' });

test('finds the public address of the SIP port through a real STUN server, as soon as Measure is entered', async ({ page }) => {
  const sipPort = randomSipPort();
  await page.goto(loopback.wizard.url);
  await page.getByRole('button', { name: 'Start', exact: true }).click();

  // The token has moved into a cookie and out of the address bar.
  await expect(page).toHaveURL(`${loopback.wizard.origin}/`);
  await expect(heading(page, 'Which address does the PBX use?')).toBeVisible();
  await expect(page.getByRole('radio').first()).toBeVisible();
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);

  await page.getByRole('radio', { name: /127\.0\.0\.1/ }).check();
  await page.getByText('Advanced', { exact: true }).click();
  const portField = page.getByLabel('Local SIP port (UDP)');
  await expect(portField).toHaveValue('65002'); // the SwyxWare profile's default, from appInfo()

  // An impossible port blocks Next and says why.
  await portField.fill('70000');
  await expect(page.getByText('Enter a whole number from 1 to 65535.')).toBeVisible();
  await expect(nextButton(page)).toBeDisabled();
  await portField.fill(String(sipPort));
  await expect(nextButton(page)).toBeEnabled();
  await page.screenshot({ path: join(SCREENSHOTS, 'network.png') });
  await nextButton(page).click();

  // Provider: no provider chosen, the wizard's own STUN server (trunkcheck ui --stun) stands in.
  await expect(heading(page, 'Which provider does the trunk go to?')).toBeFocused();
  await expect(page.getByLabel('STUN server', { exact: true })).toHaveValue(`127.0.0.1:${loopback.coturn.port}`);
  await nextButton(page).click();

  await expect(heading(page, 'Measuring the line')).toBeFocused();
  await expect(page.getByTestId('measure-route')).toContainText(`From 127.0.0.1:${sipPort} (UDP)`);
  // Loopback: no NAT, so the server sees the local address and port unchanged.
  await expect(page.getByTestId('mapped-address')).toHaveText(`127.0.0.1:${sipPort}`, { timeout: 15_000 });
  const result = page.getByTestId('public-address-result');
  await expect(result.getByText('Port preserved')).toBeVisible();
  await expect(result.getByText('No NAT', { exact: true })).toBeVisible();
  const evidence = page.getByTestId('binding-evidence');
  await evidence.getByText('The STUN exchange, in detail').click();
  await expect(evidence.getByRole('definition').filter({ hasText: `127.0.0.1:${loopback.coturn.port}` }).first()).toBeVisible();
  await expect(evidence).toContainText('Coturn'); // SOFTWARE of the real server
  await expect(page.getByTestId('alg-warning')).toHaveCount(0);
  await expect(page.getByTestId('check-list').locator('[data-check="public-address"] [data-outcome]')).toHaveAttribute('data-outcome', 'ok');

  // Back and Next keep everything entered, and the result: nothing is measured again.
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('radio', { name: /127\.0\.0\.1/ })).toBeChecked();
  await expect(page.getByLabel('Local SIP port (UDP)')).toHaveValue(String(sipPort));
  await nextButton(page).click();
  await nextButton(page).click();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByTestId('mapped-address')).toHaveText(`127.0.0.1:${sipPort}`);
});

test('says what a STUN server that does not answer means: UDP blocked, and which rule opens it', async ({ page }) => {
  test.setTimeout(60_000);
  const sipPort = await openProviderStep(page, loopback.wizard.url);
  await typeServers(page, { stun: '127.0.0.1:9' });
  await nextButton(page).click();

  await expect(page.getByTestId('measure-route')).toContainText('STUN 127.0.0.1:9');

  // The client gives up after its deadline; then the public address row says there is a problem.
  const row = page.getByTestId('check-list').locator('[data-check="public-address"]');
  await expect(row.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'problem', { timeout: 30_000 });
  await expect(page.getByTestId('public-address-result')).toContainText('No STUN answer came back');
  await expect(page.getByTestId('nat-verdict')).toContainText('UDP blocked — not supported by SwyxWare');
  await expect(page.getByTestId('nat-fix')).toContainText(`Allow UDP from 127.0.0.1 ports ${sipPort} and 55000-56000`);
  await page.screenshot({ path: join(SCREENSHOTS, 'measure-blocked.png') });
});

test('can be walked with the keyboard alone', async ({ page }) => {
  const sipPort = randomSipPort();
  await page.goto(loopback.wizard.url);
  // Welcome: Tab to Start, Enter; the focus moves to the Network step's heading.
  const start = page.getByRole('button', { name: 'Start', exact: true });
  for (let i = 0; i < 10 && !(await hasFocus(start)); i++) await page.keyboard.press('Tab');
  await expect(start).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Which address does the PBX use?')).toBeFocused();
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);

  // Into the radio group (it holds the focus on the checked entry), arrows to loopback.
  const loopbackRadio = page.getByRole('radio', { name: /127\.0\.0\.1/ });
  for (let i = 0; i < 20 && !(await hasFocus(page.getByRole('radio', { checked: true }))); i++) await page.keyboard.press('Tab');
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

  const next = nextButton(page);
  for (let i = 0; i < 10 && !(await hasFocus(next)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');

  // Provider: Tab into the search, type, Tab into the list, arrows choose.
  await expect(heading(page, 'Which provider does the trunk go to?')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Search providers')).toBeFocused();
  await page.keyboard.type('dus');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: /dus\.net/ })).toBeChecked();
  await expect(page.getByLabel('STUN server', { exact: true })).toHaveValue('stun.dus.net:3478');
  // Back to the loopback server, typed; then Next from the keyboard, which measures.
  await page.getByLabel('STUN server', { exact: true }).fill(`127.0.0.1:${loopback.coturn.port}`);
  await page.getByLabel('SIP server (optional)', { exact: true }).fill('');
  for (let i = 0; i < 20 && !(await hasFocus(next)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Measuring the line')).toBeFocused();
  await expect(page.getByTestId('mapped-address')).toHaveText(`127.0.0.1:${sipPort}`, { timeout: 15_000 });
});

test('switches between English and German', async ({ page }) => {
  await page.goto(loopback.wizard.url);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(heading(page, 'Welche Adresse verwendet die TK-Anlage?')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('button', { name: 'Weiter' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Schritte des Assistenten' })).toContainText('Anbieter');
  await page.screenshot({ path: join(SCREENSHOTS, 'network-de.png') });
  await page.getByRole('button', { name: 'English' }).click();
  await expect(nextButton(page)).toBeVisible();
});

test('opens in German for an English browser when started with trunkcheck ui --lang de', async ({ page }) => {
  const german = await startWizardServer(`127.0.0.1:${loopback.coturn.port}`, undefined, [], ['--lang', 'de']);
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
  // The real server cannot produce a NAT on loopback: answer the measurement with the report a
  // router with a SIP ALG gives (the lab's current masquerade report, its binding rewritten as such a router would).
  const report = JSON.parse(readFileSync('test/fixtures/report-v3-masquerade.json', 'utf8')) as DiagnoseReport;
  const binding = report.checks.publicAddress.binding;
  if (binding === null) throw new Error('the fixture has no binding');
  const alg: DiagnoseReport = {
    ...report,
    publicAddress: { ip: '203.0.113.1', port: 1024 },
    checks: {
      ...report.checks,
      publicAddress: {
        ...report.checks.publicAddress,
        local: { ip: '192.168.100.5', port: 65002 },
        binding: { ...binding, mapped: { family: 'IPv4', ip: '203.0.113.1', port: 1024 }, plainMapped: { family: 'IPv4', ip: '192.168.100.5', port: 65002 } },
      },
    },
  };
  await page.route('**/api/invoke/nat:diagnose', (route) => route.fulfill({ json: { ok: true, value: alg } }));

  await openProviderStep(page, loopback.wizard.url);
  await page.getByRole('radio', { name: /sipgate/ }).check();
  await nextButton(page).click();

  await expect(page.getByTestId('mapped-address')).toHaveText('203.0.113.1:1024');
  await expect(page.getByText('Port changed')).toBeVisible();
  await expect(page.getByText('Behind NAT')).toBeVisible();
  await expect(page.getByTestId('alg-warning')).toContainText('MAPPED-ADDRESS says 192.168.100.5:65002');
  await expect(page.getByTestId('check-list').locator('[data-check="public-address"] [data-outcome]')).toHaveAttribute('data-outcome', 'problem');
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.getByText('Port geändert')).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'measure-alg-de.png') });
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

test('shows an error panel when the measurement cannot run, and recovers on Try again', async ({ page }) => {
  await page.route('**/api/invoke/nat:diagnose', (route) =>
    route.fulfill({ json: { ok: false, error: { code: 'app/busy', asked: 'check' }, text: 'Another check is still using the SIP port: wait for it to finish, then try again.' } }),
  );
  await openNetworkStep(page, loopback.wizard.url);
  await chooseLoopback(page);
  await nextButton(page).click();
  await nextButton(page).click();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The measurement could not run');
  await expect(alert).toContainText('Another check is still using the SIP port');
  await expect(alert).toContainText('app/busy');
  await page.screenshot({ path: join(SCREENSHOTS, 'measure-error.png') });
  // The error is a code: in German the panel says it in German, not the server's English text.
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(alert).toContainText('Eine andere Prüfung belegt noch den SIP-Port');
  await expect(alert).not.toContainText('Another check');
  await page.getByRole('button', { name: 'English' }).click();

  await page.unroute('**/api/invoke/nat:diagnose');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('nat-verdict')).toContainText('No NAT', { timeout: 15_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('refuses a request without the token', async ({ request }) => {
  const page = await request.get(`${loopback.wizard.origin}/`);
  expect(page.status()).toBe(403);
  const invoke = await request.post(`${loopback.wizard.origin}/api/invoke/app:info`, { data: null });
  expect(invoke.status()).toBe(403);
});
