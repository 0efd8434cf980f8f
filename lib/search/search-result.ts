/**
 * One search result as the background sends it to the popup: its schema
 * alone, so the pages that validate results don't load the search itself.
 */
import * as v from 'valibot';
import { ENTITY_KINDS } from '../fact-index/schema';

export const SEARCH_FIELDS = ['name', 'alias', 'role', 'fact'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** `[start, end)` offsets into `SearchResult.text`. */
export type TextRange = readonly [start: number, end: number];

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

/** One search result, as the background sends it to the popup. */
export const SearchResultSchema = v.object({
  /** Library entity id. */
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  name: v.string(),
  kind: v.picklist(ENTITY_KINDS),
  role: v.optional(v.string()),
  /** Number of facts on the card. */
  facts: v.number(),
  /** The field whose text matched best; `name` for the browse list. */
  field: v.picklist(SEARCH_FIELDS),
  /** The matched text, as written (a fact is the whole sentence: see `excerpt`). */
  text: v.string(),
  /** The parts of `text` that matched, to emphasise. */
  ranges: v.array(v.pipe(v.tuple([offset, offset]), v.readonly())),
  /** The fact's sentence id and article, when `field` is `fact`. */
  sentence: v.optional(v.string()),
  article: v.optional(v.string()),
  /** 0 is a perfect match; lower is better. */
  score: v.number(),
});
export type SearchResult = v.InferOutput<typeof SearchResultSchema>;

/**
 * A window of about `max` characters of `text` around its first range, on
 * word boundaries, with ellipses where it was cut, and the ranges moved to
 * match. For showing a matched fact in one or two lines.
 */
export function excerpt(text: string, ranges: readonly TextRange[], max = 120): { text: string; ranges: TextRange[] } {
  if (text.length <= max) return { text, ranges: [...ranges] };
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, Math.min(first - Math.floor(max / 3), text.length - max));
  let end = Math.min(text.length, start + max);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < first) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start && space > (ranges[0]?.[1] ?? 0)) end = space;
  }
  const head = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  const shift = head.length - start;
  const moved: TextRange[] = [];
  for (const [s, e] of ranges) {
    const from = Math.max(s, start);
    const to = Math.min(e, end);
    if (from < to) moved.push([from + shift, to + shift]);
  }
  return { text: head + text.slice(start, end) + tail, ranges: moved };
}
