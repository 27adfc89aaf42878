// The wizard's NAT step, end to end: the built CLI serves the wizard (`trunkcheck ui`), a real
// coturn answers, and Chromium walks Network → Public address → NAT as a person would. Once on
// loopback (no NAT at all), then inside real Linux NATs made of network namespaces, where the
// wizard's server and Chromium both run on the lab's LAN host.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { removeStaleLabs } from '../lab/cleanup';
import { canCreateLabs, createLab, LAB_ADDRESSES, type Lab, type LabScenario } from '../lab/lab';
import { chromiumIn } from './lab-browser';
import { chooseLoopback, heading, nextButton, openNetworkStep } from './wizard-page';
import { randomSipPort, SCREENSHOTS, startWizardServer, useLoopbackWizard } from './wizard-server';

const LAB_STUN = { primary: LAB_ADDRESSES.stunPrimary, other: LAB_ADDRESSES.otherStun } as const;

// Network step: the PBX's address (loopback with a free SIP port, or the lab's LAN address with
// the default one), then on to the Public-address step.
async function chooseAddress(page: Page, url: string, address: 'loopback' | RegExp, sipPort?: number): Promise<void> {
  await openNetworkStep(page, url);
  if (address === 'loopback') await chooseLoopback(page, sipPort);
  else await page.getByRole('radio', { name: address }).check();
  await nextButton(page).click();
  await expect(heading(page, /public address/)).toBeFocused();
}

async function goToNatStep(page: Page): Promise<void> {
  await nextButton(page).click();
  await expect(heading(page, 'Which kind of NAT does the router do?')).toBeFocused();
  await expect(page.getByRole('navigation', { name: 'Wizard steps' }).getByRole('listitem').nth(3)).toHaveAttribute('aria-current', 'step');
}

test.describe('on loopback against a real coturn', () => {
  const loopback = useLoopbackWizard();

  test.use({ locale: 'en-US' });

  test('finds no NAT on loopback and shows the evidence, the probes and the path', async ({ page }) => {
    const sipPort = randomSipPort();
    await chooseAddress(page, loopback.wizard.url, 'loopback', sipPort);
    await goToNatStep(page);

    const form = page.locator('form');
    await expect(form).toContainText(`127.0.0.1:${sipPort}`);
    await expect(form).toContainText(`127.0.0.1:${loopback.coturn.port}`);
    // A bad second server blocks the run and says why; an empty one is fine.
    await page.getByLabel('Second STUN server (optional)').fill('not a server:x');
    await page.getByLabel('Second STUN server (optional)').blur();
    await expect(page.getByText('Write the server as host or host:port')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Run NAT test' })).toBeDisabled();
    await page.getByLabel('Second STUN server (optional)').fill(`127.0.0.1:${loopback.coturn.port}`);
    await expect(page.getByText('Name another server than the first')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Run NAT test' })).toBeDisabled();
    await page.getByLabel('Second STUN server (optional)').fill('');
    await expect(page.getByLabel('Also measure the binding lifetime (takes 15 s)')).not.toBeChecked();

    await page.getByRole('button', { name: 'Run NAT test' }).click();
    const verdict = page.getByTestId('nat-verdict');
    await expect(verdict).toContainText('No NAT (open internet) — supported by SwyxWare', { timeout: 15_000 });
    await expect(page.getByTestId('nat-fix')).toHaveCount(0);

    const evidence = page.getByTestId('nat-evidence');
    const row = (id: string) => evidence.locator(`tr[data-row="${id}"]`);
    await expect(row('mapping')).toContainText('None (no NAT)');
    await expect(row('filtering')).toContainText('None (nothing filters)');
    await expect(row('filtering')).toContainText(`An answer from 127.0.0.2:${loopback.coturn.altPort}`);
    await expect(row('port')).toContainText(`The public port is the SIP port ${sipPort}.`);
    await expect(row('server')).toContainText('Supported');
    await expect(row('server')).toContainText(`127.0.0.2:${loopback.coturn.altPort}`);
    await expect(row('alg')).toContainText('None seen');
    await expect(row('lifetime')).toContainText('Not measured');
    await expect(row('duration')).toContainText(/\d+ ms/);

    const diagram = page.getByRole('img', { name: /PBX 127\.0\.0\.1/ });
    await expect(diagram).toBeVisible();
    await expect(page.getByTestId('nat-diagram')).toContainText(`127.0.0.1:${sipPort}`);
    await expect(page.getByTestId('nat-diagram')).toContainText('No NAT');

    // The probes stay folded until asked for.
    const probes = page.getByTestId('nat-probes');
    await expect(probes.getByRole('table')).toBeHidden();
    await page.screenshot({ path: join(SCREENSHOTS, 'nat-loopback.png') });
    await probes.getByText(/The \d+ probes, one by one/).click();
    await expect(probes.getByRole('table')).toBeVisible();
    await expect(probes).toContainText('Filtering test II (answer from second IP and port)');
  });

  test('runs with the keyboard alone and announces the verdict', async ({ page }) => {
    await chooseAddress(page, loopback.wizard.url, 'loopback');
    const next = page.getByRole('button', { name: 'Next' });
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Which kind of NAT does the router do?' })).toBeFocused();

    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Second STUN server (optional)')).toBeFocused();
    await page.keyboard.press('Tab');
    const lifetime = page.getByLabel(/Also measure the binding lifetime/);
    await expect(lifetime).toBeFocused();
    await page.keyboard.press('Space');
    await expect(lifetime).toBeChecked();
    await page.keyboard.press('Space');
    await expect(lifetime).not.toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Run NAT test' })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page.getByRole('status').filter({ hasText: 'NAT test complete: No NAT (open internet)' })).toBeAttached({ timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Run again' })).toBeFocused();

    // The probes open from the keyboard too.
    const summary = page.getByText(/The \d+ probes, one by one/);
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('nat-probes').getByRole('table')).toBeVisible();
  });

  test('shows UDP blocked as a blocker with the rule to open', async ({ page }) => {
    const sipPort = randomSipPort();
    await chooseAddress(page, loopback.wizard.url, 'loopback', sipPort);
    await page.getByLabel('STUN server').fill('127.0.0.1:9'); // nothing listens: no answer comes
    await goToNatStep(page);
    await page.getByRole('button', { name: 'Run NAT test' }).click();
    await expect(page.getByRole('progressbar', { name: 'Progress of the NAT test' })).toBeVisible();

    const verdict = page.getByTestId('nat-verdict');
    await expect(verdict).toContainText('UDP blocked — not supported by SwyxWare', { timeout: 20_000 });
    await expect(page.getByTestId('nat-fix')).toContainText(`Allow UDP from 127.0.0.1 ports ${sipPort} and 55000-56000`);
    await expect(page.getByTestId('nat-diagram')).toContainText('no answer');
    await page.screenshot({ path: join(SCREENSHOTS, 'nat-blocked.png') });
  });

  test('shows an error panel and recovers on Try again', async ({ page }) => {
    await page.route('**/api/invoke/nat:diagnose', (route) =>
      route.fulfill({ json: { ok: false, error: { code: 'app/busy', asked: 'check' }, text: 'Another check is still using the SIP port: wait for it to finish, then try again.' } }),
    );
    await chooseAddress(page, loopback.wizard.url, 'loopback');
    await goToNatStep(page);
    await page.getByRole('button', { name: 'Run NAT test' }).click();

    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The NAT test could not run');
    await expect(alert).toContainText('Another check is still using the SIP port');
    await expect(alert).toContainText('app/busy');
    await page.screenshot({ path: join(SCREENSHOTS, 'nat-error.png') });
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
});

test.describe('in a real NAT lab', () => {
  // One lab per test; the wizard's server and Chromium both live in its LAN namespace.
  const labs = new Set<Lab>();
  const cleanups: (() => Promise<void>)[] = [];
  let skipReason = '';

  test.beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const capability = await canCreateLabs();
    if (!capability.ok) {
      skipReason = capability.reason;
      console.log(`[nat.browser] NAT lab tests skipped: ${skipReason}`);
      return;
    }
    await removeStaleLabs();
  });

  test.afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
    await Promise.all([...labs].map((lab) => lab.destroy()));
  });

  // `servers`: the coturns to start (default one with RFC 5780 on the lab's two STUN addresses).
  async function walkLab(scenario: LabScenario, servers: { addresses?: string[]; rfc5780?: boolean }[] = [{}]): Promise<{ lab: Lab; page: Page }> {
    const lab = await createLab({ scenario });
    labs.add(lab);
    for (const server of servers) await lab.startCoturn(server);
    const wizard = await startWizardServer(lab.addr.stunPrimary, lab.ns.lan);
    cleanups.push(() => wizard.stop());
    const browser = await chromiumIn(lab.ns.lan);
    cleanups.push(() => browser.close());
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();

    await chooseAddress(page, wizard.url, new RegExp(lab.addr.pbx.replaceAll('.', '\\.')));
    await expect(page.getByLabel('STUN server')).toHaveValue(lab.addr.stunPrimary);
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.getByTestId('mapped-address')).toHaveText(new RegExp(`^${lab.addr.routerWan.replaceAll('.', '\\.')}:\\d+$`), { timeout: 15_000 });
    return { lab, page };
  }

  test('shows port restricted cone NAT behind plain masquerade, with the router in the diagram', async () => {
    test.skip(skipReason !== '', skipReason);
    test.setTimeout(90_000);
    const { lab, page } = await walkLab('masquerade');
    await expect(page.getByTestId('mapped-address')).toHaveText(`${lab.addr.routerWan}:65002`);
    await goToNatStep(page);

    await page.getByLabel('Also measure the binding lifetime (takes 15 s)').check();
    await page.getByRole('button', { name: 'Run NAT test' }).click();
    await expect(page.getByRole('status').filter({ hasText: /idle bindings to expire/i })).toBeVisible({ timeout: 10_000 });
    await expect(page.getByRole('button', { name: 'Testing…' })).toHaveAttribute('aria-disabled', 'true');
    await page.screenshot({ path: join(SCREENSHOTS, 'nat-progress.png') });
    const verdict = page.getByTestId('nat-verdict');
    await expect(verdict).toContainText('Port restricted cone NAT — supported by SwyxWare', { timeout: 40_000 });
    await expect(verdict).toContainText('supported');
    await expect(page.getByTestId('nat-fix')).toHaveCount(0);

    const diagram = page.getByTestId('nat-diagram');
    for (const address of [`${lab.addr.pbx}:65002`, lab.addr.routerLan, lab.addr.routerWan, `${lab.addr.routerWan}:65002`, `${lab.addr.stunPrimary}:3478`]) {
      await expect(diagram).toContainText(address);
    }
    await expect(diagram).toContainText('Port restricted cone');

    const evidence = page.getByTestId('nat-evidence');
    const row = (id: string) => evidence.locator(`tr[data-row="${id}"]`);
    await expect(row('mapping')).toContainText('Endpoint-independent');
    await expect(row('mapping')).toContainText(`The same public address ${lab.addr.routerWan}:65002 towards all 3 server addresses asked (`);
    await expect(row('filtering')).toContainText('Address- and port-dependent');
    await expect(row('filtering')).toContainText('Only answers from the exact address and port');
    await expect(row('port')).toContainText('Yes');
    await expect(row('hairpinning')).toContainText('No');
    await expect(row('server')).toContainText(`${lab.addr.stunSecondary}:3479`);
    await expect(row('lifetime')).toContainText('At least 15 s');
    await expect(row('lifetime')).toContainText('The PBX’s keep-alive every 10 s is enough.');
    await page.screenshot({ path: join(SCREENSHOTS, 'nat-masquerade.png') });
    await page.getByTestId('nat-probes').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'nat-masquerade-evidence.png') });
    await page.getByRole('heading', { level: 2 }).scrollIntoViewIfNeeded();

    await page.getByRole('button', { name: 'Deutsch' }).click();
    await expect(verdict).toContainText('Port-Restricted-Cone-NAT — von SwyxWare (SwyxLinkManager) unterstützt');
    await expect(row('filtering')).toContainText('Adress- und portabhängig');
    await expect(row('lifetime')).toContainText('Mindestens 15 s');
    await expect(page.getByRole('img', { name: /TK-Anlage 192\.168\.100\.5:65002 im LAN/ })).toBeVisible();
    await page.screenshot({ path: join(SCREENSHOTS, 'nat-masquerade-de.png') });
    await page.getByTestId('nat-probes').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'nat-masquerade-de-evidence.png') });
  });

  test('shows symmetric NAT behind masquerade --random-fully as a blocker with its fix', async () => {
    test.skip(skipReason !== '', skipReason);
    const { lab, page } = await walkLab('random-fully');
    await goToNatStep(page);

    await page.getByRole('button', { name: 'Run NAT test' }).click();
    const verdict = page.getByTestId('nat-verdict');
    await expect(verdict).toContainText('Symmetric NAT — not supported by SwyxWare', { timeout: 15_000 });
    const fix = page.getByTestId('nat-fix');
    await expect(fix).toContainText('How to fix it');
    await expect(fix).toContainText(`Forward UDP 65002 and UDP 55000-56000 statically to the PBX (${lab.addr.pbx})`);
    await expect(fix).toContainText('Linux without --random-fully');

    const evidence = page.getByTestId('nat-evidence');
    await expect(evidence.locator('tr[data-row="mapping"]')).toContainText('Address- and port-dependent');
    await expect(evidence.locator('tr[data-row="mapping"]')).toContainText('A different public address for different destinations');
    await expect(evidence.locator('tr[data-row="port"]')).toContainText(/Local port 65002 leaves as public port \d+\./);
    const diagram = page.getByTestId('nat-diagram');
    await expect(diagram).toContainText('Symmetric');
    await expect(diagram).toContainText(lab.addr.routerLan);
    await page.screenshot({ path: join(SCREENSHOTS, 'nat-symmetric.png') });
    await diagram.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'nat-symmetric-diagram.png') });
    const probes = page.getByTestId('nat-probes');
    await probes.getByText(/The \d+ probes, one by one/).click();
    await expect(probes.getByRole('row')).toHaveCount(5); // the header and four probes
    await probes.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'nat-symmetric-probes.png') });
  });

  test('compares two STUN servers when the first has no RFC 5780, and says filtering is still unknown', async () => {
    test.skip(skipReason !== '', skipReason);
    const { lab, page } = await walkLab('masquerade', [
      { addresses: [LAB_STUN.primary], rfc5780: false },
      { addresses: [LAB_STUN.other], rfc5780: false },
    ]);
    await goToNatStep(page);

    await page.getByLabel('Second STUN server (optional)').fill(lab.addr.otherStun);
    await page.getByRole('button', { name: 'Run NAT test' }).click();
    const verdict = page.getByTestId('nat-verdict');
    await expect(verdict).toContainText('NAT type unknown — no verdict yet', { timeout: 15_000 });
    await expect(verdict).toContainText('so it is a cone NAT, not a symmetric one');
    await expect(page.getByTestId('nat-fix')).toContainText('To test the filtering, use a STUN server that supports RFC 5780');

    const evidence = page.getByTestId('nat-evidence');
    await expect(evidence.locator('tr[data-row="mapping"]')).toContainText('Endpoint-independent');
    await expect(evidence.locator('tr[data-row="mapping"]')).toContainText('against two STUN servers');
    await expect(evidence.locator('tr[data-row="filtering"]')).toContainText('Unknown');
    await expect(evidence.locator('tr[data-row="server"]')).toContainText('It sends no OTHER-ADDRESS');
    const diagram = page.getByTestId('nat-diagram');
    await expect(diagram).toContainText('STUN server 2');
    await expect(diagram).toContainText(`${lab.addr.otherStun}:3478`);
    await page.screenshot({ path: join(SCREENSHOTS, 'nat-two-servers.png') });

    await page.getByRole('button', { name: 'Deutsch' }).click();
    await expect(verdict).toContainText('NAT-Typ unbekannt — noch kein Urteil');
    await expect(evidence.locator('tr[data-row="filtering"]')).toContainText('Nicht getestet');
    await expect(evidence.locator('tr[data-row="filtering"]').locator('[lang="en"]')).toHaveCount(0);
    await page.getByTestId('nat-probes').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'nat-two-servers-de.png') });
  });
});
