/** fuse.js search over every card, for the popup's search box. DOM-free. */
export {
  createCardSearch,
  excerpt,
  FACT_MIN_QUERY,
  MAX_QUERY_LENGTH,
  type CardSearch,
  type SearchField,
  type SearchResult,
  type TextRange,
} from './card-search';
