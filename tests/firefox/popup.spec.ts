import type { Page } from 'puppeteer-core';
import { test, expect } from './fixtures';

const firstOption = (popup: Page) =>
  popup.evaluate(() => document.querySelector('[role="option"]')?.textContent ?? '');

test('popup search finds cards despite typos and opens the full card', async ({ firefox }) => {
  const popup = await firefox.openExtensionPage('popup.html');
  const box = await popup.waitForSelector('::-p-aria([name="Search facts"][role="combobox"])');
  expect(await popup.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
  await box!.type('Rute');
  await expect.poll(() => firstOption(popup)).toContain('Mark Rutte');
  await box!.click({ count: 3 });
  await box!.type('Ушаков');
  await expect.poll(() => firstOption(popup)).toContain('Yuri Ushakov');
  await popup.keyboard.press('ArrowDown');
  await popup.keyboard.press('Enter');
  await expect
    .poll(() => popup.evaluate(() => document.querySelector('[role="dialog"]')?.textContent ?? ''))
    .toContain('Kremlin aide');
});

test("the popup lists what the page mentions, and its button scrolls the page to a mention", async ({ tab, addon, server, firefox }) => {
  await tab.goto(server.url('pages/demo.html'));
  const reply = await addon.readPageMentions(tab);
  const tabId = await addon.tabIdOf(tab);
  const popup = await firefox.openExtensionPage('popup.html');
  // The popup reads the active tab: put the page's tab in front, then reload the popup behind it.
  await addon.run((id) => (globalThis as any).browser.tabs.update(id, { active: true }), tabId);
  await popup.evaluate(() => location.reload());
  const listed = () => popup.evaluate(() => document.querySelector('.on-page')?.textContent ?? '');
  await expect.poll(listed).toContain('Volodymyr Zelenskiy');
  const zelenskiy = reply.entities.find((e) => e.entity === 'volodymyr-zelenskiy')!;
  expect(await listed()).toContain(String(zelenskiy.count));
  expect(await tab.evaluate(() => scrollY)).toBe(0);
  await popup.evaluate(() => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('.on-page-reveal')].find((b) => b.textContent?.includes('Donetsk'));
    button!.click();
  });
  await expect.poll(() => tab.evaluate(() => scrollY)).toBeGreaterThan(200);
  await expect.poll(() => tab.evaluate(() => CSS.highlights.get('fact-cards-active')?.size ?? 0)).toBe(1);
});

test('the toolbar badge shows how many entities the tab mentions, unless switched off', async ({ tab, addon, server }) => {
  await tab.goto(server.url('pages/demo.html'));
  const { entities } = await addon.readPageMentions(tab);
  const tabId = await addon.tabIdOf(tab);
  const badge = () =>
    addon.run((id) => {
      const api = (globalThis as any).browser;
      // browserAction in an MV2 build, action in MV3.
      return (api.action ?? api.browserAction).getBadgeText({ tabId: id });
    }, tabId);
  await expect.poll(badge).toBe(String(entities.length));
  await addon.setSettings({ badge: false });
  await expect.poll(badge).toBe('');
});
