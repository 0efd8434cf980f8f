/**
 * Reads the article element Readability returns as text blocks: one per
 * paragraph, heading, list item, caption, quote or table row, with `<br>` as a
 * line break and the amount of link text in each (to tell promos from prose).
 */
import { inkLength, type TextBlock, type TextBlockKind } from '@/lib/capture/article-text';

const KIND: Record<string, TextBlockKind> = {
  p: 'paragraph', div: 'paragraph', section: 'paragraph', article: 'paragraph', main: 'paragraph', header: 'paragraph',
  footer: 'paragraph', aside: 'paragraph', address: 'paragraph', figure: 'paragraph', details: 'paragraph',
  summary: 'paragraph', center: 'paragraph', ul: 'paragraph', ol: 'paragraph', dl: 'paragraph', table: 'paragraph',
  tbody: 'paragraph', thead: 'paragraph', tfoot: 'paragraph', hr: 'paragraph',
  h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading',
  li: 'item', dt: 'item', dd: 'item',
  blockquote: 'quote',
  figcaption: 'caption', caption: 'caption',
  pre: 'preformatted',
  tr: 'row',
};
/** Never text of the article: code, styling, media fallbacks, form controls. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'video', 'audio', 'object', 'embed', 'iframe', 'button', 'select', 'textarea', 'input']);

export function textBlocksOf(root: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  let text = '';
  let linkChars = 0;
  let kind: TextBlockKind = 'paragraph';
  const flush = () => {
    if (text.trim()) blocks.push({ kind, text, linkChars });
    text = '';
    linkChars = 0;
  };
  const visit = (parent: Node, inLink: boolean): void => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE) {
        const data = (node as CharacterData).data;
        text += data;
        if (inLink) linkChars += inkLength(data);
        continue;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      const el = node as Element;
      const tag = el.localName.toLowerCase();
      if (SKIP.has(tag)) continue;
      if (tag === 'br') {
        text += '\n';
        continue;
      }
      if (tag === 'td' || tag === 'th') {
        if (text.trim()) text += ' | ';
        visit(el, inLink);
        continue;
      }
      const blockKind = KIND[tag];
      if (!blockKind) {
        visit(el, inLink || (tag === 'a' && el.hasAttribute('href')));
        continue;
      }
      flush();
      const outer = kind;
      kind = blockKind;
      visit(el, inLink);
      flush();
      kind = outer;
    }
  };
  visit(root, false);
  flush();
  return blocks;
}
