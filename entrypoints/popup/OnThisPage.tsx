import { KIND_LABEL } from '@/components/kind-label';
import type { PageEntitySummary } from '@/lib/messages/protocol';
import type { PageState } from './page-mentions';

export interface OnThisPageProps {
  state: PageState;
  /** Scroll the page to the entity's next mention. */
  onReveal: (entity: PageEntitySummary) => void;
  /** Open the entity's card in the popup. */
  onOpen: (entityId: string) => void;
}

export const CANT_READ = "Fact Cards can't read this page (browser pages and extension stores are off-limits).";
export const NOTHING_FOUND = 'No names from your fact packs on this page.';

export function OnThisPage({ state, onReveal, onOpen }: OnThisPageProps) {
  const scanning = state.status === 'loading' || (state.status === 'ready' && state.reply.scanning);
  const entities = state.status === 'ready' ? state.reply.entities : [];
  return (
    <section class="on-page" aria-labelledby="on-page-title" aria-busy={scanning}>
      <h2 class="section-title" id="on-page-title">On this page</h2>
      <p class="on-page-status" role="status">
        {state.status === 'unavailable'
          ? CANT_READ
          : scanning
            ? 'Scanning…'
            : entities.length === 0
              ? NOTHING_FOUND
              : ''}
      </p>
      {entities.length > 0 && (
        <ul class="on-page-list">
          {entities.map((e) => (
            <li key={e.entity} class="on-page-item">
              <button
                type="button"
                class="on-page-reveal"
                title="Show on the page (again for the next one)"
                onClick={() => onReveal(e)}
              >
                {/* The accessible name is the visible text plus what the count means. */}
                <span class="on-page-name" dir="auto">{e.name}</span>{' '}
                <span class="on-page-kind">{KIND_LABEL[e.kind]}</span>{' '}
                <span class="on-page-count" aria-hidden="true">{e.count}</span>
                <span class="visually-hidden">{`, ${mentionsText(e.count)}: show on the page`}</span>
              </button>
              <button
                type="button"
                class="on-page-open"
                aria-label={`Open the card for ${e.name}`}
                title="Open its card"
                onClick={() => onOpen(e.entity)}
              >
                <span aria-hidden="true">›</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const mentionsText = (count: number) => (count === 1 ? '1 mention' : `${count} mentions`);
