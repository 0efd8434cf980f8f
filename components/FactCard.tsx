/**
 * The fact card: who or what a name on the page is, and what each article
 * in the reader's library says about it — newest article first, each group
 * headed by the article's title, source and date, every fact and quote
 * linked to its sentence — with the roles articles give it (dated when they
 * differ) and its related entities. One component for the card frame on
 * pages (entrypoints/card-frame), the popup and the options preview; styles are in
 * ./card-css.ts (CARD_CSS), scoped to .fc-card.
 */
import { useId, useState } from 'preact/hooks';
import { articleDay, type CardData, type CardGroup } from '@/lib/library/card-data';
import { ageInWords, formatDay, isStale } from '@/lib/dates';
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
  /** Absolute URL of the article viewer for a sentence (extension pages can't be linked relatively from a web page). */
  sourceHref: (articleId: string, sentenceId: string) => string;
  /**
   * Opens a source link itself instead of following it: a web page may not
   * open an extension page, so the card on a page asks the background.
   */
  onOpenSource?: (articleId: string, sentenceId: string) => void;
  /** Shows a close button, and Escape inside the card calls it. */
  onClose?: () => void;
  /** 'auto' follows prefers-color-scheme. */
  theme?: 'auto' | 'light' | 'dark';
  /** id for aria-labelledby wiring */
  idPrefix?: string;
  /** "Today", for how old an article is (tests pass a fixed day). */
  now?: Date;
}

/** Articles after the first open with this many facts; the first with two or three. */
const LATER_GROUP_LEAD = 1;
/** Groups shown before "More articles". */
const GROUPS_SHOWN = 3;

export function FactCard(props: FactCardProps) {
  const { card, back, onPage, onClose, theme = 'auto', now = new Date() } = props;
  const generatedId = useId();
  const prefix = props.idPrefix ?? `fc-${generatedId}`;
  const nameId = `${prefix}-name`;
  const roleId = `${prefix}-role`;
  const [allGroups, setAllGroups] = useState(false);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && onClose) {
      // The card handles it, so the page's own Escape handlers (closing its
      // modals, leaving fullscreen) don't fire as well.
      event.stopPropagation();
      event.preventDefault();
      onClose();
    }
  };

  // One listener for every source link in the card (they carry their article and sentence).
  const onClick = (event: MouseEvent) => {
    if (!props.onOpenSource) return;
    const link = (event.target as Element | null)?.closest?.('a[data-sentence]');
    if (!link) return;
    event.preventDefault();
    props.onOpenSource(link.getAttribute('data-article') ?? '', link.getAttribute('data-sentence') ?? '');
  };

  const classes = ['fc-card', `fc-theme-${theme}`, onClose ? 'fc-has-close' : ''].filter(Boolean).join(' ');
  const oneRole = card.roles.length === 1 ? card.roles[0] : undefined;
  const groups = allGroups ? card.groups : card.groups.slice(0, GROUPS_SHOWN);
  const hiddenGroups = card.groups.length - groups.length;

  return (
    <div
      class={classes}
      role="dialog"
      aria-labelledby={nameId}
      aria-describedby={oneRole ? roleId : undefined}
      tabIndex={-1}
      // The card's own words are English; facts, quotes and names carry
      // dir="auto" so text of a right-to-left article still reads right.
      lang="en"
      dir="ltr"
      onKeyDown={onKeyDown}
      onClick={onClick}
    >
      {back && (
        <button type="button" class="fc-back" onClick={back.onBack}>
          <span aria-hidden="true">‹</span>
          <span dir="auto">{`Back to ${back.name}`}</span>
        </button>
      )}
      <div class="fc-head">
        <h2 class="fc-name" id={nameId} dir="auto">{card.name}</h2>
        <p class="fc-sub">
          <span class="fc-kind">{KIND_LABEL[card.kind]}</span>
          {oneRole && <span class="fc-role" id={roleId} dir="auto">{oneRole.text}</span>}
          {card.articleCount > 1 && <span class="fc-count">{`in ${card.articleCount} articles`}</span>}
        </p>
        {card.roles.length > 1 && (
          // Articles disagree: each role with the date of the article that gives it, newest first.
          <ul class="fc-roles" aria-label="Roles by date">
            {card.roles.map((r, i) => {
              const day = articleDay(r.article);
              return (
                <li class="fc-role-dated" key={`${r.text}-${i}`}>
                  <span dir="auto">{r.text}</span>
                  {day && <span class="fc-role-date">{` · ${i === 0 ? 'since' : 'as of'} ${formatDay(day)}`}</span>}
                </li>
              );
            })}
          </ul>
        )}
      </div>

      {/* Keyed by entity: a switch to a related card starts at the top with
          its lists folded, not with the previous card's scroll and toggles. */}
      <div class="fc-body" key={card.id}>
        {card.groups.length === 0 && <p class="fc-section fc-empty">No article in your library says more about {card.name}.</p>}
        {groups.map((group, i) => (
          <ArticleGroup
            key={group.article.id}
            group={group}
            lead={i === 0 ? undefined : LATER_GROUP_LEAD}
            article={group.article.id}
            href={(sentence) => props.sourceHref(group.article.id, sentence)}
            idPrefix={`${prefix}-g${i}`}
            now={now}
          />
        ))}
        {hiddenGroups > 0 && (
          <button type="button" class="fc-more" aria-expanded={false} onClick={() => setAllGroups(true)}>
            {`${hiddenGroups} more article${hiddenGroups === 1 ? '' : 's'}`}
            <span class="fc-more-icon" aria-hidden="true">▾</span>
          </button>
        )}
        <RelatedChips related={card.related} onOpen={props.onOpenRelated} idPrefix={prefix} />
      </div>

      {onPage && (
        <div class="fc-foot">
          <OnPageCounter {...onPage} />
        </div>
      )}

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

function ArticleGroup({ group, lead, article: articleId, href, idPrefix, now }: {
  group: CardGroup;
  article: string;
  lead?: number;
  href: (sentence: string) => string;
  idPrefix: string;
  now: Date;
}) {
  const { article } = group;
  const day = articleDay(article);
  const age = isStale(day, now) ? ageInWords(day, now) : undefined;
  const headId = `${idPrefix}-head`;
  return (
    <section class="fc-section fc-group" aria-labelledby={headId}>
      <h3 class="fc-group-head" id={headId}>
        <cite class="fc-source-title" dir="auto">{article.title}</cite>
        {article.source && <span dir="auto">{` · ${article.source}`}</span>}
        {day && (
          <span class={age ? 'fc-age' : undefined}>
            {age ? ` · from an article of ${formatDay(day)} — ${age}` : ` · ${formatDay(day)}`}
          </span>
        )}
      </h3>
      {group.facts.length > 0 ? (
        <FactList facts={group.facts} article={articleId} href={href} idPrefix={idPrefix} lead={lead} />
      ) : (
        <p class="fc-empty">Named here without a sentence of its own.</p>
      )}
      <QuoteList quotes={group.quotes} article={articleId} href={href} idPrefix={idPrefix} />
      {group.figures.length > 0 && (
        <ul class="fc-chips fc-figures" aria-label="Key figures">
          {group.figures.map((text) => (
            <li class="fc-chip fc-figure" key={text} dir="auto">{text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OnPageCounter({ index, total, onPrev, onNext }: NonNullable<FactCardProps['onPage']>) {
  return (
    <div class="fc-onpage">
      <span class="fc-onpage-count">{`${index + 1} of ${total} on this page`}</span>
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
