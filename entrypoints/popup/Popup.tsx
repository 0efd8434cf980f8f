/**
 * The toolbar popup: search every card, open one in place (with a history
 * for related cards), see what the current page mentions, reach the options.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FactCard } from '@/components/FactCard';
import { back as historyBack, shown, visit } from '@/lib/card-history';
import type { CardData } from '@/lib/library/card-data';
import { watchLibraryVersion } from '@/lib/library/library-version';
import { sourcePath } from '@/lib/library/viewer-address';
import type { PageEntitySummary, SearchResult } from '@/lib/messages/protocol';
import { askBackground } from '@/lib/messages/send';
import { OnThisPage } from './OnThisPage';
import { PauseControls } from './PauseControls';
import { nextMentionIndex, revealMention, watchPageMentions, type PageState } from './page-mentions';
import { optionId, ResultList } from './ResultList';
import { SaveArticle, type SaveArticleApi } from './SaveArticle';
import { SearchBox } from './SearchBox';

const LIST_ID = 'results';
/** The browse list (empty query) stops here: a big library would make the popup crawl. */
const BROWSE_LIMIT = 200;

/** What the popup asks the library (the background); tests pass their own. */
export interface PopupLibrary extends SaveArticleApi {
  search(query: string, limit?: number): Promise<SearchResult[]>;
  card(id: string): Promise<CardData | undefined>;
}

export const backgroundLibrary: PopupLibrary = {
  search: (query, limit) => askBackground({ type: 'search', query, ...(limit ? { limit } : {}) }),
  card: (entity) => askBackground({ type: 'card', entity }),
  savedFor: (url) => askBackground({ type: 'saved-for-url', url }),
  capture: (tabId) => askBackground({ type: 'capture-tab', tabId, save: false }),
  save: (article) => askBackground({ type: 'save-article', article }),
};

export interface PopupProps {
  library?: PopupLibrary;
}

export function Popup({ library = backgroundLibrary }: PopupProps) {
  const [query, setQuery] = useState('');
  /** The last results and the query they answer: typing can outrun the search. */
  const [found, setFound] = useState<{ query: string; results: SearchResult[] }>();
  /** Enter was pressed before this query's results came: open its first result when they do. */
  const [openWhenFound, setOpenWhenFound] = useState<string>();
  const [active, setActive] = useState(-1);
  /** Ids of the cards opened, the shown one last; empty shows the results. */
  const [history, setHistory] = useState<string[]>([]);
  const [card, setCard] = useState<CardData>();
  const [previousName, setPreviousName] = useState<string>();
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  /** The tab the popup was opened over (its address needs activeTab, granted by opening the popup). */
  const [tab, setTab] = useState<{ id: number; url?: string }>();
  /** Moves when the library changes, to search again. */
  const [libraryVersion, setLibraryVersion] = useState(0);
  /** The mention last revealed, per entity, so repeated clicks step through them. */
  const [revealed, setRevealed] = useState<Record<string, number>>({});
  const inputRef = useRef<HTMLInputElement>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  const searching = query.trim() !== '';
  const asked = searching ? query : '';
  const results = found?.results;
  const fresh = found?.query === asked;

  useEffect(() => {
    const controller = new AbortController();
    watchPageMentions(setPage, controller.signal);
    browser.tabs.query({ active: true, currentWindow: true }).then(
      ([active]) => active?.id !== undefined && setTab({ id: active.id, url: active.url }),
      () => {},
    );
    const stop = watchLibraryVersion(() => setLibraryVersion((n) => n + 1));
    return () => {
      controller.abort();
      stop();
    };
  }, []);

  useEffect(() => {
    let live = true;
    library.search(asked, searching ? undefined : BROWSE_LIMIT).then(
      (results) => live && setFound({ query: asked, results }),
      () => live && setFound({ query: asked, results: [] }),
    );
    return () => {
      live = false;
    };
  }, [library, asked, searching, libraryVersion]);

  const current = shown(history);
  useEffect(() => {
    let live = true;
    if (current === undefined) {
      setCard(undefined);
      return;
    }
    const previous = history.length > 1 ? history[history.length - 2] : undefined;
    Promise.all([library.card(current), previous ? library.card(previous) : undefined]).then(([found, before]) => {
      if (!live) return;
      setCard(found);
      setPreviousName(before?.name);
    });
    return () => {
      live = false;
    };
  }, [library, current, history.length, libraryVersion]);

  // Focus follows the view: the card when one opens, the search box otherwise.
  useEffect(() => {
    if (card) cardRef.current?.querySelector<HTMLElement>('.fc-card')?.focus();
    else inputRef.current?.focus();
  }, [card?.id]);

  const open = (id: string) => setHistory((h) => visit(h, id));
  const back = () => setHistory((h) => historyBack(h));
  const toResults = () => setHistory([]);
  const list = results ?? [];

  useEffect(() => {
    if (openWhenFound === undefined || found?.query !== openWhenFound) return;
    setOpenWhenFound(undefined);
    if (found.results[0]) open(found.results[0].id);
  }, [found, openWhenFound]);

  const reveal = (entity: string, count: number, step: 1 | -1 = 1) => {
    if (page.status !== 'ready') return;
    const index = nextMentionIndex(revealed[entity], count, step);
    setRevealed((r) => ({ ...r, [entity]: index }));
    revealMention(page.tabId, entity, index).catch(() => {
      // The tab navigated or closed since the popup asked; nothing to scroll.
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const n = list.length;
    switch (event.key) {
      case 'ArrowDown':
        if (n) setActive((a) => (a + 1) % n);
        break;
      case 'ArrowUp':
        if (n) setActive((a) => (a <= 0 ? n - 1 : a - 1));
        break;
      case 'Enter': {
        // The list on screen still answers an earlier query: wait for this one's.
        if (searching && !fresh) {
          setOpenWhenFound(query);
          break;
        }
        const chosen = list[active] ?? (searching ? list[0] : undefined);
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
    setOpenWhenFound(undefined);
  };

  if (card && current !== undefined) {
    const onPage = page.status === 'ready' ? page.reply.entities.find((e) => e.entity === card.id) : undefined;
    return (
      <main class="popup popup-card" ref={cardRef}>
        <h1 class="visually-hidden">Fact Cards</h1>
        <FactCard
          card={card}
          onOpenRelated={open}
          back={history.length > 1 && previousName ? { name: previousName, onBack: back } : { name: 'results', onBack: toResults }}
          sourceHref={sourceHref}
          onClose={toResults}
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
        activeId={active >= 0 && active < list.length ? optionId(LIST_ID, active) : undefined}
        expanded={list.length > 0}
        inputRef={inputRef}
      />
      <div class="popup-main">
        {!searching && <SaveArticle api={library} tab={tab} />}
        {!searching && (
          <OnThisPage
            state={page}
            onReveal={(e: PageEntitySummary) => reveal(e.entity, e.count)}
            onOpen={open}
          />
        )}
        <section class="cards" aria-labelledby="cards-title">
          <h2 class="section-title" id="cards-title">{searching ? 'Results' : 'All cards'}</h2>
          <p class="visually-hidden" role="status">
            {fresh && searching ? resultsText(list.length) : ''}
          </p>
          {fresh && searching && list.length === 0 && (
            <p class="empty">{'No cards match '}<q dir="auto">{query.trim()}</q>.</p>
          )}
          {!results && <p class="empty">Loading cards…</p>}
          <ResultList
            id={LIST_ID}
            label={searching ? 'Results' : 'All cards'}
            results={list}
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
