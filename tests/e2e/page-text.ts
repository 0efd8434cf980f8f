import type { Page } from '@playwright/test';

/**
 * Centre of the first occurrence of `text` in the page's own text, scrolled
 * into view. Unlike mentionPoint (which reads the highlight registry), this
 * finds names the extension keeps out of the registry (a private library).
 */
export async function textPoint(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      node.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const rect = range.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, text);
  if (!point) throw new Error(`no "${text}" in the page's text`);
  return point;
}
