import { useEffect, useRef } from 'preact/hooks';
import { KIND_LABEL } from '@/components/kind-label';
import { excerpt, type SearchResult } from '@/lib/search/search-result';
import { Highlighted } from './Highlighted';

export interface ResultListProps {
  id: string;
  /** Accessible name of the list ("Results", "All cards"). */
  label: string;
  results: readonly SearchResult[];
  /** Index of the highlighted option, -1 for none. */
  active: number;
  onOpen: (result: SearchResult) => void;
  onHover: (index: number) => void;
}

export const optionId = (listId: string, index: number) => `${listId}-${index}`;

export function ResultList({ id, label, results, active, onOpen, onHover }: ResultListProps) {
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (active < 0) return;
    // scrollIntoView is missing from some test DOMs; the popup has it.
    listRef.current?.children[active]?.scrollIntoView?.({ block: 'nearest' });
  }, [active, results]);

  return (
    <ul ref={listRef} id={id} class="results" role="listbox" aria-label={label}>
      {results.map((result, index) => (
        <li
          key={result.id}
          id={optionId(id, index)}
          class="result"
          role="option"
          aria-selected={index === active}
          // Keep focus in the search box: options are chosen, not focused.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onOpen(result)}
          onMouseMove={() => index !== active && onHover(index)}
        >
          <span class="result-head">
            <span class="result-name" dir="auto">
              <Highlighted text={result.name} ranges={result.field === 'name' ? result.ranges : []} />
            </span>
            <span class="result-kind">{KIND_LABEL[result.kind]}</span>
          </span>
          <MatchLine result={result} />
        </li>
      ))}
    </ul>
  );
}

/** Why the card matched, when it was not its name: the alias, the role or the fact. */
function MatchLine({ result }: { result: SearchResult }) {
  switch (result.field) {
    case 'name':
      return result.role ? <span class="result-detail" dir="auto">{result.role}</span> : null;
    case 'alias':
      return (
        <span class="result-detail">
          {'Also '}
          <span dir="auto"><Highlighted text={result.text} ranges={result.ranges} /></span>
        </span>
      );
    case 'role':
      return (
        <span class="result-detail" dir="auto">
          <Highlighted text={result.text} ranges={result.ranges} />
        </span>
      );
    case 'fact': {
      const cut = excerpt(result.text, result.ranges, 110);
      return (
        <span class="result-detail result-fact" dir="auto">
          <Highlighted text={cut.text} ranges={cut.ranges} />
        </span>
      );
    }
  }
}
