import type { CardQuote } from '@/lib/library/card-data';
import { SourceLink } from './SourceLink';

/**
 * The article splits a quote interrupted by "Trump said" into parts of one
 * sentence; the card shows them as one quote joined with an ellipsis. A part
 * keeps its words verbatim; only the comma that led into the attribution
 * ("…a lot of help,") is dropped, since the attribution is not shown.
 */
export function cardQuotes(quotes: readonly CardQuote[]): CardQuote[] {
  const out: CardQuote[] = [];
  for (const q of quotes) {
    const text = q.text.trim().replace(/[,;:]+$/, '');
    const last = out[out.length - 1];
    if (last && last.sentence === q.sentence && last.speaker === q.speaker) {
      last.text = `${last.text} … ${text}`;
    } else {
      out.push({ sentence: q.sentence, text, ...(q.speaker ? { speaker: q.speaker } : {}) });
    }
  }
  return out;
}

export interface QuoteListProps {
  /** Each with its speaker's name, when the article names one. */
  quotes: readonly CardQuote[];
  /** The article the sentences are from. */
  article: string;
  href: (sentenceId: string) => string;
  idPrefix: string;
}

export function QuoteList({ quotes, article, href, idPrefix }: QuoteListProps) {
  const shown = cardQuotes(quotes);
  if (shown.length === 0) return null;
  const labelId = `${idPrefix}-quotes`;
  return (
    <section class="fc-section" aria-labelledby={labelId}>
      <h3 class="fc-label" id={labelId}>{shown.length === 1 ? 'Quote' : 'Quotes'}</h3>
      <ul class="fc-quotes">
        {shown.map((q, i) => {
          const name = q.speaker;
          return (
            <li class="fc-item" key={`${q.sentence}-${i}`}>
              <figure class="fc-quote">
                <blockquote dir="auto">{`“${q.text}”`}</blockquote>
                {name && <figcaption class="fc-speaker" dir="auto">{`— ${name}`}</figcaption>}
              </figure>
              <SourceLink href={href(q.sentence)} article={article} sentence={q.sentence} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
