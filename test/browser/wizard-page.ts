// What the browser suites do on the wizard's pages again and again: find the step heading and
// Next, tell where the focus is, take screenshots, and get to the Network step with loopback.
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { randomSipPort, SCREENSHOTS } from './wizard-server';

export const heading = (page: Page, name: string | RegExp): Locator => page.getByRole('heading', { level: 2, name });
export const nextButton = (page: Page): Locator => page.getByRole('button', { name: 'Next' });

// Typed without the DOM library: the test files are checked with the Node settings.
export function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => (element as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === element);
}

// What a person sees at 1280×800; with `full`, also the whole step (the main area scrolls, so a
// taller window shows it) as NAME-full.png.
export async function shoot(page: Page, name: string, options: { full?: boolean } = {}): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  if (!options.full) return;
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.setViewportSize({ width: size.width, height: 2400 });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-full.png`) });
  await page.setViewportSize(size);
}

// From the first screen to the Network step, in English.
export async function openNetworkStep(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(heading(page, 'Which address does the PBX use?')).toBeVisible();
}

// Every step is looked at in both languages and at two widths: a laptop (1280 px) and a window
// at half a 1920 px screen with room for the scrollbar (880 px), where the header must wrap.
export const WIDTHS = [1280, 880] as const;

// The step as it is now, in English and German at both widths (NAME-en-1280.png …, and -full
// versions of the whole step); the page is left in English at 1280 px.
export async function shootEverywhere(page: Page, name: string): Promise<void> {
  for (const lang of ['en', 'de'] as const) {
    await page.getByRole('button', { name: lang === 'en' ? 'English' : 'Deutsch' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await shoot(page, `${name}-${lang}-${width}`, { full: true });
    }
  }
  await page.getByRole('button', { name: 'English' }).click();
  await page.setViewportSize({ width: 1280, height: 800 });
}

// From the first screen to the Provider step on loopback, with a free SIP port (returned).
export async function openProviderStep(page: Page, url: string, sipPort = randomSipPort()): Promise<number> {
  await openNetworkStep(page, url);
  await chooseLoopback(page, sipPort);
  await nextButton(page).click();
  await expect(heading(page, 'Which provider does the trunk go to?')).toBeFocused();
  return sipPort;
}

// The servers for the measurement, typed on the Provider step (no provider chosen).
export async function typeServers(page: Page, servers: { stun?: string; sip?: string; second?: string }): Promise<void> {
  if (servers.stun !== undefined) await page.getByLabel('STUN server', { exact: true }).fill(servers.stun);
  if (servers.sip !== undefined) await page.getByLabel('SIP server (optional)', { exact: true }).fill(servers.sip);
  if (servers.second !== undefined) {
    await page.getByText('Second STUN server', { exact: true }).click();
    await page.getByLabel('Second STUN server (optional)', { exact: true }).fill(servers.second);
  }
}

// Only because the suites run on loopback and beside each other: 127.0.0.1 as the PBX's address
// and, under Advanced, a free SIP port. Returns the port.
export async function chooseLoopback(page: Page, sipPort = randomSipPort()): Promise<number> {
  await page.getByRole('radio', { name: /127\.0\.0\.1/ }).check();
  await page.getByText('Advanced', { exact: true }).click();
  await page.getByLabel('Local SIP port (UDP)').fill(String(sipPort));
  return sipPort;
}
