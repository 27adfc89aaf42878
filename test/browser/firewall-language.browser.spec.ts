// The firewall pane on the Checklist step follows the language the moment it is switched: a
// reported bug said the pane kept its English comments right after switching to German, while
// everything around it was German already. On loopback against a real coturn.
import { expect, test } from '@playwright/test';
import { de } from '../../renderer/src/i18n/de';
import { en } from '../../renderer/src/i18n/en';
import { FIREWALL } from '../../shared/text';
import { heading, nextButton, openProviderStep } from './wizard-page';
import { useLoopbackWizard } from './wizard-server';

const loopback = useLoopbackWizard();

test.use({ locale: 'en-US' });

// What the page shows, every time it changes: the language of the page and the firewall pane's
// text (a plain script: the test files are checked without the DOM library).
const WATCH_PANE = `
  window.__panes = [];
  new MutationObserver(() => {
    const pane = document.querySelector('[data-testid="firewall-text"]');
    window.__panes.push({ lang: document.documentElement.lang, text: pane ? pane.textContent : null });
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
`;

interface Pane {
  readonly lang: string;
  readonly text: string | null;
}

test('shows no English comment in the firewall pane once the page is German, and no German one once it is English again', async ({ page }) => {
  test.setTimeout(90_000);
  await page.addInitScript(WATCH_PANE);
  await openProviderStep(page, loopback.wizard.url);
  await nextButton(page).click();
  await expect(page.getByTestId('verdict-summary')).toBeVisible({ timeout: 60_000 });
  await nextButton(page).click();
  await expect(heading(page, en.checklist.title)).toBeFocused();
  await page.getByLabel(en.checklist.firewallLabel).selectOption({ label: 'nftables (Linux)' });
  const pane = page.getByTestId('firewall-text');
  // The nftables export's first comment line: its title in each language.
  const title = { en: FIREWALL.en.common.title('nftables (Linux)'), de: FIREWALL.de.common.title('nftables (Linux)') };
  await expect(pane).toContainText(title.en);

  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(heading(page, de.checklist.title)).toBeVisible();
  await expect(pane).toContainText(title.de);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(heading(page, en.checklist.title)).toBeVisible();
  await expect(pane).toContainText(title.en);

  // Never, between the switches, did a German page show the English pane or the other way round.
  const panes = await page.evaluate<Pane[]>('window.__panes');
  const wrong = panes.filter((shown) => shown.text !== null && shown.text.includes(shown.lang === 'de' ? title.en : title.de));
  expect(wrong.map((shown) => `${shown.lang}: ${shown.text?.split('\n')[0]}`), 'the pane in the other language').toEqual([]);
});
