/**
 * When the card opens and closes, and what it shows:
 * - hover intent: opens after the pointer rests on a mention (`hoverDelayMs`),
 *   stays while the pointer is on the mention or in the card, closes after a
 *   grace period once it has left both; quick passes open nothing;
 * - keyboard: the `open-card` command opens the card for the selection or the
 *   next mention in view and focuses it; Tab moves into an open card, Esc
 *   closes it and returns focus; ← → step through the entity's mentions;
 * - touch: a tap on a mention opens its card instead of following a link
 *   underneath; a tap elsewhere closes it;
 * - selection and context menu: text that names an entity opens its card.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Matcher } from '@/lib/match';
import type { PackEntity } from '@/lib/packs';
import { cardOf, sourcePath } from '@/lib/cards';
import type { Theme } from '@/lib/settings';
import type { CardAnchor, CardHost } from './card-host';
import { measuringRange, mentionAtPoint, type MentionIndex } from './mention-index';
import type { MentionPainter } from './mention-painter';
import type { PageMention } from './page-scanner';

export const CLOSE_GRACE_MS = 300;
/** Longest selection looked up as a name. */
const MAX_SELECTION = 80;

export interface CardControllerDeps {
  ctx: ContentScriptContext;
  host: CardHost;
  /** Current entities and matcher: both change when the user's packs change. */
  entities: () => ReadonlyMap<string, PackEntity>;
  matcher: () => Matcher;
  mentions: () => MentionIndex;
  painter: () => MentionPainter;
  hoverDelayMs: () => number;
  theme: () => Theme;
  openSource: (article: string, sentence: string) => void;
}

interface OpenCard {
  entity: string;
  /** The mention the card belongs to, when it was opened from one. */
  mention?: PageMention;
  anchor: CardAnchor;
  /** Entities visited through related chips, for "Back". */
  history: string[];
  /** Element focused before the card took focus, to return it on close. */
  returnFocus?: Element | null;
}

export interface CardController {
  openForMention(m: PageMention, options?: { focus?: boolean; point?: { x: number; y: number } }): void;
  openForSelection(text?: string): boolean;
  openNextInView(): void;
  reveal(entity: string, index: number): void;
  close(): void;
}

function mentionAnchor(m: PageMention, point?: { x: number; y: number }): CardAnchor {
  return {
    getBoundingClientRect: () => measuringRange(m).getBoundingClientRect(),
    getClientRects: () => measuringRange(m).getClientRects(),
    contextElement: m.range.startContainer.parentElement ?? undefined,
    point,
  };
}

export function createCardController(deps: CardControllerDeps): CardController {
  const { ctx, host } = deps;
  let current: OpenCard | undefined;
  let openTimer: number | undefined;
  let openTarget: PageMention | undefined;
  let closeTimer: number | undefined;
  let lastPointerType = 'mouse';

  const cancelOpen = () => {
    if (openTimer !== undefined) clearTimeout(openTimer);
    openTimer = undefined;
    openTarget = undefined;
  };
  const cancelClose = () => {
    if (closeTimer !== undefined) clearTimeout(closeTimer);
    closeTimer = undefined;
  };

  function render() {
    if (!current) return;
    const state = current;
    const card = cardOf(deps.entities(), state.entity);
    if (!card) return close();
    const onPageList = deps.mentions().ofEntity(state.entity);
    const at = state.mention ? onPageList.indexOf(state.mention) : -1;
    const step = (delta: number) => {
      if (!onPageList.length) return;
      const next = onPageList[(Math.max(at, 0) + delta + onPageList.length) % onPageList.length];
      openForMention(next, { focus: host.hasFocus(), scroll: true, keepHistory: state.history });
    };
    const previous = state.history.at(-1);
    host.show(
      {
        card,
        theme: deps.theme(),
        onOpenRelated: (id) => {
          current = { ...state, entity: id, mention: undefined, history: [...state.history, state.entity] };
          render();
          host.focusCard();
        },
        back: previous
          ? {
              name: deps.entities().get(previous)?.entity.name ?? previous,
              onBack: () => {
                current = { ...state, entity: previous, mention: undefined, history: state.history.slice(0, -1) };
                render();
                host.focusCard();
              },
            }
          : undefined,
        onPage: onPageList.length
          ? { index: Math.max(at, 0), total: onPageList.length, onPrev: () => step(-1), onNext: () => step(1) }
          : undefined,
        sourceHref: (article, sentence) => browser.runtime.getURL(sourcePath(article, sentence) as '/article.html'),
        nameOf: (id) => deps.entities().get(id)?.entity.name,
        onClose: close,
      },
      state.anchor,
    );
    deps.painter().setActive(state.mention?.range ?? null);
  }

  function openForMention(
    m: PageMention,
    options: { focus?: boolean; point?: { x: number; y: number }; scroll?: boolean; keepHistory?: string[] } = {},
  ) {
    cancelOpen();
    cancelClose();
    if (options.scroll) scrollToMention(m);
    const returnFocus = current?.returnFocus ?? (options.focus ? document.activeElement : undefined);
    current = { entity: m.entity, mention: m, anchor: mentionAnchor(m, options.point), history: options.keepHistory ?? [], returnFocus };
    render();
    if (options.focus) focusWhenReady();
  }

  function focusWhenReady() {
    // The host mounts asynchronously the first time.
    let tries = 0;
    const attempt = () => {
      host.focusCard();
      if (!host.hasFocus() && tries++ < 20) ctx.setTimeout(attempt, 25);
    };
    attempt();
  }

  function close() {
    cancelOpen();
    cancelClose();
    if (!current) return;
    const hadFocus = host.hasFocus();
    const returnFocus = current.returnFocus;
    current = undefined;
    host.hide();
    deps.painter().setActive(null);
    if (hadFocus && returnFocus instanceof HTMLElement) returnFocus.focus();
  }

  function scrollToMention(m: PageMention) {
    const el = m.range.startContainer.parentElement;
    if (!el) return;
    const rect = measuringRange(m).getBoundingClientRect();
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.scrollBy({ top: rect.top - innerHeight / 3, behavior: reduce ? 'instant' : 'auto' });
  }

  /** The entity a piece of text names, exactly or fuzzily, ignoring the page-level gate. */
  function entityForText(text: string): string | undefined {
    const trimmed = text.trim();
    if (!trimmed || trimmed.length > MAX_SELECTION) return undefined;
    const candidates = deps.matcher().scan(trimmed, { fuzzy: 'loose' });
    // Prefer a candidate covering most of the selection.
    let best: (typeof candidates)[number] | undefined;
    for (const c of candidates) if (!best || c.end - c.start > best.end - best.start) best = c;
    return best && best.end - best.start >= trimmed.length * 0.6 ? best.entity : undefined;
  }

  function openForSelection(text?: string): boolean {
    const selection = getSelection();
    const selected = text ?? selection?.toString() ?? '';
    const entity = entityForText(selected);
    if (!entity) return false;
    const range = selection && selection.rangeCount ? selection.getRangeAt(0).cloneRange() : undefined;
    const onPage = deps.mentions().ofEntity(entity);
    const mention = range ? onPage.find((m) => range.intersectsNode(m.range.startContainer)) : undefined;
    if (mention) {
      openForMention(mention, { focus: true });
      return true;
    }
    const anchor: CardAnchor = range
      ? { getBoundingClientRect: () => range.getBoundingClientRect(), getClientRects: () => range.getClientRects(), contextElement: range.commonAncestorContainer.parentElement ?? undefined }
      : { getBoundingClientRect: () => new DOMRect(innerWidth / 2 - 180, 80, 0, 0), getClientRects: () => [] };
    cancelOpen();
    current = { entity, anchor, history: [], returnFocus: document.activeElement };
    render();
    focusWhenReady();
    return true;
  }

  function openNextInView() {
    if (openForSelection()) return;
    const all = [...deps.mentions().all()];
    const inView = all.filter((m) => {
      const r = measuringRange(m).getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight && r.width > 0;
    });
    inView.sort((a, b) => measuringRange(a).getBoundingClientRect().top - measuringRange(b).getBoundingClientRect().top);
    if (!inView.length) return;
    const at = current?.mention ? inView.indexOf(current.mention) : -1;
    openForMention(inView[(at + 1) % inView.length], { focus: true });
  }

  function reveal(entity: string, index: number) {
    const list = deps.mentions().ofEntity(entity);
    if (!list.length) return;
    const m = list[index % list.length];
    scrollToMention(m);
    // Flash: emphasise it for a moment (the card stays closed).
    deps.painter().setActive(m.range);
    ctx.setTimeout(() => {
      if (!current) deps.painter().setActive(null);
    }, 1500);
  }

  // --- Pointer: hover intent -------------------------------------------------
  let frame = 0;
  let lastMove: { x: number; y: number; inCard: boolean } | undefined;
  ctx.addEventListener(document, 'pointermove', (event) => {
    lastPointerType = event.pointerType;
    if (event.pointerType === 'touch') return;
    // composedPath() is empty once dispatch ends: read it now, hit-test later.
    lastMove = { x: event.clientX, y: event.clientY, inCard: host.contains(event) };
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      if (lastMove) onHover(lastMove);
    });
  }, { passive: true, capture: true });

  function onHover(event: { x: number; y: number; inCard: boolean }) {
    if (event.inCard) {
      cancelClose();
      cancelOpen();
      return;
    }
    const m = mentionAtPoint(deps.mentions(), event.x, event.y);
    if (m && current?.mention === m) {
      cancelClose();
      return;
    }
    if (m) {
      if (openTarget !== m) {
        cancelOpen();
        openTarget = m;
        const point = { x: event.x, y: event.y };
        openTimer = ctx.setTimeout(() => openForMention(m, { point }), deps.hoverDelayMs());
      }
      return;
    }
    cancelOpen();
    // A card the user moved focus into stays until Esc or a click elsewhere.
    if (current && closeTimer === undefined && !host.hasFocus()) closeTimer = ctx.setTimeout(close, CLOSE_GRACE_MS);
  }

  // --- Touch and clicks ------------------------------------------------------
  ctx.addEventListener(document, 'pointerdown', (event) => {
    lastPointerType = event.pointerType;
    if (current && !host.contains(event)) {
      const m = event.pointerType === 'touch' ? mentionAtPoint(deps.mentions(), event.clientX, event.clientY) : undefined;
      if (!m) close();
    }
  }, { capture: true });

  ctx.addEventListener(document, 'click', (event) => {
    if (lastPointerType !== 'touch' || host.contains(event)) return;
    const m = mentionAtPoint(deps.mentions(), event.clientX, event.clientY);
    if (!m) return;
    // A tap on a mention opens its card instead of following a link under it.
    event.preventDefault();
    event.stopPropagation();
    openForMention(m, { point: { x: event.clientX, y: event.clientY } });
  }, { capture: true });

  // Source links point at an extension page, which a web page may not open
  // itself: the background opens it (no web_accessible_resources needed).
  ctx.addEventListener(document, 'click', (event) => {
    if (!host.contains(event)) return;
    const link = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!link?.href) return;
    const url = new URL(link.href);
    if (url.origin !== new URL(browser.runtime.getURL('/')).origin) return;
    event.preventDefault();
    deps.openSource(url.searchParams.get('pack') ?? '', decodeURIComponent(url.hash.slice(1)));
  }, { capture: true });

  // --- Keyboard --------------------------------------------------------------
  ctx.addEventListener(document, 'keydown', (event) => {
    if (!current) return;
    if (event.key === 'Escape') {
      close();
      return;
    }
    if (event.key === 'Tab' && !host.hasFocus()) {
      // Tab from the page moves into the open card first.
      event.preventDefault();
      current.returnFocus = document.activeElement;
      host.focusCard();
      return;
    }
    if (host.hasFocus() && (event.key === 'ArrowRight' || event.key === 'ArrowLeft') && current.mention) {
      const list = deps.mentions().ofEntity(current.entity);
      if (list.length < 2) return;
      event.preventDefault();
      const at = list.indexOf(current.mention);
      const next = list[(at + (event.key === 'ArrowRight' ? 1 : -1) + list.length) % list.length];
      openForMention(next, { focus: true, scroll: true, keepHistory: current.history });
    }
  }, { capture: true });

  // --- Selection -------------------------------------------------------------
  ctx.addEventListener(document, 'mouseup', (event) => {
    if (host.contains(event)) return;
    const text = getSelection()?.toString() ?? '';
    if (text.trim().length < 3 || text.length > MAX_SELECTION) return;
    ctx.setTimeout(() => {
      if (getSelection()?.toString() === text) openForSelection(text);
    }, deps.hoverDelayMs());
  });

  return { openForMention, openForSelection: (text) => openForSelection(text), openNextInView, reveal, close };
}
