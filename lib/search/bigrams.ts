/**
 * A bigram index: which texts share enough two-letter pairs with a query to
 * be within a few typos of it. fuse.js scans every text it holds (about 6 µs
 * a label here, 230 ms a query over the 38,000 labels of a 10,000-entity
 * pack), so the search hands it only these candidates.
 *
 * Why the filter is safe: one edit (insert, delete, substitute) breaks at
 * most two of the pattern's bigrams, so a text holding the pattern with `k`
 * errors still shares at least `bigrams - 2k` of them (the q-gram lemma).
 */

const key = (text: string, i: number): number => text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);

function bigramsOf(text: string): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + 1 < text.length; i++) out.add(key(text, i));
  return out;
}

export class BigramIndex {
  private readonly postings = new Map<number, Int32Array>();
  private readonly shared: Uint16Array;

  constructor(private readonly texts: readonly string[]) {
    const lists = new Map<number, number[]>();
    texts.forEach((text, id) => {
      for (const k of bigramsOf(text)) {
        const list = lists.get(k);
        if (list) list.push(id);
        else lists.set(k, [id]);
      }
    });
    for (const [k, list] of lists) this.postings.set(k, Int32Array.from(list));
    this.shared = new Uint16Array(texts.length);
  }

  /**
   * Ids of the texts that may hold `pattern` with up to `errors` typos, most
   * shared bigrams first, at most `max`. Patterns too short to filter (one
   * letter, or so many errors that no bigram need survive) fall back to
   * texts sharing at least one bigram, or with a word starting with the letter.
   */
  candidates(pattern: string, errors: number, max: number): number[] {
    if (pattern.length < 2) {
      // One letter is in nearly every text; what people mean is a word starting with it.
      const out: number[] = [];
      for (let id = 0; id < this.texts.length && out.length < max; id++) {
        if (startsAWord(this.texts[id], pattern)) out.push(id);
      }
      return out;
    }
    const grams = bigramsOf(pattern);
    const need = Math.max(1, grams.size - 2 * errors);
    const touched: number[] = [];
    const shared = this.shared;
    for (const k of grams) {
      const list = this.postings.get(k);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const id = list[i];
        if (shared[id]++ === 0) touched.push(id);
      }
    }
    const out: number[] = [];
    for (const id of touched) if (shared[id] >= need) out.push(id);
    // Stable on ties: lower ids (added first) first.
    out.sort((a, b) => shared[b] - shared[a] || a - b);
    for (const id of touched) shared[id] = 0;
    return out.length > max ? out.slice(0, max) : out;
  }
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function startsAWord(text: string, letter: string): boolean {
  for (let at = text.indexOf(letter); at !== -1; at = text.indexOf(letter, at + 1)) {
    if (at === 0 || !WORD_CHAR.test(text[at - 1])) return true;
  }
  return false;
}
