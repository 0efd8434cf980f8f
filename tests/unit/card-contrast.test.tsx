import { describe, expect, it } from 'vitest';
import { CARD_CSS, CARD_THEMES } from '@/components/card-css';

// WCAG 2.x relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) =>
    c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe.each(Object.entries(CARD_THEMES))('the %s card theme', (_name, t) => {
  // Text colour on each background it is drawn on (hover backgrounds included).
  const text: [string, string, string][] = [
    ['body text', t.fg, t.bg],
    ['secondary text (role, labels, footer)', t.muted, t.bg],
    ['links, "More facts", back', t.accent, t.bg],
    ['links on hover', t.accent, t['chip-bg']],
    ['related chips', t['chip-fg'], t['chip-bg']],
    ['related chips on hover', t['chip-fg'], t['chip-hover']],
    ['close button on hover', t.fg, t['chip-bg']],
  ];
  it.each(text)('%s reach 4.5:1', (_what, fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('draws a focus ring of at least 3:1 against the card and the chips', () => {
    expect(contrast(t.focus, t.bg)).toBeGreaterThanOrEqual(3);
    expect(contrast(t.focus, t['chip-bg'])).toBeGreaterThanOrEqual(3);
  });
});

describe('the card stylesheet', () => {
  it('uses px, never rem or em, so page font sizes do not leak in', () => {
    expect(CARD_CSS).not.toMatch(/\d(r?em)\b/);
  });

  it('scopes every rule under .fc-card', () => {
    const selectors = CARD_CSS.replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/@keyframes[^{]*{(?:[^{}]*{[^}]*})*\s*}/g, '')
      .match(/[^{}]+(?={)/g)!
      .map((s) => s.trim())
      .filter((s) => !s.startsWith('@'));
    for (const group of selectors) {
      for (const selector of group.split(',')) expect(selector.trim()).toMatch(/^\.fc-card\b/);
    }
  });

  it('turns off motion for people who ask for less', () => {
    expect(CARD_CSS).toMatch(/@media \(prefers-reduced-motion: reduce\)[\s\S]*transition: none/);
  });

  it('uses logical properties for inline-direction spacing', () => {
    expect(CARD_CSS).not.toMatch(/(margin|padding|border)-(left|right)\b|\b(left|right):/);
  });
});
