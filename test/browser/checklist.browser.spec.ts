// The wizard from the first screen to the exported checklist, on loopback against a real coturn
// (STUN, voice ports) and a real kamailio (SIP OPTIONS): Network → Provider → Measure →
// Checklist (the customer's firewall, copy, save, PDF, and the keep-alive monitor).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { nextButton as next, shoot, typeServers } from './wizard-page';
import { randomSipPort, SCREENSHOTS, useLoopbackWizard } from './wizard-server';

test.describe('from the first screen to the firewall checklist, on loopback', () => {
  const loopback = useLoopbackWizard({ kamailio: true });

  test.use({ locale: 'en-US', permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });

  test('checks SIP and the voice ports, watches the keep-alive, and exports a verified checklist', async ({ page }) => {
    test.setTimeout(120_000);
    const sipPort = randomSipPort();
    // Clicks a person needs from the first screen to the PDF; checks the test makes on the way
    // (monitor, tabs, copy, save) are not counted.
    let clicks = 0;
    const click = async (target: Locator): Promise<void> => {
      clicks++;
      await target.click();
    };
    await page.goto(loopback.wizard.url);
    await click(page.getByRole('button', { name: 'Start', exact: true }));
    await expect(page.getByRole('heading', { level: 2, name: 'Which address does the PBX use?' })).toBeVisible();
    // Only because the test runs on loopback and beside other suites: pick 127.0.0.1 and a free port.
    await click(page.getByRole('radio', { name: /127\.0\.0\.1/ }));
    await click(page.getByText('Advanced', { exact: true }));
    await page.getByLabel('Local SIP port (UDP)').fill(String(sipPort));
    await click(next(page));

    // Provider: none of the catalog's, the loopback servers typed (typing is not a click).
    await expect(page.getByRole('heading', { level: 2, name: 'Which provider does the trunk go to?' })).toBeFocused();
    await typeServers(page, { sip: `127.0.0.1:${loopback.kamailio.port}` });
    await click(next(page));

    // Measure: the run starts on entering.
    await expect(page.getByRole('heading', { level: 2, name: 'Measuring the line' })).toBeFocused();
    await expect(next(page)).toBeDisabled();
    await expect(page.locator('#nav-hint')).toHaveText('Wait for the measurement to finish.');
    await expect(page.getByTestId('nat-verdict')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('sip-status')).toContainText('200');
    await expect(page.getByTestId('sip-result')).toContainText('Answered');
    const outbound = await page.getByTestId('media-outbound').innerText();
    const [verified, probed] = (/(\d+) of (\d+)/.exec(outbound) ?? []).slice(1).map(Number);
    expect(probed).toBeGreaterThan(0);
    expect(verified).toBe(probed);
    await expect(page.getByTestId('rules-result').locator('tr')).toHaveCount(4);
    await expect(page.locator('[data-rule="outbound-media"] [data-status]')).toHaveAttribute('data-status', 'verified');
    await shoot(page, 'measure-results', { full: true });

    // Checklist
    await click(next(page));
    await expect(page.getByRole('heading', { level: 2, name: 'Your verified firewall checklist' })).toBeFocused();
    await page.getByLabel('Site', { exact: true }).fill('Büro Köln');
    await page.getByLabel('Customer').fill('Muster GmbH');
    await page.getByLabel('Technician').fill('A. Tester');
    await expect(page.getByText('Site id: buro-koln')).toBeVisible();
    const rules = page.getByTestId('checklist-rules');
    await expect(rules.locator('tbody tr')).toHaveCount(4);
    await expect(rules).toContainText('127.0.0.1');
    await expect(rules).toContainText('55000-56000');

    // The customer's firewall, chosen once among all eight.
    const firewall = page.getByLabel('Customer’s firewall');
    await expect(firewall.locator('option')).toHaveCount(9); // "Not chosen" and the eight
    await expect(page.getByTestId('firewall-text')).toHaveCount(0);
    await firewall.selectOption({ label: 'nftables (Linux)' });
    const text = page.getByTestId('firewall-text');
    await expect(text).toContainText('127.0.0.1');
    // The checklist rebuilds as the site fields change: copy the version that names the site.
    await expect(text).toContainText('Büro Köln');
    await page.getByTestId('firewall').getByRole('button', { name: 'Copy' }).click();
    await expect(page.getByTestId('firewall').getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(await text.innerText());

    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('history-count')).toHaveText('1 report');
    await expect(page.getByText('Saved. 1 report for this site.')).toBeVisible();

    const downloading = page.waitForEvent('download');
    await click(page.getByRole('button', { name: 'Export PDF' }));
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(page.getByText(/^Exported .*\.pdf\.$/)).toBeVisible();
    await shoot(page, 'checklist', { full: true });
    console.log(`Clicks from the first screen to the PDF download: ${clicks} (2 of them only for the loopback address and a free SIP port)`);
    expect(clicks).toBeLessThanOrEqual(8); // the lab walk's 6, and the 2 for loopback

    // Keep-alive monitor: start, at least two answered keep-alives, stop.
    await page.getByText('Keep-alive monitor', { exact: true }).first().click();
    const monitor = page.getByTestId('monitor');
    await monitor.getByLabel('Interval (s)').fill('0.5');
    await monitor.getByRole('button', { name: 'Start' }).click();
    await expect(monitor.locator('[data-kind="ok"]').nth(1)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('rtt-chart').locator('circle').nth(2)).toBeAttached();
    await monitor.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'checklist-monitor.png') });
    await monitor.getByRole('button', { name: 'Stop' }).click();
    await expect(monitor).toContainText(/Stopped: \d+ of \d+ keep-alives answered/);

    // The checklist follows the UI language.
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Ihre geprüfte Firewall-Checkliste' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'PDF exportieren' })).toBeEnabled();
    await expect(page.getByTestId('checklist-rules')).toContainText('Bestätigt');
    // The evidence too: the report holds codes, worded in the language on screen.
    const german = page.getByTestId('checklist-rules');
    await expect(german).toContainText(`Die STUN-Binding-Anfrage von UDP ${sipPort} an 127.0.0.1:${loopback.coturn.port} wurde beantwortet`);
    await expect(german).toContainText(`Auch die SIP-Antwort 200 OK von 127.0.0.1:${loopback.kamailio.port} kam an UDP ${sipPort} an.`);
    await expect(german).not.toContainText(/was answered|reached|Allow UDP/);
    await expect(german.locator('[lang="en"]')).toHaveCount(0);
    await shoot(page, 'checklist-de', { full: true });
    await page.getByRole('button', { name: 'Zurück' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Die Leitung wird gemessen' })).toBeFocused();
    await expect(page.getByTestId('rules-result')).toContainText(`Die STUN-Antwort von 127.0.0.1:${loopback.coturn.port} kam an UDP ${sipPort} an.`);
    await expect(page.getByTestId('rules-result').locator('[lang="en"]')).toHaveCount(0);
    await shoot(page, 'measure-results-de', { full: true });
  });
});
