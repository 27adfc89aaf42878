// Renders build/icon.svg to the PNG sizes the installers need (Linux: build/icons/NxN.png) and
// packs a Windows .ico (PNG-compressed entries, valid since Windows Vista). Run by hand after
// changing the SVG: node build/make-icons.mjs (uses Debian's Chromium through playwright-core).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const svg = readFileSync(new URL('./icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
const page = await browser.newPage();
const pngs = new Map();
mkdirSync(new URL('./icons/', import.meta.url), { recursive: true });
for (const size of sizes) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  pngs.set(size, png);
  writeFileSync(new URL(`./icons/${size}x${size}.png`, import.meta.url), png);
}
await browser.close();
writeFileSync(new URL('./icon.png', import.meta.url), pngs.get(512));

// ICO: ICONDIR, one ICONDIRENTRY per image, then the PNG data.
const entries = [16, 24, 32, 48, 64, 128, 256];
const header = Buffer.alloc(6 + 16 * entries.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(entries.length, 4);
let offset = header.length;
entries.forEach((size, i) => {
  const png = pngs.get(size);
  const at = 6 + 16 * i;
  header.writeUInt8(size === 256 ? 0 : size, at);
  header.writeUInt8(size === 256 ? 0 : size, at + 1);
  header.writeUInt16LE(1, at + 4);
  header.writeUInt16LE(32, at + 6);
  header.writeUInt32LE(png.length, at + 8);
  header.writeUInt32LE(offset, at + 12);
  offset += png.length;
});
writeFileSync(new URL('./icon.ico', import.meta.url), Buffer.concat([header, ...entries.map((size) => pngs.get(size))]));
console.log(`icons: ${sizes.join(', ')} px, icon.ico with ${entries.length} sizes`);
