import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFactIndex } from '@/lib/facts/build';
import { ArticleTextError } from '@/lib/facts/input';
import { factIndexProblems } from '@/lib/fact-index/schema';

/** Article-like text: sentences of names, words, quotes and numbers, with arbitrary Unicode mixed in. */
const articleText = fc.array(
  fc.oneof(
    fc.constantFrom(
      'Mark Rutte', 'NATO Secretary General Mark Rutte said', 'Kyiv', 'the U.S.', '«quote,» he said', '“Yes,” said Ana Ruiz.',
      '$90 bn', 'within ten days', '. ', '.\n\n', '\n', ' ', 'Photo: Reuters', 'Article 5', "Putin's", '—', '‘', '…',
    ),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 4 }),
  ),
  { minLength: 1, maxLength: 40 },
).map((parts) => parts.join(' '));

// 150 builds take 3–8 s on a busy 2-core machine: these tests check behaviour, so they get room
// (vitest's 5 s default would be a wall-clock bound; speed belongs to the bench).
const PROPERTY_TIMEOUT_MS = 120_000;

describe('fact builder properties', () => {
  it('any text gives a valid index or a readable ArticleTextError, never anything else', () => {
    let withEntities = 0;
    fc.assert(
      fc.property(articleText, (text) => {
        let index;
        try {
          index = buildFactIndex(text, { id: 'p' });
        } catch (e) {
          expect(e).toBeInstanceOf(ArticleTextError);
          expect((e as Error).message.length).toBeGreaterThan(10);
          return;
        }
        // Valid per the schema: every span inside the text, every fact text of the article.
        expect(factIndexProblems(index)).toEqual([]);
        for (const s of index.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
        for (const e of index.entities) expect(e.facts.length).toBeGreaterThan(0);
        if (index.entities.length) withEntities++;
      }),
      { numRuns: 150 },
    );
    // The generator must exercise entity extraction, not only the error paths.
    expect(withEntities).toBeGreaterThan(30);
  }, PROPERTY_TIMEOUT_MS);

  it('is deterministic: the same text builds the same index', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        let a: string | undefined;
        let b: string | undefined;
        try {
          a = JSON.stringify(buildFactIndex(text, { id: 'p' }));
          b = JSON.stringify(buildFactIndex(text, { id: 'p' }));
        } catch {
          return;
        }
        expect(a).toBe(b);
      }),
      { numRuns: 40 },
    );
  }, PROPERTY_TIMEOUT_MS);
});
