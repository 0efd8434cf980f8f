import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseArticle } from '@/lib/facts/article';

const article = readFileSync('data/article.txt', 'utf8');
const model = parseArticle(article);
const blockText = (id: string) => {
  const b = model.blocks.find((x) => x.id === id)!;
  return article.slice(b.start, b.end);
};
const typed = (type: string) => model.blocks.filter((b) => b.type === type).map((b) => blockText(b.id));

describe('parseArticle blocks', () => {
  it('finds the section label, headline and standfirst at the top', () => {
    expect(typed('section')).toEqual(['News']);
    expect(typed('headline')).toEqual(['Zelenskiy: U.S. Security Pledge is “a Major Step Forward”']);
    expect(typed('standfirst')).toEqual(['“When it comes to security, there\'s going to be a lot of help,” Trump told reporters']);
  });

  it('recognises captions by their photo credit', () => {
    expect(typed('caption')).toEqual([
      'The meeting marked a sharp contrast with February’s fractious Oval Office encounter. Photo: Reuters',
      'European leaders pressed Trump to insist on a ceasefire. Photo: Reuters',
    ]);
  });

  it('recognises the subheadings', () => {
    expect(typed('heading')).toEqual(['Warmer Atmosphere After Frosty February', 'Ceasefire or Comprehensive Deal?', 'Pressure on Zelenskiy']);
  });

  it('numbers blocks b0… in order with spans inside the text', () => {
    model.blocks.forEach((b, i) => {
      expect(b.id).toBe(`b${i}`);
      expect(b.end).toBeGreaterThan(b.start);
      if (i > 0) expect(b.start).toBeGreaterThan(model.blocks[i - 1].end);
    });
  });

  it('applies the same rules to another layout (hard-wrapped paragraphs, no section label)', () => {
    const text = 'Flood Barrier Opens on the Thames\n\nThe barrier closed twice this winter,\nofficials said on Monday.\n\nA second paragraph follows here.';
    const m = parseArticle(text);
    expect(m.blocks.map((b) => b.type)).toEqual(['headline', 'paragraph', 'paragraph']);
    expect(m.sentences[1].text).toBe('The barrier closed twice this winter,\nofficials said on Monday.');
  });
});

describe('parseArticle sentences', () => {
  const texts = model.sentences.map((s) => s.text);

  it('keeps "U.S. President Donald Trump has promised…" as one sentence', () => {
    expect(texts).toContain(
      'U.S. President Donald Trump has promised Zelenskiy to support Ukraine’s security in any eventual peace settlement with Russia, though the scope of that assistance is not yet clear, Reuters reports.',
    );
  });

  it('does not split inside «…,» quotations', () => {
    expect(texts).toContain('«I wish they could stop, I’d like them to stop,» Trump said, «but strategically that could be a disadvantage for one side or the other.»');
    expect(texts.some((t) => t.startsWith('Zelenskiy called the assurances «a major step forward,» saying'))).toBe(true);
  });

  it('keeps "Vice President JD Vance" inside its sentence', () => {
    expect(texts.some((t) => t.includes('when Trump and Vice President JD Vance publicly criticised Zelenskiy.'))).toBe(true);
  });

  it('splits a caption from its credit', () => {
    expect(texts).toContain('Photo: Reuters');
  });

  it('gives every sentence its text at its span, inside its block', () => {
    model.sentences.forEach((s, i) => {
      expect(s.id).toBe(`s${i}`);
      expect(article.slice(s.start, s.end)).toBe(s.text);
      const b = model.blocks.find((x) => x.id === s.block)!;
      expect(s.start).toBeGreaterThanOrEqual(b.start);
      expect(s.end).toBeLessThanOrEqual(b.end);
    });
  });

  it('does not end sentences at titles, initials or "St."', () => {
    const m = parseArticle('He met Dr. Jane Doe and John F. Kennedy in St. Petersburg. Then he left.');
    expect(m.sentences.map((s) => s.text)).toEqual(['He met Dr. Jane Doe and John F. Kennedy in St. Petersburg.', 'Then he left.']);
  });
});
