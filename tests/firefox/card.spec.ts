import { test, expect, cardText, hoverForCard, mentionPoint } from './fixtures';
import { cardBox, cardRootMode } from './card-probe';

test('hovering "Mark Rutte" opens his card; it stays while the pointer is in it and closes after leaving both', async ({ tab, addon, server }) => {
  await tab.goto(server.url('pages/demo.html'));
  await addon.readPageMentions(tab);
  const text = await hoverForCard(tab, 'Mark Rutte');
  expect(text).toContain('Mark Rutte');
  expect(text).toContain('NATO Secretary General');
  // One card at a time, in one reused host.
  expect(await tab.evaluate(() => document.querySelectorAll('fact-cards-card').length)).toBe(1);
  // Closed: the page's own `host.shadowRoot` is null.
  expect(await cardRootMode(tab)).toBe('closed');
  expect(await tab.evaluate(() => document.querySelector('fact-cards-card')!.shadowRoot)).toBeNull();
  // The mention under the open card is emphasised through the second highlight.
  expect(await tab.evaluate(() => CSS.highlights.get('fact-cards-active')?.size)).toBe(1);

  const box = (await cardBox(tab))!;
  await tab.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  // Past the close grace period (300 ms) the card is still there.
  await new Promise((done) => setTimeout(done, 700));
  expect(await cardText(tab)).not.toBeNull();
  await tab.mouse.move(3, 3, { steps: 3 });
  await expect.poll(() => cardText(tab)).toBeNull();
  await expect.poll(() => tab.evaluate(() => CSS.highlights.get('fact-cards-active')?.size)).toBe(0);
});

test("a card's source link opens the article viewer at its sentence (through the background)", async ({ tab, addon, server }) => {
  await tab.goto(server.url('pages/demo.html'));
  await addon.readPageMentions(tab);
  await hoverForCard(tab, 'Mark Rutte');
  // A real click on the link inside the card's closed root (the pointer moves straight into the card).
  await expect.poll(() => cardBox(tab, 'a[aria-label="Source sentence"]')).not.toBeNull();
  const link = (await cardBox(tab, 'a[aria-label="Source sentence"]'))!;
  await tab.mouse.click(link.x + link.width / 2, link.y + link.height / 2);
  // The background opens article.html in a new tab: find it among the add-on's own views.
  await expect
    .poll(() =>
      addon.run(() => {
        const views: Window[] = (globalThis as any).browser.extension.getViews({ type: 'tab' });
        const viewer = views.find((w) => w.location.pathname === '/article.html');
        return viewer ? `${viewer.location.hash}|${viewer.document.querySelector('[aria-current="true"]')?.textContent ?? ''}` : '';
      }, null),
    )
    .toMatch(/^#s\d+\|.*Mark Rutte/);
});

test('a quick pass over a mention opens nothing', async ({ tab, addon, server }) => {
  await tab.goto(server.url('pages/demo.html'));
  await addon.readPageMentions(tab);
  const p = await mentionPoint(tab, 'Mark Rutte');
  await tab.mouse.move(p.x, p.y);
  await tab.mouse.move(p.x, p.y + 200);
  await new Promise((done) => setTimeout(done, 700));
  expect(await cardText(tab)).toBeNull();
});

test('the keyboard command and the context-menu item open a focused card; Esc closes it', async ({ tab, addon, server }) => {
  await tab.goto(server.url('pages/demo.html'));
  await addon.readPageMentions(tab);
  const tabId = await addon.tabIdOf(tab);
  // What the background sends on the command and on the menu item (Firefox's
  // own shortcut and menu UI are out of BiDi's reach).
  const send = (message: object) => addon.run(({ id, m }) => (globalThis as any).browser.tabs.sendMessage(id, m), { id: tabId, m: message });
  const focused = () => tab.evaluate(() => document.activeElement?.localName === 'fact-cards-card');
  // Keys go to the focused tab: bring the page's to the front first.
  await tab.bringToFront();

  await send({ type: 'open-card' });
  await expect.poll(() => cardText(tab)).not.toBeNull();
  await expect.poll(focused).toBe(true);
  await tab.keyboard.press('Escape');
  await expect.poll(() => cardText(tab)).toBeNull();

  expect(await send({ type: 'open-card-for-text', text: 'Zelensky' })).toBe(true);
  await expect.poll(() => cardText(tab)).toContain('Volodymyr Zelenskiy');
  await expect.poll(focused).toBe(true);
  await tab.keyboard.press('Escape');
  await expect.poll(() => cardText(tab)).toBeNull();
});
