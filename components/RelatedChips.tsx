import { useState } from 'preact/hooks';
import type { CardRelated } from '@/lib/library/card-data';
import { KIND_LABEL } from './kind-label';


export interface RelatedChipsProps {
  /** Most related first (as cardOf returns them). */
  related: readonly CardRelated[];
  onOpen: (id: string) => void;
  idPrefix: string;
  /** How many chips show before "+N more". */
  lead?: number;
}

export function RelatedChips({ related, onOpen, idPrefix, lead = 6 }: RelatedChipsProps) {
  const [expanded, setExpanded] = useState(false);
  if (related.length === 0) return null;
  // Showing "+1 more" would take the room of the one chip it hides.
  const cut = related.length > lead + 1 ? lead : related.length;
  const shown = expanded ? related : related.slice(0, cut);
  const hidden = related.length - cut;
  const labelId = `${idPrefix}-related`;
  return (
    <section class="fc-section" aria-labelledby={labelId}>
      <h3 class="fc-label" id={labelId}>Related</h3>
      <ul class="fc-chips">
        {shown.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              class="fc-chip"
              title={`${KIND_LABEL[r.kind]}: open its card`}
              onClick={() => onOpen(r.id)}
              dir="auto"
            >
              {r.name}
            </button>
          </li>
        ))}
        {hidden > 0 && (
          <li>
            <button
              type="button"
              class="fc-chip fc-chip-more"
              aria-expanded={expanded}
              onClick={() => setExpanded(!expanded)}
            >
              {expanded ? 'Fewer' : <><span aria-hidden="true">+</span>{`${hidden} more`}</>}
            </button>
          </li>
        )}
      </ul>
    </section>
  );
}
