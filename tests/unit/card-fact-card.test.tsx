// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import type { Fact } from '@/lib/fact-index/schema';
import type { CardData } from '@/lib/library/card-data';
import { sourcePath } from '@/lib/library/viewer-address';
import { FactCard, type FactCardProps } from '@/components/FactCard';
import { cardQuotes } from '@/components/QuoteList';
import { leadFactCount } from '@/components/FactList';
import { articleText, build, BUNDLED } from './helpers/articles';
import { BUNDLED_ARTICLE, cardsOf } from './helpers/library';

const index = BUNDLED;
const cardFor = cardsOf([BUNDLED_ARTICLE]);
const BASE = 'chrome-extension://abcdefghijklmnop';
const sourceHref = (articleId: string, sentenceId: string) => BASE + sourcePath(articleId, sentenceId);
/** "Today" for the card: three months after the bundled article. */
const NOW = new Date('2025-11-20T12:00:00Z');

function show(card: CardData, props: Partial<FactCardProps> = {}) {
  const onOpenRelated = vi.fn();
  const result = render(
    <FactCard card={card} onOpenRelated={onOpenRelated} sourceHref={sourceHref} idPrefix="t" now={NOW} {...props} />,
  );
  const dialog = screen.getByRole('dialog');
  return { ...result, dialog, onOpenRelated };
}

/** A copy of a card whose only article group has been changed. */
function withGroup(card: CardData, change: Partial<CardData['groups'][number]>): CardData {
  return { ...card, groups: [{ ...card.groups[0], ...change }] };
}
const factsOf = (card: CardData): Fact[] => card.groups[0].facts;

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
    expect(first[0].textContent).toContain(factsOf(card)[0].text);

    const more = screen.getByRole('button', { name: `More facts (${factsOf(card).length - first.length})` });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(within(facts).getAllByRole('listitem')).toHaveLength(factsOf(card).length);
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
      ...factsOf(card).map((f) => f.sentence),
      ...cardQuotes(card.groups[0].quotes).map((q) => q.sentence),
    ].map((s) => sourceHref('builtin', s));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(expected);
    expect(links[0].getAttribute('href')).toBe(`${BASE}/article.html?article=builtin#s5`);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener');
    }
  });

  it('shows key figures as chips', () => {
    show(card);
    const figures = screen.getByRole('list', { name: 'Key figures' });
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

  it('heads the facts with the article’s title, source and date, and says how old an old article is', () => {
    const { dialog } = show(card);
    // The title is a <cite>, not wrapped in quote marks: titles often end in a quote of their own.
    const title = within(dialog).getByText(index.article.title);
    expect(title.tagName).toBe('CITE');
    expect(title.closest('h3')?.textContent).toBe(`${index.article.title} · Reuters · from an article of 18 Aug 2025 — 3 months ago`);
    cleanup();
    show(card, { now: new Date('2025-08-30T08:00:00Z') });
    expect(screen.getByText(index.article.title).closest('h3')?.textContent).toBe(`${index.article.title} · Reuters · 18 Aug 2025`);
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
    expect(at('Volodymyr Zelenskiy')).toBeGreaterThan(0);
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
    expect(screen.queryByRole('list', { name: 'Key figures' })).toBeNull();
  });

  it('omits the role and aria-describedby when the article gives no role', () => {
    const { dialog } = show(cardFor('vladimir-putin'));
    expect(dialog.hasAttribute('aria-describedby')).toBe(false);
    expect(dialog.querySelector('.fc-role')).toBeNull();
  });

  it('shows an entity with no related entities and no facts', () => {
    const card = withGroup(cardFor('mark-rutte'), { facts: [] });
    show({ ...card, related: [] });
    expect(screen.queryByRole('region', { name: 'Related' })).toBeNull();
    expect(screen.getByText(/without a sentence of its own/)).toBeTruthy();
  });

  it('keeps a fact of 60+ words whole', () => {
    const long = Array.from({ length: 70 }, (_, i) => `word${i}`).join(' ') + ' Supercalifragilisticexpialidocious'.repeat(3);
    const card = withGroup(cardFor('mark-rutte'), { facts: [{ sentence: 's26', text: long, score: 1 }] });
    show(card);
    expect(screen.getByText(long)).toBeTruthy();
  });

  it('renders HTML in facts, quotes and names as inert text', () => {
    const card = {
      ...withGroup(cardFor('mark-rutte'), {
        facts: [{ sentence: 's26', text: 'Before <script>window.pwned = 1</script> after <b>bold</b>.', score: 1 }],
        quotes: [{ sentence: 's26', text: '<img src=x onerror="window.pwned = 2">' }],
      }),
      name: '<b>Bold</b> Name',
    };
    const { dialog } = show(card);
    expect(dialog.querySelector('script, b, img')).toBeNull();
    expect(screen.getByRole('heading', { name: '<b>Bold</b> Name' })).toBeTruthy();
    expect(screen.getByText('Before <script>window.pwned = 1</script> after <b>bold</b>.')).toBeTruthy();
    expect(screen.getByText('“<img src=x onerror="window.pwned = 2">”')).toBeTruthy();
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  it('shows a quote with its speaker’s name, and none when the article names no speaker', () => {
    const card = withGroup(cardFor('mark-rutte'), { quotes: [{ sentence: 's7', text: 'A quote', speaker: 'Donald Trump' }, { sentence: 's8', text: 'Another' }] });
    show(card);
    expect(screen.getAllByText(/^—/).map((e) => e.textContent)).toEqual(['— Donald Trump']);
  });
});

describe('FactCard on right-to-left pages', () => {
  it('keeps its English words left-to-right and lets article text find its own direction', () => {
    const card = { ...withGroup(cardFor('mark-rutte'), { facts: [{ sentence: 's26', text: 'מזכ״ל נאט״ו מארק רוטה אמר', score: 1 }] }), name: 'מארק רוטה' };
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
    const props = { onOpenRelated, sourceHref, idPrefix: 't', now: NOW };
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

describe('FactCard for an entity several articles name', () => {
  const COALITION = { index: build(articleText('story-coalition'), { id: 'a-coalition', title: 'Coalition of Willing Drafts Plan' }), meta: { title: 'Coalition of Willing Drafts Plan', source: 'Harbour Wire', published: '2025-09-02' } };
  const CEASEFIRE = { index: build(articleText('story-ceasefire'), { id: 'a-ceasefire', title: 'Rutte Urges Allies' }), meta: { title: 'Rutte Urges Allies', source: 'Harbour Wire', published: '2025-11-18' } };
  const libraryCardFor = cardsOf([BUNDLED_ARTICLE, COALITION, CEASEFIRE]);

  it('says in how many articles, and groups facts by article, newest first, each with its date', () => {
    const card = libraryCardFor('mark-rutte');
    const { dialog } = show(card);
    expect(within(dialog).getByText('in 3 articles')).toBeTruthy();
    const heads = [...dialog.querySelectorAll('.fc-group-head')].map((h) => h.textContent);
    expect(heads).toEqual([
      'Rutte Urges Allies · Harbour Wire · 18 Nov 2025',
      'Coalition of Willing Drafts Plan · Harbour Wire · from an article of 2 Sep 2025 — 2 months ago',
      `${index.article.title} · Reuters · from an article of 18 Aug 2025 — 3 months ago`,
    ]);
    // Each group's source links point into its own article.
    const links = [...dialog.querySelectorAll('a.fc-src')].map((a) => a.getAttribute('data-article'));
    expect(new Set(links)).toEqual(new Set(['a-ceasefire', 'a-coalition', 'builtin']));
  });

  it('dates the roles when articles disagree', () => {
    const card: CardData = {
      ...libraryCardFor('mark-rutte'),
      roles: [
        { text: 'NATO Secretary General', sentence: 's1', article: { id: 'b', title: 'B', published: '2025-08-18' } },
        { text: 'Dutch Prime Minister', sentence: 's2', article: { id: 'a', title: 'A', published: '2023-07-07' } },
      ],
    };
    const { dialog } = show(card);
    expect(dialog.querySelector('.fc-role')).toBeNull();
    const roles = within(dialog).getByRole('list', { name: 'Roles by date' });
    expect(within(roles).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'NATO Secretary General · since 18 Aug 2025',
      'Dutch Prime Minister · as of 7 Jul 2023',
    ]);
  });

  it('calls back with the article and sentence of a source link when it opens links itself', () => {
    const onOpenSource = vi.fn();
    const { dialog } = show(libraryCardFor('mark-rutte'), { onOpenSource });
    fireEvent.click(dialog.querySelector('a.fc-src')!);
    expect(onOpenSource).toHaveBeenCalledWith('a-ceasefire', expect.stringMatching(/^s\d+$/));
  });
});
