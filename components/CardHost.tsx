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
import { OWN_UI_ATTRIBUTE } from './text-walker';

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
`;

export interface CardHost {
  show(props: FactCardProps, anchor: CardAnchor): void;
  hide(): void;
  isOpen(): boolean;
  /** True when an event's path goes through the card. */
  contains(event: Event): boolean;
  focusCard(): void;
  hasFocus(): boolean;
}

export function createCardHost(ctx: ContentScriptContext): CardHost {
  let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
  let layer: HTMLElement | undefined;
  let stopPositioning: (() => void) | undefined;
  let creating: Promise<void> | undefined;
  let pending: { props: FactCardProps; anchor: CardAnchor } | undefined;
  let open = false;

  const place = () => {
    const target = document.fullscreenElement ?? document.documentElement;
    if (ui && ui.shadowHost.parentNode !== target) target.append(ui.shadowHost);
  };

  async function create() {
    ui = await createShadowRootUi(ctx, {
      name: CARD_HOST_TAG,
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
        container.append(el);
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
    show(props, anchor) {
      open = true;
      if (layer) return renderNow(props, anchor);
      pending = { props, anchor };
      creating ??= create();
      void creating.then(() => {
        if (open && pending) renderNow(pending.props, pending.anchor);
        pending = undefined;
      });
    },
    hide() {
      open = false;
      pending = undefined;
      stopPositioning?.();
      stopPositioning = undefined;
      if (layer) {
        layer.hidden = true;
        render(null, layer);
      }
    },
    isOpen: () => open,
    contains: (event) => !!ui && event.composedPath().includes(ui.shadowHost),
    focusCard() {
      (layer?.querySelector('[role="dialog"]') as HTMLElement | null)?.focus();
    },
    hasFocus: () => !!ui && document.activeElement === ui.shadowHost,
  };
}
