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

/**
 * The text to save: `title` as the first line (as the bundled article has its
 * headline), then each block once. Link blocks are left out; a block that
 * repeats the one before it (a pull quote, a doubled caption) is written once.
 */
export function composeArticleText(title: string, blocks: readonly TextBlock[]): string {
  const out: string[] = [];
  const titleKey = siteKey(title);
  for (const block of blocks) {
    if (isLinkBlock(block)) continue;
    const text = tidyBlockText(block.text, block.kind);
    if (!text) continue;
    const key = siteKey(text);
    if (out.length === 0 && key === titleKey) continue;
    if (out.length > 0 && key === siteKey(out[out.length - 1])) continue;
    out.push(text);
  }
  return [title, ...out].join('\n\n');
}
