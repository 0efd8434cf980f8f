/**
 * The popup's line to the active tab's content script: what the page
 * mentions (polled while the content script is still scanning) and
 * "scroll to that mention".
 */
import { browser } from 'wxt/browser';
import type { PageMentionsReply } from '@/lib/messages/protocol';
import { askTab } from '@/lib/messages/send';

export type PageState =
  | { status: 'loading' }
  /** No content script answers: browser pages, extension stores, a tab opened before install. */
  | { status: 'unavailable' }
  /** `reply.scanning` is true while the content script is still reading the page. */
  | { status: 'ready'; tabId: number; reply: PageMentionsReply };

export const POLL_MS = 300;

export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Rejects when the tab has no content script to answer (or it answers nonsense). */
export const askPageMentions = (tabId: number): Promise<PageMentionsReply> => askTab(tabId, { type: 'page-mentions' });

/**
 * Reports the active tab's mentions to `onState`: once, or every `pollMs`
 * while the content script says it is still scanning, until `signal` aborts.
 */
export function watchPageMentions(onState: (state: PageState) => void, signal: AbortSignal, pollMs = POLL_MS): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });

  const ask = async (tabId: number) => {
    let state: PageState;
    try {
      state = { status: 'ready', tabId, reply: await askPageMentions(tabId) };
    } catch {
      state = { status: 'unavailable' };
    }
    if (signal.aborted) return;
    onState(state);
    if (state.status === 'ready' && state.reply.scanning) timer = setTimeout(() => void ask(tabId), pollMs);
  };

  onState({ status: 'loading' });
  activeTabId().then(
    (tabId) => {
      if (signal.aborted) return;
      if (tabId === undefined) onState({ status: 'unavailable' });
      else void ask(tabId);
    },
    () => !signal.aborted && onState({ status: 'unavailable' }),
  );
}

/** Asks the content script to scroll to mention `index` of an entity (it wraps past the last) and flash it. */
export async function revealMention(tabId: number, entityId: string, index: number): Promise<void> {
  await askTab(tabId, { type: 'reveal-mention', entity: entityId, index });
}

/** The mention to reveal next: the first, then each following one, wrapping after the last. */
export function nextMentionIndex(previous: number | undefined, count: number, step: 1 | -1 = 1): number {
  if (count <= 0) return 0;
  if (previous === undefined) return step === 1 ? 0 : count - 1;
  return (((previous + step) % count) + count) % count;
}
