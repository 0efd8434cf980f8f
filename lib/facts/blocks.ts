/**
 * Splits plain article text into visual blocks (section label, headline,
 * standfirst, captions, subheadings, paragraphs) by rules that hold for
 * ordinary news copy: position, length, terminal punctuation, a photo credit
 * at the end of a caption, and title case for subheadings.
 */
import type { Block, BlockType } from '../fact-index/schema';

interface Span { start: number; end: number }

/** Ends like a sentence: full stop, question or exclamation mark, ellipsis, optionally inside quotes. */
const TERMINAL = /[.!?…]["'”’»)\]]*$/u;
/** "… Photo: Reuters", "Image: AP/John Smith", "(Photo: EPA)" — the credit line that closes a caption. */
const CREDIT = /(?:^|\s|\()(?:Photos?|Photograph|Picture|Image|Illustration|Foto|Credit)\s*:\s*[^.!?:]{1,80}\)?$/u;
/** Short words that stay lowercase in title case. */
const MINOR_WORDS = new Set([
  'a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'is', 'nor', 'of', 'on',
  'or', 'over', 'per', 'the', 'to', 'up', 'via', 'vs', 'with',
]);

/** Lines of text, trimmed, as spans; blank lines are kept as `null` separators. */
function lines(text: string): (Span | null)[] {
  const out: (Span | null)[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (let m = re.exec(text); m && m[0] !== ''; m = re.exec(text)) {
    const raw = m[0].replace(/[\r\n]+$/, '');
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    out.push(body ? { start: m.index + lead, end: m.index + lead + body.length } : null);
  }
  return out;
}

/**
 * Hard-wrapped copy breaks a paragraph over several lines; a line continues
 * the previous one when the break falls mid-sentence (the next line starts in
 * lowercase, or the previous ends with a comma, semicolon or dash).
 */
function continuesPrevious(text: string, prev: Span, line: Span): boolean {
  const before = text.slice(prev.start, prev.end);
  const after = text.slice(line.start, line.end);
  if (TERMINAL.test(before)) return false;
  return /^\p{Ll}/u.test(after) || /[,;–—-]$/u.test(before);
}

function blockSpans(text: string): Span[] {
  const spans: Span[] = [];
  let prev: Span | null = null;
  for (const line of lines(text)) {
    if (line && prev && continuesPrevious(text, prev, line)) {
      spans[spans.length - 1].end = line.end;
    } else if (line) {
      spans.push({ ...line });
    }
    prev = line;
  }
  return spans;
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}

/** Most content words capitalised: "Ceasefire or Comprehensive Deal?", "Pressure on Zelenskiy". */
function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/u).slice(1).map((w) => w.replace(/^[^\p{L}\p{N}]+/u, ''));
  const content = words.filter((w) => w && !MINOR_WORDS.has(w.toLowerCase()));
  if (content.length === 0) return /^\p{Lu}/u.test(text);
  const capitalised = content.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return capitalised / content.length >= 0.6;
}

/** A line that reads as a title: short, single line, not ending in a full stop or comma. */
function isTitleLike(text: string, maxWords: number): boolean {
  return !text.includes('\n') && wordCount(text) <= maxWords && text.length <= 160 && !/[.,;:]$/u.test(text);
}

/**
 * Classifies each block. The top of an article follows a fixed order
 * (optional section label, headline, optional standfirst); below it, a block
 * is a caption when it ends with a photo credit, a subheading when it is a
 * short title-case line followed by more text, otherwise a paragraph.
 */
export function findBlocks(text: string): Block[] {
  const spans = blockSpans(text);
  const body = (i: number) => text.slice(spans[i].start, spans[i].end);
  const types: BlockType[] = spans.map((_, i) => (CREDIT.test(body(i)) ? 'caption' : 'paragraph'));
  const nextNonCaption = (from: number) => {
    for (let i = from; i < spans.length; i++) if (types[i] !== 'caption') return i;
    return -1;
  };

  let top = nextNonCaption(0);
  // A section label ("News", "World | Europe") sits above a headline.
  if (top >= 0) {
    const next = nextNonCaption(top + 1);
    const label = body(top);
    if (next >= 0 && wordCount(label) <= 3 && label.length <= 30 && !TERMINAL.test(label) && isTitleLike(body(next), 25)) {
      types[top] = 'section';
      top = next;
    }
  }
  if (top >= 0 && isTitleLike(body(top), 25) && spans.length > 1) {
    types[top] = 'headline';
    const after = nextNonCaption(top + 1);
    // A standfirst sits under the headline: a line without a closing full stop,
    // or a short one directly above the lead photo's caption.
    if (after >= 0 && after < spans.length - 1) {
      const s = body(after);
      const aboveCaption = types[after + 1] === 'caption';
      if (wordCount(s) <= 60 && (!TERMINAL.test(s) || (aboveCaption && wordCount(s) <= 40))) types[after] = 'standfirst';
    }
  }
  for (let i = 0; i < spans.length; i++) {
    if (types[i] !== 'paragraph') continue;
    const s = body(i);
    const followedByText = nextNonCaption(i + 1) >= 0;
    // "Brussels, 5 September 2025", "Dr Petra Lindqvist, Spokesperson for …": a place-and-date or
    // contact line, not a subheading (those rarely have a comma unless set in capitals).
    const listLike = /, \S/u.test(s) && s !== s.toUpperCase();
    if (followedByText && !listLike && isTitleLike(s, 12) && (isTitleCase(s) || /\?$/u.test(s))) types[i] = 'heading';
  }
  return spans.map((s, i) => ({ id: `b${i}`, type: types[i], start: s.start, end: s.end }));
}
