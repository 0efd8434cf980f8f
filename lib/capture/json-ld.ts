/**
 * Reads an article's metadata from a page's JSON-LD (schema.org) blocks:
 * a node of an article type found at the top level, in an array, in an
 * `@graph` or under a `mainEntity`, with `@id` references resolved.
 */

export interface JsonLdArticle {
  headline?: string;
  /** Author names, in order; organisations as authors included. */
  authors: string[];
  publisher?: string;
  /** The name of the page's WebSite node, when it has one. */
  website?: string;
  datePublished?: string;
  description?: string;
  url?: string;
}

type Node = Record<string, unknown>;

/** schema.org's Article and its subtypes, postings and reports. */
const ARTICLE_TYPE = /(?:Article|BlogPosting|LiveBlogPosting|Report|APIReference)$/;
/** JSON-LD on real pages is small; these bound the work a hostile page can cause. */
const MAX_SOURCE_CHARS = 500_000;
const MAX_NODES = 2_000;
const MAX_DEPTH = 8;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `"NewsArticle"`, `["NewsArticle", "Thing"]`, `"schema:NewsArticle"`, `"https://schema.org/NewsArticle"` → bare names. */
function typesOf(node: Node): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/:#]/, ''));
}

const isArticle = (node: Node) => typesOf(node).some((t) => ARTICLE_TYPE.test(t));

/** Every object in the parsed blocks, breadth first (so top-level nodes come before nested ones). */
function allNodes(roots: unknown[]): Node[] {
  const out: Node[] = [];
  let level: unknown[] = roots;
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0 && out.length < MAX_NODES; depth++) {
    const next: unknown[] = [];
    for (const value of level) {
      if (Array.isArray(value)) {
        next.push(...value);
      } else if (isNode(value)) {
        out.push(value);
        if (out.length >= MAX_NODES) break;
        for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) next.push(child);
      }
    }
    level = next;
  }
  return out;
}

function parseBlocks(sources: string[]): unknown[] {
  const parsed: unknown[] = [];
  for (const source of sources) {
    if (source.length > MAX_SOURCE_CHARS) continue;
    try {
      // Some CMSs wrap JSON-LD in CDATA markers.
      parsed.push(JSON.parse(source.replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>\s*$/g, '')));
    } catch {
      // A broken block says nothing; the others may still.
    }
  }
  return parsed;
}

const clean = (s: string) => s.replace(/\s+/gu, ' ').trim();

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return clean(value) || undefined;
  // {"@value": "…", "@language": "en"}
  if (isNode(value) && typeof value['@value'] === 'string') return clean(value['@value']) || undefined;
  // Several values: the first that is text.
  if (Array.isArray(value)) for (const v of value) { const t = text(v); if (t) return t; }
  return undefined;
}

function nameOf(value: unknown, byId: Map<string, Node>): string | undefined {
  if (typeof value === 'string') return /^https?:\/\//i.test(value.trim()) ? undefined : text(value);
  if (!isNode(value)) return undefined;
  const node = Object.keys(value).length === 1 && typeof value['@id'] === 'string' ? byId.get(value['@id']) ?? value : value;
  const name = text(node.name);
  if (name) return name;
  const given = text(node.givenName);
  const family = text(node.familyName);
  return given || family ? [given, family].filter(Boolean).join(' ') : undefined;
}

function namesOf(value: unknown, byId: Map<string, Node>): string[] {
  const list = Array.isArray(value) ? value : [value];
  const names = list.map((v) => nameOf(v, byId)).filter((n): n is string => !!n);
  return [...new Set(names)];
}

export function readJsonLd(sources: string[]): JsonLdArticle {
  const nodes = allNodes(parseBlocks(sources));
  const byId = new Map<string, Node>();
  for (const node of nodes) if (typeof node['@id'] === 'string' && !byId.has(node['@id'])) byId.set(node['@id'], node);
  const website = text(nodes.find((n) => typesOf(n).includes('WebSite'))?.name);
  const article = nodes.find(isArticle);
  if (!article) return { authors: [], ...(website ? { website } : {}) };
  const date = text(article.datePublished);
  const url = text(article.url) ?? (typeof article.mainEntityOfPage === 'string' ? article.mainEntityOfPage : text(isNode(article.mainEntityOfPage) ? article.mainEntityOfPage['@id'] : undefined));
  return {
    headline: text(article.headline) ?? text(article.name),
    authors: namesOf(article.author, byId),
    publisher: namesOf(article.publisher, byId)[0],
    ...(website ? { website } : {}),
    ...(date ? { datePublished: date } : {}),
    description: text(article.description),
    url,
  };
}
