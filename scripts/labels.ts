// Dev-set labels: the expected mentions of a page, in document order, as
// [matched text, entity id]. Located in the page text one after another.
export interface Labels {
  description: string;
  lang?: string;
  mentions: [string, string][];
}

export interface LocatedLabel {
  entity: string;
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]/u;

export function locateLabels(text: string, mentions: [string, string][]) {
  const found: LocatedLabel[] = [];
  const unlocated: [string, string][] = [];
  let from = 0;
  for (const [label, entity] of mentions) {
    let at = text.indexOf(label, from);
    // A label is a whole word: skip occurrences inside longer words.
    while (at >= 0 && (WORD.test(text[at - 1] ?? '') || WORD.test(text[at + label.length] ?? ''))) {
      at = text.indexOf(label, at + 1);
    }
    if (at < 0) {
      unlocated.push([label, entity]);
      continue;
    }
    found.push({ entity, text: label, start: at, end: at + label.length });
    from = at + label.length;
  }
  return { found, unlocated };
}
