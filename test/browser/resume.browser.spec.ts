// Closing and reopening the wizard: the Welcome step offers the saved session with its step and
// time, and resuming brings back the step and everything entered (not the measurements, except
// the last report).
import { expect, test } from '@playwright/test';
import { chooseLoopback, heading, nextButton as next, openNetworkStep, typeServers } from './wizard-page';
import { randomSipPort, SCREENSHOTS, useLoopbackWizard } from './wizard-server';

const KEY = 'trunkcheck.wizard.v2';

const loopback = useLoopbackWizard();

test.use({ locale: 'en-US' });

test('resumes at the Provider step with the profile, ports, provider and servers entered before the reload', async ({ page }) => {
  const sipPort = randomSipPort();
  await page.goto(loopback.wizard.url);
  await expect(page.getByTestId('resume-card')).toHaveCount(0);
  await page.getByRole('button', { name: 'Start', exact: true }).click();

  await page.getByRole('radio', { name: /127\.0\.0\.1/ }).check();
  await page.getByLabel('PBX', { exact: true }).selectOption('3cx');
  await expect(page.getByTestId('profile-ports')).toHaveText('SIP port 5060 · RTP ports 9000–10999 (UDP)');
  await page.getByLabel('PBX', { exact: true }).selectOption('custom');
  await page.getByLabel('First RTP port').fill('12000');
  await page.getByLabel('Last RTP port').fill('12100');
  await page.getByLabel('Local SIP port (UDP)').fill(String(sipPort));
  await expect(page.getByTestId('profile-ports')).toHaveText(`SIP port ${sipPort} · RTP ports 12000–12100 (UDP)`);
  await next(page).click();
  await expect(heading(page, 'Which provider does the trunk go to?')).toBeFocused();
  await page.getByRole('radio', { name: /dus\.net/ }).check();
  await typeServers(page, { stun: 'stun.example.net:3479', second: 'stun2.example.net:3478' });

  const saved = await page.evaluate<string | null>(`localStorage.getItem('${KEY}')`);
  expect(saved).toContain('"step":"provider"');

  await page.reload();
  const card = page.getByTestId('resume-card');
  await expect(card).toContainText('Saved at “Provider”');
  await page.screenshot({ path: `${SCREENSHOTS}/welcome-resume.png` });
  await card.getByRole('button', { name: 'Resume at “Provider”' }).click();

  await expect(heading(page, 'Which provider does the trunk go to?')).toBeFocused();
  await expect(page.getByRole('radio', { name: /dus\.net/ })).toBeChecked();
  await expect(page.getByLabel('STUN server', { exact: true })).toHaveValue('stun.example.net:3479');
  await expect(page.getByLabel('SIP server (optional)', { exact: true })).toHaveValue('proxy.dus.net:5060');
  await expect(page.getByLabel('Second STUN server (optional)')).toHaveValue('stun2.example.net:3478');
  await expect(page.getByLabel('Second STUN server (optional)')).toBeVisible(); // opened, as it holds a value

  // Back keeps everything too.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(heading(page, 'Which address does the PBX use?')).toBeFocused();
  await expect(page.getByRole('radio', { name: /127\.0\.0\.1/ })).toBeChecked();
  await expect(page.getByLabel('PBX', { exact: true })).toHaveValue('custom');
  await expect(page.getByLabel('First RTP port')).toHaveValue('12000');
  await expect(page.getByLabel('Last RTP port')).toHaveValue('12100');
  await expect(page.getByLabel('Local SIP port (UDP)')).toHaveValue(String(sipPort));
});

test('keeps the last report, so the checklist can be reached again after a restart without measuring again', async ({ page }) => {
  test.setTimeout(90_000);
  await openNetworkStep(page, loopback.wizard.url);
  await chooseLoopback(page);
  await next(page).click();
  await next(page).click();
  await expect(page.getByTestId('nat-verdict')).toBeVisible({ timeout: 60_000 });
  await next(page).click();
  await expect(heading(page, 'Your verified firewall checklist')).toBeFocused();
  await page.getByLabel('Site', { exact: true }).fill('Büro Köln');
  await page.getByLabel('Customer’s firewall').selectOption('mikrotik');

  await page.reload();
  await page.getByRole('button', { name: 'Resume at “Checklist”' }).click();
  await expect(heading(page, 'Your verified firewall checklist')).toBeFocused();
  await expect(page.getByLabel('Site', { exact: true })).toHaveValue('Büro Köln');
  await expect(page.getByLabel('Customer’s firewall')).toHaveValue('mikrotik');
  await expect(page.getByTestId('checklist-rules').locator('tbody tr')).not.toHaveCount(0);
  // Back on Measure the kept report is shown; nothing runs again.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(heading(page, 'Measuring the line')).toBeFocused();
  await expect(page.getByTestId('nat-verdict')).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
});

for (const [what, value] of [
  ['a corrupt', '{"version":2,"step":'],
  ['a foreign', '{"version":99,"hello":"world"}'],
] as const) {
  test(`ignores ${what} saved value with a one-line notice`, async ({ page }) => {
    await page.goto(loopback.wizard.url);
    await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
    await page.evaluate(`localStorage.setItem('${KEY}', ${JSON.stringify(value)})`);
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: 'A saved session could not be read and was ignored.' })).toBeVisible();
    await expect(page.getByTestId('resume-card')).toHaveCount(0);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(heading(page, 'Which address does the PBX use?')).toBeFocused();
    await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
  });
}

test('starts in the system language and switches on the Welcome step', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(loopback.wizard.url);
  await expect(heading(page, 'Den SIP-Trunk durch NAT und Firewall bringen')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Deutsch' })).toBeChecked();
  await page.getByText('English', { exact: true }).click(); // the segmented option's label
  await expect(heading(page, 'Get the SIP trunk through NAT and firewall')).toBeVisible();
  await context.close();
});
