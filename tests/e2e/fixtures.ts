import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { serveFixtures, type FixtureServer } from '../../scripts/harness/serve-fixtures';
import { extensionIdOf, launchWithExtension } from '../../scripts/harness/launch-chromium';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../fixtures');

interface TestFixtures {
  context: BrowserContext;
  extensionId: string;
  /** Uncaught errors from any page of the context; checked after each test. */
  pageErrors: string[];
  /** Opens an extension page (`popup.html`, `options.html`) and records its console errors. */
  openExtensionPage: (path: string) => Promise<Page>;
}
interface WorkerFixtures {
  server: FixtureServer;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    async ({}, use) => {
      const server = await serveFixtures(FIXTURES_DIR);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  pageErrors: async ({}, use) => {
    await use([]);
  },
  context: async ({ pageErrors }, use) => {
    const context = await launchWithExtension();
    context.on('weberror', (e) => pageErrors.push(String(e.error())));
    await use(context);
    await context.close();
    expect(pageErrors, 'uncaught page errors').toEqual([]);
  },
  page: async ({ context }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await use(page);
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionIdOf(context));
  },
  openExtensionPage: async ({ context, extensionId, pageErrors }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') pageErrors.push(`console error on ${path}: ${m.text()}`);
      });
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
});

export { expect };
