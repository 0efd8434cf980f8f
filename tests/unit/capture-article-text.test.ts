import { describe, expect, it } from 'vitest';
import { composeArticleText, isLinkBlock, leadParagraph, takeBylineBlock, type TextBlock } from '@/lib/capture/article-text';
import { articleProblem, lengthProblem, NOT_AN_ARTICLE } from '@/lib/capture/article-check';
import { MAX_ARTICLE_CHARS } from '@/lib/facts/input';
import { buildFactIndex } from '@/lib/facts/build';

const p = (text: string, linkChars = 0): TextBlock => ({ kind: 'paragraph', text, linkChars });
const h = (text: string, linkChars = 0): TextBlock => ({ kind: 'heading', text, linkChars });
const linked = (kind: TextBlock['kind'], text: string): TextBlock => ({ kind, text, linkChars: text.replace(/\s+/g, '').length });

const PROSE = [
  'Foreign ministers from eleven European countries arrived in Kyiv on Tuesday for talks with Volodymyr Zelenskiy.',
  'Donald Trump told reporters in Washington that there would be a lot of help for Ukraine once a settlement was reached.',
  'The Nato secretary general, Mark Rutte, said membership of the alliance was not on the table for now, but that protection modelled on Article 5 could be.',
  'Moscow has rejected any deployment of Nato troops in Ukraine, and the Kremlin would not comment on a meeting between Putin and Zelenskiy.',
  'Ukrainian officials repeated that no territory would be handed over without a national referendum.',
].map((t) => p(t));

describe('article text', () => {
  it('puts the headline first and a blank line between blocks, headings on their own lines', () => {
    const text = composeArticleText('Allies meet in Kyiv', [p('First  paragraph,\n  wrapped in the source.'), h('A pledge with few details'), p('Second paragraph.')]);
    expect(text).toBe('Allies meet in Kyiv\n\nFirst paragraph,\nwrapped in the source.\n\nA pledge with few details\n\nSecond paragraph.');
  });

  it('keeps <br> line breaks and non-breaking spaces, collapses HTML white space', () => {
    expect(composeArticleText('T', [p('Line one<br>'.replace('<br>', '\n') + 'line\u00a0two \t\r\n\n  ')])).toBe('T\n\nLine one\nline\u00a0two');
  });

  it('does not repeat the headline when the article body starts with it, nor a block that repeats the one before', () => {
    expect(composeArticleText('Allies meet in Kyiv', [h('Allies meet in Kyiv'), p('Body.'), p('Body.'), p('More.')])).toBe('Allies meet in Kyiv\n\nBody.\n\nMore.');
    expect(composeArticleText('Allies meet in Kyiv', [p('Analysis'), h('Allies  meet in Kyiv'), p('Body.')])).toBe('Allies meet in Kyiv\n\nBody.');
  });

  it('leaves out the section labels, breadcrumbs and date lines above the body, and keeps the standfirst', () => {
    const standfirst = p('European foreign ministers arrive in the Ukrainian capital as Donald Trump promises help');
    const header = [p('Europe'), p('The Westbury Chronicle · World · Diplomacy'), standfirst, p('Tue 19 Aug 2025 07.45 BST'), p('August 20, 2025 · 5:12 PM EDT · 3 min read')];
    expect(composeArticleText('T', [...header, ...PROSE.slice(0, 2)])).toBe(['T', standfirst.text, PROSE[0].text, PROSE[1].text].join('\n\n'));
  });

  it('leaves out copyright and wire credit lines', () => {
    const blocks = [PROSE[0], p('© The Westbury Chronicle (fictional). All rights reserved.'), p('(Reporting by Dana Whitcombe; Additional reporting by Raúl Ortega; Editing by Priya Natarajan)'), p('Copyright 2025 Eastwire')];
    expect(composeArticleText('T', blocks)).toBe(`T\n\n${PROSE[0].text}`);
    // A sentence that mentions reporting is prose.
    expect(composeArticleText('T', [p('(Reporting by the BBC was accurate, he said.) Then he left.')])).toBe('T\n\n(Reporting by the BBC was accurate, he said.) Then he left.');
  });

  it('keeps short lines once the body has begun, and a live blog’s entry times', () => {
    expect(composeArticleText('T', [PROSE[0], p('Europe'), p('19 August 2025'), PROSE[1]])).toBe(['T', PROSE[0].text, 'Europe', '19 August 2025', PROSE[1].text].join('\n\n'));
    expect(composeArticleText('T', [p('16:40 GMT'), h('Rutte speaks'), PROSE[2]])).toBe(['T', '16:40 GMT', 'Rutte speaks', PROSE[2].text].join('\n\n'));
  });

  it('leaves out blocks that are (almost) all link: promos and further reading', () => {
    const promo = { kind: 'paragraph' as const, text: 'Read more: Macron visits Warsaw for defence talks', linkChars: 'MacronvisitsWarsawfordefencetalks'.length };
    expect(isLinkBlock(promo)).toBe(true);
    expect(isLinkBlock({ kind: 'paragraph', text: 'Related: Macron in Warsaw', linkChars: 'MacroninWarsaw'.length })).toBe(true);
    expect(isLinkBlock(p('Trump said, according to a transcript, that help would come.', 'atranscript'.length))).toBe(false);
    expect(isLinkBlock(p('Zelenskiy said.', 'Zelenskiy'.length))).toBe(false);
    expect(isLinkBlock(p('Update: Zelenskiy said he would travel.', 'Zelenskiy'.length))).toBe(false);
    expect(composeArticleText('T', [p('Body.'), promo, linked('item', 'Tusk says Poland will double its air-defence budget')])).toBe('T\n\nBody.');
  });

  it('takes a plain "By …" line above the body out of the text, as the byline', () => {
    const kicker = p('The Westbury Chronicle · World');
    const byline = p('By Harriet Quill, Diplomatic Editor');
    expect(takeBylineBlock([kicker, byline, ...PROSE])).toEqual({ blocks: [kicker, ...PROSE], byline: 'By Harriet Quill, Diplomatic Editor' });
    // Below a standfirst long enough to be a paragraph.
    expect(takeBylineBlock([kicker, PROSE[2], byline, ...PROSE]).byline).toBe('By Harriet Quill, Diplomatic Editor');
  });

  it('leaves "By …" sentences of the body alone', () => {
    const bySentence = p('By Tuesday the ministers had left.');
    expect(takeBylineBlock([bySentence, ...PROSE]).byline).toBeUndefined();
    const below = [...PROSE.slice(0, 4), p('By Harriet Quill')];
    expect(takeBylineBlock(below)).toEqual({ blocks: below });
    expect(takeBylineBlock([p('by the way')]).byline).toBeUndefined();
  });

  it('finds the lead paragraph for an excerpt, past kickers and standfirsts', () => {
    expect(leadParagraph([p('Europe'), h('A pledge'), p('Short standfirst here'), ...PROSE])).toBe(PROSE[0].text);
    expect(leadParagraph([p('Too short.')])).toBeUndefined();
  });

  it('gives text the fact builder reads into a sensible index', () => {
    const text = composeArticleText('Allies meet in Kyiv as Washington weighs security pledge', [h('A pledge with few details'), ...PROSE]);
    const index = buildFactIndex(text, { id: 'capture' });
    const names = index.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Volodymyr Zelenskiy', 'Donald Trump', 'Mark Rutte', 'Kyiv']));
    expect(index.blocks[0].type).toBe('headline');
    expect(index.article.title).toBe('Allies meet in Kyiv as Washington weighs security pledge');
  });
});

describe('is it an article?', () => {
  it('accepts prose', () => {
    expect(articleProblem({ readerable: true, blocks: [h('A pledge'), ...PROSE] })).toBeUndefined();
  });

  it('accepts an article with a promo or two among its paragraphs', () => {
    const blocks = [...PROSE.slice(0, 2), linked('paragraph', 'Macron visits Warsaw'), ...PROSE.slice(2), linked('item', 'Tusk doubles defence budget')];
    expect(articleProblem({ readerable: true, blocks })).toBeUndefined();
  });

  it('accepts a live blog: timestamps and headings over short entries', () => {
    const entries = PROSE.flatMap((b, i) => [p(`1${i}:05 GMT`), h(`Update ${i}`), b]);
    expect(articleProblem({ readerable: true, blocks: entries })).toBeUndefined();
  });

  it('rejects a page Readability finds unreadable, or no blocks', () => {
    expect(articleProblem({ readerable: false, blocks: PROSE })).toBe(NOT_AN_ARTICLE);
    expect(articleProblem({ readerable: true, blocks: null })).toBe(NOT_AN_ARTICLE);
    expect(articleProblem({ readerable: true, blocks: [] })).toBe(NOT_AN_ARTICLE);
  });

  it('rejects too little prose (a sign-in page’s two sentences)', () => {
    expect(articleProblem({ readerable: true, blocks: [h('Sign in'), p('Sign in to keep reading. Subscribers get unlimited access to our reporting.')] })).toBe(NOT_AN_ARTICLE);
  });

  it('rejects search results: linked headlines over clipped snippets', () => {
    const result = (i: number) => [
      linked('heading', `Result headline number ${i} about Zelenskiy`),
      p('19 Aug 2025 · Europe'),
      p(`${PROSE[i % PROSE.length].text} ${PROSE[(i + 1) % PROSE.length].text.slice(0, 60)} …`),
    ];
    expect(articleProblem({ readerable: true, blocks: [0, 1].flatMap(result) })).toBe(NOT_AN_ARTICLE);
    expect(articleProblem({ readerable: true, blocks: [0, 1, 2, 3, 4, 5].flatMap(result) })).toBe(NOT_AN_ARTICLE);
    // The same snippets without links and without the ellipsis read as an article.
    const unclipped = [0, 1, 2].flatMap((i) => [h(`Heading ${i}`), p(PROSE[i].text + ' ' + PROSE[i + 1].text)]);
    expect(articleProblem({ readerable: true, blocks: unclipped })).toBeUndefined();
  });

  it('rejects a list of links with blurbs', () => {
    const blocks = PROSE.flatMap((b, i) => [linked('item', `Story ${i}: Rutte, Merz and the guarantees`), b]);
    expect(articleProblem({ readerable: true, blocks })).toBe(NOT_AN_ARTICLE);
  });

  it('says when an article is longer than the fact builder takes', () => {
    expect(lengthProblem('x'.repeat(MAX_ARTICLE_CHARS))).toBeUndefined();
    expect(lengthProblem('x'.repeat(MAX_ARTICLE_CHARS + 1))).toMatch(/too long to save \(200,001 characters; the limit is 200,000\)/);
  });
});
