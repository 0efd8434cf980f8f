import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { mentionPoint, readPageMentions, sendToPage } from '../../scripts/harness/page-mentions';
import { cardA11yViolations } from './card-a11y';
import {
  cardBox, cardDialogFocused, cardFrameBox, cardHeadings, cardRootMode, cardText, cardVisible, clickCardControl,
} from './card-probe';

/** Rests on a mention until its card opens, then moves the pointer into the card. */
async function hoverIntoCard(page: Page, text: string) {
  const p = await mentionPoint(page, text);
  await page.mouse.move(p.x, p.y);
  await expect.poll(() => cardVisible(page)).toBe(true);
  const box = (await cardBox(page))!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
}

async function openDemo(page: Page, context: Parameters<typeof readPageMentions>[0], url: string) {
  await page.goto(url);
  await readPageMentions(context, page);
}

test('hovering "Rutte" opens his card with the role from the article', async ({ page, context, server }) => {
  await openDemo(page, context, server.url('pages/demo.html'));
  const p = await mentionPoint(page, 'Mark Rutte');
  await page.mouse.move(p.x, p.y);
  await expect.poll(() => cardHeadings(page)).toContain('Mark Rutte');
  expect(await cardText(page)).toContain('NATO Secretary General');
  expect(await cardText(page)).toContain('Article 5');
  // One card at a time, in one reused host, whose root the page can't open.
  await expect(page.locator('fact-cards-card')).toHaveCount(1);
  expect(await cardRootMode(page)).toBe('closed');
  // The frame is exactly the card's size: the page just outside it stays the page's.
  const card = (await cardBox(page))!;
  const frame = (await cardFrameBox(page))!;
  for (const side of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(frame[side] - card[side]), side).toBeLessThanOrEqual(1);
  const outside = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, { x: card.x - 3, y: card.y + card.height / 2 });
  expect(outside).not.toBe('fact-cards-card');
  const inside = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, { x: card.x + 3, y: card.y + card.height / 2 });
  expect(inside).toBe('fact-cards-card');
});

test('a quick pass over a mention opens nothing', async ({ page, context, server }) => {
  await openDemo(page, context, server.url('pages/demo.html'));
  const p = await mentionPoint(page, 'Mark Rutte');
  await page.mouse.move(p.x, p.y);
  await page.waitForTimeout(80);
  await page.mouse.move(p.x, p.y + 200);
  await page.waitForTimeout(700);
  expect(await cardVisible(page)).toBe(false);
});

test('the card stays while the pointer moves into it, and closes after leaving both', async ({ page, context, server }) => {
  await openDemo(page, context, server.url('pages/demo.html'));
  const p = await mentionPoint(page, 'Mark Rutte');
  await page.mouse.move(p.x, p.y);
  await expect.poll(() => cardVisible(page)).toBe(true);
  const box = (await cardBox(page))!;
  // Through the gap between the line and the card, then inside it.
  await page.mouse.move(box.x + 20, box.y + 4, { steps: 5 });
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await page.waitForTimeout(600);
  expect(await cardVisible(page)).toBe(true);
  await page.mouse.move(5, 5, { steps: 3 });
  await expect.poll(() => cardVisible(page), { timeout: 2000 }).toBe(false);
});

test('Esc closes the card and Tab moves into it', async ({ page, context, server }) => {
  await openDemo(page, context, server.url('pages/demo.html'));
  const p = await mentionPoint(page, 'Mark Rutte');
  await page.mouse.move(p.x, p.y);
  await expect.poll(() => cardVisible(page)).toBe(true);
  await page.keyboard.press('Tab');
  await expect.poll(() => cardDialogFocused(page)).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.localName)).toBe('fact-cards-card');
  await page.keyboard.press('Escape');
  await expect.poll(() => cardVisible(page)).toBe(false);
});

test('the keyboard command opens a focused card for the next mention in view', async ({ page, context, server }) => {
  await openDemo(page, context, server.url('pages/demo.html'));
  // Headless Chromium has no browser UI to deliver the shortcut itself, so
  // the test sends what the background sends on the command.
  // Focus starts on one of the page's links, and goes back there when the card closes.
  await page.locator('a[href="#world"]').focus();
  await sendToPage(context, page, { type: 'open-card' });
  await expect.poll(() => cardVisible(page)).toBe(true);
  await expect.poll(() => cardDialogFocused(page)).toBe(true);
  await page.keyboard.press('Escape');
  await expect.poll(() => cardVisible(page)).toBe(false);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#world');
});

test('a related chip switches the card, and Back returns', async ({ page, context, server }) => {
  await openDemo(page, context, server.url('pages/demo.html'));
  await hoverIntoCard(page, 'Mark Rutte');
  await clickCardControl(page, 'button', 'NATO');
  await expect.poll(() => cardHeadings(page)).toContain('NATO');
  await clickCardControl(page, 'button', /Back to Mark Rutte/);
  await expect.poll(() => cardHeadings(page)).toContain('Mark Rutte');
});

test('‹ › and the arrow keys in the card step through the entity’s mentions on the page', async ({ page, context, server }) => {
  await openDemo(page, context, server.url('pages/demo.html'));
  await hoverIntoCard(page, 'Donald Trump');
  await expect.poll(() => cardText(page)).toMatch(/1 of \d+ on this page/);
  await clickCardControl(page, 'button', 'Next mention on this page');
  await expect.poll(() => cardText(page)).toMatch(/2 of \d+ on this page/);
  // The click left focus in the card's frame: keys go there, not to the page.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => cardText(page)).toMatch(/3 of \d+ on this page/);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => cardText(page)).toMatch(/2 of \d+ on this page/);
  await expect.poll(() => cardDialogFocused(page)).toBe(true);
});

test('a source link opens the article viewer at its sentence', async ({ page, context, server }) => {
  await openDemo(page, context, server.url('pages/demo.html'));
  await hoverIntoCard(page, 'Mark Rutte');
  const viewerPromise = context.waitForEvent('page');
  await clickCardControl(page, 'link', 'Source sentence');
  const viewer = await viewerPromise;
  await viewer.waitForLoadState();
  expect(viewer.url()).toMatch(/^chrome-extension:\/\/[a-z]+\/article\.html\?article=builtin#s\d+$/);
  const current = viewer.locator('[aria-current="true"]');
  await expect(current).toBeVisible();
  await expect(current).toContainText('Mark Rutte');
  await expect(current).toBeInViewport();
});

test('a card near the bottom-right corner stays fully visible', async ({ page, context, server }) => {
  await page.setViewportSize({ width: 900, height: 600 });
  await openDemo(page, context, server.url('pages/corner.html'));
  const p = await mentionPoint(page, 'Donald Trump');
  await page.mouse.move(p.x, p.y);
  await expect.poll(() => cardVisible(page)).toBe(true);
  const box = (await cardBox(page))!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(900);
  expect(box.y + box.height).toBeLessThanOrEqual(600);
});

test('an open card has no accessibility violations, in light and dark', async ({ page, context, server }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    // No entrance transition: axe checks the card's contrast as it settles.
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await openDemo(page, context, server.url('pages/demo.html'));
    const p = await mentionPoint(page, 'Donald Trump');
    await page.mouse.move(p.x, p.y);
    await expect.poll(() => cardVisible(page)).toBe(true);
    expect(await cardA11yViolations(page)).toEqual([]);
    await page.mouse.move(2, 2);
    await expect.poll(() => cardVisible(page), { timeout: 2000 }).toBe(false);
  }
});

test('selecting a name offers its card', async ({ page, context, server }) => {
  await openDemo(page, context, server.url('pages/demo.html'));
  // A real double-click selects the word; the pointer then leaves at once, so
  // hover (which needs it to rest) can't be what opens the card.
  const p = await mentionPoint(page, 'Ushakov');
  await page.mouse.dblclick(p.x, p.y);
  await page.mouse.move(2, 2);
  expect(await page.evaluate(() => getSelection()?.toString())).toBe('Ushakov');
  await expect.poll(() => cardHeadings(page)).toContain('Yuri Ushakov');
  expect(await cardText(page)).toContain('Kremlin aide');
});

test('a selection a page script makes, with a mouseup it dispatches, opens nothing', async ({ page, context, server }) => {
  await openDemo(page, context, server.url('pages/demo.html'));
  await page.mouse.move(2, 2);
  await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const at = node.data.indexOf('Ushakov');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 'Ushakov'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
  });
  // The same selection by the reader opens a card within the hover delay; wait
  // for something the extension does after it would have: it answers a message.
  await readPageMentions(context, page);
  await page.waitForTimeout(600);
  expect(await cardVisible(page)).toBe(false);
});

test('the context menu item opens the card for selected text, fuzzily', async ({ page, context, server }) => {
  await openDemo(page, context, server.url('pages/demo.html'));
  // What the background sends when "Fact card for “…”" is chosen.
  expect(await sendToPage(context, page, { type: 'open-card-for-text', text: 'Zelenskyy' })).toBe(true);
  await expect.poll(() => cardHeadings(page)).toContain('Volodymyr Zelenskiy');
  expect(await sendToPage(context, page, { type: 'open-card-for-text', text: 'bridge' })).toBe(false);
});

test('a card open when the page goes fullscreen is drawn again inside the fullscreen element', async ({ page, context, server }) => {
  await openDemo(page, context, server.url('pages/demo.html'));
  // Opened by the context-menu item: it stays until Esc or a click elsewhere (a hover card would close
  // once the page's reflow takes the name from under the pointer).
  expect(await sendToPage(context, page, { type: 'open-card-for-text', text: 'Mark Rutte' })).toBe(true);
  await expect.poll(() => cardVisible(page)).toBe(true);
  const before = await cardText(page);
  // The page goes fullscreen (with the user gesture the browser asks for).
  const session = await page.context().newCDPSession(page);
  await session.send('Runtime.evaluate', { expression: 'document.body.requestFullscreen()', userGesture: true, awaitPromise: true });
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.localName)).toBe('body');
  // Moving a frame reloads it: the host moves, and the card is drawn again in a new frame.
  await expect.poll(() => page.evaluate(() => document.querySelector('fact-cards-card')?.parentElement?.localName)).toBe('body');
  await expect.poll(() => cardText(page)).toBe(before);
  await expect.poll(() => cardVisible(page)).toBe(true);
});
