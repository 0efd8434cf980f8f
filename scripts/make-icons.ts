// Renders the toolbar icon from its SVG source into public/icon/*.png with
// the test Chromium. Run by hand when the design changes: `npx tsx scripts/make-icons.ts`.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
// @ts-expect-error plain ESM helper
import { findChromium } from './find-chromium.mjs';

// A fact card with two lines of text, the first underlined in the accent colour.
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="26" fill="#1f4e8c"/>
  <rect x="22" y="30" width="84" height="68" rx="10" fill="#ffffff"/>
  <rect x="34" y="46" width="46" height="9" rx="4.5" fill="#1f4e8c"/>
  <rect x="34" y="60" width="46" height="5" rx="2.5" fill="#f2a93b"/>
  <rect x="34" y="74" width="60" height="8" rx="4" fill="#9fb3cc"/>
</svg>`;

const browser = await chromium.launch({ executablePath: findChromium(), args: ['--disable-gpu'] });
const page = await browser.newPage();
mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="data:image/svg+xml;base64,${Buffer.from(SVG).toString('base64')}" width="${size}" height="${size}">`);
  await page.locator('img').screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
}
await browser.close();
console.log('wrote public/icon/{16,32,48,128}.png');
