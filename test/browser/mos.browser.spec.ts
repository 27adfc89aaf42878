// The expected call quality (issue 16, item 4) in the wizard, on loopback against a real coturn:
// with the line quality measured, the Measure step's quality card and the Checklist step show a
// gauge with each codec's MOS and grade, in English and German, as the report the handler sent says.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { de } from '../../renderer/src/i18n/de';
import { en, type Messages } from '../../renderer/src/i18n/en';
import type { DiagnoseReport, MosEstimate } from '../../shared/report';
import { chooseLoopback, heading, nextButton, openNetworkStep, shoot, typeServers } from './wizard-page';
import { useLoopbackWizard } from './wizard-server';

const loopback = useLoopbackWizard();

test.use({ locale: 'en-US' });

const LANGUAGES = [
  { lang: 'en', t: en, button: 'English', locale: 'en' },
  { lang: 'de', t: de, button: 'Deutsch', locale: 'de' },
] as const satisfies readonly { lang: string; t: Messages; button: string; locale: string }[];

// Each codec's line in the gauge's list: its MOS in the language's numbers and its grade word.
async function expectGauge(gauge: Locator, estimates: readonly MosEstimate[], t: Messages, locale: string): Promise<void> {
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  await expect(gauge.locator('li[data-codec]')).toHaveCount(estimates.length);
  for (const estimate of estimates) {
    const item = gauge.locator(`li[data-codec="${estimate.codec}"]`);
    if (estimate.mos === null) throw new Error(`${estimate.codec} has no MOS on loopback`);
    await expect(item.getByTestId('mos-value')).toHaveText(t.mos.value(number.format(estimate.mos)));
    await expect(item).toHaveAttribute('data-grade', estimate.grade);
    await expect(item).toContainText(t.mos.grades[estimate.grade]);
    await expect(item).toContainText(t.mos.scales[estimate.scale]);
  }
}

// The gauge is drawn for the eye only; its list says it in words. Nothing serious for axe either.
async function expectAccessible(gauge: Locator, page: Page): Promise<void> {
  await expect(gauge.locator('svg')).toHaveAttribute('aria-hidden', 'true');
  const results = await new AxeBuilder({ page }).include('[data-testid="mos-gauge"]').analyze();
  expect(results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);
}

async function inEachLanguage(page: Page, look: (language: (typeof LANGUAGES)[number]) => Promise<void>): Promise<void> {
  for (const language of LANGUAGES) {
    await page.getByRole('button', { name: language.button }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', language.lang);
    await look(language);
  }
  await page.getByRole('button', { name: 'English' }).click();
}

test('shows each codec\'s MOS and grade on a gauge, on Measure and Checklist, in English and German', async ({ page }) => {
  test.setTimeout(120_000);
  const reports: DiagnoseReport[] = [];
  page.on('response', (response) => {
    if (!response.url().endsWith('/api/invoke/nat:diagnose')) return;
    void response.json().then((body: { ok: boolean; value?: DiagnoseReport }) => {
      if (body.ok && body.value) reports.push(body.value);
    });
  });
  await openNetworkStep(page, loopback.wizard.url);
  await chooseLoopback(page);
  await nextButton(page).click();
  await typeServers(page, { stun: `127.0.0.1:${loopback.coturn.port}` });
  await nextButton(page).click();
  await expect(heading(page, en.measure.title)).toBeFocused();
  const row = page.getByTestId('check-list').locator('[data-check="quality"]');
  await expect(page.getByTestId('nat-verdict')).toBeVisible({ timeout: 60_000 });
  await expect(row).toHaveAttribute('data-state', 'off');

  // The line quality, asked for afterwards: two seconds of it, run on its own.
  await page.getByText(en.measure.options, { exact: true }).click();
  await page.getByLabel(en.measure.qualityLabel).check();
  await page.getByLabel(en.measure.qualitySeconds, { exact: true }).fill('2');
  await page.getByRole('button', { name: en.measure.list.rerunLabel(en.measure.list.name.quality) }).click();
  await expect(row.locator('[data-outcome]')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => reports.at(-1)?.quality?.mos?.length ?? 0).toBeGreaterThan(0);
  const estimates = reports.at(-1)?.quality?.mos ?? [];
  // The SwyxWare profile offers G.711, G.722 and G.729; loopback is a clean line.
  expect(estimates.map((estimate) => estimate.codec)).toEqual(['g711', 'g722', 'g729']);

  const card = page.getByTestId('quality-result');
  await inEachLanguage(page, async ({ t, lang, locale }) => {
    await expect(card.getByRole('heading', { name: t.mos.title })).toBeVisible();
    await expectGauge(card.getByTestId('mos-gauge'), estimates, t, locale);
    await expectAccessible(card.getByTestId('mos-gauge'), page);
    await card.scrollIntoViewIfNeeded();
    await shoot(page, `mos-measure-${lang}`, { full: true });
  });

  await nextButton(page).click();
  await expect(heading(page, en.checklist.title)).toBeFocused();
  const checklistCard = page.getByTestId('checklist-mos');
  await inEachLanguage(page, async ({ t, lang, locale }) => {
    await expect(checklistCard.getByRole('heading', { name: t.mos.title })).toBeVisible({ timeout: 15_000 });
    await expectGauge(checklistCard.getByTestId('mos-gauge'), estimates, t, locale);
    await expectAccessible(checklistCard.getByTestId('mos-gauge'), page);
    await checklistCard.scrollIntoViewIfNeeded();
    await shoot(page, `mos-checklist-${lang}`, { full: true });
  });
});
