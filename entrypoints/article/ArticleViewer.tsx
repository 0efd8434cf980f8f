/**
 * The article viewer: a read-only copy of a pack's source article in which
 * every sentence is an anchor (`#s12`), so a card's "Source sentence" link
 * lands on the very sentence a fact or quote comes from.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Block, FactIndex, Sentence } from '@/lib/fact-index/schema';
import { BUILTIN_PACK_ID } from '@/lib/packs';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; pack: FactIndex }
  | { state: 'missing'; packId: string }
  | { state: 'failed'; message: string };

export interface ArticleAppProps {
  /** Every installed pack; the one named by `?pack=` is shown. */
  loadPacks: () => Promise<FactIndex[]>;
  /** The page's query string (defaults to location.search). */
  search?: string;
}

/** Picks the pack named by `?pack=<articleId>` (the bundled one when absent) and shows it. */
export function ArticleApp({ loadPacks, search = location.search }: ArticleAppProps) {
  const packId = new URLSearchParams(search).get('pack') || BUILTIN_PACK_ID;
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    loadPacks().then(
      (packs) => {
        if (!current) return;
        const pack = packs.find((p) => p.article.id === packId);
        setLoad(pack ? { state: 'ready', pack } : { state: 'missing', packId });
      },
      (error: unknown) => {
        if (current) setLoad({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [loadPacks, packId]);

  useEffect(() => {
    if (load.state === 'missing' || load.state === 'failed') document.title = 'Article not found — Fact Cards';
  }, [load.state]);

  switch (load.state) {
    case 'loading':
      return <main class="viewer" aria-busy="true" />;
    case 'ready':
      return <ArticleViewer pack={load.pack} />;
    case 'missing':
      return (
        <Problem title="Article not found">
          No installed fact pack is called “{load.packId}”. It may have been removed; the cards that linked here
          come from it.
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

export function ArticleViewer({ pack }: { pack: FactIndex }) {
  const { article } = pack;
  const [target, setTarget] = useState(() => sentenceOfHash(location.hash));

  useEffect(() => {
    const onHashChange = () => setTarget(sentenceOfHash(location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const sentencesOf = useMemo(() => {
    const byBlock = new Map<string, Sentence[]>();
    for (const s of pack.sentences) {
      const list = byBlock.get(s.block);
      if (list) list.push(s);
      else byBlock.set(s.block, [s]);
    }
    for (const list of byBlock.values()) list.sort((a, b) => a.start - b.start);
    return byBlock;
  }, [pack]);

  const known = target !== '' && pack.sentences.some((s) => s.id === target);

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

  const hasHeadline = pack.blocks.some((b) => b.type === 'headline');
  const meta = [article.source, article.date].filter(Boolean).join(' · ');

  return (
    <main class="viewer">
      <p class="viewer-bar">
        <span>Fact Cards · source article</span>
        {meta && <span dir="auto">{meta}</span>}
      </p>
      {target !== '' && !known && (
        <p class="notice" role="status">
          This article has no sentence “{target}”. The link may come from an older version of the pack.
        </p>
      )}
      <article class="article" dir="auto">
        {!hasHeadline && <h1 class="headline">{article.title}</h1>}
        {pack.blocks.map((block) => (
          <BlockView
            key={block.id}
            block={block}
            text={article.text}
            sentences={sentencesOf.get(block.id) ?? []}
            current={known ? target : undefined}
          />
        ))}
      </article>
    </main>
  );
}

interface BlockViewProps {
  block: Block;
  text: string;
  sentences: readonly Sentence[];
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
        {s.text}
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
    case 'paragraph':
      return <p>{parts}</p>;
  }
}
