// The NAT part of the Measure step, end to end: the built CLI serves the wizard (`trunkcheck ui`),
// a real coturn answers, and Chromium walks Network → Provider → Measure as a person would. Once
// on loopback (no NAT at all), then inside real Linux NATs made of network namespaces, where the
// wizard's server and Chromium both run on the lab's LAN host.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { removeStaleLabs } from '../lab/cleanup';
import { canCreateLabs, createLab, LAB_ADDRESSES, type Lab, type LabScenario } from '../lab/lab';
import { chromiumIn } from './lab-browser';
import { hasFocus, heading, nextButton, openNetworkStep, openProviderStep, typeServers } from './wizard-page';
import { SCREENSHOTS, startWizardServer, useLoopbackWizard } from './wizard-server';

const LAB_STUN = { primary: LAB_ADDRESSES.stunPrimary, other: LAB_ADDRESSES.otherStun } as const;

async function toMeasure(page: Page): Promise<void> {
  await nextButton(page).click();
  await expect(heading(page, 'Measuring the line')).toBeFocused();
  await expect(page.getByRole('navigation', { name: 'Wizard steps' }).getByRole('listitem').nth(3)).toHaveAttribute('aria-current', 'step');
}

test.describe('on loopback against a real coturn', () => {
  const loopback = useLoopbackWizard();

  test.use({ locale: 'en-US' });

  test('finds no NAT on loopback and shows the evidence, the probes and the path', async ({ page }) => {
    const sipPort = await openProviderStep(page, loopback.wizard.url);
    // A bad second server blocks the way on and says why; an empty one is fine.
    await typeServers(page, { second: 'not a server:x' });
    await expect(page.getByText('Write the server as host or host:port')).toBeVisible();
    await expect(nextButton(page)).toBeDisabled();
    await page.getByLabel('Second STUN server (optional)').fill(`127.0.0.1:${loopback.coturn.port}`);
    await expect(page.getByText('Name another server than the first')).toBeVisible();
    await expect(nextButton(page)).toBeDisabled();
    await page.getByLabel('Second STUN server (optional)').fill('');
    await toMeasure(page);

    const verdict = page.getByTestId('nat-verdict');
    await expect(verdict).toContainText('No NAT (open internet) — supported by SwyxWare', { timeout: 15_000 });
    await expect(page.getByTestId('nat-fix')).toHaveCount(0);
    await page.getByText('Options', { exact: true }).click();
    await expect(page.getByLabel('Also measure the binding lifetime (takes 15 s)')).not.toBeChecked();

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

  test('announces the end of the run, and opens its options and probes with the keyboard', async ({ page }) => {
    await openNetworkStep(page, loopback.wizard.url);
    await page.getByRole('radio', { name: /127\.0\.0\.1/ }).check();
    await page.getByText('Advanced', { exact: true }).click();
    await page.getByLabel('Local SIP port (UDP)').fill(String(50000 + Math.floor(Math.random() * 4000)));
    await nextButton(page).click();
    const next = nextButton(page);
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(heading(page, 'Measuring the line')).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'Measurement complete.' })).toBeAttached({ timeout: 15_000 });

    const options = page.getByText('Options', { exact: true });
    await options.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const lifetime = page.getByLabel(/Also measure the binding lifetime/);
    await expect(lifetime).toBeFocused();
    await page.keyboard.press('Space');
    await expect(lifetime).toBeChecked();
    // Only the NAT check depends on it: its row offers to run it again, the others do not change.
    const list = page.getByTestId('check-list');
    await expect(list.locator('[data-check="nat"]')).toContainText('Settings changed: run it again');
    await expect(list.locator('[data-check="media"]')).not.toContainText('Settings changed');
    await page.keyboard.press('Space');
    await expect(lifetime).not.toBeChecked();
    await expect(list.locator('[data-check="nat"]')).not.toContainText('Settings changed');

    const summary = page.getByText(/The \d+ probes, one by one/);
    for (let i = 0; i < 30 && !(await hasFocus(summary)); i++) await page.keyboard.press('Tab');
    await expect(summary).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('nat-probes').getByRole('table')).toBeVisible();
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
  // `second`: a second STUN server, typed on the Provider step.
  async function walkLab(scenario: LabScenario, servers: { addresses?: string[]; rfc5780?: boolean }[] = [{}], second?: string): Promise<{ lab: Lab; page: Page }> {
    const lab = await createLab({ scenario });
    labs.add(lab);
    for (const server of servers) await lab.startCoturn(server);
    const wizard = await startWizardServer(lab.addr.stunPrimary, lab.ns.lan);
    cleanups.push(() => wizard.stop());
    const browser = await chromiumIn(lab.ns.lan);
    cleanups.push(() => browser.close());
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();

    await openNetworkStep(page, wizard.url);
    await page.getByRole('radio', { name: new RegExp(lab.addr.pbx.replaceAll('.', '\\.')) }).check();
    await nextButton(page).click();
    await expect(page.getByLabel('STUN server', { exact: true })).toHaveValue(lab.addr.stunPrimary);
    if (second !== undefined) await typeServers(page, { second });
    await toMeasure(page);
    await expect(page.getByTestId('mapped-address')).toHaveText(new RegExp(`^${lab.addr.routerWan.replaceAll('.', '\\.')}:\\d+$`), { timeout: 30_000 });
    return { lab, page };
  }

  test('shows port restricted cone NAT behind plain masquerade, with the router in the diagram', async () => {
    test.skip(skipReason !== '', skipReason);
    test.setTimeout(90_000);
    const { lab, page } = await walkLab('masquerade');
    await expect(page.getByTestId('mapped-address')).toHaveText(`${lab.addr.routerWan}:65002`);
    const verdict = page.getByTestId('nat-verdict');
    await expect(verdict).toContainText('Port restricted cone NAT — supported by SwyxWare', { timeout: 30_000 });

    // The binding lifetime, asked for afterwards: the NAT check alone runs again, the others stay.
    await page.getByText('Options', { exact: true }).click();
    await page.getByLabel('Also measure the binding lifetime (takes 15 s)').check();
    const list = page.getByTestId('check-list');
    await page.getByRole('button', { name: 'Run again: NAT behaviour' }).click();
    await expect(page.getByRole('status').filter({ hasText: /idle bindings to expire/i })).toBeVisible({ timeout: 10_000 });
    await expect(list.locator('[data-check="nat"]')).toHaveAttribute('data-state', 'running');
    await expect(list.locator('[data-check="media"]')).toHaveAttribute('data-state', 'done');
    await page.screenshot({ path: join(SCREENSHOTS, 'nat-progress.png') });
    await expect(list.locator('[data-check="nat"] [data-outcome]')).toHaveAttribute('data-outcome', 'ok', { timeout: 40_000 });
    await expect(verdict).toContainText('Port restricted cone NAT — supported by SwyxWare');
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
    await heading(page, 'Measuring the line').scrollIntoViewIfNeeded();

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
    const verdict = page.getByTestId('nat-verdict');
    await expect(verdict).toContainText('Symmetric NAT — not supported by SwyxWare', { timeout: 30_000 });
    await expect(page.getByTestId('check-list').locator('[data-check="nat"] [data-outcome]')).toHaveAttribute('data-outcome', 'problem');
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
    const { lab, page } = await walkLab(
      'masquerade',
      [
        { addresses: [LAB_STUN.primary], rfc5780: false },
        { addresses: [LAB_STUN.other], rfc5780: false },
      ],
      LAB_STUN.other,
    );
    const verdict = page.getByTestId('nat-verdict');
    await expect(verdict).toContainText('NAT type unknown — no verdict yet', { timeout: 30_000 });
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
