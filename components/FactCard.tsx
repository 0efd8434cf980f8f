/**
 * The fact card: who or what a name on the page is, the article's best facts
 * and quotes about it, each linked to its sentence, and its related entities.
 * One component for the content script's shadow root, the popup and the
 * options preview; styles are in ./card-css.ts (CARD_CSS), scoped to .fc-card.
 */
import { useId } from 'preact/hooks';
import type { CardData } from '@/lib/cards';
import { globalEntityId } from '@/lib/packs';
import { FactList } from './FactList';
import { QuoteList } from './QuoteList';
import { RelatedChips } from './RelatedChips';
import { KIND_LABEL } from './kind-label';

export interface FactCardProps {
  card: CardData;
  /** Switch the card to a related entity (the host keeps the history). */
  onOpenRelated: (id: string) => void;
  /** Shown as a "Back to X" button when set. */
  back?: { name: string; onBack: () => void };
  /**
   * Mentions of this entity on the current page, shown as "2 of 5 on this
   * page" with ‹ › buttons. `index` is 0-based (shown as index + 1); the
   * buttons are hidden when total < 2.
   */
  onPage?: { index: number; total: number; onPrev: () => void; onNext: () => void };
  /** Absolute URL of the article viewer for a sentence; the host builds it from sourcePath (extension pages can't be linked relatively from a web page). */
  sourceHref: (articleId: string, sentenceId: string) => string;
  /** Shows a close button, and Escape inside the card calls it. */
  onClose?: () => void;
  /** 'auto' follows prefers-color-scheme. */
  theme?: 'auto' | 'light' | 'dark';
  /** id for aria-labelledby wiring */
  idPrefix?: string;
  /**
   * Display name of an entity by global id, for quote speakers that are
   * neither this entity nor one of its related ones. Without it (or when it
   * returns undefined) such a quote shows no speaker.
   */
  nameOf?: (id: string) => string | undefined;
}

export function FactCard(props: FactCardProps) {
  const { card, back, onPage, onClose, theme = 'auto', nameOf } = props;
  const { entity, article } = card;
  const generatedId = useId();
  const prefix = props.idPrefix ?? `fc-${generatedId}`;
  const nameId = `${prefix}-name`;
  const roleId = `${prefix}-role`;
  const href = (sentenceId: string) => props.sourceHref(article.id, sentenceId);

  const speakerName = (speaker: string | undefined): string | undefined => {
    if (speaker === undefined) return undefined;
    const id = globalEntityId(article.id, speaker);
    if (id === card.id) return entity.name;
    return card.related.find((r) => r.id === id)?.name ?? nameOf?.(id);
  };

  const figures = [...new Set(entity.figures.map((f) => f.text))];

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && onClose) {
      // The card handles it, so the page's own Escape handlers (closing its
      // modals, leaving fullscreen) don't fire as well.
      event.stopPropagation();
      event.preventDefault();
      onClose();
    }
  };

  const classes = ['fc-card', `fc-theme-${theme}`, onClose ? 'fc-has-close' : ''].filter(Boolean).join(' ');

  return (
    <div
      class={classes}
      role="dialog"
      aria-labelledby={nameId}
      aria-describedby={entity.role ? roleId : undefined}
      tabIndex={-1}
      // The card's own words are English; facts, quotes and names carry
      // dir="auto" so text of a right-to-left pack still reads right.
      lang="en"
      dir="ltr"
      onKeyDown={onKeyDown}
    >
      {back && (
        <button type="button" class="fc-back" onClick={back.onBack}>
          <span aria-hidden="true">‹</span>
          <span dir="auto">{`Back to ${back.name}`}</span>
        </button>
      )}
      <div class="fc-head">
        <h2 class="fc-name" id={nameId} dir="auto">{entity.name}</h2>
        <p class="fc-sub">
          <span class="fc-kind">{KIND_LABEL[entity.kind]}</span>
          {entity.role && <span class="fc-role" id={roleId} dir="auto">{entity.role.text}</span>}
        </p>
      </div>

      {/* Keyed by entity: a switch to a related card starts at the top with
          its lists folded, not with the previous card's scroll and toggles. */}
      <div class="fc-body" key={card.id}>
        {entity.facts.length > 0 ? (
          <FactList facts={entity.facts} href={href} idPrefix={prefix} />
        ) : (
          <p class="fc-section fc-empty">The article has no sentence about {entity.name} beyond the mention.</p>
        )}
        <QuoteList quotes={entity.quotes} speakerName={speakerName} href={href} idPrefix={prefix} />
        {figures.length > 0 && (
          <section class="fc-section" aria-labelledby={`${prefix}-figures`}>
            <h3 class="fc-label" id={`${prefix}-figures`}>Key figures</h3>
            <ul class="fc-chips">
              {figures.map((text) => (
                <li class="fc-chip fc-figure" key={text} dir="auto">{text}</li>
              ))}
            </ul>
          </section>
        )}
        <RelatedChips related={card.related} onOpen={props.onOpenRelated} idPrefix={prefix} />
      </div>

      <div class="fc-foot">
        {onPage && <OnPageCounter {...onPage} />}
        <p class="fc-source">
          {'From '}
          <cite class="fc-source-title" dir="auto">{article.title}</cite>
          {article.source && <span dir="auto">{` · ${article.source}`}</span>}
          {article.date && <span>{` · ${article.date}`}</span>}
        </p>
      </div>

      {onClose && (
        // Last in the DOM, so Tab reaches the card's content first; placed
        // at the top corner by CSS.
        <button type="button" class="fc-close" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      )}
    </div>
  );
}

function OnPageCounter({ index, total, onPrev, onNext }: NonNullable<FactCardProps['onPage']>) {
  return (
    <div class="fc-onpage">
      <span class="fc-onpage-count" aria-live="polite" aria-atomic="true">
        {`${index + 1} of ${total} on this page`}
      </span>
      {total > 1 && (
        <>
          <button type="button" class="fc-step" aria-label="Previous mention on this page" onClick={onPrev}>
            <span aria-hidden="true">‹</span>
          </button>
          <button type="button" class="fc-step" aria-label="Next mention on this page" onClick={onNext}>
            <span aria-hidden="true">›</span>
          </button>
        </>
      )}
    </div>
  );
}
