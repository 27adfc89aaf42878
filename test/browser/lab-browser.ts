// Debian's Chromium inside a lab namespace, for the browser suites that walk the wizard in a real
// NAT lab. The wizard's server listens on the namespace's own 127.0.0.1, which only a browser
// inside the namespace can reach: a tiny wrapper script starts Chromium there, and Playwright
// drives it over a pipe, which crosses namespaces.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// No name lookups: the lab has no resolver, so Chromium's own queries (to the host's resolver)
// would hang for seconds, each holding a random UDP port on the PBX's address, now and then one
// in the RTP range that the wizard then rightly reports as held by another program.
const NO_DNS = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

// Closing the browser also removes its wrapper script.
export async function chromiumIn(netns: string): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), 'trunkcheck-chromium-'));
  const wrapper = join(dir, 'chromium-in-netns');
  writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${netns} ${CHROMIUM} "$@"\n`);
  chmodSync(wrapper, 0o755);
  try {
    const browser = await chromium.launch({ executablePath: wrapper, args: [...CHROMIUM_ARGS, NO_DNS] });
    browser.once('disconnected', () => rmSync(dir, { recursive: true, force: true }));
    return browser;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
