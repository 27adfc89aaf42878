// The registration with the provider and the expected call quality in the wizard (issue 16, "the
// wizard shows the registration and the MOS in EN and DE"), walked in Chromium against the real
// handlers on loopback: coturn on 127.0.0.1/.2 and a real kamailio registrar (digest auth,
// nathelper pinging registered contacts with OPTIONS) on 127.0.0.3. Once in English and once in
// German (from the browser's locale, as on a German system): Welcome → Network → Provider with the
// trunk's credentials and the warning → Measure, then the line quality for a few seconds → the
// registration panel, rule 2 proven by the provider's own OPTIONS, the MOS gauge → Checklist with
// the registration and the gauge, saved to the site's history. A wrong password makes the line not
// ready, with the credentials first in What to do. The password is never in the browser's
// storage, the wizard's store, nor the page's text.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { de } from '../../renderer/src/i18n/de';
import { en, type Messages } from '../../renderer/src/i18n/en';
import { CODECS } from '../../shared/quality/codecs';
import { registrationFacts } from '../../shared/register-facts';
import type { DiagnoseReport, MosEstimate } from '../../shared/report';
import { DOCUMENT, word, wordAll } from '../../shared/text';
import { startCoturn, type Coturn } from '../support/coturn';
import { englishLines } from '../support/english';
import { startKamailioRegistrar, type KamailioRegistrar } from '../support/kamailio-registrar';
import { shoot } from './wizard-page';
import { randomSipPort, SCREENSHOTS, startWizardServer, type WizardServer } from './wizard-server';

const USER = 'trunk1';
const PASSWORD = 'Tr0nk-S3cret.42';     // what kamailio's digest expects
const WRONG_PASSWORD = 'Wr0ng-S3cret.17';
const REGISTRAR_IP = '127.0.0.3';       // coturn has 127.0.0.1 and .2
const QUALITY_SEC = 3;

const WALKS = [
  { lang: 'en', language: 'English', locale: 'en-US', t: en },
  { lang: 'de', language: 'German', locale: 'de-DE', t: de },
] as const satisfies readonly { lang: 'en' | 'de'; language: string; locale: string; t: Messages }[];
type Walk = (typeof WALKS)[number];

let coturn: Coturn | undefined;
let registrar: KamailioRegistrar | undefined;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  await Promise.all([
    startCoturn().then((started) => (coturn = started)),
    startKamailioRegistrar({ user: USER, password: PASSWORD, address: REGISTRAR_IP, pingIntervalSec: 1 }).then((started) => (registrar = started)),
  ]);
});

test.afterAll(async () => {
  await Promise.all([coturn?.stop(), registrar?.stop()]);
});

function servers(): { coturn: Coturn; registrar: KamailioRegistrar } {
  if (coturn === undefined || registrar === undefined) throw new Error('coturn and the kamailio registrar did not start');
  return { coturn, registrar };
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

// Each report the handler sent, as the page received it.
function reportsOf(page: Page): DiagnoseReport[] {
  const reports: DiagnoseReport[] = [];
  page.on('response', (response) => {
    if (!response.url().endsWith('/api/invoke/nat:diagnose')) return;
    void response.json().then((body: { ok: boolean; value?: DiagnoseReport }) => {
      if (body.ok && body.value) reports.push(body.value);
    });
  });
  return reports;
}

// Every entry of the page's localStorage and sessionStorage, keys and values.
async function storage(page: Page): Promise<string> {
  return page.evaluate<string>(`JSON.stringify([localStorage, sessionStorage].map((store) => Object.keys(store).map((key) => [key, store.getItem(key)])))`);
}

// The password is nowhere the person or another program could read it back: the browser's
// storage, the wizard's store on disk, the page's text or markup.
async function expectNoPassword(page: Page, wizard: WizardServer, password: string): Promise<void> {
  expect(await storage(page), 'localStorage / sessionStorage').not.toContain(password);
  const files = filesUnder(wizard.home);
  for (const file of files) expect(readFileSync(file, 'latin1'), file).not.toContain(password);
  expect(await page.locator('body').innerText(), 'the page\'s text').not.toContain(password);
  expect(await page.content(), 'the page\'s markup').not.toContain(password);
}

// From Welcome to the Measure step on loopback, in the walk's language: 127.0.0.1 with a free SIP
// port, coturn as STUN server, the registrar as SIP server, the trunk's user and `password`.
async function walkToMeasure(page: Page, wizard: WizardServer, walk: Walk, password: string, shootProvider?: (name: string) => Promise<void>): Promise<number> {
  const { t } = walk;
  const { coturn: stun, registrar: sip } = servers();
  const heading = (text: string): Locator => page.getByRole('heading', { level: 2, name: text });
  await page.goto(wizard.url);
  await expect(heading(t.welcome.title)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', walk.lang);
  await page.getByRole('button', { name: t.welcome.start, exact: true }).click();

  await expect(heading(t.network.title)).toBeVisible();
  await page.getByRole('radio', { name: /127\.0\.0\.1/ }).check();
  await page.getByText(t.network.advanced, { exact: true }).click();
  const sipPort = randomSipPort();
  await page.getByLabel(t.network.sipPortLabel).fill(String(sipPort));
  await page.getByRole('button', { name: t.nav.next, exact: true }).click();

  await expect(heading(t.provider.title)).toBeFocused();
  const r = t.provider.register;
  await page.getByLabel(t.provider.servers.stunLabel, { exact: true }).fill(`127.0.0.1:${stun.port}`);
  await page.getByLabel(t.provider.servers.sipLabel, { exact: true }).fill(`${sip.address}:${sip.port}`);
  const form = page.getByTestId('register-form');
  await expect(form.getByRole('heading', { name: r.title })).toBeVisible();
  await expect(page.getByTestId('register-warning')).toHaveCount(0);
  await form.getByLabel(r.userLabel, { exact: true }).fill(USER);
  // The warning comes with the user name: a PBX on the same account may lose its calls meanwhile.
  await expect(page.getByTestId('register-warning')).toHaveText(r.warning);
  await expect(form.getByLabel(r.passwordLabel, { exact: true })).toHaveAttribute('type', 'password');
  await form.getByLabel(r.passwordLabel, { exact: true }).fill(password);
  await expect(form).toContainText(r.passwordHelp);
  if (shootProvider) {
    await form.scrollIntoViewIfNeeded();
    await shootProvider('provider');
  }
  await page.getByRole('button', { name: t.nav.next, exact: true }).click();
  await expect(heading(t.measure.title)).toBeFocused();
  return sipPort;
}

// The cards under test, each as a picture of its own (NAME-1.png …): the main area scrolls, so the
// window is made tall enough to hold the whole step first.
async function shootCards(page: Page, name: string, ...cards: Locator[]): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.setViewportSize({ width: size.width, height: 6000 });
  for (const [index, card] of cards.entries()) await card.screenshot({ path: join(SCREENSHOTS, `${name}-${index + 1}.png`) });
  await page.setViewportSize(size);
}

// Each codec's line in the gauge: its MOS in the language's numbers and its grade.
async function expectGauge(gauge: Locator, estimates: readonly MosEstimate[], t: Messages, locale: string): Promise<void> {
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  await expect(gauge.locator('li[data-codec]')).toHaveCount(estimates.length);
  for (const estimate of estimates) {
    const item = gauge.locator(`li[data-codec="${estimate.codec}"]`);
    if (estimate.mos === null) throw new Error(`${estimate.codec} has no MOS on loopback`);
    await expect(item).toContainText(CODECS[estimate.codec].name);
    await expect(item.getByTestId('mos-value')).toHaveText(t.mos.value(number.format(estimate.mos)));
    await expect(item).toHaveAttribute('data-grade', estimate.grade);
    await expect(item).toContainText(t.mos.grades[estimate.grade]);
  }
}

for (const walk of WALKS) {
  const { lang, language, locale, t } = walk;

  test.describe(`in ${language}`, () => {
    test.use({ locale, viewport: { width: 1280, height: 800 } });
    let wizard: WizardServer | undefined;

    test.beforeAll(async () => {
      wizard = await startWizardServer(`127.0.0.1:${servers().coturn.port}`);
    });

    test.afterAll(async () => {
      await wizard?.stop();
    });

    test(`registers with the provider, proves rule 2 by its OPTIONS ping and shows the MOS, on Measure and Checklist, in ${language}`, async ({ page }) => {
      test.setTimeout(150_000);
      if (!wizard) throw new Error('the wizard server did not start');
      const { registrar: sip } = servers();
      const reports = reportsOf(page);
      const repliesBefore = await sip.pingRepliesSeen(0, 0);
      // The German walk shows no English sentence on any step (code blocks are the vendors' syntax).
      const shootStep = async (step: string): Promise<void> => {
        await page.getByRole('heading', { level: 2 }).scrollIntoViewIfNeeded();
        await shoot(page, `register-walk-${lang}-${step}`, { full: true });
        if (lang !== 'de') return;
        const code = await page.locator('main pre, main code').allInnerTexts();
        const prose = code.reduce((text, block) => text.replace(block, ''), await page.locator('main').innerText());
        expect(englishLines(prose), `English on the German ${step} step`).toEqual([]);
      };

      const sipPort = await walkToMeasure(page, wizard, walk, PASSWORD, shootStep);

      // The run started on entering: registration included.
      const list = page.getByTestId('check-list');
      const registerRow = list.locator('[data-check="register"]');
      await expect(registerRow.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'ok', { timeout: 60_000 });
      await expect(page.getByTestId('verdict-summary')).toBeVisible({ timeout: 60_000 });

      // Then the line quality, ticked under Options, for a few seconds, run on its own.
      await page.getByText(t.measure.options, { exact: true }).click();
      await page.getByLabel(t.measure.qualityLabel).check();
      await page.getByLabel(t.measure.qualitySeconds, { exact: true }).fill(String(QUALITY_SEC));
      await page.getByRole('button', { name: t.measure.list.rerunLabel(t.measure.list.name.quality) }).click();
      await expect(list.locator('[data-check="quality"] [data-outcome]')).toBeVisible({ timeout: 30_000 });
      await expect.poll(() => reports.at(-1)?.quality?.mos?.length ?? 0).toBeGreaterThan(0);
      const report = reports.at(-1) as DiagnoseReport;

      // What the registrar answered, and what it did: 200, MD5 digest, the granted expiry, the
      // address and port it saw, the provider's OPTIONS after N ms, the un-REGISTER.
      const register = report.sip?.register;
      if (!register) throw new Error('the report has no registration');
      expect(register).toMatchObject({ outcome: 'registered', status: 200, challenged: true, algorithm: 'MD5', unregistered: true, via: { received: '127.0.0.1', rport: sipPort } });
      expect(register.expiresSec).toBeGreaterThan(0);
      expect(register.inbound).toMatchObject({ received: true, method: 'OPTIONS', answered: 200 });
      expect(register.inbound?.afterMs).toBeGreaterThan(0);
      expect(await sip.pingRepliesSeen(repliesBefore + 1)).toBeGreaterThan(repliesBefore); // kamailio took our 200
      expect(await sip.isRegistered(USER)).toBe(false);                                    // the un-REGISTER removed it

      const panel = page.getByTestId('register-result');
      await expect(panel.getByRole('heading', { name: t.checks.register.title })).toBeVisible();
      await expect(panel.getByTestId('register-outcome')).toHaveText(t.checks.register.outcome.registered);
      await expect(panel).toContainText(register.aor);
      const facts = registrationFacts(register).map((fact) => word(lang, fact));
      await expect(panel.locator('li')).toHaveText(facts);
      const codes = registrationFacts(register).map((fact) => fact.code);
      expect(codes).toEqual(['registration/outcome', 'registration/digest', 'registration/expiry', 'registration/seen-as', 'registration/inbound', 'registration/unregister']);
      for (const figure of ['200', 'MD5', String(register.expiresSec), `127.0.0.1:${sipPort}`, 'OPTIONS', `${sip.address}:${sip.port}`]) await expect(panel).toContainText(figure);

      // Rule 2 (inbound signalling) is proven with the registration's evidence.
      const rule2 = page.locator('[data-testid="rules-result"] [data-rule="inbound-signalling"]');
      await expect(rule2.locator('[data-status]')).toHaveAttribute('data-status', 'verified');
      const evidence = report.rules.find((rule) => rule.id === 'inbound-signalling')?.evidence ?? [];
      expect(evidence.map((message) => message.code)).toContain('register/inbound-received');
      await expect(rule2).toContainText(wordAll(lang, evidence.filter((message) => message.code === 'register/inbound-received')));

      // The gauge: G.711 and G.722 at least, each with its grade.
      const estimates = report.quality?.mos ?? [];
      expect(estimates.map((estimate) => estimate.codec)).toEqual(expect.arrayContaining(['g711', 'g722']));
      const quality = page.getByTestId('quality-result');
      await expect(quality.getByRole('heading', { name: t.mos.title })).toBeVisible();
      await expectGauge(quality.getByTestId('mos-gauge'), estimates, t, locale);
      await shootCards(page, `register-walk-${lang}-measure-cards`, page.getByTestId('measure-results'), panel, quality);
      await shootStep('measure');

      // Checklist: the registration as the documents list it, and the gauge.
      await page.getByRole('button', { name: t.nav.next, exact: true }).click();
      await expect(page.getByRole('heading', { level: 2, name: t.checklist.title })).toBeFocused();
      const registration = page.getByTestId('checklist-registration');
      await expect(registration.getByRole('heading', { name: DOCUMENT[lang].registrationTitle })).toBeVisible({ timeout: 15_000 });
      await expect(registration.locator('li')).toHaveText(facts);
      const checklistMos = page.getByTestId('checklist-mos');
      await expect(checklistMos.getByRole('heading', { name: t.mos.title })).toBeVisible();
      await expectGauge(checklistMos.getByTestId('mos-gauge'), estimates, t, locale);
      await shootCards(page, `register-walk-${lang}-checklist-cards`, page.getByTestId('checklist-mos'), registration);

      // Saved to the site's history, as a technician would at the end of the visit.
      await page.getByLabel(t.checklist.siteName, { exact: true }).fill(`Register walk ${lang}`);
      await page.getByRole('button', { name: t.checklist.save, exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: t.checklist.saved(1) })).toBeVisible({ timeout: 15_000 });
      expect(filesUnder(wizard.home).some((file) => file.endsWith('-report.json'))).toBe(true);
      await shootStep('checklist');

      await expectNoPassword(page, wizard, PASSWORD);

      // Back on the Provider step the password is still there for "run again", as a password field.
      await page.getByRole('button', { name: t.nav.back, exact: true }).click();
      await page.getByRole('button', { name: t.nav.back, exact: true }).click();
      await expect(page.getByRole('heading', { level: 2, name: t.provider.title })).toBeFocused();
      const field = page.getByTestId('register-form').getByLabel(t.provider.register.passwordLabel, { exact: true });
      await expect(field).toHaveValue(PASSWORD);
      await expect(field).toHaveAttribute('type', 'password');
      await expectNoPassword(page, wizard, PASSWORD);
    });

    test(`names a wrong password first in What to do, and the line is not ready, in ${language}`, async ({ page }) => {
      test.setTimeout(120_000);
      if (!wizard) throw new Error('the wizard server did not start');
      const reports = reportsOf(page);
      await walkToMeasure(page, wizard, walk, WRONG_PASSWORD);

      const summary = page.getByTestId('verdict-summary');
      await expect(summary).toBeVisible({ timeout: 60_000 });
      await expect.poll(() => reports.length).toBeGreaterThan(0);
      const register = reports.at(-1)?.sip?.register;
      expect(register).toMatchObject({ outcome: 'wrong-credentials', unregistered: null });
      if (!register) throw new Error('the report has no registration');

      await expect(summary).toHaveAttribute('data-verdict', 'action-needed');
      await expect(summary.getByRole('heading', { level: 3 })).toHaveText(DOCUMENT[lang].verdicts['action-needed']);
      await expect(summary.getByRole('heading', { level: 3 })).not.toHaveText(DOCUMENT[lang].verdicts.ready);
      await expect(summary.getByTestId('what-to-do').locator('li').first()).toHaveText(word(lang, { code: 'fix/register-credentials', aor: register.aor, status: register.status }));
      const panel = page.getByTestId('register-result');
      await expect(panel.getByTestId('register-outcome')).toHaveText(t.checks.register.outcome['wrong-credentials']);
      await expect(page.getByTestId('check-list').locator('[data-check="register"] [data-outcome]')).toHaveAttribute('data-outcome', 'problem');
      if (lang === 'de') expect(englishLines(await page.locator('main').innerText()), 'English on the German Measure step').toEqual([]);
      await shoot(page, `register-walk-${lang}-wrong-password`, { full: true });
      await expectNoPassword(page, wizard, WRONG_PASSWORD);
    });
  });
}
