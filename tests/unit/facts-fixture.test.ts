import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildFactIndex } from '@/lib/facts/build';
import { parseCuratedAliases } from '@/lib/facts/curated';
import { fidelityProblems } from '@/lib/facts/fidelity';
import { factIndexProblems, type Entity } from '@/lib/fact-index/schema';

// A team-written story (fictional events, different layout and apposition styles).
const article = readFileSync('tests/fixtures/articles/baltic-cable.txt', 'utf8');
const curatedAliases = parseCuratedAliases(JSON.parse(readFileSync('data/aliases.json', 'utf8')));
const index = buildFactIndex(article, { id: 'baltic-cable', curatedAliases });
const entity = (id: string): Entity => {
  const e = index.entities.find((x) => x.id === id);
  if (!e) throw new Error(`no entity ${id}; have ${index.entities.map((x) => x.id).join(', ')}`);
  return e;
};

describe('buildFactIndex on a second article', () => {
  it('produces a valid, faithful index', () => {
    expect(factIndexProblems(index)).toEqual([]);
    expect(fidelityProblems(index)).toEqual([]);
  });

  it('reads its layout: section, headline, standfirst, caption, subheadings', () => {
    const types = index.blocks.map((b) => b.type);
    expect(types.slice(0, 4)).toEqual(['section', 'headline', 'standfirst', 'caption']);
    expect(types.filter((t) => t === 'heading')).toHaveLength(2);
  });

  it('finds its people with their roles, in every apposition style', () => {
    expect(entity('liisa-harjula').role?.text).toBe('Finnish Foreign Minister');
    expect(entity('vladimir-putin').role?.text).toBe('Russian President');
    expect(entity('mark-rutte').role?.text).toBe('the alliance\'s secretary general');
    expect(entity('tomas-berzins').role?.text).toBe('the coast guard\'s deputy commander');
    for (const id of ['liisa-harjula', 'vladimir-putin', 'mark-rutte', 'tomas-berzins']) expect(entity(id).kind).toBe('person');
  });

  it('finds places, organisations and a repeated term', () => {
    for (const id of ['helsinki', 'tallinn', 'estonia', 'latvia', 'brussels', 'baltic-sea', 'gulf-of-finland', 'st-petersburg', 'moscow']) {
      expect(entity(id).kind, id).toBe('place');
    }
    for (const id of ['nato', 'european-commission', 'elering', 'kremlin', 'afp']) expect(entity(id).kind, id).toBe('organisation');
    expect(entity('shadow-fleet').kind).toBe('term');
    const ids = index.entities.map((e) => e.id);
    for (const bad of ['finnish', 'russian', 'thursday', 'harjula', 'rutte', 'secretary-general', 'alliance']) expect(ids, bad).not.toContain(bad);
  });

  it('attributes “…,” said X quotes and their continuations', () => {
    expect(entity('liisa-harjula').quotes.map((q) => q.text)).toEqual([
      'We will not accept sabotage in our waters,',
      'Every captain who drags an anchor across our infrastructure will answer for it.',
    ]);
    expect(entity('mark-rutte').quotes.map((q) => q.text)).toEqual(['The shadow fleet is a floating risk to everyone who depends on these cables,']);
    expect(entity('vladimir-putin').quotes.map((q) => q.text)).toEqual(['a fairy tale written in Helsinki']);
  });

  it('collects figures and follows "he said" back to the person', () => {
    expect(entity('tomas-berzins').figures.map((f) => f.text)).toContain('90 kilometres');
    expect(entity('european-commission').figures.map((f) => f.text)).toContain('€40 million');
    expect(entity('elering').figures.map((f) => f.text)).toEqual(expect.arrayContaining(['€60 million', 'about 650 megawatts']));
  });

  it('relates Rutte to NATO and Brussels', () => {
    expect(entity('mark-rutte').related.map((r) => r.entity)).toEqual(expect.arrayContaining(['nato', 'brussels']));
  });

  it('works without curated aliases (a user’s own article)', () => {
    const plain = buildFactIndex(article, { id: 'baltic-cable' });
    expect(factIndexProblems(plain)).toEqual([]);
    expect(plain.entities.find((e) => e.id === 'mark-rutte')?.aliases.every((a) => a.origin !== 'curated')).toBe(true);
    expect(plain.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['liisa-harjula', 'mark-rutte', 'nato', 'shadow-fleet']));
  });
});
