/**
 * The article's blocks, as read from the page, → the plain text the fact
 * builder reads: the headline, then one block per paragraph, heading, list
 * item or caption, separated by blank lines.
 */
import { siteKey } from './site';

export type TextBlockKind = 'heading' | 'paragraph' | 'item' | 'quote' | 'caption' | 'preformatted' | 'row';

export interface TextBlock {
  kind: TextBlockKind;
  /** As rendered: runs of HTML white space collapsed, `<br>` kept as a line break. */
  text: string;
  /** How many of `text`'s non-space characters are inside links. */
  linkChars: number;
}

/** Blocks that carry the article's prose. */
const PROSE_KINDS: ReadonlySet<TextBlockKind> = new Set(['paragraph', 'quote', 'item']);
/** Long enough to be the body's first paragraph (a standfirst or kicker is shorter). */
const LEAD_MIN_WORDS = 15;

/** At least this share of a block's text inside links makes it a link (a list of further reading, a linked headline). */
const LINK_BLOCK_SHARE = 0.8;
/** A short label and a link ("Read more: Macron visits Warsaw", "Related: …") is a promo from half link text up. */
const LABELLED_LINK_SHARE = 0.5;
const LABEL = /^[\p{L}\p{N}\s’'-]{1,30}:\s/u;

/** Characters that are not white space: what link shares are measured in. */
export const inkLength = (s: string) => s.replace(/\s+/gu, '').length;

/** A block that is (almost) all link text: a promo, "read more" or further-reading entry, not article prose. */
export function isLinkBlock(block: TextBlock): boolean {
  const total = inkLength(block.text);
  if (total === 0) return false;
  const share = block.linkChars / total;
  return share >= LINK_BLOCK_SHARE || (share >= LABELLED_LINK_SHARE && LABEL.test(block.text.trim()));
}

/** HTML white space (not U+00A0, which renders as a space that does not collapse) → one space per run, line by line. */
export function tidyBlockText(text: string, kind: TextBlockKind): string {
  if (kind === 'preformatted') return text.replace(/^\n+|\s+$/gu, '');
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The headline is repeated in the page's header area (above or below a kicker), not further down. */
const HEADER_BLOCKS = 4;
/** "Europe", "Analysis": a section label is a word or a few, without a full stop. */
const MAX_LABEL_WORDS = 6;
/** "Tue 19 Aug 2025 07.45 BST", "August 20, 2025 · 5:12 PM EDT · 3 min read". */
const MAX_DATELINE_WORDS = 12;
const YEAR = /\b(?:19|20)\d\d\b/u;
/** "The Westbury Chronicle · World · Diplomacy", "News | Europe", "Home › World". */
const CRUMBS = /\s[·|›>»/]\s/u;
const TERMINAL = /[.!?…]["'”’»)\]]*$/u;

/** "© The Westbury Chronicle. All rights reserved.", "(Reporting by …; Editing by …)": the publisher's and the wire's credits. */
const CREDIT_LINE = /^(?:©|\(c\)\s|copyright\b|\((?:additional\s+)?(?:reporting|writing|editing|compiled|translated|produced)\s+by\b[^)]*\)$)/iu;
const MAX_CREDIT_WORDS = 40;

const wordsIn = (s: string) => s.split(/\s+/u).filter(Boolean).length;

/** The body starts at its first sentence-length paragraph; above it sit the kicker, headline, standfirst, byline and date. */
function isBodyStart(block: TextBlock, text: string): boolean {
  if (!PROSE_KINDS.has(block.kind)) return false;
  const n = wordsIn(text);
  return n >= LEAD_MIN_WORDS || (n >= 8 && TERMINAL.test(text));
}

/** Header furniture Readability keeps: section labels, breadcrumbs, the date line. Time-only lines ("16:40 GMT") stay: a live blog's entries start with them. */
function isHeaderLabel(block: TextBlock, text: string): boolean {
  if (block.kind !== 'paragraph' || TERMINAL.test(text) || text.includes('\n')) return false;
  const n = wordsIn(text);
  if (CRUMBS.test(text) && text.split(CRUMBS).every((part) => wordsIn(part) <= 4)) return true;
  if (YEAR.test(text) && n <= MAX_DATELINE_WORDS) return true;
  return n <= MAX_LABEL_WORDS && !/\d/u.test(text);
}

/**
 * The text to save: `title` as the first line (as the bundled article has its
 * headline), then each block once. Left out: link blocks, the page's own copy
 * of the headline, the labels and date lines above the body, copyright and
 * wire credit lines; a block that
 * repeats the one before it (a pull quote, a doubled caption) is written once.
 */
export function composeArticleText(title: string, blocks: readonly TextBlock[]): string {
  const out: string[] = [];
  const titleKey = siteKey(title);
  let inHeader = true;
  for (const [i, block] of blocks.entries()) {
    if (isLinkBlock(block)) continue;
    const text = tidyBlockText(block.text, block.kind);
    if (!text) continue;
    if (inHeader && isBodyStart(block, text)) inHeader = false;
    const key = siteKey(text);
    if (i < HEADER_BLOCKS && key === titleKey) continue;
    if (inHeader && isHeaderLabel(block, text)) continue;
    if (CREDIT_LINE.test(text) && wordsIn(text) <= MAX_CREDIT_WORDS) continue;
    if (out.length > 0 && key === siteKey(out[out.length - 1])) continue;
    out.push(text);
  }
  return [title, ...out].join('\n\n');
}

/** "By Harriet Quill, Diplomatic Editor": a byline written as a plain paragraph, with no class to find it by. */
const BYLINE_BLOCK = /^By\s+\p{Lu}/u;
/** A byline names a person or two and their job. */
const MAX_BYLINE_WORDS = 15;
/** Where a byline sits: among the first blocks (kicker, headline, standfirst, byline). */
const BYLINE_SEARCH_BLOCKS = 4;
const isLeadParagraph = (b: TextBlock) => b.kind === 'paragraph' && !isLinkBlock(b) && wordsIn(b.text) >= LEAD_MIN_WORDS;

/**
 * Takes a plain-paragraph byline ("By …", short, no closing full stop) from
 * the top of the article, so the writer's name is metadata and not a name in
 * the article's text.
 */
export function takeBylineBlock(blocks: readonly TextBlock[]): { blocks: TextBlock[]; byline?: string } {
  for (let i = 0; i < Math.min(blocks.length, BYLINE_SEARCH_BLOCKS); i++) {
    const b = blocks[i];
    const text = tidyBlockText(b.text, b.kind);
    if (b.kind === 'paragraph' && BYLINE_BLOCK.test(text) && wordsIn(text) <= MAX_BYLINE_WORDS && !/[.!?]$/u.test(text)) {
      return { blocks: [...blocks.slice(0, i), ...blocks.slice(i + 1)], byline: text };
    }
  }
  return { blocks: [...blocks] };
}

/** The article's first long paragraph: an excerpt when the page offers no summary. */
export function leadParagraph(blocks: readonly TextBlock[]): string | undefined {
  const lead = blocks.find(isLeadParagraph);
  return lead ? tidyBlockText(lead.text, lead.kind).replace(/\n/g, ' ') : undefined;
}
