/**
 * Whether what was extracted is an article worth saving. A sign-in form, a
 * search results page or a page of links has no run of prose; saving it
 * would give the fact builder navigation text to mine for names.
 */
import { MAX_ARTICLE_CHARS } from '../facts/input';
import { inkLength, isLinkBlock, type TextBlock } from './article-text';

export const NOT_AN_ARTICLE =
  "This page doesn't look like an article, so there is nothing to save. Open a news story or a blog post and try again.";

/** Readability's own floor for an article (its `charThreshold`). */
const MIN_PROSE_CHARS = 500;
/** A paragraph of prose has at least a clause in it. */
const MIN_PROSE_WORDS = 8;
/** Past this share of link blocks, the "article" is a list of links with blurbs (results, a section front). */
const MAX_LINK_BLOCK_SHARE = 0.3;
/** Search results end their snippets with an ellipsis; article paragraphs end with a sentence. */
const MAX_CLIPPED_SHARE = 0.4;
/** Results and section fronts head each blurb with a linked headline; an article's subheadings are not links. */
const MAX_LINKED_HEADING_SHARE = 0.3;

const PROSE_KINDS: ReadonlySet<TextBlock['kind']> = new Set(['paragraph', 'quote', 'item']);
const words = (s: string) => s.split(/\s+/u).filter(Boolean).length;

export interface ExtractionSignals {
  /** Readability's `isProbablyReaderable` on the cleaned page. */
  readerable: boolean;
  /** The blocks Readability kept, or null when it found no article. */
  blocks: readonly TextBlock[] | null;
}

/** Why this is not an article to save, as a sentence for the user; undefined when it is one. */
export function articleProblem({ readerable, blocks }: ExtractionSignals): string | undefined {
  if (!readerable || !blocks || blocks.length === 0) return NOT_AN_ARTICLE;
  const prose = blocks.filter((b) => PROSE_KINDS.has(b.kind) && !isLinkBlock(b) && words(b.text) >= MIN_PROSE_WORDS);
  if (prose.reduce((n, b) => n + inkLength(b.text), 0) < MIN_PROSE_CHARS) return NOT_AN_ARTICLE;
  const linkBlocks = blocks.filter(isLinkBlock).length;
  if (linkBlocks >= 3 && linkBlocks / blocks.length >= MAX_LINK_BLOCK_SHARE) return NOT_AN_ARTICLE;
  const linkedHeadings = blocks.filter((b) => b.kind === 'heading' && isLinkBlock(b)).length;
  if (linkedHeadings >= 2 && linkedHeadings / prose.length >= MAX_LINKED_HEADING_SHARE) return NOT_AN_ARTICLE;
  const clipped = prose.filter((b) => /(?:…|\.\.\.)\s*$/u.test(b.text)).length;
  if (clipped >= 2 && clipped / prose.length >= MAX_CLIPPED_SHARE) return NOT_AN_ARTICLE;
  return undefined;
}

/** The saved text must fit the fact builder's limit; say so rather than cut an article short. */
export function lengthProblem(text: string): string | undefined {
  if (text.length <= MAX_ARTICLE_CHARS) return undefined;
  return `This article is too long to save (${text.length.toLocaleString('en')} characters; the limit is ${MAX_ARTICLE_CHARS.toLocaleString('en')}).`;
}
