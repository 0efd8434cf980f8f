import type { TextRange } from '@/lib/search/search-result';

/** `text` with its `ranges` in <mark>: plain text nodes, never HTML. */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly TextRange[] }) {
  const parts = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end <= start || end > text.length) continue; // ranges come sorted; skip any that are not
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
