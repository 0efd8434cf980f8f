/**
 * The article model: blocks and sentences with stable ids and UTF-16 spans,
 * the skeleton every fact points back into.
 */
import type { Block, Sentence } from '../fact-index/schema';
import { findBlocks } from './blocks';
import { splitSentences } from './sentences';

export interface ArticleModel {
  blocks: Block[];
  sentences: Sentence[];
}

export function parseArticle(text: string): ArticleModel {
  const blocks = findBlocks(text);
  return { blocks, sentences: splitSentences(text, blocks) };
}

/** Block types whose capitals are typographic (title case), not evidence of a name. */
export const TITLE_BLOCKS: ReadonlySet<Block['type']> = new Set(['section', 'headline', 'heading']);
