import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { importCycles, reachableFrom, readImportGraph, specifiersOf } from './import-graph';
import { mayImport, NEVER_ON_PAGES, PER_PAGE_ENTRIES, partOf } from './layout-rules';

// Conventions enforced by a test rather than by memory (as refined-github does).
const ROOTS = ['entrypoints', 'components', 'lib'];
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
const files = ROOTS.filter((root) => existsSync(root)).flatMap(sources).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

const offenders = (pattern: RegExp) => files.filter((f) => pattern.test(f.text)).map((f) => f.path);

describe('extension source conventions', () => {
  it('never renders text as HTML', () => {
    expect(offenders(/dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/)).toEqual([]);
  });

  it('never evaluates strings as code', () => {
    expect(offenders(/\beval\(|new Function\(|setTimeout\(\s*['"`]/)).toEqual([]);
  });

  it('makes no network requests', () => {
    expect(offenders(/\bfetch\(|XMLHttpRequest|WebSocket\(|EventSource\(|sendBeacon\(/)).toEqual([]);
  });

  it('keeps lib/ free of the DOM and of Node built-ins', () => {
    const lib = files.filter((f) => f.path.startsWith('lib'));
    const bad = lib.filter((f) => /\bfrom ['"]node:|\brequire\(|\bdocument\.|\bwindow\./.test(f.text)).map((f) => f.path);
    expect(bad).toEqual([]);
  });
});

describe('the layout: each part imports only what tests/unit/layout-rules.ts lets it', () => {
  const graph = readImportGraph('.', ['lib', 'dom', 'components', 'entrypoints', 'scripts', 'tests']);
  const local = (path: string) => /^(lib|dom|components|entrypoints|scripts|tests|data)\//.test(path);

  it('reads the import graph (a scanner that finds nothing would pass every rule)', () => {
    expect(graph.length).toBeGreaterThan(100);
    const content = graph.find((f) => f.path === 'entrypoints/content/index.ts');
    expect(content?.imports.some((i) => i.startsWith('lib/'))).toBe(true);
    expect(specifiersOf(`import a from './a';\nimport type { B } from "@/b";\nexport * from '../c';\nimport './d.css';\nconst e = import('./e');\n// import x from './not-code';`)).toEqual(['./a', '@/b', '../c', './d.css', './e']);
  });

  it('puts every source file in a part', () => {
    expect(graph.filter((f) => !partOf(f.path)).map((f) => f.path)).toEqual([]);
  });

  it('has no import across parts that the rules do not allow', () => {
    const bad = graph.flatMap((f) =>
      f.imports.filter((i) => local(i) && !mayImport(partOf(f.path)!, partOf(i) ?? '?')).map((i) => `${f.path} → ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('catches what it should: one entrypoint importing another, lib importing the UI, scripts importing tests', () => {
    expect(mayImport('entrypoints/popup', 'entrypoints/content')).toBe(false);
    expect(mayImport('lib/match', 'components')).toBe(false);
    expect(mayImport('lib/library', 'entrypoints/background')).toBe(false);
    expect(mayImport('scripts', 'tests')).toBe(false);
    expect(mayImport('components', 'lib/library')).toBe(true);
  });

  it('has no import circles', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('keeps the builder, the library store, search and capture out of what every page loads', () => {
    for (const entry of PER_PAGE_ENTRIES) {
      const reached = reachableFrom(graph, entry);
      expect(reached.size, entry).toBeGreaterThan(3);
      const packages = graph.filter((f) => reached.has(f.path)).flatMap((f) => f.imports.filter((i) => !local(i)));
      const pulled = [...reached, ...packages].filter((p) => NEVER_ON_PAGES.some((n) => (n.endsWith('/') ? p.startsWith(n) : p === n || p.startsWith(n + '/'))));
      expect([...new Set(pulled)], entry).toEqual([]);
    }
  });
});

describe('the page CSS the manifest injects', () => {
  it('is the painter’s default style, rule for rule', async () => {
    const { highlightCss } = await import('@/dom/mention-painter');
    const { DEFAULT_SETTINGS } = await import('@/lib/settings/settings');
    const rules = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '').split('\n').map((l) => l.trim()).filter(Boolean);
    expect(rules(readFileSync('entrypoints/content/page-highlights.css', 'utf8'))).toEqual(rules(highlightCss(DEFAULT_SETTINGS.highlightStyle, DEFAULT_SETTINGS.colour)));
  });

  it('styles highlights on :root only, outside the Firefox-only block: a bare ::highlight() rule costs Chromium every element’s style', async () => {
    const { adoptedCss, highlightCss } = await import('@/dom/mention-painter');
    for (const css of [highlightCss('underline', '#123456'), adoptedCss('background', '#123456')]) {
      const chromium = css.replace(/@supports \(-moz-appearance: none\) \{.*\}\s*\}/g, '');
      const selectors = [...chromium.matchAll(/([^\s{}]*)::highlight\(/g)].map((m) => m[1]);
      expect(selectors.length).toBeGreaterThan(0);
      for (const s of selectors) expect(s).toMatch(/^(:root)+$/);
    }
  });
});
