// The wizard in the dual-stack lab (issue 14, item 3): the PBX at 192.168.100.5 and
// 2001:db8:100::5 behind a router that masquerades IPv4 and forwards IPv6 through a stateful
// IPv6 firewall (answers in, nothing unasked); coturn answers RFC 5780 on two IPv4 and two IPv6
// addresses, kamailio OPTIONS on the IPv4 SIP server. Walked in Chromium against the real
// handlers, in English and German, with 3CX (which needs voice from any address): the IPv6 pass
// runs beside the IPv4 one with a line of its own under the bar, and Measure and Checklist show
// both families: the IPv4 verdict, the IPv6 verdict with the PBX's IPv6 address and what the
// IPv6 firewall lets in, and the checklist's IPv6 rules 5–8.
import { mkdirSync } from 'node:fs';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { de } from '../../renderer/src/i18n/de';
import { en, type Messages } from '../../renderer/src/i18n/en';
import { DOCUMENT, word } from '../../shared/text';
import { removeStaleLabs } from '../lab/cleanup';
import { canCreateLabs, createLab, LAB_ADDRESSES6, type Lab } from '../lab/lab';
import { canRunKamailio, startKamailio, type Kamailio } from '../support/kamailio';
import { englishLines } from '../support/english';
import { chromiumIn } from './lab-browser';
import { shoot } from './wizard-page';
import { SCREENSHOTS, startWizardServer } from './wizard-server';

const WALKS = [
  { lang: 'en', locale: 'en-US', t: en },
  { lang: 'de', locale: 'de-DE', t: de },
] as const satisfies readonly { lang: 'en' | 'de'; locale: string; t: Messages }[];

const A6 = LAB_ADDRESSES6;
const SIP_PORT = 5060;   // 3CX's SIP port (shared/catalog/pbx-profiles.json)
const RTP = { from: 9000, to: 10999 }; // 3CX's voice ports

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// What the Measure step shows of a run, at every change of the page: the bar's value, the check
// rows' states and the IPv6 line (a plain script: the test files are checked without the DOM library).
const WATCH_RUN = `
  window.__seen = [];
  const look = () => {
    const bar = document.querySelector('[role="progressbar"]');
    const rows = [...document.querySelectorAll('[data-check]')].map((row) => row.getAttribute('data-check') + '=' + row.getAttribute('data-state'));
    const ipv6 = document.querySelector('[data-testid="ipv6-progress"]');
    window.__seen.push({ at: performance.now(), bar: bar ? Number(bar.getAttribute('aria-valuenow')) : null, rows, ipv6: ipv6 ? ipv6.textContent.trim() : null });
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
`;

interface Seen {
  readonly bar: number | null;
  readonly rows: readonly string[];
  readonly ipv6: string | null;
}

const ROW_ORDER = ['off', 'waiting', 'running', 'cancelling', 'done', 'cancelled'];

test.describe('the wizard in the dual-stack lab: IPv4 and IPv6 side by side', () => {
  let lab: Lab | undefined;
  let kamailio: Kamailio | undefined;
  let browser: Browser | undefined;
  let skipReason = '';

  test.beforeAll(async () => {
    test.setTimeout(60_000);
    const labs = await canCreateLabs();
    const capability = labs.ok ? await canRunKamailio() : labs;
    if (!capability.ok) {
      skipReason = capability.reason;
      return;
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    await removeStaleLabs();
    lab = await createLab({ scenario: 'masquerade', dualStack: true });
    await lab.startCoturn();
    await lab.startCoturn({ addresses: [A6.stunPrimary, A6.stunSecondary] });
    kamailio = await startKamailio({ netns: lab.ns.inet, address: lab.addr.sip, port: 5060 });
    browser = await chromiumIn(lab.ns.lan);
  });

  test.afterAll(async () => {
    await browser?.close();
    await kamailio?.stop();
    await lab?.destroy();
  });

  for (const { lang, locale, t } of WALKS) {
    test(`measures both families and shows each one's verdict, the IPv6 address, its firewall and the IPv6 rules 5–8, in ${lang}`, async () => {
      test.skip(skipReason !== '', skipReason);
      test.setTimeout(120_000);
      if (!lab || !browser) throw new Error('the lab was not set up');
      const a = lab.addr;
      const wizard = await startWizardServer(a.stunPrimary, lab.ns.lan);
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
      try {
        const page: Page = await context.newPage();
        await page.addInitScript(WATCH_RUN);
        const button = (name: string): Locator => page.getByRole('button', { name, exact: true });
        const noEnglish = async (step: string): Promise<void> => {
          if (lang !== 'de') return;
          const code = await page.locator('main pre, main code').allInnerTexts();
          const prose = code.reduce((text, block) => text.replace(block, ''), await page.locator('main').innerText());
          expect(englishLines(prose), `English on the German ${step} step`).toEqual([]);
        };

        await page.goto(wizard.url);
        await button(t.welcome.start).click();
        // Network: the PBX's IPv4 address (its IPv6 one is measured beside it), 3CX.
        await page.getByRole('group', { name: t.network.listLabel }).getByRole('radio', { name: new RegExp(escape(a.pbx)) }).check();
        await page.getByLabel(t.network.profileLabel, { exact: true }).selectOption('3cx');
        await button(t.nav.next).click();
        // Provider: one STUN server per IP version (the lab has no DNS for a name with both).
        await expect(page.getByRole('heading', { level: 2, name: t.provider.title })).toBeFocused();
        await page.getByLabel(t.provider.servers.stunLabel, { exact: true }).fill(a.stunPrimary);
        await page.getByLabel(t.provider.servers.sipLabel, { exact: true }).fill(a.sip);
        await page.getByText(t.provider.servers.more, { exact: true }).click();
        await page.getByLabel(t.provider.servers.secondLabel, { exact: true }).fill(`[${A6.stunPrimary}]`);
        await button(t.nav.next).click();

        // Measure: the IPv6 pass has its own line under the bar while it runs.
        await expect(page.getByRole('heading', { level: 2, name: t.measure.title })).toBeFocused();
        await expect(page.getByTestId('ipv6-progress')).toBeVisible({ timeout: 30_000 });
        await shoot(page, `dual-stack-walk-${lang}-measuring`);
        const summary = page.getByTestId('verdict-summary');
        await expect(summary).toBeVisible({ timeout: 60_000 });

        const seen = (await page.evaluate<Seen[]>('window.__seen')).filter((entry) => entry.bar !== null || entry.ipv6 !== null);
        const lines = seen.map((entry) => entry.ipv6).filter((line): line is string => line !== null);
        expect(lines).toContain(word(lang, { code: 'ipv6/start', address: A6.pbx }));
        expect(lines).toContain(word(lang, { code: 'ipv6/check', address: A6.pbx, check: 'nat' }));
        // "Done" shows while the IPv4 pass still runs; when both passes end in the same moment the
        // result replaces the progress at once, and the IPv6 card below says the pass finished.
        const done = `✓ ${word(lang, { code: 'ipv6/done', address: A6.pbx })}`;
        if (!lines.includes(done)) console.warn('[dual-stack walk] the IPv6 pass ended with the IPv4 pass: no "done" line was on screen');
        // The bar and the rows follow the primary path alone: neither ever goes back.
        const bars = seen.map((entry) => entry.bar).filter((bar): bar is number => bar !== null);
        expect(bars.length).toBeGreaterThan(2);
        bars.forEach((bar, index) => expect(bar, `bar ${bars.join(' ')}`).toBeGreaterThanOrEqual(bars[index - 1] ?? 0));
        const states = new Map<string, number>();
        for (const { rows } of seen) {
          for (const row of rows) {
            const [id, state] = row.split('=') as [string, string];
            const order = ROW_ORDER.indexOf(state);
            expect(order, `${id} went back to ${state}`).toBeGreaterThanOrEqual(states.get(id) ?? 0);
            states.set(id, order);
          }
        }

        // Both families: the IPv4 verdict named as such, the IPv6 one with its address and firewall.
        await expect(page.getByTestId('verdict-path')).toHaveText(t.checks.ipv4Path(a.pbx));
        await expect(summary).toHaveAttribute('data-verdict', 'action-needed');
        const ipv6 = page.getByTestId('ipv6-summary');
        await expect(ipv6).toHaveAttribute('data-verdict', 'action-needed');
        await expect(ipv6.getByRole('heading', { level: 3 })).toHaveText(t.checks.ipv6.title(A6.pbx));
        await expect(page.getByTestId('ipv6-verdict')).toHaveText(DOCUMENT[lang].verdicts['action-needed']);
        await expect(ipv6.locator('[data-finding="ipv6/own-address"]')).toHaveText(word(lang, { code: 'ipv6/own-address', address: A6.pbx }));
        await expect(ipv6.locator('[data-finding="ipv6/firewall-stateful"]')).toHaveText(word(lang, { code: 'ipv6/firewall-stateful', address: A6.pbx }));
        // What to do names the IPv6 firewall's rules for the IPv6 address, labelled with the IPv6
        // rule as the PDF and the Markdown label it ("Rule 8 · Inbound voice (IPv6)"), not rule 4.
        const ipv6Fix = word(lang, { code: 'ipv6-fix/firewall', address: A6.pbx, sipPort: SIP_PORT, rtp: RTP });
        const ipv6FixRule = `${DOCUMENT[lang].rule(8, `${DOCUMENT[lang].ruleNames['inbound-media']} (IPv6)`)}:`;
        if (lang === 'en') expect(ipv6FixRule).toBe('Rule 8 · Inbound voice (IPv6):');
        await expect(summary.getByTestId('what-to-do')).toContainText(ipv6Fix);
        await expect(summary.getByTestId('what-to-do').locator('li').filter({ hasText: ipv6Fix }).locator('strong')).toHaveText(ipv6FixRule);
        const rules6 = page.getByTestId('ipv6-rules-result');
        await expect(rules6.locator('caption')).toHaveText(t.checks.ipv6.rulesTitle);
        await expect(rules6.locator('[data-rule="outbound-media"] [data-status]')).toHaveAttribute('data-status', 'verified');
        await expect(rules6.locator('[data-rule="inbound-media"] [data-status]')).toHaveAttribute('data-status', 'failed');
        await expect(page.getByTestId('rules-result').locator('tr')).toHaveCount(4);
        // The NAT diagram is the IPv4 path's: the IPv6 STUN server is none of its servers.
        await expect(page.getByTestId('nat-diagram')).toContainText(a.stunPrimary);
        await expect(page.getByTestId('nat-diagram')).not.toContainText(A6.stunPrimary);
        await noEnglish('measure');
        await shoot(page, `dual-stack-walk-${lang}-measure`, { full: true });

        // Checklist: both verdicts again, and the eight rules: 1–4 over IPv4, 5–8 over IPv6.
        await button(t.nav.next).click();
        await expect(page.getByRole('heading', { level: 2, name: t.checklist.title })).toBeFocused();
        await expect(page.getByTestId('verdict-path')).toHaveText(t.checks.ipv4Path(a.pbx));
        await expect(page.getByTestId('ipv6-summary')).toHaveAttribute('data-verdict', 'action-needed');
        await expect(page.getByTestId('ipv6-summary').locator('[data-finding="ipv6/firewall-stateful"]')).toBeVisible();
        await expect(page.getByTestId('what-to-do').locator('li').filter({ hasText: ipv6Fix }).locator('strong')).toHaveText(ipv6FixRule);
        const rows = page.getByTestId('checklist-rules').locator('tbody tr');
        await expect(rows).toHaveCount(8);
        for (const [index, row] of (await rows.all()).entries()) {
          const family = index < 4 ? '4' : '6';
          await expect(row).toHaveAttribute('data-family', family);
          await expect(row.locator('th')).toContainText(`${index + 1}. `);
          await expect(row).toContainText(family === '6' ? A6.pbx : a.pbx);
        }
        await expect(rows.nth(7).locator('[data-status]')).toHaveAttribute('data-status', 'failed');
        // Each family's servers in its own rules: the IPv6 STUN server only in rules 5 and 6.
        for (const index of [0, 1]) await expect(rows.nth(index)).not.toContainText(A6.stunPrimary);
        for (const index of [4, 5]) await expect(rows.nth(index)).toContainText(A6.stunPrimary);
        await noEnglish('checklist');
        await shoot(page, `dual-stack-walk-${lang}-checklist`, { full: true });
      } finally {
        await context.close();
        await wizard.stop();
      }
    });
  }
});
