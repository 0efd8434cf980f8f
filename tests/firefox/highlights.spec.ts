import { test, expect, highlightCount, highlightedTexts, highlightStyleOf } from './fixtures';

test('highlights the article names on the demo page, readable by the page from CSS.highlights', async ({ tab, addon, server }) => {
  await tab.goto(server.url('pages/demo.html'));
  const reply = await addon.readPageMentions(tab);
  const names = reply.entities.map((e) => e.entity);
  for (const id of ['mark-rutte', 'volodymyr-zelenskiy', 'donald-trump', 'nato', 'article-5', 'kyiv', 'yuri-ushakov']) {
    expect(names).toContain(id);
  }
  const texts = await highlightedTexts(tab);
  expect(texts.length).toBe(reply.mentions.length);
  expect(texts).toEqual(expect.arrayContaining(['Mark Rutte', 'Zelensky', 'Nato', 'KYIV', 'Putin', 'Путин']));
  for (const word of ['advance', 'Donato', 'route', 'hungry', 'Ukrainian', 'European']) expect(texts).not.toContain(word);
  // Styled by the content script's manifest CSS (no stylesheet the page can list).
  expect(await highlightStyleOf(tab)).toMatchObject({ line: 'underline', colour: 'rgb(217, 130, 43)' });
  const listed = await tab.evaluate(() =>
    [...document.adoptedStyleSheets, ...document.styleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes('fact-cards'))),
  );
  expect(listed).toBe(false);
});

test('follows an inserted and a removed paragraph', async ({ tab, addon, server }) => {
  await tab.goto(server.url('pages/demo.html'));
  const before = (await addon.readPageMentions(tab)).mentions.length;
  await tab.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'late';
    p.textContent = 'Late update: Mark Rutte spoke to Friedrich Merz about Crimea.';
    document.querySelector('article')!.append(p);
  });
  await expect.poll(() => highlightCount(tab)).toBe(before + 3);
  expect(await highlightedTexts(tab)).toEqual(expect.arrayContaining(['Friedrich Merz', 'Crimea']));
  await tab.evaluate(() => document.getElementById('late')!.remove());
  await expect.poll(() => highlightCount(tab)).toBe(before);
});

test('switching the add-on off removes every highlight, and on brings them back', async ({ tab, addon, server }) => {
  await tab.goto(server.url('pages/demo.html'));
  const { mentions } = await addon.readPageMentions(tab);
  await addon.setSettings({ enabled: false });
  await expect.poll(() => highlightCount(tab)).toBe(0);
  await addon.setSettings({ enabled: true });
  await expect.poll(() => highlightCount(tab)).toBe(mentions.length);
});
