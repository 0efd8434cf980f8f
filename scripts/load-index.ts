// The bundled fact index and its matcher, for command-line tools.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { assertFactIndex, type Entity, type FactIndex } from '../lib/fact-index/schema';
import { compileMatcher } from '../lib/match';

export function loadBundledIndex(): FactIndex {
  const value: unknown = JSON.parse(readFileSync(resolve(import.meta.dirname, '../data/facts.json'), 'utf8'));
  assertFactIndex(value);
  return value;
}

export function bundledMatcher() {
  const index = loadBundledIndex();
  return { matcher: compileMatcher(index.entities), entities: new Map<string, Entity>(index.entities.map((e) => [e.id, e])) };
}
