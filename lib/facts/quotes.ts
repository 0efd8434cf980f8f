/**
 * Quotations («…», “…”, „…“, "…") and who said them. The speaker is the
 * person named next to a speech verb just after the quote («…» Trump said;
 * “…,” Trump told reporters), the subject before it (Zelenskiy called the
 * assurances «…»), a "he said" that points back to a named person, or the
 * speaker of the quote it continues in the same sentence.
 */
import type { Sentence } from '../fact-index/schema';
import type { Mention } from './mentions';

export interface FoundQuote {
  sentence: string;
  /** Quoted words without the marks, verbatim. */
  text: string;
  speaker?: string;
}

const QUOTED = /«([^«»]+)»|“([^“”]+)”|„([^„“”]+)[“”]|"([^"]+)"/gu;
const SPEECH_VERB = /(?<![\p{L}])(?:said|says|say|told|tells|added|adds|asked|wrote|writes|stressed|insisted|warned|declared|noted|explained|argued|announced|replied|called|calls|described|saying|adding|according to|dismissed|denounced|branded|labelled|labeled)(?![\p{L}])/u;
/** How far after a quote its attribution may sit ("…,» the Ukrainian president told reporters"). */
const AFTER_WINDOW = 60;

interface Span { start: number; end: number; inner: string }

function quotedSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(QUOTED)) {
    const raw = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    const inner = raw.trim();
    if (inner.split(/\s+/u).length < 2) continue; // a scare-quoted word is not a quotation
    out.push({ start: m.index!, end: m.index! + m[0].length, inner });
  }
  return out;
}

export function findQuotes(sentences: Sentence[], mentions: Mention[], speakers: Set<string>): FoundQuote[] {
  const bySentence = new Map<string, Mention[]>();
  for (const m of mentions) if (speakers.has(m.entity)) bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);
  const out: FoundQuote[] = [];
  let lastBlock: string | undefined;
  let lastSpeaker: string | undefined;
  for (const s of sentences) {
    const spans = quotedSpans(s.text);
    const people = bySentence.get(s.id) ?? [];
    const within = (from: number, to: number) => people.filter((m) => m.start >= from && m.end <= to);
    // A sentence that opens with a quotation may continue the last speaker of its paragraph.
    let previous: string | undefined = spans[0] && /^\s*$/u.test(s.text.slice(0, spans[0].start)) && lastBlock === s.block ? lastSpeaker : undefined;
    spans.forEach((q, i) => {
      const nextStart = spans[i + 1]?.start ?? s.text.length;
      const afterEnd = Math.min(nextStart, q.end + AFTER_WINDOW);
      const after = s.text.slice(q.end, afterEnd);
      const beforeStart = spans[i - 1]?.end ?? 0;
      const before = s.text.slice(beforeStart, q.start);
      const leading = within(beforeStart, q.start)[0];
      let speaker: string | undefined;
      if (SPEECH_VERB.test(after)) speaker = within(q.end, afterEnd)[0]?.entity;
      if (!speaker && leading && (SPEECH_VERB.test(before) || /^\s*:/u.test(s.text.slice(leading.end)))) speaker = leading.entity;
      speaker ??= previous;
      previous = speaker;
      out.push({ sentence: s.id, text: q.inner, ...(speaker ? { speaker } : {}) });
    });
    lastBlock = s.block;
    lastSpeaker = spans.length ? previous : undefined;
  }
  return out;
}
