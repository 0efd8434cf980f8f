/**
 * Typed senders: the request is checked by the compiler, the reply by its
 * schema (protocol.ts), so both ends of every message agree.
 */
import { browser } from 'wxt/browser';
import type * as v from 'valibot';
import { BACKGROUND, checkReply, CONTENT, type BackgroundReply, type ContentReply } from './protocol';

type RequestOf<T extends Record<string, { request: v.GenericSchema }>, K extends keyof T> = v.InferInput<T[K]['request']>;

/** Asks the background; rejects when it can't be reached or its reply does not fit. */
export async function askBackground<K extends keyof typeof BACKGROUND>(request: RequestOf<typeof BACKGROUND, K> & { type: K }): Promise<BackgroundReply<K>> {
  return checkReply(BACKGROUND, request.type, await browser.runtime.sendMessage(request));
}

/** Tells the background something that needs no answer; a background that is restarting hears it next time. */
export function tellBackground<K extends keyof typeof BACKGROUND>(request: RequestOf<typeof BACKGROUND, K> & { type: K }): void {
  browser.runtime.sendMessage(request).catch(() => {});
}

/** Asks a tab's content script (top frame unless `frameId` is given). */
export async function askTab<K extends keyof typeof CONTENT>(
  tabId: number,
  request: RequestOf<typeof CONTENT, K> & { type: K },
  frameId = 0,
): Promise<ContentReply<K>> {
  return checkReply(CONTENT, request.type, await browser.tabs.sendMessage(tabId, request, { frameId }));
}
