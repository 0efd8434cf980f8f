/**
 * The article library in Firefox: articles saved through the background's
 * IndexedDB (as the options page and the capture do) merge with the bundled
 * one, and the page shows one highlight and one card per shared name.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, FIXTURES_DIR, highlightedTexts, hoverForCard } from './fixtures';

const COALITION = { title: 'Coalition of Willing Drafts Plan for Postwar Ukraine Force', source: 'Harbour Wire', published: '2025-09-02' };
const CEASEFIRE = { title: 'Rutte Urges Allies to Stand Behind Any Ceasefire Deal', source: 'Harbour Wire', published: '2025-10-14' };
const article = (name: string) => readFile(join(FIXTURES_DIR, 'articles', `${name}.txt`), 'utf8');

test('two saved articles merge with the bundled one: one highlight per shared name, one card from three articles', async ({ tab, addon, server }) => {
  test.slow(); // the background builds two articles
  for (const [meta, name] of [[COALITION, 'story-coalition'], [CEASEFIRE, 'story-ceasefire']] as const) {
    const reply = await addon.run((m) => (globalThis as any).browser.runtime.sendMessage(m), {
      type: 'save-article',
      article: { ...meta, text: await article(name) },
    });
    expect(reply).toMatchObject({ ok: true, packId: expect.stringMatching(/^a-/) });
  }
  const listed = await addon.run(() => (globalThis as any).browser.runtime.sendMessage({ type: 'library-list' }), null);
  expect((listed.articles as { title: string }[]).map((a) => a.title)).toEqual(expect.arrayContaining([COALITION.title, CEASEFIRE.title]));

  // Every name underlined, saved-only ones too: this test is about merging
  // (the private library, where they are not, is privacy-spy.spec.ts's).
  await addon.setSettings({ privateLibrary: false });
  await tab.bringToFront();
  await tab.goto(server.url('pages/story-shared.html'));
  const reply = await addon.readPageMentions(tab);
  // Names only the saved articles know are found, and shared names are one entity each.
  expect(reply.entities.map((e) => e.entity)).toEqual(expect.arrayContaining(['keir-starmer', 'mark-rutte', 'volodymyr-zelenskiy']));
  expect(reply.entities.find((e) => e.entity === 'mark-rutte')).toMatchObject({ count: 2 });
  expect((await highlightedTexts(tab)).slice(0, 7)).toEqual(['NATO', 'Mark Rutte', 'Volodymyr Zelenskiy', 'Kyiv', 'Keir Starmer', 'Donald Trump', 'White House']);

  const text = await hoverForCard(tab, 'Mark Rutte');
  expect(text).toContain('in 3 articles');
  expect(text).toContain(CEASEFIRE.title);
  expect(text).toContain(COALITION.title);
  expect(text).toContain('Reuters');
});
