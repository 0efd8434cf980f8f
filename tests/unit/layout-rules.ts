/**
 * The repository's parts and what each may import: the one place these rules
 * are written. `conventions.test.ts` enforces them on the import graph and the
 * README's layout section describes the same parts.
 *
 * A file belongs to the most specific part whose folder holds it. A part may
 * import itself and the parts in `may`; every entrypoint is its own part, so
 * one entrypoint never imports another.
 */
export interface Part {
  folder: string;
  about: string;
  may: readonly string[];
}

const LIB_CORE = ['lib', 'lib/fact-index', 'lib/schema'];

export const PARTS: readonly Part[] = [
  { folder: 'lib', about: 'small DOM-free helpers shared by several parts (dates, card history)', may: [] },
  { folder: 'lib/schema', about: 'valibot helpers every boundary shares: readable problems, versioned files', may: [] },
  { folder: 'lib/fact-index', about: "the fact-index contract: an article's entities, aliases, roles, facts and sentences", may: ['lib/schema'] },
  { folder: 'lib/facts', about: 'the fact builder: article text → fact index', may: LIB_CORE },
  { folder: 'lib/match', about: 'the matcher: names, variants and inflections in page text, and the context gate', may: LIB_CORE },
  { folder: 'lib/search', about: 'fuzzy search over cards (fuse.js) and the search-result shape', may: [...LIB_CORE, 'lib/match'] },
  { folder: 'lib/library', about: 'the article library: stored articles, merging into one entity per name, cards, the IndexedDB store', may: [...LIB_CORE, 'lib/facts', 'lib/match', 'lib/search', 'data'] },
  { folder: 'lib/settings', about: 'settings and per-site rules, versioned with migrations', may: LIB_CORE },
  { folder: 'lib/capture', about: "turning a page's extracted article into a checked draft", may: [...LIB_CORE, 'lib/facts'] },
  { folder: 'lib/messages', about: 'every message between pages, content scripts and the background: schemas and typed send helpers', may: [...LIB_CORE, 'lib/library', 'lib/search', 'lib/settings'] },
  { folder: 'dom', about: 'DOM code several entrypoints share: the text walker, the highlight painter', may: ['lib', 'lib/settings'] },
  { folder: 'components', about: 'the Preact fact card (drawn in the card frame, the popup and the options preview) and the card UI’s contract with the content script', may: ['lib', 'lib/fact-index', 'lib/library', 'dom'] },
  { folder: 'entrypoints', about: 'each folder one entrypoint: background, content, card-ui (the card’s host on a page), card-frame (the extension page the card is drawn in), capture, popup, options, article', may: ['lib', 'dom', 'components', 'data'] },
  { folder: 'scripts', about: 'command-line tools: build, eval, bench, launchers', may: ['lib', 'dom', 'components', 'entrypoints', 'data'] },
];

/** What code loaded on every page (the content script, and the card's host and frame) must never pull in, directly or not. */
export const PER_PAGE_ENTRIES = ['entrypoints/content/index.ts', 'entrypoints/card-ui/index.ts', 'entrypoints/card-frame/main.tsx'];
export const NEVER_ON_PAGES = [
  'lib/facts/', // the builder runs in the background and the options page
  'lib/library/store.ts', // the library lives behind the background
  'lib/library/library.ts',
  'lib/library/merge.ts',
  'lib/search/card-search.ts', // search runs in the background
  'lib/capture/',
  'data/',
  'idb',
  'fuse.js',
  '@mozilla/readability',
];

/** The part a repository file belongs to (entrypoints each their own). */
export function partOf(path: string): string | undefined {
  const entry = /^entrypoints\/([^/]+)/.exec(path);
  if (entry) return `entrypoints/${entry[1].replace(/\.[^.]+$/, '')}`;
  let best: string | undefined;
  for (const p of PARTS) if (path.startsWith(p.folder + '/') && (!best || p.folder.length > best.length)) best = p.folder;
  if (best) return best;
  const top = path.split('/')[0];
  return ['data', 'tests'].includes(top) ? top : undefined;
}

/** Whether a file in part `from` may import one in part `to`. */
export function mayImport(from: string, to: string): boolean {
  if (from === to) return true;
  if (to === 'tests') return from === 'tests';
  if (from === 'tests') return true;
  const rule = PARTS.find((p) => p.folder === (from.startsWith('entrypoints/') ? 'entrypoints' : from));
  if (!rule) return false;
  const target = to.startsWith('entrypoints/') ? 'entrypoints' : to;
  if (from.startsWith('entrypoints/') && target === 'entrypoints') return false; // one entrypoint never imports another
  if (from === 'scripts' || from.startsWith('scripts/')) return target !== 'tests';
  return rule.may.includes(target) || rule.may.some((m) => target.startsWith(m + '/'));
}
