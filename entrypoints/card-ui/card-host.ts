/**
 * The one fact-card container on a page. The card and the notice are drawn
 * in extension-origin frames (card-frame.html, see frame-link.ts), so their
 * text is in another origin's document: no page API — window.find(),
 * selection, layout and style probes — reaches it. The frames sit in a
 * closed shadow root on documentElement (WXT's createShadowRootUi,
 * `all: initial`), created on first use and then reused, moved into the
 * fullscreen element while the page is fullscreen.
 *
 * Here, in the page: only the frames' boxes. The card frame is positioned
 * with @floating-ui/dom next to the mention's line (flipping, shifting and
 * sized to stay in the viewport, following scroll and resize) and is as
 * large as the card, which the frame measures and reports; the shadow is
 * drawn here, so the frame needs no margin that would cover the page.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { CardAnchor, CardHost, CardView } from '@/components/card-ui-contract';
import { CARD_THEMES } from '@/components/card-css';
import { OWN_UI_ATTRIBUTE } from '@/dom/text-walker';
import type { FrameAction } from '@/lib/messages/card-frame';
import { openFrameLink, type FrameLink } from './frame-link';

export const CARD_HOST_TAG = 'fact-cards-card';

const HOST_CSS = `
.fc-layer { position: fixed; top: 0; left: 0; z-index: 2147483647; width: max-content; }
.fc-off { visibility: hidden; pointer-events: none; }
iframe { display: block; margin: 0; padding: 0; border: 0; background: transparent; color-scheme: light dark; }
.fc-card-frame { width: 360px; height: 120px; border-radius: 10px; box-shadow: ${CARD_THEMES.light.shadow}; }
.fc-card-frame.fc-dark { box-shadow: ${CARD_THEMES.dark.shadow}; }
@media (prefers-color-scheme: dark) { .fc-card-frame.fc-auto { box-shadow: ${CARD_THEMES.dark.shadow}; } }
.fc-notice-frame {
  position: fixed; top: 16px; right: 16px; z-index: 2147483647; width: 300px; height: 40px;
  border-radius: 8px; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.3);
}
`;

/** How long a notice stays. */
const NOTICE_MS = 5000;
/** Room kept between the card and the viewport's edges. */
const EDGE = 8;
/** The card's default and least height (its body scrolls below that). */
const DEFAULT_MAX_HEIGHT = 520;
const MIN_MAX_HEIGHT = 180;

type Action = Exclude<FrameAction, { type: 'ready' }>;

export function createCardHost(ctx: ContentScriptContext): CardHost {
  let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
  let layer: HTMLElement | undefined;
  let creating: Promise<void> | undefined;
  let card: FrameLink | undefined;
  let noticeFrame: FrameLink | undefined;
  let stopPositioning: (() => void) | undefined;
  let noticeTimer: number | undefined;
  /** Bumped by every show and hide, so a show that waited never undoes a later hide. */
  let generation = 0;
  /** Numbers each card and notice sent, so a size report is matched to what it measured. */
  let seq = 0;
  let shown: { view: CardView; anchor: CardAnchor; seq: number } | undefined;
  let noticeSeq = -1;
  const measured = new Map<number, () => void>();
  let fit = { maxWidth: 0, maxHeight: DEFAULT_MAX_HEIGHT };

  async function create() {
    ui = await createShadowRootUi(ctx, {
      name: CARD_HOST_TAG,
      mode: 'closed',
      position: 'inline',
      anchor: () => document.documentElement,
      append: 'last',
      onMount(container, shadow) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(HOST_CSS);
        shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
        const el = document.createElement('div');
        el.className = 'fc-layer fc-off';
        container.append(el);
        return el;
      },
    });
    ui.shadowHost.setAttribute(OWN_UI_ATTRIBUTE, 'card');
    ui.mount();
    layer = ui.mounted;
    ctx.addEventListener(document, 'fullscreenchange', () => {
      if (place() && shown) void show(shown.view, shown.anchor);
    });
  }

  /**
   * Keeps the host in the fullscreen element (or the root). Moving an iframe
   * reloads it, so the frames go first and are made again when next needed.
   * True when the host moved.
   */
  function place(): boolean {
    const target = document.fullscreenElement ?? document.documentElement;
    if (!ui || ui.shadowHost.parentNode === target) return false;
    dropCardFrame();
    dropNoticeFrame();
    target.append(ui.shadowHost);
    return true;
  }

  function dropCardFrame() {
    card?.destroy();
    card = undefined;
    settleMeasures();
  }

  /** Lets every show still waiting for its size go on (it then sees it was overtaken). */
  function settleMeasures() {
    for (const done of measured.values()) done();
    measured.clear();
  }

  function dropNoticeFrame() {
    noticeFrame?.destroy();
    noticeFrame = undefined;
    clearTimeout(noticeTimer);
  }

  async function cardFrame(): Promise<FrameLink> {
    if (!card) {
      const link = openFrameLink(ctx, {
        parent: layer!,
        className: 'fc-card-frame',
        title: 'Fact card',
        focusable: true,
        onAction: onCardAction,
        onLost: () => {
          if (card !== link) return;
          dropCardFrame();
          // The page navigated our frame: draw the card again in a new one.
          if (shown) void show(shown.view, shown.anchor).catch(() => {});
        },
      });
      card = link;
    }
    const link = card;
    await link.ready;
    return link;
  }

  /** What the reader did in the card; only for the card on screen, and only what it offers. */
  function onCardAction(action: Action) {
    const now = shown;
    if (!now) return;
    const { view } = now;
    switch (action.type) {
      case 'size':
        if (action.seq !== now.seq || !card) return;
        card.iframe.style.width = `${Math.ceil(action.width)}px`;
        card.iframe.style.height = `${Math.ceil(action.height)}px`;
        measured.get(action.seq)?.();
        measured.delete(action.seq);
        return;
      case 'close':
        return view.onClose();
      case 'related':
        if (view.card.related.some((r) => r.id === action.id)) view.onOpenRelated(action.id);
        return;
      case 'back':
        return view.back?.onBack();
      case 'step':
        return action.delta < 0 ? view.onPage?.onPrev() : view.onPage?.onNext();
      case 'open-source':
        if (view.card.groups.some((g) => g.article.id === action.article)) view.onOpenSource(action.article, action.sentence);
        return;
      case 'pointer':
        return view.onPointer?.(action.inside);
    }
  }

  const currentFit = () => ({ maxWidth: Math.max(0, innerWidth - 2 * EDGE), maxHeight: fit.maxHeight });

  function position(anchor: CardAnchor, link: FrameLink) {
    stopPositioning?.();
    const el = layer!;
    const reference = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
      contextElement: anchor.contextElement,
    };
    const update = () =>
      computePosition(reference, el, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(anchor.point),
          offset(6),
          flip({ padding: EDGE }),
          shift({ padding: EDGE }),
          size({
            padding: EDGE,
            apply({ availableHeight }) {
              const next = { maxWidth: Math.max(0, innerWidth - 2 * EDGE), maxHeight: Math.max(MIN_MAX_HEIGHT, Math.floor(availableHeight)) };
              if (next.maxHeight !== fit.maxHeight || next.maxWidth !== fit.maxWidth) {
                fit = next;
                link.send({ type: 'fit', ...fit });
              }
            },
          }),
        ],
      }).then(({ x, y }) => {
        el.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    stopPositioning = autoUpdate(reference, el, update, { animationFrame: false });
  }

  async function show(view: CardView, anchor: CardAnchor): Promise<void> {
    const mine = ++generation;
    if (!layer) await (creating ??= create());
    place();
    const link = await cardFrame();
    if (mine !== generation) return;
    const s = ++seq;
    shown = { view, anchor, seq: s };
    fit = currentFit();
    settleMeasures();
    const sized = new Promise<void>((done) => measured.set(s, done));
    const { card: data, theme, onPage, back } = view;
    link.send({
      type: 'card',
      seq: s,
      card: data,
      theme,
      onPage: onPage && { index: onPage.index, total: onPage.total },
      back: back && { name: back.name },
      fit,
    });
    link.iframe.className = `fc-card-frame fc-${theme}`;
    await sized;
    if (mine !== generation || card !== link) return;
    layer!.classList.remove('fc-off');
    position(anchor, link);
  }

  function hide() {
    generation++;
    shown = undefined;
    settleMeasures();
    stopPositioning?.();
    stopPositioning = undefined;
    layer?.classList.add('fc-off');
    card?.send({ type: 'hide' });
  }

  async function notice(text: string) {
    if (!layer) await (creating ??= create());
    place();
    if (!noticeFrame) {
      const link = openFrameLink(ctx, {
        parent: layer!.parentNode!,
        className: 'fc-notice-frame fc-off',
        title: 'Fact Cards notice',
        focusable: false,
        onAction(action) {
          if (action.type !== 'size' || action.seq !== noticeSeq) return;
          link.iframe.style.width = `${Math.ceil(action.width)}px`;
          link.iframe.style.height = `${Math.ceil(action.height)}px`;
        },
        onLost: () => {
          if (noticeFrame === link) dropNoticeFrame();
        },
      });
      noticeFrame = link;
    }
    const link = noticeFrame;
    await link.ready;
    noticeSeq = ++seq;
    // Shown before the text arrives, so the status region is there to announce it.
    link.iframe.classList.remove('fc-off');
    link.send({ type: 'notice', seq: noticeSeq, text, maxWidth: Math.max(0, innerWidth - 32) });
    clearTimeout(noticeTimer);
    noticeTimer = ctx.setTimeout(() => {
      link.iframe.classList.add('fc-off');
      link.send({ type: 'notice', seq: ++seq, text: '', maxWidth: 0 });
    }, NOTICE_MS);
  }

  return {
    show,
    hide,
    contains: (event) => !!ui && event.composedPath().includes(ui.shadowHost),
    focusCard() {
      if (!card || !shown) return;
      card.iframe.focus();
      card.send({ type: 'focus' });
    },
    hasFocus: () => !!card && !!ui && ui.shadow.activeElement === card.iframe,
    rect: () => (card && shown && !layer?.classList.contains('fc-off') ? card.iframe.getBoundingClientRect() : undefined),
    notice,
  };
}
