/**
 * Generated bench pages: news-site HTML of a given amount of text, with
 * paragraphs, links, lists, tables, quotes and figures, and mentions of the
 * article's names at about one in 60 words, in the spellings pages use
 * (aliases, other scripts, capitals, possessives, typos) beside look-alike
 * words the matcher must leave alone. The prose is procedural filler from a
 * word list: no web text. Deterministic for a seed.
 *
 * `Writer` and the HTML helpers are shared with the other generated pages
 * (page-dense.ts, page-table.ts, page-restless.ts).
 */
import type { FactIndex } from '../../lib/fact-index/schema';
import { seededRandom } from './synthetic';

export interface BenchPage {
  /** File name in the served folder. */
  file: string;
  html: string;
  /** The page's text blocks (paragraphs, items, cells …), as the matcher sees them. */
  blocks: string[];
  /** UTF-8 bytes of page text (the blocks). */
  textBytes: number;
  /** Mentions written into the page (before the matcher's own decisions). */
  planted: number;
}


export const NOUNS = ['government', 'minister', 'official', 'council', 'region', 'border', 'report', 'agreement', 'market',
  'economy', 'budget', 'election', 'court', 'party', 'campaign', 'statement', 'policy', 'debate', 'committee', 'parliament',
  'company', 'investor', 'energy', 'pipeline', 'harvest', 'railway', 'bridge', 'harbour', 'village', 'city', 'province',
  'school', 'hospital', 'doctor', 'teacher', 'farmer', 'worker', 'union', 'strike', 'protest', 'crowd', 'police', 'army',
  'soldier', 'general', 'officer', 'delegation', 'summit', 'conference', 'meeting', 'proposal', 'draft', 'treaty', 'vote',
  'referee', 'season', 'match', 'coach', 'player', 'festival', 'museum', 'exhibition', 'novel', 'author', 'film', 'studio',
  'weather', 'storm', 'flood', 'drought', 'forecast', 'river', 'valley', 'mountain', 'coast', 'island', 'airport', 'flight',
  'price', 'inflation', 'interest', 'loan', 'bank', 'currency', 'export', 'import', 'tariff', 'factory', 'supply', 'demand',
  'survey', 'poll', 'analyst', 'expert', 'scientist', 'study', 'data', 'network', 'platform', 'software', 'device', 'signal',
  'route', 'advance', 'donor', 'envoy', 'aide', 'spokesperson', 'negotiator', 'mayor', 'governor', 'ambassador'];
export const ADJECTIVES = ['new', 'old', 'local', 'national', 'regional', 'foreign', 'domestic', 'public', 'private', 'senior',
  'junior', 'former', 'current', 'early', 'late', 'recent', 'major', 'minor', 'key', 'broad', 'narrow', 'strong', 'weak',
  'sharp', 'modest', 'steady', 'slow', 'rapid', 'cautious', 'bold', 'quiet', 'loud', 'formal', 'informal', 'lengthy',
  'brief', 'detailed', 'vague', 'official', 'unofficial', 'rural', 'urban', 'northern', 'southern', 'eastern', 'western',
  'central', 'coastal', 'annual', 'weekly', 'daily', 'European', 'Ukrainian', 'hungry', 'fragile', 'familiar'];
export const VERBS = ['said', 'announced', 'confirmed', 'denied', 'rejected', 'approved', 'proposed', 'criticised', 'praised',
  'reported', 'noted', 'warned', 'argued', 'insisted', 'suggested', 'expected', 'planned', 'delayed', 'cancelled',
  'reviewed', 'signed', 'discussed', 'questioned', 'welcomed', 'opened', 'closed', 'raised', 'lowered', 'doubled', 'cut',
  'visited', 'met', 'called', 'urged', 'promised', 'described', 'explained', 'recalled', 'estimated', 'measured'];
const ADVERBS = ['quickly', 'slowly', 'openly', 'privately', 'firmly', 'briefly', 'again', 'later', 'earlier', 'today',
  'yesterday', 'recently', 'finally', 'reportedly', 'largely', 'partly', 'mostly', 'still', 'already', 'rarely'];
const PREPOSITIONS = ['in', 'on', 'at', 'near', 'after', 'before', 'during', 'across', 'around', 'without', 'despite',
  'towards', 'under', 'over', 'between', 'against', 'about', 'beyond', 'through', 'within'];
const CONNECTIVES = ['However,', 'Meanwhile,', 'By contrast,', 'In the end,', 'For now,', 'Even so,', 'Later,', 'At first,',
  'According to the report,', 'On Monday,', 'On Friday,', 'Last week,', 'Since then,', 'As expected,'];
// Look-alike words a matcher must not highlight (they contain or resemble names).
const LOOK_ALIKES = ['Donato', 'hungry', 'Ukrainian', 'European', 'Russian', 'Mercedes', 'Putney', 'Rutter', 'merzy',
  'Vancouver', 'Kievan', 'Moscovite', 'natonal', 'Alaskan', 'Crimean', 'Washingtonian', 'overture', 'americano'];
// Typos and transliterations that only the fuzzy fallback finds (or rightly ignores).
const NEAR_SPELLINGS = ['Zelenskyi', 'Zelenksy', 'Zelenskiyy', 'Ushakow', 'Ouchakoff', 'Rute', 'Makron', 'Poutin',
  'Donetsk’s', 'Trumps', 'Kyjiv', 'Moskva', 'Krym', 'Vanse'];

/** Alias texts by how often pages use them: names and plain aliases often, other scripts now and then. */
function mentionSpellings(index: FactIndex): { common: string[]; rare: string[] } {
  const common: string[] = [];
  const rare: string[] = [];
  for (const entity of index.entities) {
    common.push(entity.name, entity.name);
    for (const alias of entity.aliases) {
      const latin = /^[\p{Script=Latin}\p{N}\p{P}\s]+$/u.test(alias.text);
      (latin && !alias.caution ? common : rare).push(alias.text);
    }
  }
  return { common, rare };
}

export class Writer {
  private readonly pickOne: <T>(list: readonly T[]) => T;
  private readonly spellings: { common: string[]; rare: string[] };
  planted = 0;

  constructor(
    readonly rand: () => number,
    index: FactIndex,
    /** Mentions per word of prose. */
    private readonly density: number,
    /** Share of mentions in running text that are links (news sites link names often). */
    private readonly linkRate = 0.15,
  ) {
    this.pickOne = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
    this.spellings = mentionSpellings(index);
  }

  pick<T>(list: readonly T[]): T {
    return this.pickOne(list);
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.rand() * (max - min + 1));
  }

  /** One mention in some spelling a page would use. */
  mention(): string {
    this.planted++;
    const r = this.rand();
    const base = r < 0.82 ? this.pick(this.spellings.common) : r < 0.94 ? this.pick(this.spellings.rare) : this.pick(NEAR_SPELLINGS);
    const form = this.rand();
    if (form < 0.12) return `${base}’s`;
    if (form < 0.16) return `${base}'s`;
    if (form < 0.19) return base.toUpperCase();
    if (form < 0.22) return base.toLowerCase();
    return base;
  }

  word(): string {
    const r = this.rand();
    if (r < 0.3) return this.pick(NOUNS);
    if (r < 0.48) return this.pick(ADJECTIVES);
    if (r < 0.63) return this.pick(VERBS);
    if (r < 0.7) return this.pick(ADVERBS);
    if (r < 0.86) return this.pick(PREPOSITIONS);
    if (r < 0.87) return this.pick(LOOK_ALIKES);
    if (r < 0.93) return 'the';
    if (r < 0.97) return String(this.int(2, 2025));
    return 'and';
  }

  /** A sentence of prose; `html` wraps some mentions and words in inline markup. */
  sentence(html: boolean): string {
    const words: string[] = [];
    const n = this.int(8, 26);
    if (this.rand() < 0.2) words.push(this.pick(CONNECTIVES));
    for (let i = 0; i < n; i++) {
      if (this.rand() < this.density) {
        const m = this.mention();
        const r = this.rand();
        const link = this.linkRate;
        if (html && r < link) words.push(`<a href="#${slug(m)}">${esc(m)}</a>`);
        else if (html && r < link + 0.05) words.push(`<strong>${esc(m)}</strong>`);
        else if (html && r < link + 0.08 && m.includes(' ')) {
          // A name split across inline elements: "Vladimir <em>Putin</em>".
          const at = m.lastIndexOf(' ');
          words.push(`${esc(m.slice(0, at))} <em>${esc(m.slice(at + 1))}</em>`);
        } else words.push(html ? esc(m) : m);
      } else {
        const w = this.word();
        const r = this.rand();
        words.push(html && r < 0.02 ? `<a href="#${w}">${w}</a>` : html && r < 0.03 ? `<em>${w}</em>` : w);
      }
    }
    let s = words.join(' ');
    s = s[0] === '<' ? s : s[0].toUpperCase() + s.slice(1);
    const end = this.rand();
    if (end < 0.06) return `${s}?`;
    if (end < 0.14) return `“${s},” ${this.word()} ${this.pick(VERBS)}.`;
    return `${s}.`;
  }

  paragraph(html: boolean, sentences = this.int(2, 7)): string {
    const out: string[] = [];
    for (let i = 0; i < sentences; i++) out.push(this.sentence(html));
    return out.join(' ');
  }

  headline(): string {
    const words = [this.rand() < 0.5 ? this.mention() : this.pick(ADJECTIVES), this.pick(NOUNS), this.pick(VERBS), this.pick(PREPOSITIONS), this.pick(NOUNS)];
    const text = words.join(' ');
    return text[0].toUpperCase() + text.slice(1);
  }
}

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const slug = (s: string) => encodeURIComponent(s.toLowerCase().replace(/\s+/g, '-'));
/** Text of an HTML fragment as the page shows it (tags dropped, entities decoded). */
export const textOf = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const STYLE = `
  body { margin: 0; font: 17px/1.55 Georgia, serif; color: #1d1f24; background: #fbfaf7; }
  header, footer { background: #fff; border-bottom: 1px solid #ddd; padding: 8px 24px; }
  nav a { margin-right: 14px; font: 600 14px system-ui, sans-serif; }
  main { display: grid; grid-template-columns: minmax(0, 1fr) 280px; gap: 32px; max-width: 1120px; margin: 0 auto; padding: 0 24px; }
  aside { font-size: 14px; border-left: 1px solid #ddd; padding-left: 16px; }
  table { border-collapse: collapse; margin: 1em 0; font: 14px system-ui, sans-serif; }
  td, th { border: 1px solid #ccc; padding: 3px 6px; }
  blockquote { border-left: 3px solid #b3261e; margin: 1em 0; padding-left: 14px; font-style: italic; }
  figure { margin: 1em 0; } figcaption { font-size: 13px; color: #5d636e; }
`;

/**
 * Writes a page's text blocks: each block's text is kept (what the probe
 * expects the walker to read) and counted in UTF-8 bytes, so a generator
 * writes until the page has the text it was asked for.
 */
export function blockWriter() {
  const blocks: string[] = [];
  let bytes = 0;
  const block = (tag: string, inner: string, attrs = '') => {
    const text = textOf(inner);
    blocks.push(text);
    bytes += Buffer.byteLength(text) + 1;
    return `<${tag}${attrs}>${inner}</${tag}>`;
  };
  return { blocks, block, bytes: () => bytes };
}

/**
 * A page of about `textBytes` of text. Sections of paragraphs with the odd
 * list, table, quote and figure, in a layout with navigation and a sidebar.
 */
export function generatePage(options: { file: string; textBytes: number; seed: number; index: FactIndex; density?: number }): BenchPage {
  const w = new Writer(seededRandom(options.seed), options.index, options.density ?? 1 / 60);
  const body: string[] = [];
  const { blocks, block, bytes } = blockWriter();

  const nav = Array.from({ length: 16 }, () => `<a href="#${w.int(1, 999)}">${esc(w.headline().split(' ').slice(0, 2).join(' '))}</a>`);
  body.push(`<header><nav>${nav.join('')}</nav></header><main><article>`);
  body.push(block('h1', esc(w.headline())));
  const aside: string[] = [];
  while (bytes() < options.textBytes) {
    body.push('<section>', block('h2', esc(w.headline())));
    const parts = w.int(3, 9);
    for (let i = 0; i < parts && bytes() < options.textBytes; i++) {
      const kind = w.rand();
      if (kind < 0.72) body.push(block('p', w.paragraph(true)));
      else if (kind < 0.82) {
        const items = Array.from({ length: w.int(3, 8) }, () => block('li', w.sentence(true)));
        body.push(`<${kind < 0.78 ? 'ul' : 'ol'}>${items.join('')}</${kind < 0.78 ? 'ul' : 'ol'}>`);
      } else if (kind < 0.88) {
        const cols = w.int(3, 5);
        const head = Array.from({ length: cols }, () => block('th', esc(w.headline().split(' ')[1])));
        const rows = Array.from({ length: w.int(4, 14) }, () =>
          `<tr>${Array.from({ length: cols }, (_, c) => block('td', c === 0 ? esc(w.rand() < 0.5 ? w.mention() : w.headline()) : String(w.int(0, 99_999)))).join('')}</tr>`);
        body.push(`<table><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`);
      } else if (kind < 0.94) body.push(block('blockquote', w.paragraph(true, w.int(1, 3))));
      else body.push(`<figure><div style="height:120px;background:#e8e5dd"></div>${block('figcaption', w.sentence(true))}</figure>`);
    }
    body.push('</section>');
    if (aside.length < 40) aside.push(block('li', `<a href="#r${aside.length}">${esc(w.headline())}</a>`));
  }
  body.push(`</article><aside><h3>Related</h3><ul>${aside.join('')}</ul></aside></main>`);
  body.push(`<footer>${block('p', w.paragraph(true, 2))}</footer>`);
  const html = `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${esc(blocks[0])}</title><style>${STYLE}</style></head><body>\n${body.join('\n')}\n</body></html>\n`;
  return { file: options.file, html, blocks, textBytes: bytes(), planted: w.planted };
}
