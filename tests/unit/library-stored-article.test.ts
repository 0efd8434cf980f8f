import { describe, expect, it } from 'vitest';
import { storedArticleProblems, storedSize, textKeyOf, toFactIndex, toStoredArticle } from '@/lib/library/stored-article';
import { articleText, build, BUNDLED } from './helpers/articles';

const ADDED = '2025-09-01T10:00:00.000Z';

describe('stored article format', () => {
  it('gives back the builder’s index unchanged', () => {
    for (const name of ['baltic-cable', 'story-coalition', 'story-ceasefire']) {
      const index = build(articleText(name), { id: 'a-x', title: name });
      const stored = toStoredArticle(index, { title: name }, { id: 'a-x', addedAt: ADDED });
      expect(storedArticleProblems(stored)).toEqual([]);
      const back = toFactIndex(stored);
      expect(back.blocks).toEqual(index.blocks);
      expect(back.sentences).toEqual(index.sentences);
      expect(back.entities).toEqual(index.entities);
    }
  });

  it('keeps each sentence once: a fraction of the old pack, and at most twice the text of a news-length article', () => {
    for (const name of ['baltic-cable', 'story-coalition', 'story-ceasefire']) {
      const index = build(articleText(name), { id: 'a-x', title: name });
      const stored = toStoredArticle(index, { title: name }, { id: 'a-x', addedAt: ADDED });
      expect(storedSize(stored)).toBeLessThan(JSON.stringify(index).length / 4);
    }
    // Three reports as one ~5,000-character article: names repeat, text grows.
    const long = ['baltic-cable', 'story-coalition', 'story-ceasefire'].map(articleText).join('\n\n');
    const index = build(long, { id: 'a-long', title: 'Long' });
    const stored = toStoredArticle(index, { title: 'Long' }, { id: 'a-long', addedAt: ADDED });
    // Sizes as stored: the record's JSON against its text's JSON (escapes included).
    expect(storedSize(stored)).toBeLessThan(2 * JSON.stringify(long).length);
  });

  it('finds the same text under different line breaks, and not a different text', () => {
    expect(textKeyOf('Mark Rutte met\n\nZelenskiy.')).toBe(textKeyOf('Mark Rutte met Zelenskiy. '));
    expect(textKeyOf('Mark Rutte met Zelenskiy.')).not.toBe(textKeyOf('Mark Rutte met Zelensky.'));
  });

  it('rejects records whose offsets leave the text, or that are not records at all', () => {
    const stored = toStoredArticle(BUNDLED, { title: 'T' }, { id: 'builtin', addedAt: ADDED });
    const bad = structuredClone(stored);
    bad.sentences[2][2] = bad.text.length + 5;
    bad.entities[0][4][0] = 9999;
    const problems = storedArticleProblems(bad).join('\n');
    expect(problems).toMatch(/sentences\[2\]/);
    expect(problems).toMatch(/entities\[0\]\.facts/);
    for (const junk of [null, 1, 'x', [], { format: 1 }]) expect(storedArticleProblems(junk).length).toBeGreaterThan(0);
  });
});
