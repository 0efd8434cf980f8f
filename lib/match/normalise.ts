/**
 * One normalisation for alias texts and page texts, so both sides compare
 * equal: NFKD with combining marks dropped (é→e, й→и, ё→е, ї→і), ligatures
 * and letters NFKD keeps whole spelled out (ß→ss, æ→ae, ł→l), curly quotes,
 * dashes and odd spaces made plain, zero-width characters dropped.
 *
 * Case is kept in `text` (the matcher's case rules need it) and folded in
 * `lower`; both have the same length. `origin[k]` is the index in the
 * original string of the character that produced `text[k]`, so every match
 * maps back to original offsets even across expansions (ß→ss) and removals.
 */

export interface NormalisedText {
  /** Folded, case kept. */
  text: string;
  /** Folded and lower-cased; same length as `text`. */
  lower: string;
  /** Original UTF-16 index of the source character of each `text` unit. */
  origin: Int32Array;
}

interface Folded {
  text: string;
  lower: string;
}

const DROP: Folded = { text: '', lower: '' };

/** Letters NFKD leaves whole but readers treat as plain Latin. */
const SPELLED_OUT: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D',
  ð: 'd', Ð: 'D', ł: 'l', Ł: 'L', þ: 'th', Þ: 'TH', ı: 'i', ħ: 'h', Ħ: 'H',
};

const ZERO_WIDTH = /^[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]$/u;
const SINGLE_QUOTE = /^[\u2018-\u201B\u2032\u02BB\u02BC\u02B9\u00B4`\u2039\u203A]$/u;
const DOUBLE_QUOTE = /^[\u201C-\u201F\u2033\u00AB\u00BB\u301D\u301E]$/u;
const DASH = /^[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]$/u;
const SPACE = /^[\p{Zs}\t\v\f]$/u;
const LINE_BREAK = /^[\r\u2028\u2029\u0085]$/u;
const MARK = /\p{M}/gu;

function foldCodePoint(cp: number): Folded {
  const ch = String.fromCodePoint(cp);
  if (cp >= 0xd800 && cp <= 0xdfff) return { text: '\uFFFD', lower: '\uFFFD' }; // lone surrogate
  if (ZERO_WIDTH.test(ch)) return DROP;
  let text: string;
  if (SINGLE_QUOTE.test(ch)) text = "'";
  else if (DOUBLE_QUOTE.test(ch)) text = '"';
  else if (DASH.test(ch)) text = '-';
  else if (SPACE.test(ch)) text = ' ';
  else if (LINE_BREAK.test(ch)) text = '\n';
  else text = SPELLED_OUT[ch] ?? ch.normalize('NFKD').replace(MARK, '');
  const lower = text.toLowerCase();
  if (lower.length === text.length) return { text, lower };
  // "İ".toLowerCase() is two units; keep both strings the same length.
  let lowerSameLength = '';
  for (const unit of text) {
    const l = unit.toLowerCase();
    lowerSameLength += l.length === unit.length ? l : unit;
  }
  return { text, lower: lowerSameLength };
}

const ASCII: Folded[] = [];
for (let c = 0; c < 128; c++) ASCII.push(foldCodePoint(c));
const NON_ASCII = new Map<number, Folded>();

/** The folding of one code point (cached: page text repeats few distinct characters). */
function foldOf(cp: number): Folded {
  if (cp < 128) return ASCII[cp];
  let f = NON_ASCII.get(cp);
  if (f === undefined) {
    f = foldCodePoint(cp);
    NON_ASCII.set(cp, f);
  }
  return f;
}

// Reused buffers: normalisation runs on every chunk of every page, and
// growing typed arrays once beats allocating per call.
let textBuf = new Uint16Array(1024);
let lowerBuf = new Uint16Array(1024);
let originBuf = new Int32Array(1024);

function grow(min: number): void {
  let size = textBuf.length;
  while (size < min) size *= 2;
  const t = new Uint16Array(size); t.set(textBuf); textBuf = t;
  const l = new Uint16Array(size); l.set(lowerBuf); lowerBuf = l;
  const o = new Int32Array(size); o.set(originBuf); originBuf = o;
}

const decoder = new TextDecoder('utf-16le');

function decode(buf: Uint16Array, n: number): string {
  if (n < 512) return String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]);
  return decoder.decode(new Uint8Array(buf.buffer, buf.byteOffset, n * 2));
}

/** Folds `input` into the shared buffers and returns the folded length. */
function foldIntoBuffers(input: string): number {
  const len = input.length;
  if (textBuf.length < len + 8) grow(len + 8);
  let n = 0;
  for (let i = 0; i < len; i++) {
    let cp = input.charCodeAt(i);
    const at = i;
    if (cp < 128) {
      const f = ASCII[cp];
      if (f.text.length === 1) {
        textBuf[n] = f.text.charCodeAt(0);
        lowerBuf[n] = f.lower.charCodeAt(0);
        originBuf[n++] = at;
        continue;
      }
    }
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < len) {
      const next = input.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
        i++;
      }
    }
    const f = foldOf(cp);
    const flen = f.text.length;
    if (n + flen + 8 > textBuf.length) grow(n + flen + 8);
    for (let k = 0; k < flen; k++) {
      textBuf[n] = f.text.charCodeAt(k);
      lowerBuf[n] = f.lower.charCodeAt(k);
      originBuf[n++] = at;
    }
  }
  return n;
}

export function normaliseText(input: string): NormalisedText {
  const n = foldIntoBuffers(input);
  return { text: decode(textBuf, n), lower: decode(lowerBuf, n), origin: originBuf.slice(0, n) };
}

/**
 * `normaliseText` for the scan, whose result lives only until the next call:
 * `origin` is a view on a shared buffer instead of a copy (copying it was
 * 7% of scan time).
 *
 * The content script scans a page once, so this runs mostly cold, where a
 * loop over every character (then decoding the buffers) cost 36 ms of a
 * 1 MB page. Most chunks fold one unit to one unit, so they take
 * `foldInPlace` instead, which leaves the per-character work to the
 * engine's string built-ins: 13 ms.
 */
export function normaliseForScan(input: string): NormalisedText {
  const inPlace = foldInPlace(input);
  if (inPlace !== null) return inPlace;
  const n = foldIntoBuffers(input);
  return { text: decode(textBuf, n), lower: decode(lowerBuf, n), origin: originBuf.subarray(0, n) };
}

/** Printable ASCII and line breaks, which fold to themselves. */
const PLAIN_LINE = /^[\x20-\x5f\x61-\x7e\n]*$/;
/** Units folding may change. */
const NOT_PLAIN = /[^\x20-\x5f\x61-\x7e\n]/g;

/** Set by `foldUnit` when the chunk cannot be folded in place. */
let uneven = false;

/**
 * The folding of one unit of a chunk folded in place. Surrogates (pairs and
 * lone ones) and units folding to more or fewer than one unit need the
 * offset map; so does the capital sigma, as `toLowerCase` of a whole string
 * makes a final Σ into ς where folding character by character makes σ.
 */
function foldUnit(unit: string): string {
  const c = unit.charCodeAt(0);
  const f = c >= 0xd800 && c <= 0xdfff ? DROP : foldOf(c);
  const folded = f.text.charCodeAt(0);
  if (f.text.length !== 1 || folded === 0x3a3 || (folded >= 0xd800 && folded <= 0xdfff)) uneven = true;
  return f.text;
}

let identity = new Int32Array(0);

/** `origin` for text that folds one unit to one unit: built once, shared by every chunk. */
function identityOrigin(n: number): Int32Array {
  if (identity.length < n) {
    identity = new Int32Array(Math.max(n, 2 * identity.length, 1024));
    for (let k = 0; k < identity.length; k++) identity[k] = k;
  }
  return identity.subarray(0, n);
}

/**
 * The folding of a chunk where every unit folds to exactly one unit, or
 * null. Then `origin` is the identity, `text` differs from the input only
 * at its few non-ASCII units (curly quotes, dashes, accents), and `lower`
 * is `text.toLowerCase()`: with no Σ, lower-casing a string maps it unit by
 * unit, as `foldCodePoint` does.
 */
function foldInPlace(input: string): NormalisedText | null {
  let text = input;
  if (!PLAIN_LINE.test(input)) {
    uneven = false;
    text = input.replace(NOT_PLAIN, foldUnit);
    if (uneven) return null;
  }
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return null;
  return { text, lower, origin: identityOrigin(text.length) };
}

/** Printable ASCII that folding leaves alone (everything but the backtick). */
const PLAIN_ASCII = /^[\x20-\x5f\x61-\x7e]*$/;

/** The folded forms of a short string (an alias), without the offset map. */
export function foldText(input: string): Folded {
  if (PLAIN_ASCII.test(input)) return { text: input, lower: input.toLowerCase() };
  const n = foldIntoBuffers(input);
  return { text: decode(textBuf, n), lower: decode(lowerBuf, n) };
}

const COMBINING = /^\p{M}$/u;

/**
 * The original end offset of a match whose last folded unit is `lastUnit`:
 * the end of that unit's source character, plus any combining marks that
 * followed it (dropped by folding, but part of the same letter on screen).
 */
export function originalEnd(original: string, norm: NormalisedText, lastUnit: number): number {
  const at = norm.origin[lastUnit];
  const c = original.charCodeAt(at);
  let end = at + 1;
  // Reading past the end only for a high surrogate: optimised code backs out on an out-of-bounds read.
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = original.charCodeAt(at + 1); // NaN past the end
    if (next >= 0xdc00 && next <= 0xdfff) end++;
  }
  // Marks start at U+0300: most letters are followed by something lower, so skip the regex.
  while (end < original.length && original.charCodeAt(end) >= 0x300 && COMBINING.test(original[end])) end++;
  return end;
}
