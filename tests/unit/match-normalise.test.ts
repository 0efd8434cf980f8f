import { describe, expect, it } from 'vitest';
import { normaliseText } from '@/lib/match/normalise';

/** The original text behind folded units [from, to). */
function originalOf(original: string, folded: ReturnType<typeof normaliseText>, from: number, to: number): string {
  return original.slice(folded.origin[from], folded.origin[to - 1] + 1);
}

describe('normaliseText', () => {
  it('folds diacritics and case, keeping a case-kept copy of the same length', () => {
    const n = normaliseText('Crimée Émile ZÜRICH');
    expect(n.text).toBe('Crimee Emile ZURICH');
    expect(n.lower).toBe('crimee emile zurich');
    expect(n.lower.length).toBe(n.text.length);
  });

  it('keeps Cyrillic letters matchable, folding й to и and ё to е on both sides', () => {
    expect(normaliseText('Зеленський Зеленский Ёлка Київ').lower).toBe('зеленськии зеленскии елка киів');
  });

  it('spells out ß as ss and maps both units back to the ß', () => {
    const original = 'Straße';
    const n = normaliseText(original);
    expect(n.lower).toBe('strasse');
    expect([...n.origin]).toEqual([0, 1, 2, 3, 4, 4, 5]);
    expect(originalOf(original, n, 0, n.text.length)).toBe(original);
  });

  it('makes curly quotes, guillemets, dashes and odd spaces plain', () => {
    expect(normaliseText('Zelenskiy’s «deal» – now\u00A0then\u2009ok').text).toBe('Zelenskiy\'s "deal" - now then ok');
  });

  it('drops zero-width characters and soft hyphens without breaking offsets', () => {
    const original = 'Zelen\u200Bskiy Pu\u00ADtin';
    const n = normaliseText(original);
    expect(n.text).toBe('Zelenskiy Putin');
    expect(n.origin[5]).toBe(6); // the "s" after the dropped zero-width space
    expect(originalOf(original, n, 0, 9)).toBe('Zelen\u200Bskiy');
  });

  it('drops combining marks of decomposed text', () => {
    expect(normaliseText('Cre\u0301me').text).toBe('Creme');
  });

  it('maps characters outside the BMP to both of their UTF-16 units', () => {
    const original = 'a😀b𝐍';
    const n = normaliseText(original);
    expect(n.text).toBe('a😀bN');
    expect(n.origin[n.text.length - 1]).toBe(4);
  });

  it('turns lone surrogates into a replacement character instead of failing', () => {
    expect(normaliseText('a\uD800b').text).toBe('a\uFFFDb');
  });
});
