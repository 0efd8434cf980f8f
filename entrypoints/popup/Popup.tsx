/**
 * The toolbar popup: search every card, open one in place (with a history
 * for related cards), see what the current page mentions, reach the options.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FactCard } from '@/components/FactCard';
import { cardOf, sourcePath } from '@/lib/cards';
import type { FactIndex } from '@/lib/fact-index/schema';
import type { PageEntitySummary } from '@/lib/messages';
import { entitiesOf } from '@/lib/packs';
import { createCardSearch, type SearchResult } from '@/lib/search';
import { OnThisPage } from './OnThisPage';
import { loadActivePacks } from '@/lib/active-packs';
import { PauseControls } from './PauseControls';
import { nextMentionIndex, revealMention, watchPageMentions, type PageState } from './page-mentions';
import { optionId, ResultList } from './ResultList';
import { SearchBox } from './SearchBox';

const LIST_ID = 'results';
/** The browse list (empty query) stops here: a big pack would make the popup crawl. */
const BROWSE_LIMIT = 200;
/** Related-card hops remembered for Back. */
const MAX_HISTORY = 20;

export interface PopupProps {
  /** Where the packs come from (tests pass their own). */
  loadPacks?: () => Promise<FactIndex[]>;
}

export function Popup({ loadPacks = loadActivePacks }: PopupProps) {
  const [packs, setPacks] = useState<FactIndex[]>();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  /** Ids of the cards opened, the shown one last; empty shows the results. */
  const [history, setHistory] = useState<string[]>([]);
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  /** The mention last revealed, per entity, so repeated clicks step through them. */
  const [revealed, setRevealed] = useState<Record<string, number>>({});
  const inputRef = useRef<HTMLInputElement>(null);
  const cardRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    loadPacks().then((loaded) => live && setPacks(loaded));
    return () => {
      live = false;
    };
  }, [loadPacks]);

  useEffect(() => {
    const controller = new AbortController();
    watchPageMentions(setPage, controller.signal);
    return () => controller.abort();
  }, []);

  const entities = useMemo(() => (packs ? entitiesOf(packs) : undefined), [packs]);
  const search = useMemo(() => (entities ? createCardSearch(entities) : undefined), [entities]);
  const searching = query.trim() !== '';
  const results = useMemo(
    () => (search ? (searching ? search.search(query) : search.search('', BROWSE_LIMIT)) : []),
    [search, query, searching],
  );

  const current = history[history.length - 1];
  const card = entities && current !== undefined ? cardOf(entities, current) : undefined;

  // Focus follows the view: the card when one opens, the search box otherwise.
  useEffect(() => {
    if (card) cardRef.current?.querySelector<HTMLElement>('.fc-card')?.focus();
    else inputRef.current?.focus();
  }, [card?.id]);

  const open = (id: string) => setHistory((h) => [...h.slice(1 - MAX_HISTORY), id]);
  const back = () => setHistory((h) => h.slice(0, -1));
  const toResults = () => setHistory([]);

  const reveal = (entity: string, count: number, step: 1 | -1 = 1) => {
    if (page.status !== 'ready') return;
    const index = nextMentionIndex(revealed[entity], count, step);
    setRevealed((r) => ({ ...r, [entity]: index }));
    revealMention(page.tabId, entity, index).catch(() => {
      // The tab navigated or closed since the popup asked; nothing to scroll.
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const n = results.length;
    switch (event.key) {
      case 'ArrowDown':
        if (n) setActive((a) => (a + 1) % n);
        break;
      case 'ArrowUp':
        if (n) setActive((a) => (a <= 0 ? n - 1 : a - 1));
        break;
      case 'Enter': {
        const chosen = results[active] ?? (searching ? results[0] : undefined);
        if (chosen) open(chosen.id);
        break;
      }
      case 'Escape':
        // Clear first; a second Escape closes the popup as usual.
        if (!query) return;
        onQuery('');
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const onQuery = (value: string) => {
    setQuery(value);
    setActive(-1);
  };

  if (card) {
    const previous = history.length > 1 ? entities?.get(history[history.length - 2]) : undefined;
    const onPage = page.status === 'ready' ? page.reply.entities.find((e) => e.entity === card.id) : undefined;
    return (
      <main class="popup popup-card" ref={cardRef}>
        <h1 class="visually-hidden">Fact Cards</h1>
        <FactCard
          card={card}
          onOpenRelated={open}
          back={previous ? { name: previous.entity.name, onBack: back } : { name: 'results', onBack: toResults }}
          sourceHref={sourceHref}
          onClose={toResults}
          nameOf={(id) => entities?.get(id)?.entity.name}
          onPage={
            onPage && {
              index: revealed[onPage.entity] ?? 0,
              total: onPage.count,
              onPrev: () => reveal(onPage.entity, onPage.count, -1),
              onNext: () => reveal(onPage.entity, onPage.count, 1),
            }
          }
        />
        <Footer pageUrl={page.status === 'ready' ? page.reply.url : undefined} />
      </main>
    );
  }

  return (
    <main class="popup">
      <h1 class="visually-hidden">Fact Cards</h1>
      <SearchBox
        value={query}
        onInput={onQuery}
        onKeyDown={onKeyDown}
        listboxId={LIST_ID}
        activeId={active >= 0 && active < results.length ? optionId(LIST_ID, active) : undefined}
        expanded={results.length > 0}
        inputRef={inputRef}
      />
      <div class="popup-main">
        {!searching && (
          <OnThisPage
            state={page}
            onReveal={(e: PageEntitySummary) => reveal(e.entity, e.count)}
            onOpen={(id) => entities?.has(id) && open(id)}
          />
        )}
        <section class="cards" aria-labelledby="cards-title">
          <h2 class="section-title" id="cards-title">{searching ? 'Results' : 'All cards'}</h2>
          <p class="visually-hidden" role="status">
            {search && searching ? resultsText(results.length) : ''}
          </p>
          {search && searching && results.length === 0 && (
            <p class="empty">{'No cards match '}<q dir="auto">{query.trim()}</q>.</p>
          )}
          {!search && <p class="empty">Loading cards…</p>}
          <ResultList
            id={LIST_ID}
            label={searching ? 'Results' : 'All cards'}
            results={results}
            active={active}
            onOpen={(r: SearchResult) => open(r.id)}
            onHover={setActive}
          />
        </section>
      </div>
      <Footer pageUrl={page.status === 'ready' ? page.reply.url : undefined} />
    </main>
  );
}

/** sourcePath always points into the article viewer; its return type just does not say so. */
const sourceHref = (articleId: string, sentenceId: string) =>
  browser.runtime.getURL(sourcePath(articleId, sentenceId) as `/article.html${string}`);

const resultsText = (n: number) => (n === 0 ? 'No results' : n === 1 ? '1 result' : `${n} results`);

function Footer({ pageUrl }: { pageUrl?: string }) {
  return (
    <footer class="popup-foot">
      <PauseControls pageUrl={pageUrl} />
      <button type="button" class="options-link" onClick={() => void browser.runtime.openOptionsPage()}>
        Options
      </button>
    </footer>
  );
}
