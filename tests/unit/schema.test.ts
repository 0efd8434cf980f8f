import { describe, expect, it } from 'vitest';
import { factIndexProblems, FACT_INDEX_VERSION } from '@/lib/fact-index/schema';

const text = 'Mark Rutte spoke. NATO met.';
const valid = {
  version: FACT_INDEX_VERSION,
  article: { id: 't', title: 'T', text },
  blocks: [{ id: 'b0', type: 'paragraph', start: 0, end: text.length }],
  sentences: [
    { id: 's0', block: 'b0', start: 0, end: 17, text: 'Mark Rutte spoke.' },
    { id: 's1', block: 'b0', start: 18, end: 27, text: 'NATO met.' },
  ],
  entities: [
    {
      id: 'mark-rutte', name: 'Mark Rutte', kind: 'person',
      aliases: [{ text: 'Rutte', origin: 'derived' }],
      facts: [{ sentence: 's0', text: 'Mark Rutte spoke.', score: 1 }],
      quotes: [], figures: [], related: [{ entity: 'nato', weight: 1 }],
    },
    {
      id: 'nato', name: 'NATO', kind: 'organisation', aliases: [],
      facts: [{ sentence: 's1', text: 'NATO met.', score: 1 }], quotes: [], figures: [], related: [],
    },
  ],
};

describe('factIndexProblems', () => {
  it('accepts a consistent index', () => {
    expect(factIndexProblems(valid)).toEqual([]);
  });

  it('rejects a fact that is not text of the article', () => {
    const bad = structuredClone(valid);
    bad.entities[0].facts[0].text = 'Mark Rutte resigned.';
    expect(factIndexProblems(bad).join()).toMatch(/not text of the article/);
  });

  it('rejects a relation to an unknown entity and a sentence whose span drifted', () => {
    const bad = structuredClone(valid);
    bad.entities[0].related[0].entity = 'ghost';
    bad.sentences[1].start = 19;
    const problems = factIndexProblems(bad).join('\n');
    expect(problems).toMatch(/related\[0\]/);
    expect(problems).toMatch(/sentences\[1\]/);
  });

  it('rejects junk without throwing', () => {
    for (const junk of [null, 42, 'x', [], { version: 1 }, { ...valid, entities: 'no' }]) {
      expect(factIndexProblems(junk).length).toBeGreaterThan(0);
    }
  });
});
