// The whole wizard in a real NAT lab, walked as a reseller at the PBX would walk it with the
// defaults: the wizard's server and Chromium on the lab's LAN host (192.168.100.5) behind plain
// masquerade, coturn and kamailio on the lab's internet. The provider is sipgate-like: STUN on
// port 10000, taken from the provider's entry (added to this wizard's store with `trunkcheck
// providers --add`, since the lab has no DNS for stun.sipgate.net); the wizard's own default
// STUN server is the lab's on port 3478, where nothing listens, so a walk that measured against
// the default instead of the provider's port would fail. Once in English and once in German
// (from the browser's locale, as on a German system), from the first screen to the exported
// PDF, with a screenshot of every step and the clicks counted.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import type { Provider } from '../../shared/catalog/providers';
import { de } from '../../renderer/src/i18n/de';
import { en, type Messages } from '../../renderer/src/i18n/en';
import { DOCUMENT, word } from '../../shared/text';
import { removeStaleLabs } from '../lab/cleanup';
import { canCreateLabs, createLab, LAB_ADDRESSES, type Lab } from '../lab/lab';
import { canRunKamailio, startKamailio, type Kamailio } from '../support/kamailio';
import { englishLines } from '../support/english';
import { runProcess } from '../support/processes';
import { chromiumIn } from './lab-browser';
import { shoot } from './wizard-page';
import { ROOT, SCREENSHOTS, startWizardServer, type WizardServer } from './wizard-server';

const PDFS = join(ROOT, 'test-results', 'pdf');
const WALKS = [
  { lang: 'en', language: 'English', locale: 'en-US', t: en },
  { lang: 'de', language: 'German', locale: 'de-DE', t: de },
] as const satisfies readonly { lang: 'en' | 'de'; language: string; locale: string; t: Messages }[];

const SIP_PORT = 65002;                 // the default profile's SIP port; free, the LAN host is its own namespace
const PROVIDER_PORT = 5060;             // RFC 3261 §19.1.2: the default SIP port, where kamailio listens
const STUN_PORT = 10000;                // sipgate's STUN port (DESIGN.md), instead of RFC 8489's 3478
const PBX = 'SwyxWare (SwyxLinkManager)'; // the default PBX profile (shared/catalog/pbx-profiles.json)
// Start, Next (network), the provider, Next (the measurement starts on entering), Next, Export
// PDF (issue 15). A seventh click means the defaults got worse (say, the LAN address is no longer
// preselected, or the measurement waits for a button).
const MAX_CLICKS = 6;

// The lab's sipgate: its STUN server on port 10000, its SIP server on 5060, as the catalog's
// sipgate entry has them, at the lab's addresses. Words without an English sentence, since the
// German walk shows them too.
const LAB_SIPGATE: Provider = {
  id: 'lab-sipgate',
  name: 'Lab-sipgate',
  sip: { host: LAB_ADDRESSES.sip, alternateHosts: [], port: PROVIDER_PORT, transport: 'udp', outboundProxy: null, source: 'test/browser/lab-walk.browser.spec.ts' },
  stun: { host: LAB_ADDRESSES.stunPrimary, port: STUN_PORT, source: 'test/browser/lab-walk.browser.spec.ts' },
  media: null,
  networks: null,
  quality: null,
  notes: [{ text: `coturn ${LAB_ADDRESSES.stunPrimary}:${STUN_PORT}, kamailio ${LAB_ADDRESSES.sip}:${PROVIDER_PORT}`, source: 'test/browser/lab-walk.browser.spec.ts' }],
};

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function must(command: string, args: string[]): Promise<string> {
  const result = await runProcess(command, args, { timeoutMs: 30_000 });
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  return result.stdout;
}

test.describe('the whole wizard in a real NAT lab behind masquerade', () => {
  let lab: Lab | undefined;
  let kamailio: Kamailio | undefined;
  let browser: Browser | undefined;
  let skipReason = '';
  const cleanups: (() => Promise<void>)[] = [];

  test.beforeAll(async () => {
    test.setTimeout(60_000);
    const labs = await canCreateLabs();
    const capability = labs.ok ? await canRunKamailio() : labs;
    if (!capability.ok) {
      skipReason = capability.reason;
      console.log(`[lab-walk] skipped: ${skipReason}`);
      return;
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    mkdirSync(PDFS, { recursive: true });
    await removeStaleLabs();
    lab = await createLab({ scenario: 'masquerade' });
    await lab.startCoturn({ port: STUN_PORT });
    kamailio = await startKamailio({ netns: lab.ns.inet, address: lab.addr.sip, port: PROVIDER_PORT });
    browser = await chromiumIn(lab.ns.lan);
  });

  test.afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  test.afterAll(async () => {
    await browser?.close();
    await kamailio?.stop();
    await lab?.destroy();
  });

  // A fresh wizard (its own empty TRUNKCHECK_HOME) and a fresh browser profile for each walk.
  async function openWizard(locale: string): Promise<{ page: Page; wizard: WizardServer }> {
    if (!lab || !browser) throw new Error('the lab was not set up');
    const wizard = await startWizardServer(lab.addr.stunPrimary, lab.ns.lan, [LAB_SIPGATE]);
    cleanups.push(() => wizard.stop());
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale, acceptDownloads: true });
    cleanups.push(() => context.close());
    return { page: await context.newPage(), wizard };
  }

  for (const { lang, language, locale, t } of WALKS) {
    test(`finds port restricted cone NAT, reaches kamailio and exports a verified checklist with the defaults, in ${language}`, async () => {
      test.skip(skipReason !== '', skipReason);
      test.setTimeout(120_000);
      if (!lab) throw new Error('the lab was not set up');
      const a = lab.addr;
      const publicSip = `${a.routerWan}:${SIP_PORT}`;
      const { page, wizard } = await openWizard(locale);
      const name = (step: string): string => `lab-walk-${lang}-${step}`;
      // The German walk shows no English sentence on any step (code blocks are the vendors' syntax).
      const shootStep = async (step: string, options?: { full: boolean }): Promise<void> => {
        await shoot(page, name(step), options);
        if (lang !== 'de') return;
        const code = await page.locator('main pre, main code').allInnerTexts();
        const prose = code.reduce((text, block) => text.replace(block, ''), await page.locator('main').innerText());
        expect(englishLines(prose), `English on the German ${step} step`).toEqual([]);
      };

      let clicks = 0;
      const click = async (target: Locator): Promise<void> => {
        clicks++;
        await target.click();
      };
      const heading = (text: string | RegExp): Locator => page.getByRole('heading', { level: 2, name: text });
      const button = (text: string): Locator => page.getByRole('button', { name: text, exact: true });

      // Welcome, in the system's language.
      await page.goto(wizard.url);
      await expect(heading(t.welcome.title)).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await shootStep('welcome');
      await click(button(t.welcome.start));

      // The header names the provider before anything is measured.
      await expect(page.getByRole('navigation', { name: t.app.stepsLabel }).getByRole('listitem')).toHaveText(
        [t.steps.welcome, t.steps.network, t.steps.provider, t.steps.measure, t.steps.checklist].map((step, index) => new RegExp(`^${index + 1}\\s*${escape(step)}$`)),
      );

      // Network: the LAN address, the default SIP port.
      await expect(heading(t.network.title)).toBeVisible();
      const interfaces = page.getByRole('group', { name: t.network.listLabel });
      await expect(interfaces.getByRole('radio', { checked: true })).toHaveCount(1);
      const pbx = interfaces.getByRole('radio', { name: new RegExp(escape(a.pbx)) });
      const preselected = await pbx.isChecked();
      if (!preselected) await click(pbx);
      await expect(pbx).toBeChecked();
      await expect(page.locator('.summary')).toContainText(`${a.pbx}:${SIP_PORT}`);
      await shootStep('network');
      await click(button(t.nav.next));

      // Provider: sipgate-like, from the list; its STUN server comes with port 10000.
      await expect(heading(t.provider.title)).toBeFocused();
      await click(page.getByRole('radio', { name: new RegExp(escape(LAB_SIPGATE.name)) }));
      const stunServer = `${a.stunPrimary}:${STUN_PORT}`;
      await expect(page.getByLabel(t.provider.servers.stunLabel, { exact: true })).toHaveValue(stunServer);
      await expect(page.getByLabel(t.provider.servers.sipLabel, { exact: true })).toHaveValue(`${a.sip}:${PROVIDER_PORT}`);
      await expect(page.getByTestId('provider-notes')).toContainText(LAB_SIPGATE.notes[0]?.text ?? '');
      await shootStep('provider');
      await click(button(t.nav.next));

      // Measure: one run, started on entering the step, against the provider's servers.
      const verdictText = `${word(lang, { code: 'nat/type', classic: 'port-restricted-cone' })} — ${t.nat.supported(PBX)}`;
      await expect(heading(t.measure.title)).toBeFocused();
      await expect(page.getByTestId('measure-route')).toContainText(t.measure.stunTo(stunServer));
      await expect(page.getByTestId('rules-result').locator('tr')).toHaveCount(4, { timeout: 60_000 });
      await expect(page.getByTestId('mapped-address')).toHaveText(publicSip);
      const result = page.getByTestId('public-address-result');
      await expect(result).toContainText(t.publicAddress.portPreserved);
      await expect(result).toContainText(t.publicAddress.behindNat);
      await expect(page.getByTestId('nat-verdict')).toContainText(verdictText);
      const diagram = page.getByTestId('nat-diagram');
      for (const address of [`${a.pbx}:${SIP_PORT}`, a.routerLan, a.routerWan, publicSip, stunServer]) await expect(diagram).toContainText(address);
      const sip = page.getByTestId('sip-result');
      await expect(sip).toContainText(`${a.sip}:${PROVIDER_PORT}`);
      await expect(sip).toContainText(t.checks.sip.reachable);
      await expect(page.getByTestId('sip-status')).toHaveText(/^200\b/);
      await expect(sip).toContainText(publicSip); // the provider saw the NAT's public address and port
      const [verified, probed] = (/(\d+)\D+(\d+)/.exec(await page.getByTestId('media-outbound').innerText()) ?? []).slice(1).map(Number);
      expect(probed).toBeGreaterThan(0);
      expect(verified).toBe(probed);
      for (const rule of ['outbound-signalling', 'inbound-signalling', 'outbound-media']) {
        await expect(page.locator(`[data-testid="rules-result"] [data-rule="${rule}"] [data-status]`)).toHaveAttribute('data-status', 'verified');
      }
      const list = page.getByTestId('check-list');
      for (const check of ['public-address', 'nat', 'sip']) await expect(list.locator(`[data-check="${check}"] [data-outcome]`)).toHaveAttribute('data-outcome', 'ok');
      await expect(list.locator('[data-check="media"]')).toHaveAttribute('data-state', 'done');
      // The headline is the verdict: SwyxWare sends first from every RTP port, so behind masquerade
      // the return path is all rule 4 needs, and the line is ready, its caveat listed under it.
      const summary = page.getByTestId('verdict-summary');
      await expect(summary).toHaveAttribute('data-verdict', 'ready');
      await expect(summary.getByRole('heading', { level: 3 })).toHaveText(DOCUMENT[lang].verdicts.ready);
      await expect(summary).toContainText(DOCUMENT[lang].caveatsTitle);
      await expect(page.locator('[data-testid="rules-result"] [data-rule="inbound-media"] [data-status]')).toHaveAttribute('data-status', 'verified');
      await shootStep('measure', { full: true });
      await click(button(t.nav.next));

      // Checklist
      await expect(heading(t.checklist.title)).toBeFocused();
      await expect(page.getByTestId('verdict-summary')).toHaveAttribute('data-verdict', 'ready');
      const rules = page.getByTestId('checklist-rules');
      await expect(rules.locator('tbody tr')).toHaveCount(4);
      await expect(rules).toContainText(a.pbx);
      await expect(rules).toContainText(a.sip);
      await expect(rules).toContainText(String(SIP_PORT));
      const downloading = page.waitForEvent('download');
      await click(button(t.checklist.exportPdf));
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const pdfPath = join(PDFS, `lab-walk-${lang}.pdf`);
      await download.saveAs(pdfPath);
      await expect(button(t.checklist.exportPdf)).toBeEnabled();
      // Confirmed even without a site name (only saving needs one).
      await expect(page.getByRole('status').filter({ hasText: t.checklist.exported(download.suggestedFilename()) })).toBeVisible();
      await shootStep('checklist', { full: true });

      console.log(`[lab-walk] ${lang}: ${clicks} clicks from the first screen to the PDF with the defaults${preselected ? '' : ` (1 to choose ${a.pbx}, which was not preselected)`}`);
      expect(clicks, `clicks from the first screen to the PDF (the PBX address was ${preselected ? '' : 'not '}preselected)`).toBeLessThanOrEqual(MAX_CLICKS);

      // The PDF itself: the lab's addresses, in the walk's language.
      expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = await must('pdftotext', ['-layout', pdfPath, '-']);
      expect(text).toContain(DOCUMENT[lang].title);
      for (const address of [a.pbx, a.routerWan, a.sip]) expect(text).toContain(address);
      expect(text).toContain(String(STUN_PORT)); // the provider's STUN port, in the rule that opens it
      if (lang === 'de') {
        expect(text).not.toContain(DOCUMENT.en.title);
        expect(englishLines(text), 'English in the German PDF').toEqual([]);
      }
      await must('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(PDFS, `lab-walk-${lang}-page1`)]);
    });
  }
});
