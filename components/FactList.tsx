import { useState } from 'preact/hooks';
import type { Fact } from '@/lib/fact-index/schema';
import { SourceLink } from './SourceLink';

/**
 * How many facts the card opens with: three, unless they are long sentences,
 * then two, so the card stays glanceable. Facts are stored best first.
 */
export function leadFactCount(facts: readonly Fact[], budget = 360): number {
  let count = 0;
  let chars = 0;
  for (const fact of facts.slice(0, 3)) {
    chars += fact.text.length;
    if (count >= 2 && chars > budget) break;
    count++;
  }
  return count;
}

export interface FactListProps {
  facts: readonly Fact[];
  /** The article the sentences are from. */
  article: string;
  href: (sentenceId: string) => string;
  idPrefix: string;
  /** Facts shown before "More facts"; by default two or three (leadFactCount). */
  lead?: number;
}

export function FactList({ facts, article, href, idPrefix, lead: leadCount }: FactListProps) {
  const [expanded, setExpanded] = useState(false);
  const lead = leadCount ?? leadFactCount(facts);
  const hidden = facts.length - lead;
  const shown = expanded ? facts : facts.slice(0, lead);
  const listId = `${idPrefix}-facts`;
  return (
    <section class="fc-section" aria-label="Key facts">
      <ul class="fc-facts" id={listId}>
        {shown.map((fact, i) => (
          <li class="fc-item fc-fact" key={`${fact.sentence}-${i}`}>
            <span class="fc-text" dir="auto">{fact.text}</span>
            <SourceLink href={href(fact.sentence)} article={article} sentence={fact.sentence} />
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <button
          type="button"
          class="fc-more"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Fewer facts' : `More facts (${hidden})`}
          <span class="fc-more-icon" aria-hidden="true">▾</span>
        </button>
      )}
    </section>
  );
}
