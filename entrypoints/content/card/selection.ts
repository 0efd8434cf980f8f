/**
 * Selecting text that names an entity (exactly or fuzzily) opens its card,
 * after the hover delay and only if the selection is still the same. Trusted
 * events only: a page selecting text for itself opens nothing.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Longest selection looked up as a name. */
export const MAX_SELECTION = 80;

export function registerSelection(ctx: ContentScriptContext, deps: {
  inCard: (event: Event) => boolean;
  delayMs: () => number;
  openForSelection: (text: string) => Promise<boolean>;
}): void {
  ctx.addEventListener(document, 'mouseup', (event) => {
    if (!event.isTrusted || deps.inCard(event)) return;
    const text = getSelection()?.toString() ?? '';
    if (text.trim().length < 3 || text.length > MAX_SELECTION) return;
    ctx.setTimeout(() => {
      if (getSelection()?.toString() === text) void deps.openForSelection(text);
    }, deps.delayMs());
  });
}
