// `npm run screenshots`: regenerates the README's screenshots in docs/ from
// the built extension, on the team-written fixture pages. Not a test: it
// asserts nothing beyond waiting for what it photographs.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { serveFixtures } from './harness/serve-fixtures';
import { EXTENSION_DIR, extensionIdOf, launchWithExtension } from './harness/launch-chromium';
import { mentionPoint, openPopupOver, readPageMentions } from './harness/page-mentions';
import { buildWithHostAccess } from './harness/build-with-host-access';

const DOCS = resolve(import.meta.dirname, '../docs');
const SCHEMES = ['light', 'dark'] as const;
mkdirSync(DOCS, { recursive: true });

const shot = (name: string) => {
  const path = join(DOCS, name);
  console.log(`  ${path}`);
  return path;
};

/**
 * Waits for the card: it is drawn in the extension's frame (card-frame.html),
 * out of the page's reach, so the wait reads that frame's document. The host
 * shows the frame once the card in it has been measured.
 */
async function cardShown(page: Page): Promise<void> {
  const drawn = async () => {
    for (const frame of page.frames()) {
      if (!frame.url().includes('/card-frame.html')) continue;
      if (await frame.evaluate('!!document.querySelector(\'[role="dialog"]\')?.checkVisibility()').catch(() => false)) return true;
    }
    return false;
  };
  const until = Date.now() + 15_000;
  while (!(await drawn())) {
    if (Date.now() > until) throw new Error('no card was drawn');
    await page.waitForTimeout(50);
  }
  // The frame has already sent its size: the host shows it before the page's next frames.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

const server = await serveFixtures(resolve(import.meta.dirname, '../tests/fixtures'));
// The popup's save preview needs the extractor injected: see build-with-host-access.ts.
const build = buildWithHostAccess(EXTENSION_DIR);
const context = await launchWithExtension({ extensionDir: build.dir });
try {
  const extensionId = await extensionIdOf(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1000, height: 700 });
  // No entrance transition to catch half-way.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  console.log('Writing screenshots:');

  await page.goto(server.url('pages/demo.html'));
  await readPageMentions(context, page);
  await page.screenshot({ path: shot('demo-highlights.png') });

  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await page.reload();
    await readPageMentions(context, page);
    const p = await mentionPoint(page, 'Donald Trump');
    await page.mouse.move(p.x, p.y + 200);
    await page.mouse.move(p.x, p.y, { steps: 4 });
    await cardShown(page);
    await page.screenshot({ path: shot(`card-${colorScheme}.png`) });
    await page.mouse.move(2, 2);
  }

  for (const colorScheme of SCHEMES) {
    const popup = await openPopupOver(context, page);
    await popup.emulateMedia({ colorScheme });
    await popup.setViewportSize({ width: 380, height: 580 });
    await popup.getByRole('combobox', { name: 'Search facts' }).fill('Zelensky');
    await popup.getByRole('option').first().waitFor();
    await popup.screenshot({ path: shot(`popup-${colorScheme}.png`) });
    await popup.close();
  }

  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(server.url('capture/news-site.html'));
  await readPageMentions(context, page);
  const popup = await openPopupOver(context, page);
  await popup.setViewportSize({ width: 380, height: 620 });
  const section = popup.getByRole('region', { name: 'This article' });
  await section.getByRole('button', { name: 'Save this article' }).click();
  await section.getByRole('list', { name: 'Names found' }).waitFor();
  await popup.screenshot({ path: shot('popup-save-light.png') });
  await popup.close();

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.setViewportSize({ width: 1000, height: 1400 });
  await options.getByRole('heading', { level: 1 }).waitFor();
  await options.screenshot({ path: shot('options-light.png') });
} finally {
  await context.close();
  await server.close();
  build.remove();
}
