// @vitest-environment happy-dom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { ArticleApp, ArticleViewer, sentenceOfHash, type ViewerArticle } from '@/entrypoints/article/ArticleViewer';
import { BUNDLED as index } from './helpers/articles';
import { messenger, testLibrary } from './helpers/library-api';

let loadArticle: (id: string) => Promise<ViewerArticle | undefined>;
let bundled: ViewerArticle;
beforeAll(async () => {
  const send = messenger(await testLibrary());
  loadArticle = (id) => send({ type: 'get-article', id });
  bundled = (await loadArticle('builtin'))!;
});

function setHash(hash: string) {
  history.replaceState(null, '', `/article.html?article=builtin${hash}`);
}

beforeEach(() => setHash(''));
afterEach(cleanup);

describe('ArticleViewer', () => {
  it('renders every sentence in a span with its id, text as text', () => {
    const { container } = render(<ArticleViewer article={bundled} />);
    for (const s of index.sentences) {
      const el = container.querySelector(`#${s.id}`);
      expect(el?.tagName).toBe('SPAN');
      expect(el?.textContent).toBe(s.text);
    }
    // The whole article text is there, including what lies between sentences.
    const article = container.querySelector('article')!;
    expect(article.textContent!.replace(/\s+/g, ' ')).toBe(
      index.blocks.map((b) => index.article.text.slice(b.start, b.end)).join('').replace(/\s+/g, ' '),
    );
  });

  it('renders blocks by type: headline as h1, headings as h2, captions as figcaptions', () => {
    const { container } = render(<ArticleViewer article={bundled} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(index.article.title);
    const headings = index.blocks.filter((b) => b.type === 'heading');
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(headings.length);
    expect(container.querySelectorAll('figcaption')).toHaveLength(index.blocks.filter((b) => b.type === 'caption').length);
    expect(container.querySelector('.standfirst')?.textContent).toContain('Trump told reporters');
  });

  it('sets the page title from the article', () => {
    render(<ArticleViewer article={bundled} />);
    expect(document.title).toBe(`${index.article.title} — Fact Cards`);
  });

  it('highlights and focuses the sentence in the hash', () => {
    setHash('#s12');
    const { container } = render(<ArticleViewer article={bundled} />);
    const el = container.querySelector('#s12')!;
    expect(el.classList.contains('is-current')).toBe(true);
    expect(el.getAttribute('aria-current')).toBe('true');
    expect(el.getAttribute('tabindex')).toBe('-1');
    expect(document.activeElement).toBe(el);
    expect(container.querySelectorAll('[aria-current]')).toHaveLength(1);
  });

  it('follows hash changes', async () => {
    setHash('#s12');
    const { container } = render(<ArticleViewer article={bundled} />);
    await act(() => {
      setHash('#s26');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(container.querySelector('#s12')!.hasAttribute('aria-current')).toBe(false);
    const el = container.querySelector('#s26')!;
    expect(el.getAttribute('aria-current')).toBe('true');
    expect(el.textContent).toContain('Mark Rutte');
    expect(document.activeElement).toBe(el);
  });

  it('says so when the sentence is unknown, and still shows the article', () => {
    setHash('#s999');
    const { container } = render(<ArticleViewer article={bundled} />);
    expect(screen.getByRole('status').textContent).toContain('no sentence “s999”');
    expect(container.querySelector('[aria-current]')).toBeNull();
    expect(container.querySelector('#s5')).not.toBeNull();
  });

  it('decodes hashes and tolerates malformed ones', () => {
    expect(sentenceOfHash('#s12')).toBe('s12');
    expect(sentenceOfHash('#a%20b')).toBe('a b');
    expect(sentenceOfHash('#%E0%A4%A')).toBe('%E0%A4%A');
    expect(sentenceOfHash('')).toBe('');
  });
});

describe('ArticleApp', () => {
  it('shows the article named by ?article=', async () => {
    render(<ArticleApp loadArticle={loadArticle} search="?article=builtin" />);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(index.article.title));
  });

  it('shows the bundled article when none is named', async () => {
    render(<ArticleApp loadArticle={loadArticle} search="" />);
    await waitFor(() => expect(document.getElementById('s5')).not.toBeNull());
  });

  it('says so when the article is unknown', async () => {
    render(<ArticleApp loadArticle={async () => undefined} search="?article=%3Cb%3Egone%3C%2Fb%3E" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('“<b>gone</b>”');
    expect(alert.querySelector('b')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Article not found');
    await waitFor(() => expect(document.title).toBe('Article not found — Fact Cards'));
  });

  it('says so when the article fails to load', async () => {
    render(<ArticleApp loadArticle={() => Promise.reject(new Error('storage is unavailable'))} search="" />);
    expect((await screen.findByRole('alert')).textContent).toBe('storage is unavailable');
  });
});

describe('ArticleViewer header', () => {
  it('shows source, date and a plain link to the original, never a javascript: one', () => {
    const withUrl = { ...bundled, article: { ...bundled.article, url: 'https://news.example/story?id=1' } };
    const { container } = render(<ArticleViewer article={withUrl} />);
    expect(container.querySelector('.viewer-meta')?.textContent).toBe('Reuters · 18 Aug 2025 · Original article');
    const link = screen.getByRole('link', { name: 'Original article' });
    expect(link.getAttribute('href')).toBe('https://news.example/story?id=1');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    cleanup();
    render(<ArticleViewer article={{ ...bundled, article: { ...bundled.article, url: 'javascript:alert(1)' } }} />);
    expect(screen.queryByRole('link', { name: 'Original article' })).toBeNull();
  });
});
