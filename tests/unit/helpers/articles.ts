/** Team-written articles and the bundled one, built the way the background builds them. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildFactIndex } from '@/lib/facts/build';
import { parseCuratedAliases } from '@/lib/facts/curated';
import type { FactIndex } from '@/lib/fact-index/schema';
import bundled from '@/data/facts.json';

const root = resolve(import.meta.dirname, '../../..');
export const CURATED = parseCuratedAliases(JSON.parse(readFileSync(resolve(root, 'data/aliases.json'), 'utf8')));
export const BUNDLED = bundled as FactIndex;
export const BUNDLED_META = { title: BUNDLED.article.title, source: 'Reuters', published: '2025-08-18' };

export const articleText = (name: string) => readFileSync(resolve(root, 'tests/fixtures/articles', `${name}.txt`), 'utf8');

export const build = (text: string, meta: { id: string; title?: string; source?: string; published?: string }): FactIndex =>
  buildFactIndex(text, { id: meta.id, title: meta.title, source: meta.source, date: meta.published, curatedAliases: CURATED });
