/**
 * Reading the article of a tab, on the reader's request only: the
 * extractor (entrypoints/capture, Readability on a copy of the page) is
 * injected into that one tab, which `activeTab` grants when the reader
 * clicks the toolbar button or the context-menu item. Nothing runs in a tab
 * otherwise, and the per-page content script carries none of it.
 */
import { browser } from 'wxt/browser';
import { captureBlockedReason, NO_RESULT_ERROR, parseCaptureResult, type CaptureResult } from '@/lib/capture/capture-result';

export async function captureTab(tabId: number): Promise<CaptureResult> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const blocked = captureBlockedReason(tab?.url);
  if (blocked) return { ok: false, error: blocked };
  try {
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: ['/capture.js'] });
    const result = parseCaptureResult(injection?.result);
    // The tab's own address too, when the page names another as canonical:
    // the popup finds the article saved from either.
    return result.ok && tab?.url ? { ok: true, article: { ...result.article, pageUrl: tab.url } } : result;
  } catch {
    // No access (activeTab not granted, a page the browser protects) or the tab went away.
    return { ok: false, error: NO_RESULT_ERROR };
  }
}
