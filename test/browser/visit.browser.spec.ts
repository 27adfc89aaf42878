// The wizard in the order of a reseller's visit, on loopback against a real coturn and a real
// kamailio: Welcome → Network → Provider (a provider of one's own, entered in the editor) →
// Measure (one run, started on entering) → Checklist, with every step looked at in English and
// German at 1280 and 880 px; the provider editor's add, edit and remove; and sites over time.
import { expect, test, type Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en';
import { chooseLoopback, heading, nextButton as next, openNetworkStep, shootEverywhere } from './wizard-page';
import { useLoopbackWizard } from './wizard-server';

const loopback = useLoopbackWizard({ kamailio: true });

test.use({ locale: 'en-US', acceptDownloads: true });

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

// Network on loopback with a free SIP port, on to the Provider step.
async function openProviderStep(page: Page): Promise<void> {
  await openNetworkStep(page, loopback.wizard.url);
  await chooseLoopback(page);
  await next(page).click();
  await expect(heading(page, en.provider.title)).toBeFocused();
}

// "Other provider…": the editor, filled in and saved; the provider is then listed and chosen.
async function addProvider(page: Page, fields: { name: string; stun: string; sip?: string; loss?: string; note?: string }): Promise<void> {
  await button(page, en.provider.other).click();
  const editor = page.getByTestId('provider-editor');
  await expect(editor.getByLabel(en.provider.editor.name)).toBeFocused();
  await editor.getByLabel(en.provider.editor.name).fill(fields.name);
  await editor.getByLabel(en.provider.editor.stun).fill(fields.stun);
  if (fields.sip) await editor.getByLabel(en.provider.editor.sip).fill(fields.sip);
  if (fields.loss) await editor.getByLabel(en.provider.editor.loss).fill(fields.loss);
  if (fields.note) await editor.getByLabel(en.provider.editor.notes).fill(fields.note);
  await button(page, en.provider.editor.save).click();
  await expect(editor).toHaveCount(0);
  await expect(page.getByRole('radio', { name: new RegExp(fields.name) })).toBeChecked();
}

test('walks the visit with a provider of its own: one measurement, the checklist and the PDF, every step in both languages at 1280 and 880 px', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(loopback.wizard.url);
  await expect(heading(page, en.welcome.title)).toBeVisible();
  await shootEverywhere(page, 'visit-welcome');
  await button(page, en.welcome.start).click();

  // The header names the provider before anything is measured.
  const steps = page.getByRole('navigation', { name: en.app.stepsLabel }).getByRole('listitem');
  await expect(steps).toHaveText([en.steps.welcome, en.steps.network, en.steps.provider, en.steps.measure, en.steps.checklist].map((name, index) => new RegExp(`${index + 1}\\s*${name}`)));

  await expect(heading(page, en.network.title)).toBeFocused();
  await chooseLoopback(page);
  await shootEverywhere(page, 'visit-network');
  await next(page).click();

  // Provider: the catalog, searched; then one of our own with the loopback servers.
  await expect(heading(page, en.provider.title)).toBeFocused();
  // Before a provider is chosen, the wizard's own default STUN server (trunkcheck ui --stun) stands in.
  await expect(page.getByTestId('servers')).toContainText(en.provider.servers.stunFrom.default);
  await expect(page.getByLabel(en.provider.servers.stunLabel, { exact: true })).toHaveValue(`127.0.0.1:${loopback.coturn.port}`);
  await page.getByLabel(en.provider.search).fill('sipg');
  await expect(page.getByRole('radio')).toHaveCount(1);
  await page.getByRole('radio', { name: /sipgate/ }).check();
  const details = page.getByTestId('provider-details');
  await expect(details.getByTestId('provider-stun')).toHaveText('stun.sipgate.net:10000');
  await expect(page.getByLabel(en.provider.servers.stunLabel, { exact: true })).toHaveValue('stun.sipgate.net:10000');
  await expect(page.getByLabel(en.provider.servers.sipLabel, { exact: true })).toHaveValue('sipconnect.sipgate.de:5060');
  await expect(details.getByTestId('provider-notes')).toContainText(en.provider.source('').trim());
  await shootEverywhere(page, 'visit-provider-sipgate');
  await page.getByLabel(en.provider.search).fill('');

  await addProvider(page, { name: 'Loopback trunk', stun: `127.0.0.1:${loopback.coturn.port}`, sip: `127.0.0.1:${loopback.kamailio.port}`, loss: '2', note: 'Registers every 300 s.' });
  await expect(details).toContainText('Loopback trunk');
  await expect(details).toContainText(en.provider.loss('2'));
  await expect(details).toContainText('Registers every 300 s.');
  await expect(page.getByLabel(en.provider.servers.stunLabel, { exact: true })).toHaveValue(`127.0.0.1:${loopback.coturn.port}`);
  await expect(page.getByLabel(en.provider.servers.sipLabel, { exact: true })).toHaveValue(`127.0.0.1:${loopback.kamailio.port}`);
  await shootEverywhere(page, 'visit-provider');
  await next(page).click();

  // Measure: the run starts on entering the step; every check keeps its own state.
  await expect(heading(page, en.measure.title)).toBeFocused();
  const list = page.getByTestId('check-list');
  const row = (id: string) => list.locator(`[data-check="${id}"]`);
  await expect(page.getByRole('progressbar', { name: en.measure.progressLabel })).toBeVisible();
  await expect(next(page)).toBeDisabled();
  await expect(page.locator('#nav-hint')).toHaveText(en.measure.needFinished);
  await expect(row('sip').locator('[data-outcome]')).toHaveAttribute('data-outcome', 'ok', { timeout: 60_000 });
  for (const id of ['public-address', 'nat', 'media']) await expect(row(id).locator('[data-outcome]')).toHaveAttribute('data-outcome', 'ok');
  await expect(row('quality')).toHaveAttribute('data-state', 'off');
  await expect(page.getByTestId('mapped-address')).toHaveText(/^127\.0\.0\.1:\d+$/);
  await expect(page.getByTestId('nat-verdict')).toBeVisible();
  await expect(page.getByTestId('sip-status')).toHaveText(/^200\b/);
  await expect(page.getByTestId('rules-result').locator('tr')).toHaveCount(4);
  await shootEverywhere(page, 'visit-measure');
  await next(page).click();

  // Checklist: the customer's firewall is chosen once; the PDF.
  await expect(heading(page, en.checklist.title)).toBeFocused();
  await expect(page.getByTestId('checklist-rules').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('firewall-text')).toHaveCount(0);
  await page.getByLabel(en.checklist.firewallLabel).selectOption('nftables');
  await expect(page.getByTestId('firewall-text')).toContainText('127.0.0.1');
  const downloading = page.waitForEvent('download');
  await button(page, en.checklist.exportPdf).click();
  expect((await downloading).suggestedFilename()).toMatch(/\.pdf$/);
  await shootEverywhere(page, 'visit-checklist');

  // Back to Measure and forward again: the report is kept, nothing is measured again.
  await button(page, en.nav.back).click();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(row('sip').locator('[data-outcome]')).toHaveAttribute('data-outcome', 'ok');
  await next(page).click();
  await expect(page.getByLabel(en.checklist.firewallLabel)).toHaveValue('nftables');
});

test('adds, edits and removes a provider of its own, and refuses a bad entry by name with the field marked', async ({ page }) => {
  await openProviderStep(page);
  await button(page, en.provider.other).click();
  const editor = page.getByTestId('provider-editor');
  // Next waits for the editor to be saved or cancelled.
  await expect(next(page)).toBeDisabled();
  await expect(page.locator('#nav-hint')).toHaveText(en.provider.needEditor);

  // The id follows the name; a STUN port that is no port is refused by the main process, by name.
  await editor.getByLabel(en.provider.editor.name).fill('Müller Telekom');
  await expect(editor.getByLabel(en.provider.editor.id)).toHaveValue('muller-telekom');
  await editor.getByLabel(en.provider.editor.stun).fill('stun.mueller.example:99999');
  await button(page, en.provider.editor.save).click();
  const alert = editor.getByRole('alert');
  await expect(alert).toHaveAttribute('data-error-code', 'catalog/invalid-provider');
  await expect(alert).toContainText('Provider "muller-telekom" has an invalid STUN port.');
  await expect(editor.getByLabel(en.provider.editor.stun)).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByLabel(en.provider.editor.stun)).toBeFocused();
  // In German, the same refusal in German.
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(alert).toContainText('Der Anbieter „muller-telekom“');
  await page.getByRole('button', { name: 'English' }).click();
  await shootEverywhere(page, 'visit-provider-refused');

  // A limit that is no number, and a built-in provider's id, are refused too.
  await editor.getByLabel(en.provider.editor.stun).fill('stun.mueller.example:3478');
  await editor.getByLabel(en.provider.editor.jitter).fill('viel');
  await button(page, en.provider.editor.save).click();
  await expect(alert).toContainText('has an invalid delay or jitter limit (ms)');
  await expect(editor.getByLabel(en.provider.editor.jitter)).toHaveAttribute('aria-invalid', 'true');
  await editor.getByLabel(en.provider.editor.jitter).fill('30');
  await editor.getByLabel(en.provider.editor.id).fill('sipgate');
  await button(page, en.provider.editor.save).click();
  await expect(alert).toHaveAttribute('data-error-code', 'store/provider-exists');
  await expect(editor.getByLabel(en.provider.editor.id)).toHaveAttribute('aria-invalid', 'true');
  await editor.getByLabel(en.provider.editor.id).fill('mueller');
  await button(page, en.provider.editor.save).click();
  await expect(editor).toHaveCount(0);
  const chosen = page.getByRole('radio', { name: /Müller Telekom/ });
  await expect(chosen).toBeChecked();
  await expect(page.getByLabel(en.provider.servers.stunLabel, { exact: true })).toHaveValue('stun.mueller.example:3478');
  await expect(page.getByTestId('provider-details')).toContainText(en.provider.jitter('30'));

  // Edit: the id stays; the change is listed at once and kept after a reload.
  await button(page, en.provider.editLabel('Müller Telekom')).click();
  await expect(editor.getByLabel(en.provider.editor.id)).toHaveAttribute('readonly', '');
  await editor.getByLabel(en.provider.editor.name).fill('Müller Telekom (Köln)');
  await editor.getByLabel(en.provider.editor.stun).fill('stun.mueller.example:10000');
  await button(page, en.provider.editor.save).click();
  await expect(page.getByRole('radio', { name: /Müller Telekom \(Köln\)/ })).toBeChecked();
  await expect(page.getByLabel(en.provider.servers.stunLabel, { exact: true })).toHaveValue('stun.mueller.example:10000');
  await page.reload();
  await page.getByRole('button', { name: /^Resume at/ }).click();
  await expect(heading(page, en.provider.title)).toBeFocused();
  await expect(page.getByRole('radio', { name: /Müller Telekom \(Köln\)/ })).toBeChecked();

  // Remove, after a confirmation: gone from the list, and no longer chosen.
  await button(page, en.provider.removeLabel('Müller Telekom (Köln)')).click();
  await expect(page.getByRole('status').filter({ hasText: en.provider.removeConfirm('Müller Telekom (Köln)') })).toBeVisible();
  await button(page, en.provider.removeYes).click();
  await expect(page.getByRole('radio', { name: /Müller Telekom/ })).toHaveCount(0);
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(page.getByTestId('provider-details')).toContainText(en.provider.choose);
});

test('lists the sites measured before with their last verdict, their runs, and what changed between two of them', async ({ page }) => {
  test.setTimeout(120_000);
  await openProviderStep(page);
  await addProvider(page, { name: 'Loopback trunk', stun: `127.0.0.1:${loopback.coturn.port}`, sip: `127.0.0.1:${loopback.kamailio.port}` });
  const measured = async (): Promise<void> => {
    await expect(heading(page, en.measure.title)).toBeFocused();
    await expect(page.getByTestId('check-list').locator('[data-check="nat"] [data-outcome]')).toBeVisible({ timeout: 60_000 });
    await next(page).click();
    await expect(heading(page, en.checklist.title)).toBeFocused();
  };

  // Two visits to one site: with the SIP server, then without it.
  await next(page).click();
  await measured();
  await page.getByLabel(en.checklist.siteName, { exact: true }).fill('Büro Köln');
  await page.getByLabel(en.checklist.customer).fill('Muster GmbH');
  await button(page, en.checklist.save).click();
  await expect(page.getByTestId('history-count')).toHaveText(en.checklist.historyCount(1));
  await button(page, en.nav.back).click();
  await button(page, en.nav.back).click();
  await page.getByLabel(en.provider.servers.sipLabel, { exact: true }).fill('');
  await next(page).click();
  await measured();
  await button(page, en.checklist.save).click();
  await expect(page.getByTestId('history-count')).toHaveText(en.checklist.historyCount(2));

  // The next visit starts on the Welcome step: the site, its last verdict, its runs.
  await page.reload();
  const sites = page.getByTestId('sites');
  const site = sites.locator('[data-site="buro-koln"]');
  await expect(site).toContainText('Büro Köln');
  await expect(site).toContainText('Muster GmbH');
  await expect(site).toContainText(en.welcome.sites.runs(2));
  await expect(site.locator('[data-verdict]')).toHaveText(/.+/);
  await site.getByRole('button', { name: en.welcome.sites.historyLabel('Büro Köln') }).click();
  const history = site.getByTestId('site-history');
  await expect(history.locator('tr[data-run]')).toHaveCount(2);
  const changes = history.getByTestId('site-changes');
  await expect(changes.getByRole('listitem')).toContainText([new RegExp(`127\\.0\\.0\\.1:${loopback.kamailio.port}`)]);
  await shootEverywhere(page, 'visit-welcome-sites');

  // The same run on both ends compares nothing; the two, either way round, the same changes.
  const radios = (column: 'older' | 'newer') => history.locator(`input[name="${column}-buro-koln"]`);
  await radios('older').first().check();
  await expect(changes.getByRole('listitem')).toHaveCount(0);
  await radios('newer').last().check();
  await expect(changes.getByRole('listitem')).toContainText([new RegExp(`127\\.0\\.0\\.1:${loopback.kamailio.port}`)]);

  // A refusal from the main process is said, not swallowed.
  await page.route('**/api/invoke/history:compare', (route) =>
    route.fulfill({ json: { ok: false, error: { code: 'store/not-a-report', file: 'sites/buro-koln/x-checklist.json' } } }),
  );
  await radios('older').last().check();
  await radios('newer').first().check();
  await expect(changes).toContainText(en.welcome.sites.compareFailed);
  await expect(changes).toContainText('only two reports can be compared');
  await page.unroute('**/api/invoke/history:compare');

  // A new visit at the site keeps its name, so the history goes on.
  await site.getByRole('button', { name: en.welcome.sites.visitLabel('Büro Köln') }).click();
  await expect(heading(page, en.network.title)).toBeFocused();
  const saved = await page.evaluate<string | null>(`localStorage.getItem('trunkcheck.wizard.v2')`);
  expect(JSON.parse(saved ?? '{}').site).toMatchObject({ name: 'Büro Köln', customer: 'Muster GmbH' });
});
