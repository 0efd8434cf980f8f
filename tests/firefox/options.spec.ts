import type { Page } from 'puppeteer-core';
import { test, expect, highlightStyleOf } from './fixtures';

/** The page highlight's computed style, as one string to match against. */
const highlightRule = async (tab: Page) => {
  const s = await highlightStyleOf(tab);
  return s ? `${s.line} ${s.style} background ${s.background}` : '';
};

test('changing the highlight style in the options page restyles an open tab without a reload', async ({ tab, addon, server, firefox }) => {
  await tab.goto(server.url('pages/demo.html'));
  const { mentions } = await addon.readPageMentions(tab);
  expect(await highlightRule(tab)).toMatch(/^underline solid background rgba\(0, 0, 0, 0\)$/);
  const options = await firefox.openExtensionPage('options.html');
  await options.locator('::-p-aria([name="Background"][role="radio"])').click();
  await expect.poll(() => highlightRule(tab)).toMatch(/^none .* background (?!rgba\(0, 0, 0, 0\))/);
  await options.locator('::-p-aria([name="Dotted underline"][role="radio"])').click();
  await expect.poll(() => highlightRule(tab)).toMatch(/^underline dotted /);
  // Restyled, not rescanned: the same mentions stay registered.
  expect(await tab.evaluate(() => CSS.highlights.get('fact-cards')?.size)).toBe(mentions.length);
});
