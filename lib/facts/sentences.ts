/**
 * Sentence splitting inside one block. A full stop ends a sentence only when
 * the next word starts one (capital, digit or opening quote), the stop does
 * not close an abbreviation or initialism ("U.S.", "Gen.", "J."), and we are
 * not inside a quotation (so «…, I’d like them to stop,» stays whole).
 */
import type { Block, Sentence } from '../fact-index/schema';

/** Abbreviations that end in a full stop but rarely end a sentence in news copy. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'capt', 'sgt', 'maj', 'adm', 'cmdr', 'gov',
  'sen', 'rep', 'pres', 'st', 'mt', 'jr', 'sr', 'no', 'nos', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx',
  'est', 'dept', 'fig', 'vol', 'cf', 'al',
]);

const OPENING_QUOTES = new Set(['«', '“', '„', '‹']);
const CLOSING_QUOTES = new Set(['»', '”', '“', '›']);

/**
 * Marks, for every offset of `text`, whether it lies inside a quotation.
 * Paired marks are tracked by depth; straight double quotes toggle. When the
 * marks in a block do not balance we cannot trust them, so nothing counts as
 * quoted.
 */
function quotedOffsets(text: string): boolean[] {
  const inside: boolean[] = new Array(text.length).fill(false);
  let depth = 0;
  let straight = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // “ opens in English but closes in German („…“); decide by context.
    if (c === '“' && depth > 0 && text.lastIndexOf('„', i) > text.lastIndexOf('“', i - 1)) depth--;
    else if (OPENING_QUOTES.has(c)) depth++;
    else if (CLOSING_QUOTES.has(c)) depth = Math.max(0, depth - 1);
    else if (c === '"') straight = !straight;
    inside[i] = depth > 0 || straight;
  }
  if (depth !== 0 || straight) return new Array(text.length).fill(false);
  return inside;
}

/** Whether the full stop at `dot` closes an abbreviation rather than a sentence. */
function closesAbbreviation(text: string, dot: number): boolean {
  if (text[dot] !== '.') return false;
  const word = /[\p{L}.’']*$/u.exec(text.slice(Math.max(0, dot - 20), dot))?.[0] ?? '';
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // U.S, e.g, a.m
  if (/^\p{Lu}$/u.test(word)) return true; // middle initial: John F. Kennedy
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Sentence spans (absolute offsets) inside one block. */
function sentenceSpans(text: string, block: Block): { start: number; end: number }[] {
  const local = text.slice(block.start, block.end);
  const quoted = quotedOffsets(local);
  const spans: { start: number; end: number }[] = [];
  let from = 0;
  const boundary = /[.!?…]+["'”’»›)\]]*(?=\s+(\S))/gu;
  for (let m = boundary.exec(local); m; m = boundary.exec(local)) {
    const end = m.index + m[0].length;
    const next = m[1];
    if (!/^[\p{Lu}\p{N}«“„"‘'(\[‹]$/u.test(next)) continue;
    if (quoted[end - 1] && quoted[m.index]) continue;
    if (closesAbbreviation(local, m.index)) continue;
    spans.push({ start: from, end });
    from = end + (/^\s+/u.exec(local.slice(end))?.[0].length ?? 0);
  }
  if (from < local.length) spans.push({ start: from, end: local.length });
  return spans
    .map((s) => {
      const piece = local.slice(s.start, s.end);
      const lead = piece.length - piece.trimStart().length;
      return { start: block.start + s.start + lead, end: block.start + s.start + piece.trimEnd().length };
    })
    .filter((s) => s.end > s.start);
}

export function splitSentences(text: string, blocks: Block[]): Sentence[] {
  const out: Sentence[] = [];
  for (const block of blocks) {
    for (const span of sentenceSpans(text, block)) {
      out.push({ id: `s${out.length}`, block: block.id, start: span.start, end: span.end, text: text.slice(span.start, span.end) });
    }
  }
  return out;
}
