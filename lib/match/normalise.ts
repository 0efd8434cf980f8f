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
 * `origin` is a view on the shared buffer instead of a copy (copying it was
 * 7% of scan time).
 */
export function normaliseForScan(input: string): NormalisedText {
  const n = foldIntoBuffers(input);
  return { text: decode(textBuf, n), lower: decode(lowerBuf, n), origin: originBuf.subarray(0, n) };
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
  const next = original.charCodeAt(at + 1); // NaN past the end
  let end = at + (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1);
  while (end < original.length && COMBINING.test(original[end])) end++;
  return end;
}
