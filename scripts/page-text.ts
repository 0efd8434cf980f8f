// The text a page offers the matcher, read outside the browser: `.txt` as is,
// `.html` through the content script's own walker (in happy-dom), so the
// scan CLI and `npm run eval` see what the extension sees.
import { readFile } from 'node:fs/promises';
import { Window } from 'happy-dom';
import { collectChunks } from '../dom/text-walker';
import { findMentions, resolveMentions, type Candidate, type Matcher, type MatchOptions, type Mention } from '../lib/match';

export interface PageText {
  /** The chunks joined by newlines; mention offsets index into this. */
  text: string;
  chunks: { base: number; text: string }[];
}

export async function readPageText(file: string): Promise<PageText> {
  const raw = await readFile(file, 'utf8');
  if (!/\.x?html?$/i.test(file)) return { text: raw, chunks: [{ base: 0, text: raw }] };
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(raw);
  const root = window.document.body ?? window.document.documentElement;
  const chunks: PageText['chunks'] = [];
  let text = '';
  for (const chunk of collectChunks(root as unknown as Element)) {
    if (text) text += '\n';
    chunks.push({ base: text.length, text: chunk.text });
    text += chunk.text;
  }
  await window.happyDOM.close();
  return { text, chunks };
}

/** Scans chunk by chunk and resolves page-wide, as the content script does. */
export function scanPageText(matcher: Matcher, page: PageText, options?: MatchOptions): Mention[] {
  if (page.chunks.length === 1 && page.chunks[0].base === 0) return findMentions(matcher, page.text, options);
  const candidates: Candidate[] = [];
  for (const chunk of page.chunks) candidates.push(...matcher.scan(chunk.text, options, chunk.base));
  return resolveMentions(matcher, candidates, options);
}
