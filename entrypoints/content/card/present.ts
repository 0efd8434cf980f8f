/**
 * Draws the machine's open card: fetches the entity's card from the library
 * (in the background), loads the card UI on first use, and shows it by the
 * mention with the page's navigation ("2 of 5 on this page"), Back and
 * related chips wired to the machine. A card still on its way when the
 * reader has moved on is dropped.
 */
import type { CardHost } from '@/components/card-ui-contract';
import type { MentionPainter } from '@/dom/mention-painter';
import type { Theme } from '@/lib/settings/settings';
import type { LibraryClient } from '../library-client';
import type { MentionIndex } from '../mention-index';
import type { PageMention } from '../page-scanner';
import type { CardMachine, OpenCard } from './machine';

export interface PresenterDeps {
  client: LibraryClient;
  host: () => Promise<CardHost>;
  mentions: () => MentionIndex;
  painter: () => MentionPainter;
  theme: () => Theme;
  machine: () => CardMachine;
  /** Opens another mention of the same entity (‹ › in the card). */
  step: (to: PageMention, card: OpenCard) => void;
  openSource: (article: string, sentence: string) => void;
  /** The pointer entered or left the card (its frame says so). */
  onPointerInCard: (inside: boolean) => void;
}

export function createPresenter(deps: PresenterDeps) {
  let generation = 0;
  let host: CardHost | undefined;

  async function present(card: OpenCard): Promise<void> {
    const mine = ++generation;
    const [data, loaded] = await Promise.all([deps.client.card(card.target.entity), deps.host()]);
    host = loaded;
    if (mine !== generation) return;
    if (!data) {
      deps.machine().close();
      return;
    }
    const onPageList = deps.mentions().ofEntity(card.target.entity);
    const at = card.target.mention ? onPageList.indexOf(card.target.mention) : -1;
    const step = (delta: number) => {
      if (!onPageList.length) return;
      deps.step(onPageList[(Math.max(at, 0) + delta + onPageList.length) % onPageList.length], card);
    };
    const previous = card.history.length > 1 ? card.history[card.history.length - 2] : undefined;
    const previousName = previous ? (await deps.client.card(previous))?.name ?? previous : undefined;
    if (mine !== generation) return;
    const machine = deps.machine();
    await loaded.show(
      {
        card: data,
        theme: deps.theme(),
        onOpenRelated: (id) => void machine.related(id).then(() => host?.focusCard()),
        back: previous && previousName ? { name: previousName, onBack: () => void machine.back().then(() => host?.focusCard()) } : undefined,
        onPage: onPageList.length ? { index: Math.max(at, 0), total: onPageList.length, onPrev: () => step(-1), onNext: () => step(1) } : undefined,
        onOpenSource: deps.openSource,
        onClose: () => machine.close(),
        onPointer: deps.onPointerInCard,
      },
      card.target.anchor,
    );
    if (mine === generation) deps.painter().setActive(card.target.mention?.range ?? null);
  }

  function dismiss(card: OpenCard): void {
    generation++;
    const hadFocus = host?.hasFocus() ?? false;
    host?.hide();
    deps.painter().setActive(null);
    if (hadFocus && card.returnFocus?.isConnected) card.returnFocus.focus();
  }

  return {
    present,
    dismiss,
    /** The loaded host, if a card was ever shown. */
    host: () => host,
  };
}
