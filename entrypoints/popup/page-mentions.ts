/**
 * The popup's line to the active tab's content script: what the page
 * mentions (polled while the content script is still scanning) and
 * "scroll to that mention".
 */
import { browser } from 'wxt/browser';
import { ENTITY_KINDS, type EntityKind } from '@/lib/fact-index/schema';
import type { PageEntitySummary, PageMentionsReply } from '@/lib/messages';

export type PageState =
  | { status: 'loading' }
  /** No content script answers: browser pages, extension stores, a tab opened before install. */
  | { status: 'unavailable' }
  /** `reply.scanning` is true while the content script is still reading the page. */
  | { status: 'ready'; tabId: number; reply: PageMentionsReply };

export const POLL_MS = 300;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isEntityKind = (v: unknown): v is EntityKind => ENTITY_KINDS.includes(v as EntityKind);

/**
 * The reply when it has the expected shape (malformed entries dropped),
 * otherwise undefined: a reply crosses a trust boundary like any message.
 */
export function parsePageMentionsReply(value: unknown): PageMentionsReply | undefined {
  if (!isObj(value) || typeof value.url !== 'string' || typeof value.scanning !== 'boolean') return undefined;
  if (!Array.isArray(value.entities)) return undefined;
  const entities: PageEntitySummary[] = [];
  for (const e of value.entities) {
    if (!isObj(e) || typeof e.entity !== 'string' || typeof e.name !== 'string' || !isEntityKind(e.kind)) continue;
    if (typeof e.count !== 'number' || !Number.isInteger(e.count) || e.count < 1) continue;
    entities.push({ entity: e.entity, name: e.name, kind: e.kind, count: e.count });
  }
  const mentions = Array.isArray(value.mentions)
    ? value.mentions.filter(
        (m): m is { entity: string; text: string } => isObj(m) && typeof m.entity === 'string' && typeof m.text === 'string',
      )
    : [];
  return { url: value.url, scanning: value.scanning, active: value.active !== false, entities, mentions };
}

export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Rejects when the tab has no content script to answer (or it answers nonsense). */
export async function askPageMentions(tabId: number): Promise<PageMentionsReply> {
  const reply = parsePageMentionsReply(await browser.tabs.sendMessage(tabId, { type: 'page-mentions' }));
  if (!reply) throw new Error('Malformed page-mentions reply');
  return reply;
}

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
  await browser.tabs.sendMessage(tabId, { type: 'reveal-mention', entity: entityId, index });
}

/** The mention to reveal next: the first, then each following one, wrapping after the last. */
export function nextMentionIndex(previous: number | undefined, count: number, step: 1 | -1 = 1): number {
  if (count <= 0) return 0;
  if (previous === undefined) return step === 1 ? 0 : count - 1;
  return (((previous + step) % count) + count) % count;
}
