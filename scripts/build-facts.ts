/**
 * Builds a fact index from an article.
 *
 *   npm run -s facts                         data/article.txt → data/facts.json
 *   npm run -s facts -- --in A.txt [--out I.json] [--id ID] [--aliases FILE]
 *
 * Without --out (and with --in) the index goes to stdout and the summary to stderr.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildFactIndex } from '../lib/facts/build';
import { parseCuratedAliases, type CuratedAliases } from '../lib/facts/curated';
import type { FactIndex } from '../lib/fact-index/schema';

export const DEFAULT_ARTICLE = 'data/article.txt';
export const DEFAULT_ALIASES = 'data/aliases.json';
export const DEFAULT_INDEX = 'data/facts.json';
/** Article id of the bundled article. */
export const BUILTIN_ID = 'builtin';
/** What the bundled article says about itself: a Reuters report of 18 August 2025. */
export const BUILTIN_META = { source: 'Reuters', date: '2025-08-18' };

/** The index as written to disk: pretty JSON with a trailing newline. */
export function indexJson(index: FactIndex): string {
  return `${JSON.stringify(index, null, 2)}\n`;
}

export function readCuratedAliases(path = DEFAULT_ALIASES): CuratedAliases {
  return parseCuratedAliases(JSON.parse(readFileSync(path, 'utf8')));
}

/** What `npm run facts` writes to data/facts.json (tests check the file is current). */
export function buildBuiltinJson(): string {
  return indexJson(buildFactIndex(readFileSync(DEFAULT_ARTICLE, 'utf8'), { id: BUILTIN_ID, ...BUILTIN_META, curatedAliases: readCuratedAliases() }));
}

export function summarise(index: FactIndex): string {
  const kinds = new Map<string, number>();
  for (const e of index.entities) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
  const count = (pick: (e: FactIndex['entities'][number]) => unknown[]) => index.entities.reduce((n, e) => n + pick(e).length, 0);
  return [
    `${index.article.title}`,
    `  ${index.blocks.length} blocks, ${index.sentences.length} sentences`,
    `  ${index.entities.length} entities: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}`,
    `  ${count((e) => e.aliases)} aliases, ${count((e) => e.facts)} facts, ${count((e) => e.quotes)} quotes, ${count((e) => e.figures)} figures`,
  ].join('\n');
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(`cannot read ${path}${code === 'ENOENT' ? ': no such file' : code === 'EISDIR' ? ': it is a folder' : ''}`);
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      in: { type: 'string' },
      out: { type: 'string' },
      id: { type: 'string' },
      aliases: { type: 'string' },
    },
  });
  const input = values.in ?? DEFAULT_ARTICLE;
  const output = values.out ?? (values.in ? undefined : DEFAULT_INDEX);
  const text = readText(input);
  const curatedAliases = readCuratedAliases(values.aliases);
  const index = values.in
    ? buildFactIndex(text, { id: values.id ?? input.replace(/^.*\//u, '').replace(/\.[^.]*$/u, ''), curatedAliases })
    : buildFactIndex(text, { id: BUILTIN_ID, ...BUILTIN_META, curatedAliases });
  const json = indexJson(index);
  if (output) {
    writeFileSync(output, json);
    console.log(`${summarise(index)}\n  → ${output}`);
  } else {
    process.stdout.write(json);
    console.error(summarise(index));
  }
}

const runDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (runDirectly) {
  try {
    main();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`build-facts: ${message}`);
    process.exit(1);
  }
}
