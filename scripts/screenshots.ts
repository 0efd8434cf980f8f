// `npm run screenshots`: regenerates the README's screenshots in docs/ from
// the built extension, on the team-written fixture pages. Not a test: it
// asserts nothing beyond waiting for what it photographs.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { serveFixtures } from './harness/serve-fixtures';
import { EXTENSION_DIR, extensionIdOf, launchWithExtension } from './harness/launch-chromium';
import { mentionPoint, readPageMentions, tabIdOf } from './harness/page-mentions';

const DOCS = resolve(import.meta.dirname, '../docs');
const SCHEMES = ['light', 'dark'] as const;
mkdirSync(DOCS, { recursive: true });

/**
 * Saving a tab's article needs `activeTab`, granted only by a real click on
 * the toolbar button, which a script cannot make; the popup's preview is
 * photographed from a copy of the build that also grants the fixture
 * server's address, the way the capture tests run.
 */
function buildWithHostAccess(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fact-cards-shots-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = ['http://127.0.0.1/*'];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

async function popupOver(context: BrowserContext, page: Page, extensionId: string): Promise<Page> {
  const tabId = await tabIdOf(context, page);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.evaluate((id) => (globalThis as any).chrome.tabs.update(id, { active: true }), tabId);
  await popup.reload();
  return popup;
}

const shot = (name: string) => {
  const path = join(DOCS, name);
  console.log(`  ${path}`);
  return path;
};

const server = await serveFixtures(resolve(import.meta.dirname, '../tests/fixtures'));
const build = buildWithHostAccess();
const context = await launchWithExtension({ extensionDir: build });
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
    // The card is in a closed shadow root: wait for its host to take up room.
    await page.waitForFunction(() => {
      const host = document.querySelector('fact-cards-card');
      return !!host && [...host.getClientRects()].some((r) => r.width > 0);
    });
    await page.screenshot({ path: shot(`card-${colorScheme}.png`) });
    await page.mouse.move(2, 2);
  }

  for (const colorScheme of SCHEMES) {
    const popup = await popupOver(context, page, extensionId);
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
  const popup = await popupOver(context, page, extensionId);
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
  rmSync(build, { recursive: true, force: true });
}
