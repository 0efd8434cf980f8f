import { describe, expect, it } from 'vitest';
import type { Alias, EntityKind } from '@/lib/fact-index/schema';
import { mergeLibrary, type ArticleToMerge } from '@/lib/library/merge';
import { articleText, build, BUNDLED } from './helpers/articles';

const entity = (id: string, name: string, kind: EntityKind, aliases: (string | Alias)[] = []) => ({
  id, name, kind, aliases: aliases.map((a) => (typeof a === 'string' ? { text: a, origin: 'article' as const } : a)),
});
const article = (id: string, ...entities: ReturnType<typeof entity>[]): ArticleToMerge => ({ id, entities });
/** The library entities, each as the sorted list of `article/entity` refs it merged. */
const groups = (articles: ArticleToMerge[]) =>
  mergeLibrary(articles).entities.map((e) => e.refs.map((r) => `${r.article}/${r.entity}`).sort().join(' + ')).sort();

describe('merging entities across articles', () => {
  it('merges one person written in different spellings and transliterations', () => {
    expect(groups([
      article('a', entity('volodymyr-zelenskiy', 'Volodymyr Zelenskiy', 'person')),
      article('b', entity('volodymyr-zelensky', 'Volodymyr Zelensky', 'person')),
      article('c', entity('wolodymyr-selenskyj', 'Wolodymyr Selenskyj', 'person')),
      article('d', entity('donald-j-trump', 'Donald J. Trump', 'person')),
      article('e', entity('donald-trump', 'Donald Trump', 'person')),
    ])).toEqual([
      'a/volodymyr-zelenskiy + b/volodymyr-zelensky + c/wolodymyr-selenskyj',
      'd/donald-j-trump + e/donald-trump',
    ]);
  });

  it('keeps two people who share a surname apart, and a bare surname with them unresolved', () => {
    expect(groups([
      article('a', entity('donald-trump', 'Donald Trump', 'person', ['Trump'])),
      article('b', entity('melania-trump', 'Melania Trump', 'person', ['Trump'])),
      article('c', entity('trump', 'Trump', 'person')),
    ])).toEqual(['a/donald-trump', 'b/melania-trump', 'c/trump']);
  });

  it('joins a bare surname to the only person of the library with it', () => {
    expect(groups([
      article('a', entity('mark-rutte', 'Mark Rutte', 'person')),
      article('b', entity('rutte', 'Rutte', 'person')),
      article('c', entity('rutte', 'Rutte', 'person')),
    ])).toEqual(['a/mark-rutte + b/rutte + c/rutte']);
  });

  it('never merges a person with a place, organisation or term', () => {
    expect(groups([
      article('a', entity('washington', 'Washington', 'place', [{ text: 'Washington', origin: 'article', caution: 'other-referent' }])),
      article('b', entity('george-washington', 'George Washington', 'person', ['Washington'])),
      article('c', entity('washington', 'Washington', 'person')),
    ])).toEqual(['a/washington', 'b/george-washington + c/washington']);
  });

  it('merges places through an uncautioned alias, and a place with an organisation only on the same name', () => {
    expect(groups([
      article('a', entity('kyiv', 'Kyiv', 'place', [{ text: 'Kiev', origin: 'curated' }])),
      article('b', entity('kiev', 'Kiev', 'place')),
      article('c', entity('kremlin', 'Kremlin', 'organisation')),
      article('d', entity('kremlin', 'Kremlin', 'place')),
      article('e', entity('georgia', 'Georgia', 'place', ['Sakartvelo'])),
      article('f', entity('sakartvelo-bank', 'Sakartvelo Bank', 'organisation', ['Sakartvelo'])),
    ])).toEqual(['a/kyiv + b/kiev', 'c/kremlin + d/kremlin', 'e/georgia', 'f/sakartvelo-bank']);
  });

  it('does not merge on a cautioned alias', () => {
    expect(groups([
      article('a', entity('article-5', 'Article 5', 'term', [{ text: 'Article 5', origin: 'article', caution: 'other-referent' }])),
      article('b', entity('article-5', 'Article 5', 'term')),
      article('c', entity('us', 'US Steel', 'organisation', [{ text: 'US', origin: 'article', caution: 'common-word' }])),
      article('d', entity('united-states', 'United States', 'place', [{ text: 'US', origin: 'curated', caution: 'common-word' }])),
    ])).toEqual(['a/article-5 + b/article-5', 'c/us', 'd/united-states']);
  });

  it('keeps the first article’s ids and the name most articles use', () => {
    const merged = mergeLibrary([
      article('a', entity('volodymyr-zelenskiy', 'Volodymyr Zelenskiy', 'person')),
      article('b', entity('volodymyr-zelensky', 'Volodymyr Zelensky', 'person')),
      article('c', entity('volodymyr-zelensky', 'Volodymyr Zelensky', 'person')),
    ]);
    expect(merged.entities).toHaveLength(1);
    expect(merged.entities[0]).toMatchObject({ id: 'volodymyr-zelenskiy', name: 'Volodymyr Zelensky' });
    expect(merged.idOf.get('c/volodymyr-zelensky')).toBe('volodymyr-zelenskiy');
  });

  it('merges the bundled article with two team-written articles about the same story', () => {
    const articles = [
      { id: 'builtin', entities: BUNDLED.entities },
      { id: 'a-coalition', entities: build(articleText('story-coalition'), { id: 'a-coalition' }).entities },
      { id: 'a-ceasefire', entities: build(articleText('story-ceasefire'), { id: 'a-ceasefire' }).entities },
    ];
    const merged = mergeLibrary(articles);
    const refsOf = (id: string) => merged.byId.get(id)!.refs.map((r) => r.article).sort();
    expect(refsOf('mark-rutte')).toEqual(['a-ceasefire', 'a-coalition', 'builtin']);
    expect(refsOf('volodymyr-zelenskiy')).toEqual(['a-ceasefire', 'a-coalition', 'builtin']);
    expect(refsOf('nato')).toEqual(['a-ceasefire', 'a-coalition', 'builtin']);
    expect(refsOf('kyiv')).toEqual(['a-ceasefire', 'a-coalition', 'builtin']);
    // One library entity per name: no two entities share a name.
    const names = merged.entities.map((e) => `${e.kind}:${e.name.toLowerCase()}`);
    expect(new Set(names).size).toBe(names.length);
  });
});
