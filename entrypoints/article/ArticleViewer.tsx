/**
 * The article viewer: a read-only copy of a library article in which
 * every sentence is an anchor (`#s12`), so a card's "Source sentence" link
 * lands on the very sentence a fact or quote comes from.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatDay } from '@/lib/dates';
import type { BackgroundReply } from '@/lib/messages/protocol';

/** One article as the background sends it to the viewer. */
export type ViewerArticle = NonNullable<BackgroundReply<'get-article'>>;
type ViewerBlock = ViewerArticle['blocks'][number];
type ViewerSentence = ViewerArticle['sentences'][number];

type Load =
  | { state: 'loading' }
  | { state: 'ready'; article: ViewerArticle }
  | { state: 'missing'; id: string }
  | { state: 'failed'; message: string };

export interface ArticleAppProps {
  /** The article with this id from the library, or undefined when there is none. */
  loadArticle: (id: string) => Promise<ViewerArticle | undefined>;
  /** The page's query string (defaults to location.search). */
  search?: string;
}

/** Shows the article named by `?article=<id>` (the bundled one when absent). */
export function ArticleApp({ loadArticle, search = location.search }: ArticleAppProps) {
  const id = new URLSearchParams(search).get('article') || 'builtin';
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    loadArticle(id).then(
      (article) => {
        if (current) setLoad(article ? { state: 'ready', article } : { state: 'missing', id });
      },
      (error: unknown) => {
        if (current) setLoad({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [loadArticle, id]);

  useEffect(() => {
    if (load.state === 'missing' || load.state === 'failed') document.title = 'Article not found — Fact Cards';
  }, [load.state]);

  switch (load.state) {
    case 'loading':
      return <main class="viewer" aria-busy="true" />;
    case 'ready':
      return <ArticleViewer article={load.article} />;
    case 'missing':
      return (
        <Problem title="Article not found">
          Your library has no article “{load.id}”. It may have been deleted; the cards that linked here came from it.
        </Problem>
      );
    case 'failed':
      return <Problem title="The article could not be loaded">{load.message}</Problem>;
  }
}

function Problem({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <main class="viewer">
      <p class="viewer-bar">Fact Cards · source article</p>
      <h1 class="problem-title">{title}</h1>
      <p class="problem" role="alert">{children}</p>
    </main>
  );
}

/** The sentence id a location hash points at ("#s12" → "s12"). */
export function sentenceOfHash(hash: string): string {
  const raw = hash.replace(/^#/, '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // a malformed escape is just an unknown id
  }
}

/** An address the reader can open: http(s) only, so a stored `javascript:` URL is never a link. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export function ArticleViewer({ article: viewed }: { article: ViewerArticle }) {
  const { article, text, blocks, sentences } = viewed;
  const [target, setTarget] = useState(() => sentenceOfHash(location.hash));

  useEffect(() => {
    const onHashChange = () => setTarget(sentenceOfHash(location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const sentencesOf = useMemo(() => {
    const byBlock = new Map<string, ViewerSentence[]>();
    for (const s of sentences) {
      const list = byBlock.get(s.block);
      if (list) list.push(s);
      else byBlock.set(s.block, [s]);
    }
    for (const list of byBlock.values()) list.sort((a, b) => a.start - b.start);
    return byBlock;
  }, [sentences]);

  const known = target !== '' && sentences.some((s) => s.id === target);

  useEffect(() => {
    document.title = `${article.title} — Fact Cards`;
  }, [article.title]);

  useEffect(() => {
    if (!known) return;
    const el = document.getElementById(target);
    if (!el) return;
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    el.scrollIntoView?.({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
    // Focus moves the screen reader's reading position to the sentence.
    el.focus({ preventScroll: true });
  }, [target, known]);

  const hasHeadline = blocks.some((b) => b.type === 'headline');
  const url = safeUrl(article.url);

  return (
    <main class="viewer">
      <header class="viewer-bar">
        <span>Fact Cards · source article</span>
        <span class="viewer-meta" dir="auto">
          {[article.source, article.byline, article.published ? formatDay(article.published) : undefined].filter(Boolean).join(' · ')}
          {url && (
            <>
              {' · '}
              {/* A plain link the reader opens; the viewer itself fetches nothing. */}
              <a href={url} target="_blank" rel="noopener noreferrer">Original article</a>
            </>
          )}
        </span>
      </header>
      {target !== '' && !known && (
        <p class="notice" role="status">
          This article has no sentence “{target}”. The link may come from an older copy of the article.
        </p>
      )}
      <article class="article" dir="auto">
        {!hasHeadline && <h1 class="headline">{article.title}</h1>}
        {blocks.map((block) => (
          <BlockView
            key={block.id}
            block={block}
            text={text}
            sentences={sentencesOf.get(block.id) ?? []}
            current={known ? target : undefined}
          />
        ))}
      </article>
    </main>
  );
}

interface BlockViewProps {
  block: ViewerBlock;
  text: string;
  sentences: readonly ViewerSentence[];
  current: string | undefined;
}

function BlockView({ block, text, sentences, current }: BlockViewProps) {
  // The block's text with its sentences as anchors; what lies between them
  // (spaces, a line break) stays plain text.
  const parts: ComponentChildren[] = [];
  let at = block.start;
  for (const s of sentences) {
    if (s.start > at) parts.push(text.slice(at, s.start));
    const isCurrent = s.id === current;
    parts.push(
      <span
        key={s.id}
        id={s.id}
        class={isCurrent ? 'sentence is-current' : 'sentence'}
        aria-current={isCurrent ? 'true' : undefined}
        tabIndex={isCurrent ? -1 : undefined}
      >
        {text.slice(s.start, s.end)}
      </span>,
    );
    at = Math.max(at, s.end);
  }
  if (block.end > at) parts.push(text.slice(at, block.end));

  switch (block.type) {
    case 'section':
      return <p class="kicker">{parts}</p>;
    case 'headline':
      return <h1 class="headline">{parts}</h1>;
    case 'standfirst':
      return <p class="standfirst">{parts}</p>;
    case 'caption':
      return (
        <figure class="caption">
          <figcaption>{parts}</figcaption>
        </figure>
      );
    case 'heading':
      return <h2 class="heading">{parts}</h2>;
    default:
      return <p>{parts}</p>;
  }
}
