/**
 * The fact card on a page: the state machine (machine.ts), what draws it
 * (present.ts) and each way a reader opens one — hover, touch, keyboard,
 * selection — registered through the content script's context, so all of
 * it goes when the extension is updated or the script is torn down.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardHost } from '@/components/card-ui-contract';
import type { MentionPainter } from '@/dom/mention-painter';
import type { Theme } from '@/lib/settings/settings';
import { tellBackground } from '@/lib/messages/send';
import type { LibraryClient } from '../library-client';
import { measuringRange, type MentionIndex } from '../mention-index';
import type { PageMention } from '../page-scanner';
import { mentionAnchor, rangeAnchor, viewportAnchor } from './anchors';
import { registerHover } from './hover';
import { registerKeyboard } from './keyboard';
import { loadCardUi } from './load-card-ui';
import { createCardMachine, type OpenCard } from './machine';
import { createPresenter } from './present';
import { MAX_SELECTION, registerSelection } from './selection';
import { registerTouch } from './touch';

export const CLOSE_GRACE_MS = 300;

export interface CardsDeps {
  ctx: ContentScriptContext;
  client: LibraryClient;
  mentions: () => MentionIndex;
  painter: () => MentionPainter;
  hoverDelayMs: () => number;
  theme: () => Theme;
}

export function createCards(deps: CardsDeps) {
  const { ctx } = deps;
  let hostPromise: Promise<CardHost> | undefined;
  const host = () =>
    (hostPromise ??= loadCardUi().then((ui) => ui.createCardHost(ctx))).catch((error) => {
      hostPromise = undefined;
      throw error;
    });
  const loaded = () => presenter.host();
  const inCard = (event: Event) => loaded()?.contains(event) ?? false;
  const cardHasFocus = () => loaded()?.hasFocus() ?? false;

  const scrollTo = (m: PageMention) => {
    const rect = measuringRange(m).getBoundingClientRect();
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.scrollBy({ top: rect.top - innerHeight / 3, behavior: reduce ? 'instant' : 'auto' });
  };

  /** Another mention of the shown entity, keeping the card's history and focus. */
  const step = (to: PageMention, card: OpenCard) => {
    const focus = cardHasFocus();
    scrollTo(to);
    void machine.open({ entity: to.entity, mention: to, anchor: mentionAnchor(to) }, { history: card.history }).then(() => {
      if (focus) loaded()?.focusCard();
    });
  };

  const presenter = createPresenter({
    client: deps.client,
    host,
    mentions: deps.mentions,
    painter: deps.painter,
    theme: deps.theme,
    machine: () => machine,
    step,
    openSource: (article, sentence) => tellBackground({ type: 'open-source', article, sentence }),
    onPointerInCard: (inside) => hover.pointerInCard(inside),
  });

  const machine = createCardMachine({
    timers: { setTimeout: (fn, ms) => ctx.setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id) },
    hoverDelayMs: deps.hoverDelayMs,
    graceMs: CLOSE_GRACE_MS,
    present: presenter.present,
    dismiss: presenter.dismiss,
    cardHasFocus,
    onChange: (state) => {
      if (state.status === 'open' && state.byHover) hover.recheck();
    },
  });

  const hover = registerHover(ctx, { machine, mentions: deps.mentions, inCard });
  registerTouch(ctx, { machine, mentions: deps.mentions, inCard });
  registerKeyboard(ctx, { machine, mentions: deps.mentions, cardHasFocus, focusCard: () => loaded()?.focusCard(), step });

  const focused = () => (document.activeElement instanceof HTMLElement ? document.activeElement : null);

  async function openFocused(open: Promise<void>) {
    await open;
    loaded()?.focusCard();
  }

  function openForMention(m: PageMention, options: { focus?: boolean; scroll?: boolean } = {}) {
    if (options.scroll) scrollTo(m);
    const opening = machine.open({ entity: m.entity, mention: m, anchor: mentionAnchor(m) }, { returnFocus: focused() });
    return options.focus ? openFocused(opening) : opening;
  }

  /** Opens the card for the selection (or `text`); false when it names no entity. */
  async function openForSelection(text?: string): Promise<boolean> {
    const selection = getSelection();
    const selected = (text ?? selection?.toString() ?? '').trim();
    if (!selected || selected.length > MAX_SELECTION) return false;
    const range = selection && selection.rangeCount ? selection.getRangeAt(0).cloneRange() : undefined;
    const entity = await deps.client.entityForText(selected);
    if (!entity) return false;
    const mention = range ? deps.mentions().ofEntity(entity).find((m) => range.intersectsNode(m.range.startContainer)) : undefined;
    if (mention) {
      await openForMention(mention, { focus: true });
      return true;
    }
    await openFocused(machine.open({ entity, anchor: range ? rangeAnchor(range) : viewportAnchor() }, { returnFocus: focused() }));
    return true;
  }

  registerSelection(ctx, { inCard, delayMs: deps.hoverDelayMs, openForSelection });

  /** The keyboard command: the selection's card, else the next mention in view. */
  async function openNextInView(): Promise<void> {
    if (await openForSelection()) return;
    const inView = deps.mentions().all().flatMap((m) => {
      const r = measuringRange(m).getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight && r.width > 0 ? [{ m, top: r.top }] : [];
    });
    inView.sort((a, b) => a.top - b.top);
    if (!inView.length) return;
    const state = machine.state();
    const at = state.status === 'open' && state.target.mention ? inView.findIndex((x) => x.m === state.target.mention) : -1;
    await openForMention(inView[(at + 1) % inView.length].m, { focus: true });
  }

  /** Scrolls to mention `index` of an entity and flashes it (the popup's "On this page"). */
  function reveal(entity: string, index: number) {
    const list = deps.mentions().ofEntity(entity);
    if (!list.length) return;
    const m = list[index % list.length];
    scrollTo(m);
    deps.painter().setActive(m.range);
    ctx.setTimeout(() => {
      if (machine.state().status !== 'open') deps.painter().setActive(null);
    }, 1500);
  }

  const notice = async (text: string) => (await host()).notice(text);

  return { openForMention, openForSelection, openNextInView, reveal, notice, close: () => machine.close() };
}
