import type { Page } from 'puppeteer-core';
import { test, expect } from './fixtures';

/** The page's highlight rule, read from the adopted stylesheet. */
const highlightRule = (tab: Page) =>
  tab.evaluate(
    () =>
      document.adoptedStyleSheets
        .flatMap((s) => [...s.cssRules])
        .map((r) => r.cssText)
        .find((t) => t.startsWith('::highlight(fact-cards)')) ?? '',
  );

test('changing the highlight style in the options page restyles an open tab without a reload', async ({ tab, addon, server, firefox }) => {
  await tab.goto(server.url('pages/demo.html'));
  const { mentions } = await addon.readPageMentions(tab);
  expect(await highlightRule(tab)).toContain('underline');
  const options = await firefox.openExtensionPage('options.html');
  await options.locator('::-p-aria([name="Background"][role="radio"])').click();
  await expect.poll(() => highlightRule(tab)).toContain('background-color');
  await options.locator('::-p-aria([name="Dotted underline"][role="radio"])').click();
  await expect.poll(() => highlightRule(tab)).toContain('dotted');
  // Restyled, not rescanned: the same mentions stay registered.
  expect(await tab.evaluate(() => CSS.highlights.get('fact-cards')?.size)).toBe(mentions.length);
});
