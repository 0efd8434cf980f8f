/**
 * Article text → FactIndex. Runs anywhere (options page, Node script, tests):
 * no DOM, no Node APIs. The same text and options always give the same index.
 */
import type { Block, Entity, EntityKind, Fact, FactIndex, Figure, Quote, Relation, Role, Sentence } from '../fact-index/schema';
import { assertFactIndex, FACT_INDEX_VERSION } from '../fact-index/schema';
import type { CuratedAliases } from './curated';
import type { EntityDraft } from './entities';
import type { Mention, Surface } from './mentions';
import type { FoundQuote } from './quotes';
import { checkArticleText } from './input';
import { parseArticle, TITLE_BLOCKS, type ArticleModel } from './article';
import { isKnownName, isNameShaped, nlpNames, writtenAsWord } from './candidates';
import { capitalisedNames, couldBeName, namelikeWords, particleNames, type Candidate } from './names';
import { articleLanguage, type ArticleLanguage } from './language';
import { namesAmongNouns } from './capitalised-nouns';
import { termCandidates } from './terms';
import { draftEntities } from './entities';
import { findMentions } from './mentions';
import { roleOf } from './roles';
import { findQuotes } from './quotes';
import { findFigures } from './figures';
import { factScore, repeatedSentences } from './ranking';
import { relationsOf } from './relations';
import { aliasesOf } from './aliases';
import { isCyrillic } from './inflection';

export interface BuildOptions {
  id: string;
  title?: string;
  source?: string;
  date?: string;
  /** Parsed data/aliases.json (see parseCuratedAliases); none when omitted. */
  curatedAliases?: CuratedAliases;
}

/** Weight of compromise's word for a kind: above context clues, below explicit patterns. */
const NLP_WEIGHT = 3;
const KIND_ORDER: EntityKind[] = ['person', 'place', 'organisation', 'term'];
const BLOCK_PRIORITY: Block['type'][] = ['paragraph', 'standfirst', 'caption', 'headline', 'heading', 'section'];

const ENGLISH: ArticleLanguage = { code: 'en', nounsCapitalised: false, english: true };

/**
 * compromise's people, places and organisations, if they are written as names
 * in the body. Capitals it reads as names must be names our own runs found
 * too (it takes "TABLE" in a shouted quotation for an organisation).
 */
function nlpCandidates(body: Sentence[], namelike: Set<string>, fromRuns: Candidate[]): Candidate[] {
  const text = body.map((s) => s.text).join('\n\n');
  const runTexts = new Set(fromRuns.map((c) => c.text));
  return nlpNames(text)
    // A one-word name must be capitalised mid-sentence somewhere, not just at a sentence start.
    .filter((n) => n.text.includes(' ') || namelike.has(n.text) || isKnownName(n.text) || /^\p{Lu}{2,}$/u.test(n.text))
    .filter((n) => !/^[\p{Lu}\p{N}\s.-]+$/u.test(n.text) || runTexts.has(n.text))
    .filter((n) => isNameShaped(n.text) && writtenAsWord(text, n.text) && (n.text.includes(' ') || couldBeName(n.text, ENGLISH)))
    .map((n): Candidate => ({ text: n.text, kind: n.kind, weight: NLP_WEIGHT }));
}

function findCandidates(model: ArticleModel, isBody: (s: Sentence) => boolean, headings: Sentence[], curated: CuratedAliases, language: ArticleLanguage): Candidate[] {
  const body = model.sentences.filter(isBody);
  const namelike = namelikeWords(body);
  const blockStart = new Map(model.blocks.map((b) => [b.id, b.start]));
  const particles = particleNames(body, language);
  const fromRuns = body.flatMap((s) => capitalisedNames(s, { namelike, particleNames: particles, language, opensBlock: blockStart.get(s.block) === s.start }));
  const fromNlp = language.english ? nlpCandidates(body, namelike, fromRuns) : [];
  const candidates = [...fromRuns, ...fromNlp, ...termCandidates(body, headings, curated, language)];
  if (!language.nounsCapitalised) return candidates;
  // Any curated form is a name, even one that may name something else ("Kreml").
  const curatedForms = new Set(Object.values(curated).flatMap((e) => [e.name ?? '', ...e.aliases.map((a) => a.text)]));
  return namesAmongNouns(candidates, (t) => curatedForms.has(t));
}

function surfaceOf(d: EntityDraft, curated: CuratedAliases): Surface {
  const entry = curated[d.curatedId ?? d.id];
  const safeCurated = (entry?.aliases ?? []).filter((a) => !a.caution).map((a) => a.text);
  const forms = [...d.forms, ...(d.surname ? [d.surname] : []), ...safeCurated];
  return { entity: d.id, forms, isTerm: d.kind === 'term' && /^\p{Ll}/u.test(d.name), isPerson: d.kind === 'person' };
}

function firstRole(d: EntityDraft, mentions: Mention[], sentence: Map<string, Sentence>): Role | undefined {
  for (const m of mentions) {
    if (m.pronoun) continue;
    // "помощник Путина": before a name in another case, an office governs it (Putin's aide), it is not Putin's.
    if (isCyrillic(m.form) && m.form !== d.name && m.form !== d.surname && !d.name.endsWith(` ${m.form}`)) continue;
    const s = sentence.get(m.sentence)!;
    const text = roleOf(s.text, m.start, m.end);
    if (text) return { text, sentence: s.id };
  }
  return undefined;
}

const comparable = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The entity's own quotations, body text first, each wording once. */
function quotesOf(id: string, quotes: FoundQuote[], blockType: (sentenceId: string) => Block['type']): Quote[] {
  const own = quotes.filter((q) => q.speaker === id)
    .map((q, i) => ({ q, i }))
    .sort((a, b) => BLOCK_PRIORITY.indexOf(blockType(a.q.sentence)) - BLOCK_PRIORITY.indexOf(blockType(b.q.sentence)) || a.i - b.i);
  const seen = new Set<string>();
  const out: Quote[] = [];
  for (const { q } of own) {
    if (seen.has(comparable(q.text))) continue;
    seen.add(comparable(q.text));
    out.push({ sentence: q.sentence, text: q.text, ...(q.speaker ? { speaker: q.speaker } : {}) });
  }
  return out;
}

/** What the per-entity steps need to know about the whole article. */
interface ArticleContext {
  curated: CuratedAliases;
  sentenceById: Map<string, Sentence>;
  order: Map<string, number>;
  typeOf: (s: Sentence) => Block['type'];
  quotes: FoundQuote[];
  related: Map<string, Relation[]>;
  repeated: Set<string>;
  /** Entity ids per sentence, in order of first mention. */
  entitiesIn: Map<string, string[]>;
}

/** One fact per distinct sentence, best first. */
function rankedFacts(d: EntityDraft, own: Mention[], role: Role | undefined, ctx: ArticleContext): Fact[] {
  // A credit line repeated under every photo ("Photo: Reuters") is one fact, not several.
  const firstWithText = new Map<string, Sentence>();
  for (const m of own) {
    const s = ctx.sentenceById.get(m.sentence)!;
    if (!firstWithText.has(s.text)) firstWithText.set(s.text, s);
  }
  return [...firstWithText.values()].map((s) => {
    const here = own.filter((m) => m.sentence === s.id);
    const present = ctx.entitiesIn.get(s.id)!;
    const score = factScore({
      block: ctx.typeOf(s),
      repeated: ctx.repeated.has(s.id),
      givesRole: role?.sentence === s.id,
      figures: findFigures(s.text).length,
      ownQuotes: ctx.quotes.filter((q) => q.sentence === s.id && q.speaker === d.id).length,
      subject: present[0] === d.id && here[0].start < 40,
      pronoun: here.every((m) => m.pronoun),
      words: s.text.split(/\s+/u).length,
      others: present.length - 1,
    });
    return { sentence: s.id, text: s.text, score };
  }).sort((a, b) => b.score - a.score || ctx.order.get(a.sentence)! - ctx.order.get(b.sentence)!);
}

/** Figures of the entity's sentences, best fact first, each once. */
function figuresOf(facts: Fact[]): Figure[] {
  const out: Figure[] = [];
  for (const f of facts) {
    for (const text of findFigures(f.text)) if (!out.some((x) => x.text === text)) out.push({ sentence: f.sentence, text });
  }
  return out;
}

function entityCard(d: EntityDraft, own: Mention[], ctx: ArticleContext): Entity {
  const role = d.kind === 'person' ? firstRole(d, own, ctx.sentenceById) : undefined;
  const facts = rankedFacts(d, own, role, ctx);
  return {
    id: d.id,
    name: d.name,
    kind: d.kind,
    ...(role ? { role } : {}),
    aliases: aliasesOf(d, own.filter((m) => !m.pronoun).map((m) => m.form), ctx.curated),
    facts,
    quotes: quotesOf(d.id, ctx.quotes, (id) => ctx.typeOf(ctx.sentenceById.get(id)!)),
    figures: figuresOf(facts),
    related: ctx.related.get(d.id) ?? [],
  };
}

export function buildFactIndex(text: string, options: BuildOptions): FactIndex {
  checkArticleText(text);
  const curated = options.curatedAliases ?? {};
  const model = parseArticle(text);
  const blockById = new Map(model.blocks.map((b) => [b.id, b]));
  const typeOf = (s: Sentence) => blockById.get(s.block)!.type;
  const isBody = (s: Sentence) => !TITLE_BLOCKS.has(typeOf(s));
  const headings = model.sentences.filter((s) => typeOf(s) === 'heading');

  const language = articleLanguage(text);
  const drafts = draftEntities(findCandidates(model, isBody, headings, curated, language), curated);
  const mentions = findMentions(model.sentences, drafts.map((d) => surfaceOf(d, curated)));
  const mentionsOf = new Map<string, Mention[]>();
  const entitiesIn = new Map<string, string[]>();
  for (const m of mentions) {
    mentionsOf.set(m.entity, [...(mentionsOf.get(m.entity) ?? []), m]);
    const present = entitiesIn.get(m.sentence) ?? [];
    if (!present.includes(m.entity)) entitiesIn.set(m.sentence, [...present, m.entity]);
  }
  const speakers = new Set(drafts.filter((d) => d.kind === 'person' || d.kind === 'organisation').map((d) => d.id));
  const ctx: ArticleContext = {
    curated,
    sentenceById: new Map(model.sentences.map((s) => [s.id, s])),
    order: new Map(model.sentences.map((s, i) => [s.id, i])),
    typeOf,
    quotes: findQuotes(model.sentences, mentions, speakers),
    related: relationsOf(mentions),
    repeated: repeatedSentences(model.sentences, typeOf),
    entitiesIn,
  };
  // An entity no sentence names gets no card.
  const entities = drafts.filter((d) => mentionsOf.has(d.id)).map((d) => entityCard(d, mentionsOf.get(d.id)!, ctx));
  const kept = new Set(entities.map((e) => e.id));
  for (const e of entities) e.related = e.related.filter((r) => kept.has(r.entity));
  entities.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)
    || b.facts.length - a.facts.length || (a.id < b.id ? -1 : 1));

  const headline = model.blocks.find((b) => b.type === 'headline');
  const index: FactIndex = {
    version: FACT_INDEX_VERSION,
    article: {
      id: options.id,
      title: options.title ?? (headline ? text.slice(headline.start, headline.end) : model.sentences[0]?.text.slice(0, 120) ?? 'Untitled article'),
      ...(options.source ? { source: options.source } : {}),
      ...(options.date ? { date: options.date } : {}),
      text,
    },
    blocks: model.blocks,
    sentences: model.sentences,
    entities,
  };
  assertFactIndex(index);
  return index;
}
