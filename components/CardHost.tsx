/**
 * The one fact-card container on a page: a shadow root on documentElement
 * (WXT's createShadowRootUi, `all: initial`), created on first use and then
 * reused, moved into the fullscreen element while the page is fullscreen.
 * Styles are adopted as a constructed sheet (no <style>, so strict-CSP pages
 * work). Position: @floating-ui/dom next to the mention's line, flipping and
 * shifting to stay in the viewport, following scroll and resize.
 */
import { render } from 'preact';
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { FactCard, type FactCardProps } from '@/components/FactCard';
import { CARD_CSS } from '@/components/card-css';
import { OWN_UI_ATTRIBUTE } from '@/dom/text-walker';

export const CARD_HOST_TAG = 'fact-cards-card';

/** What the card points at: a mention's range, or a selection's. */
export interface CardAnchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList | DOMRect[];
  contextElement?: Element;
  /** Pointer position, so a wrapped mention's card sits by the hovered line. */
  point?: { x: number; y: number };
}

const HOST_CSS = `
.fc-layer { position: fixed; top: 0; left: 0; z-index: 2147483647; width: max-content; }
.fc-layer[hidden] { display: none; }
.fc-notice {
  position: fixed; top: 16px; right: 16px; z-index: 2147483647; box-sizing: border-box; max-width: min(420px, calc(100vw - 32px));
  padding: 10px 14px; border-radius: 8px; background: #1f2124; color: #eaecf0; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.3);
  font: 14px/20px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; overflow-wrap: anywhere;
}
.fc-notice:empty { display: none; }
`;

export interface CardHost {
  /** Renders the card by `anchor`; resolves once it is on screen (the host is created on first use). */
  show(props: FactCardProps, anchor: CardAnchor): Promise<void>;
  hide(): void;
  /** True when an event's path goes through the card. */
  contains(event: Event): boolean;
  /** Moves focus into the card; resolves once it has it. */
  focusCard(): void;
  hasFocus(): boolean;
  /** The card's box on screen, when it is shown. */
  rect(): DOMRect | undefined;
  /** A short notice in the corner for a few seconds ("Saved …"), announced politely. */
  notice(text: string): Promise<void>;
}

/** How long a notice stays. */
const NOTICE_MS = 5000;

export interface CardHostOptions {
  /**
   * `closed` keeps the card out of the page's reach: no `shadowRoot` to
   * read its text from (the reader's library is in it).
   */
  mode: 'open' | 'closed';
}

export function createCardHost(ctx: ContentScriptContext, options: CardHostOptions = { mode: 'closed' }): CardHost {
  let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
  let layer: HTMLElement | undefined;
  let noticeEl: HTMLElement | undefined;
  let noticeTimer: number | undefined;
  let stopPositioning: (() => void) | undefined;
  let creating: Promise<void> | undefined;
  /** Bumped by every show and hide, so a show that waited for the host never undoes a later hide. */
  let generation = 0;

  const place = () => {
    const target = document.fullscreenElement ?? document.documentElement;
    if (ui && ui.shadowHost.parentNode !== target) target.append(ui.shadowHost);
  };

  async function create() {
    ui = await createShadowRootUi(ctx, {
      name: CARD_HOST_TAG,
      mode: options.mode,
      position: 'inline',
      anchor: () => document.documentElement,
      append: 'last',
      onMount(container, shadow) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(HOST_CSS + CARD_CSS);
        shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
        const el = document.createElement('div');
        el.className = 'fc-layer';
        el.hidden = true;
        const notice = document.createElement('div');
        notice.className = 'fc-notice';
        notice.setAttribute('role', 'status');
        container.append(el, notice);
        noticeEl = notice;
        return el;
      },
      onRemove(el) {
        if (el) render(null, el);
      },
    });
    ui.shadowHost.setAttribute(OWN_UI_ATTRIBUTE, 'card');
    ui.mount();
    layer = ui.mounted;
    ctx.addEventListener(document, 'fullscreenchange', place);
  }

  function position(anchor: CardAnchor) {
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
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight }) {
              el.style.setProperty('--fc-max-height', `${Math.max(180, Math.floor(availableHeight))}px`);
            },
          }),
        ],
      }).then(({ x, y }) => {
        el.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    stopPositioning = autoUpdate(reference, el, update, { animationFrame: false });
  }

  function renderNow(props: FactCardProps, anchor: CardAnchor) {
    place();
    render(<FactCard {...props} />, layer!);
    layer!.hidden = false;
    position(anchor);
  }

  return {
    async show(props, anchor) {
      const mine = ++generation;
      if (!layer) await (creating ??= create());
      if (mine === generation) renderNow(props, anchor);
    },
    hide() {
      generation++;
      stopPositioning?.();
      stopPositioning = undefined;
      if (layer) {
        layer.hidden = true;
        render(null, layer);
      }
    },
    contains: (event) => !!ui && event.composedPath().includes(ui.shadowHost),
    focusCard() {
      (layer?.querySelector('[role="dialog"]') as HTMLElement | null)?.focus();
    },
    hasFocus: () => !!ui && document.activeElement === ui.shadowHost,
    rect: () => (layer && !layer.hidden ? layer.firstElementChild?.getBoundingClientRect() : undefined),
    async notice(text) {
      if (!layer) await (creating ??= create());
      place();
      noticeEl!.textContent = text;
      clearTimeout(noticeTimer);
      noticeTimer = ctx.setTimeout(() => {
        if (noticeEl) noticeEl.textContent = '';
      }, NOTICE_MS);
    },
  };
}
