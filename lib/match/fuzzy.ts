/**
 * The fuzzy fallback: near spellings of single-word names ("Zelenskyy",
 * "Selensky", "Ouchakov", "Uschakow") for capitalised page words the alias
 * trie did not explain.
 *
 * Both sides first go through a transliteration key (German sch/w, French
 * ou, Slavic y/iy/kh …), then a bounded edit distance (optimal string
 * alignment) decides. English words that sit one edit from a name are kept
 * out by rules rather than a word list:
 * - a vowel may be swapped for another vowel, but not added, dropped or
 *   turned into a consonant ("Hungry"/"Hungary", "Russian"/"Russland");
 * - beyond the transliteration key, the plain spellings must be as close
 *   as the budget allows too ("Route"/"Rutte": "rute" vs "rutte" is 1, but
 *   "route" vs "rutte" is 2);
 * - one word running on from the other is a derived word, not a spelling
 *   ("Crime"/"Crimea", "Russian"/"Russia", "Macro"/"Macron");
 * - the alias plus a demonym or plural suffix is a different word
 *   ("Ukrainian"/"Ukraine", "Hungarian"/"Hungary").
 *
 * Index: buckets by first letter and length of the key, with a letter-set
 * bitmask to skip most of a bucket. Cheaper to build than a deletion
 * neighbourhood (compile must stay under 50 ms for 10,000 entities), and
 * only capitalised, unexplained words of five letters or more ever query it.
 */

export interface FuzzyHit {
  entity: number;
  /** Edit distance between the transliteration keys. */
  distance: number;
}

interface FuzzyEntry {
  key: string;
  word: string;
  mask: number;
  entity: number;
}

export interface FuzzyIndex {
  buckets: Map<number, FuzzyEntry[]>;
  /**
   * Answers per budget, then word: names repeat on a page, and most queried
   * words miss. One map per budget, so a lookup needs no key built from both.
   */
  memo: Map<string, FuzzyHit[]>[];
}

export const MIN_FUZZY_LENGTH = 5;
const MEMO_LIMIT = 20_000;

export const newFuzzyIndex = (): FuzzyIndex => ({ buckets: new Map(), memo: [] });

/** Edit budget for a page word of `length` letters. */
export function fuzzyBudget(length: number, mode: 'normal' | 'loose'): number {
  const base = length >= 8 ? 2 : length >= MIN_FUZZY_LENGTH ? 1 : 0;
  return base === 0 ? 0 : mode === 'loose' ? base + 1 : base;
}

/**
 * Folds spelling conventions of transliterated names onto one key. Input is
 * a folded, lower-cased word.
 */
export function transliterationKey(word: string): string {
  let out = '';
  const n = word.length;
  let i = 0;
  while (i < n) {
    const c = word[i];
    const c1 = word[i + 1];
    const c2 = word[i + 2];
    let emit = c;
    let step = 1;
    if (c === 't' && c1 === 's' && c2 === 'c' && word[i + 3] === 'h') { emit = 'ch'; step = 4; } // Tschaikowsky
    else if (c === 's' && c1 === 'c' && c2 === 'h') { emit = 'sh'; step = 3; } // Uschakow
    else if (c === 'k' && c1 === 'h') { emit = 'h'; step = 2; } // Kharkiv / Harkiv
    else if (c === 'p' && c1 === 'h') { emit = 'f'; step = 2; }
    else if (c === 'c' && c1 === 'k') { emit = 'k'; step = 2; }
    else if (c === 'o' && c1 === 'u') { emit = 'u'; step = 2; } // Ouchakov
    else if (c === 'w') emit = 'v'; // Lavrow
    else if (c === 'y') emit = 'i'; // Zelenskyy, Zelenskiy, Zelensky
    else if (c === 'j' && (i === n - 1 || out.endsWith('i'))) emit = 'i'; // Zelenskij
    else if (c === 's' && i === 0 && c1 !== 'h') emit = 'z'; // Selensky
    // yy, iy, yi, ij all end as one i.
    if (emit === 'i' && out.endsWith('i')) emit = '';
    out += emit;
    i += step;
  }
  return out;
}

const VOWELS = new Set([...'aeiou', ...'аеиоуыэюяіє']);

function letterMask(key: string): number {
  let m = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    m |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26 + (c % 5));
  }
  return m;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Optimal string alignment distance, or `max + 1` once it must exceed `max`.
 * With `keepSkeleton`, an edit that moves the vowels (adding or dropping a
 * vowel, swapping a vowel for a consonant) costs more than the budget:
 * spellings of one name swap vowels for vowels and consonants for consonants.
 */
export function editDistance(a: string, b: string, max: number, keepSkeleton: boolean): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (rowA.length <= lb) {
    rowA = new Int32Array(lb + 1);
    rowB = new Int32Array(lb + 1);
    rowC = new Int32Array(lb + 1);
  }
  const over = max + 1;
  const indel = (ch: string) => (keepSkeleton && VOWELS.has(ch) ? over : 1);
  const swap = (x: string, y: string) => (x === y ? 0 : keepSkeleton && VOWELS.has(x) !== VOWELS.has(y) ? over : 1);
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  prev[0] = 0;
  for (let j = 1; j <= lb; j++) prev[j] = Math.min(over, prev[j - 1] + indel(b[j - 1]));
  for (let i = 1; i <= la; i++) {
    const ai = a[i - 1];
    cur[0] = Math.min(over, prev[0] + indel(ai));
    let rowMin = cur[0];
    for (let j = 1; j <= lb; j++) {
      const bj = b[j - 1];
      let v = prev[j - 1] + swap(ai, bj);
      const del = prev[j] + indel(ai);
      if (del < v) v = del;
      const ins = cur[j - 1] + indel(bj);
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ai === b[j - 2] && a[i - 2] === bj && prev2[j - 2] + 1 < v) v = prev2[j - 2] + 1;
      cur[j] = v > over ? over : v;
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return over;
    const t = prev2; prev2 = prev; prev = cur; cur = t;
  }
  return Math.min(prev[lb], over);
}

/** Suffixes that make another word from a place or name: demonyms, adjectives, plurals. */
const DERIVING_SUFFIXES = [
  's', 'es', 'n', 'ns', 'an', 'ans', 'ian', 'ians', 'ean', 'eans', 'ese', 'ish', 'i', 'is', 'ic', 'er', 'ers', 'ist', 'ists', 'ism',
];

/** "Ukrainian" from "Ukraine", "Hungarian" from "Hungary", "Putins" from "Putin". */
export function isDerivedWord(word: string, alias: string): boolean {
  const stem = /[aeiouy]$/.test(alias) ? alias.slice(0, -1) : alias;
  for (const base of [alias, stem]) {
    if (word.length > base.length && word.startsWith(base) && DERIVING_SUFFIXES.includes(word.slice(base.length))) return true;
  }
  return false;
}

const bucketKey = (key: string, length: number) => key.charCodeAt(0) * 64 + Math.min(length, 63);

/** Indexes one single-word alias (folded, lower-cased) for `entity`. */
export function addFuzzyWord(index: FuzzyIndex, word: string, entity: number): void {
  const key = transliterationKey(word);
  if (key.length === 0) return;
  const b = bucketKey(key, key.length);
  let bucket = index.buckets.get(b);
  if (bucket === undefined) index.buckets.set(b, (bucket = []));
  // An entity's words are added together: look back only over its own entries.
  for (let k = bucket.length - 1; k >= 0 && bucket[k].entity === entity; k--) if (bucket[k].key === key) return;
  bucket.push({ key, word, mask: letterMask(key), entity });
  if (index.memo.length > 0) index.memo = [];
}

function accepts(word: string, key: string, e: FuzzyEntry, budget: number): number {
  const d = editDistance(key, e.key, budget, true);
  if (d > budget) return -1;
  if (isDerivedWord(word, e.word) || isDerivedWord(e.word, word)) return -1;
  if (d === 0) return 0; // the same name in another transliteration
  if (key.startsWith(e.key) || e.key.startsWith(key)) return -1;
  if (editDistance(word, e.word, budget, false) > budget) return -1;
  return d;
}

/**
 * Entities whose single-word alias is within `budget` of `word` (folded,
 * lower-cased), keeping only the closest; several when they tie.
 */
export function findFuzzy(index: FuzzyIndex, word: string, budget: number): FuzzyHit[] {
  const memo = (index.memo[budget] ??= new Map());
  const known = memo.get(word);
  if (known !== undefined) return known;
  const key = transliterationKey(word);
  const mask = letterMask(key);
  let hits: FuzzyHit[] = [];
  let best = budget + 1;
  if (key.length > 0) {
    for (let len = key.length - budget; len <= key.length + budget; len++) {
      const bucket = len > 0 ? index.buckets.get(bucketKey(key, len)) : undefined;
      if (bucket === undefined) continue;
      for (const e of bucket) {
        if (popcount(mask ^ e.mask) > 2 * budget) continue;
        const d = accepts(word, key, e, budget);
        if (d < 0 || d > best) continue;
        if (d < best) { best = d; hits = []; }
        if (!hits.some((h) => h.entity === e.entity)) hits.push({ entity: e.entity, distance: d });
      }
    }
  }
  hits.sort((x, y) => x.entity - y.entity);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, hits);
  return hits;
}
