import { describe, expect, it } from 'vitest';
import { buildFactIndex } from '@/lib/facts/build';
import { ArticleTextError, MAX_ARTICLE_CHARS } from '@/lib/facts/input';
import { factIndexProblems } from '@/lib/fact-index/schema';

const build = (text: string) => buildFactIndex(text, { id: 't' });

describe('buildFactIndex input checks', () => {
  it('rejects empty and whitespace-only text with a readable message', () => {
    expect(() => build('')).toThrow(/empty/u);
    expect(() => build(' \n\t\r\n ')).toThrow(ArticleTextError);
  });

  it('rejects binary junk', () => {
    expect(() => build('\u0000\u0001\uFFFD\u0002'.repeat(200))).toThrow(/does not look like article text/u);
    const bytes = Uint8Array.from({ length: 4000 }, (_, i) => (i * 73 + 11) % 256);
    expect(() => build(new TextDecoder().decode(bytes))).toThrow(ArticleTextError);
  });

  it('rejects text over the size limit, naming the limit', () => {
    expect(() => build('word '.repeat(MAX_ARTICLE_CHARS / 4))).toThrow(/too long.*200,000/u);
  });

  it('rejects a value that is not a string', () => {
    expect(() => buildFactIndex(42 as unknown as string, { id: 't' })).toThrow(/must be text/u);
  });

  it('indexes an article that names nothing as a valid index with no entities', () => {
    const ix = build('the weather was mild and the river stayed calm all week.');
    expect(factIndexProblems(ix)).toEqual([]);
    expect(ix.entities).toEqual([]);
    expect(ix.sentences).toHaveLength(1);
  });

  it('accepts Windows line endings and an article without a headline', () => {
    const ix = build('The mayor of Leeds, Ann Berg, opened the bridge.\r\n\r\nBerg said it cost £12 million.\r\n');
    expect(factIndexProblems(ix)).toEqual([]);
    expect(ix.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
    expect(ix.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['ann-berg', 'leeds']));
  });
});
