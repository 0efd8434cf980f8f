/**
 * The article extractor, injected into a tab only when the user asks to save
 * the article they are reading — never part of the per-page content script.
 * The background runs it with
 * `scripting.executeScript({ target: { tabId }, files: ['/capture.js'] })`
 * and gets a `CaptureResult` back: the script's completion value.
 */
import type { CaptureResult } from '@/lib/capture/types';
import { extractArticle } from './extract-article';

export default defineUnlistedScript({
  // An anonymous IIFE: its value is the script's completion value, which
  // executeScript returns, and no global is left behind in the isolated world
  // the content script shares.
  globalName: false,
  main: (): CaptureResult => extractArticle(document, new Date()),
});
