// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import bundledIndex from '@/data/facts.json';
import type { FactIndex } from '@/lib/fact-index/schema';
import { cardOf, sourcePath, type CardData } from '@/lib/cards';
import { entitiesOf } from '@/lib/packs';
import { FactCard, type FactCardProps } from '@/components/FactCard';
import { CARD_CSS } from '@/components/card-css';
import { cardQuotes } from '@/components/QuoteList';
import { leadFactCount } from '@/components/FactList';

const index = bundledIndex as FactIndex;
const entities = entitiesOf([index]);
const BASE = 'chrome-extension://abcdefghijklmnop';
const sourceHref = (articleId: string, sentenceId: string) => BASE + sourcePath(articleId, sentenceId);

function cardFor(id: string): CardData {
  const card = cardOf(entities, id);
  if (!card) throw new Error(`no card for ${id}`);
  return card;
}

function show(card: CardData, props: Partial<FactCardProps> = {}) {
  const onOpenRelated = vi.fn();
  const result = render(
    <FactCard card={card} onOpenRelated={onOpenRelated} sourceHref={sourceHref} idPrefix="t" {...props} />,
  );
  const dialog = screen.getByRole('dialog');
  return { ...result, dialog, onOpenRelated };
}

/** A copy of a card whose entity has been changed (the index itself stays untouched). */
function withEntity(card: CardData, change: Partial<CardData['entity']>): CardData {
  return { ...card, entity: { ...card.entity, ...change } };
}

afterEach(cleanup);

describe('FactCard for Donald Trump (a full card)', () => {
  const card = cardFor('donald-trump');

  it('is a dialog named by the heading and described by the role', () => {
    const { dialog } = show(card);
    const heading = screen.getByRole('heading', { level: 2, name: 'Donald Trump' });
    expect(dialog.getAttribute('aria-labelledby')).toBe(heading.id);
    const role = document.getElementById(dialog.getAttribute('aria-describedby')!);
    expect(role?.textContent).toBe('U.S. President');
    expect(within(dialog).getByText('Person')).toBeTruthy();
  });

  it('opens with the best two or three facts, and "More facts" shows the rest', () => {
    show(card);
    const facts = screen.getByRole('region', { name: 'Key facts' });
    const first = within(facts).getAllByRole('listitem');
    expect(first.length).toBeGreaterThanOrEqual(2);
    expect(first.length).toBeLessThanOrEqual(3);
    expect(first[0].textContent).toContain(card.entity.facts[0].text);

    const more = screen.getByRole('button', { name: `More facts (${card.entity.facts.length - first.length})` });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(within(facts).getAllByRole('listitem')).toHaveLength(card.entity.facts.length);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(more.textContent).toContain('Fewer facts');
  });

  it('shows quotes in typographic quotes with the speaker, joining parts of one sentence', () => {
    show(card);
    const quotes = screen.getByRole('region', { name: 'Quotes' });
    const items = within(quotes).getAllByRole('listitem');
    expect(items).toHaveLength(2); // s7, and the two parts of s22 as one
    expect(items[0].querySelector('blockquote')?.textContent).toBe(
      '“When it comes to security, there’s going to be a lot of help”',
    );
    expect(items[1].querySelector('blockquote')?.textContent).toBe(
      '“I wish they could stop, I’d like them to stop … but strategically that could be a disadvantage for one side or the other.”',
    );
    expect(within(quotes).getAllByText('— Donald Trump')).toHaveLength(2);
  });

  it('links every fact and quote to its source sentence in a new tab', () => {
    show(card);
    fireEvent.click(screen.getByRole('button', { name: /More facts/ }));
    const links = screen.getAllByRole('link', { name: 'Source sentence' });
    const expected = [
      ...card.entity.facts.map((f) => f.sentence),
      ...cardQuotes(card.entity.quotes).map((q) => q.sentence),
    ].map((s) => sourceHref('builtin', s));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(expected);
    expect(links[0].getAttribute('href')).toBe(`${BASE}/article.html?pack=builtin#s5`);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener');
    }
  });

  it('shows key figures as chips', () => {
    show(card);
    const figures = screen.getByRole('region', { name: 'Key figures' });
    expect(within(figures).getByText('eight decades')).toBeTruthy();
  });

  it('shows related entities as buttons that open their card', () => {
    const { onOpenRelated } = show(card);
    const related = screen.getByRole('region', { name: 'Related' });
    fireEvent.click(within(related).getByRole('button', { name: 'Volodymyr Zelenskiy' }));
    expect(onOpenRelated).toHaveBeenCalledWith('volodymyr-zelenskiy');

    // 19 related: the first six, then "+13 more".
    expect(within(related).queryByRole('button', { name: 'Yuri Ushakov' })).toBeNull();
    fireEvent.click(within(related).getByRole('button', { name: '13 more' }));
    fireEvent.click(within(related).getByRole('button', { name: 'Yuri Ushakov' }));
    expect(onOpenRelated).toHaveBeenLastCalledWith('yuri-ushakov');
  });

  it('names the source article', () => {
    const { dialog } = show(card);
    // The title is a <cite>, not wrapped in quote marks: titles often end in a quote of their own.
    const title = within(dialog).getByText(index.article.title);
    expect(title.tagName).toBe('CITE');
    expect(title.closest('p')?.textContent).toBe(`From ${index.article.title}`);
    const sourced = withEntity(card, {});
    sourced.article = { ...card.article, source: 'Reuters' };
    cleanup();
    show(sourced);
    expect(screen.getByText(/^From/).textContent).toBe(`From ${index.article.title} · Reuters`);
  });

  it('keeps keyboard order: content, related chips, more, prev/next, close', () => {
    const { dialog } = show(card, {
      onClose: () => {},
      onPage: { index: 0, total: 2, onPrev: () => {}, onNext: () => {} },
    });
    const names = [...dialog.querySelectorAll('a, button')].map(
      (el) => el.getAttribute('aria-label') ?? el.textContent,
    );
    const at = (name: string) => names.indexOf(name);
    expect(at('Volodymyr Zelenskiy')).toBeGreaterThan(at('Source sentence'));
    expect(at('+13 more')).toBeGreaterThan(at('Volodymyr Zelenskiy'));
    expect(at('Previous mention on this page')).toBeGreaterThan(at('+13 more'));
    expect(names[names.length - 1]).toBe('Close');
  });
});

describe('FactCard for small and awkward entities', () => {
  it('shows Mark Rutte (one fact, no quotes, no figures) without empty sections', () => {
    const card = cardFor('mark-rutte');
    const { dialog } = show(card);
    expect(screen.getByRole('heading', { name: 'Mark Rutte' })).toBeTruthy();
    expect(within(dialog).getByText('NATO Secretary General')).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'Source sentence' })).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /More facts/ })).toBeNull();
    expect(screen.queryByRole('region', { name: /Quote/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Key figures' })).toBeNull();
  });

  it('omits the role and aria-describedby when the article gives no role', () => {
    const { dialog } = show(cardFor('vladimir-putin'));
    expect(dialog.hasAttribute('aria-describedby')).toBe(false);
    expect(dialog.querySelector('.fc-role')).toBeNull();
  });

  it('shows an entity with no related entities and no facts', () => {
    const card = withEntity(cardFor('mark-rutte'), { facts: [], related: [] });
    show({ ...card, related: [] });
    expect(screen.queryByRole('region', { name: 'Related' })).toBeNull();
    expect(screen.getByText(/no sentence about Mark Rutte/)).toBeTruthy();
  });

  it('keeps a fact of 60+ words whole, as wrapping text', () => {
    const long = Array.from({ length: 70 }, (_, i) => `word${i}`).join(' ') + ' Supercalifragilisticexpialidocious'.repeat(3);
    const card = withEntity(cardFor('mark-rutte'), { facts: [{ sentence: 's26', text: long, score: 1 }] });
    show(card);
    expect(screen.getByText(long)).toBeTruthy();
    // Wrapping comes from the stylesheet: long words break anywhere, items can shrink.
    expect(CARD_CSS).toMatch(/overflow-wrap: anywhere/);
    expect(CARD_CSS).toMatch(/grid-template-columns: minmax\(0, 1fr\) auto/);
  });

  it('renders HTML in facts, quotes and names as inert text', () => {
    const card = withEntity(cardFor('mark-rutte'), {
      name: '<b>Bold</b> Name',
      facts: [{ sentence: 's26', text: 'Before <script>window.pwned = 1</script> after <b>bold</b>.', score: 1 }],
      quotes: [{ sentence: 's26', text: '<img src=x onerror="window.pwned = 2">' }],
    });
    const { dialog } = show(card);
    expect(dialog.querySelector('script, b, img')).toBeNull();
    expect(screen.getByRole('heading', { name: '<b>Bold</b> Name' })).toBeTruthy();
    expect(screen.getByText('Before <script>window.pwned = 1</script> after <b>bold</b>.')).toBeTruthy();
    expect(screen.getByText('“<img src=x onerror="window.pwned = 2">”')).toBeTruthy();
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  it('shows a quote by another entity with its name, and none when the name is unknown', () => {
    const base = cardFor('mark-rutte');
    const card = withEntity(base, { quotes: [{ sentence: 's7', text: 'A quote', speaker: 'donald-trump' }] });
    show(card);
    expect(screen.queryByText(/^—/)).toBeNull(); // Trump is not among Rutte's related here
    cleanup();
    show(card, { nameOf: (id) => (id === 'donald-trump' ? 'Donald Trump' : undefined) });
    expect(screen.getByText('— Donald Trump')).toBeTruthy();
  });
});

describe('FactCard on right-to-left pages', () => {
  it('keeps its English words left-to-right and lets article text find its own direction', () => {
    const card = withEntity(cardFor('mark-rutte'), {
      name: 'מארק רוטה',
      facts: [{ sentence: 's26', text: 'מזכ״ל נאט״ו מארק רוטה אמר', score: 1 }],
    });
    document.documentElement.dir = 'rtl';
    try {
      const { dialog } = show(card, { onPage: { index: 1, total: 5, onPrev: () => {}, onNext: () => {} } });
      expect(dialog.getAttribute('dir')).toBe('ltr');
      expect(screen.getByRole('heading', { level: 2 }).getAttribute('dir')).toBe('auto');
      expect(screen.getByText('מזכ״ל נאט״ו מארק רוטה אמר').getAttribute('dir')).toBe('auto');
    } finally {
      document.documentElement.removeAttribute('dir');
    }
  });
});

describe('FactCard navigation', () => {
  it('starts a related card folded, not with the previous card\'s toggles', () => {
    const onOpenRelated = vi.fn();
    const props = { onOpenRelated, sourceHref, idPrefix: 't' };
    const { rerender } = render(<FactCard card={cardFor('donald-trump')} {...props} />);
    fireEvent.click(screen.getByRole('button', { name: /More facts/ }));
    expect(screen.getByRole('button', { name: /Fewer facts/ })).toBeTruthy();
    rerender(<FactCard card={cardFor('volodymyr-zelenskiy')} {...props} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Volodymyr Zelenskiy');
    expect(screen.getByRole('button', { name: /More facts/ }).getAttribute('aria-expanded')).toBe('false');
  });

  const card = cardFor('mark-rutte');

  it('shows "Back to X" when there is history', () => {
    const onBack = vi.fn();
    show(card, { back: { name: 'Donald Trump', onBack } });
    fireEvent.click(screen.getByRole('button', { name: 'Back to Donald Trump' }));
    expect(onBack).toHaveBeenCalledOnce();
  });

  it('has no back button without history', () => {
    show(card);
    expect(screen.queryByRole('button', { name: /Back to/ })).toBeNull();
  });

  it('counts mentions on the page and steps through them', () => {
    const onPrev = vi.fn();
    const onNext = vi.fn();
    show(card, { onPage: { index: 1, total: 5, onPrev, onNext } });
    expect(screen.getByText('2 of 5 on this page')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next mention on this page' }));
    expect(onNext).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Previous mention on this page' }));
    expect(onPrev).toHaveBeenCalledOnce();
  });

  it('hides prev/next for a single mention', () => {
    show(card, { onPage: { index: 0, total: 1, onPrev: () => {}, onNext: () => {} } });
    expect(screen.getByText('1 of 1 on this page')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /mention on this page/ })).toBeNull();
  });

  it('closes with the close button and with Escape', () => {
    const onClose = vi.fn();
    const { dialog } = show(card, { onClose });
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('has no close button without onClose', () => {
    show(card);
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull();
  });
});

describe('FactCard themes', () => {
  const card = cardFor('mark-rutte');

  it('follows the system theme by default', () => {
    const { dialog } = show(card);
    expect(dialog.classList.contains('fc-theme-auto')).toBe(true);
    expect(CARD_CSS).toMatch(/@media \(prefers-color-scheme: dark\)\s*{\s*\.fc-card\.fc-theme-auto/);
  });

  it('applies a forced dark theme', () => {
    const { dialog } = show(card, { theme: 'dark' });
    expect(dialog.classList.contains('fc-card')).toBe(true);
    expect(dialog.classList.contains('fc-theme-dark')).toBe(true);
  });
});

describe('card helpers', () => {
  it('opens with three short facts or two long ones', () => {
    const fact = (n: number) => ({ sentence: `s${n}`, text: 'x'.repeat(n), score: 1 });
    expect(leadFactCount([fact(80), fact(80), fact(80), fact(80)])).toBe(3);
    expect(leadFactCount([fact(200), fact(130), fact(90)])).toBe(2);
    expect(leadFactCount([fact(500)])).toBe(1);
    expect(leadFactCount([])).toBe(0);
  });
});
