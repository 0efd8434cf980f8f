/**
 * The repository's import graph, read from the sources with a scanner small
 * enough to trust: every `import … from`, `export … from`, side-effect
 * `import '…'` and `import('…')` with a literal specifier. Bare specifiers
 * (npm packages, `wxt/…`) are kept as they are; `@/`, `~/` and relative ones
 * are resolved to repository files.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

export interface SourceFile {
  path: string; // repository-relative, forward slashes
  imports: string[]; // resolved repository paths, or package names
}

const EXTENSIONS = ['', '.ts', '.tsx', '.mjs', '.js', '/index.ts', '/index.tsx'];
const SOURCE = /\.(ts|tsx|mjs)$/;

function listSources(root: string, dir: string): string[] {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(join(root, path)).isDirectory()) return listSources(root, path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const SPECIFIERS = [
  /\bimport\s+(?:type\s+)?[\w*{}\s,$]+?\s+from\s*['"]([^'"]+)['"]/g,
  /\bexport\s+(?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s*from\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\(\s*(?:\/\*[^*]*\*\/\s*)?['"]([^'"]+)['"]\s*\)/g,
];

/** Strips comments so that an example in a comment is not read as an import. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/[^\n]*/g, '$1');
}

export function specifiersOf(text: string): string[] {
  const code = withoutComments(text);
  const found = new Set<string>();
  for (const pattern of SPECIFIERS) for (const m of code.matchAll(pattern)) found.add(m[1]);
  return [...found];
}

function resolve(root: string, from: string, specifier: string): string {
  let base: string;
  if (specifier.startsWith('@/') || specifier.startsWith('~/')) base = specifier.slice(2);
  else if (specifier.startsWith('.')) base = join(dirname(from), specifier);
  else return specifier; // a package
  base = normalize(base).replace(/\?.*$/, '');
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (existsSync(join(root, candidate)) && statSync(join(root, candidate)).isFile()) return candidate.split('\\').join('/');
  }
  return base.split('\\').join('/'); // unresolved: kept so a rule still sees where it points
}

export function readImportGraph(root: string, dirs: string[]): SourceFile[] {
  return dirs.flatMap((dir) => listSources(root, dir)).map((path) => {
    const text = readFileSync(join(root, path), 'utf8');
    return { path: relative('.', path).split('\\').join('/'), imports: specifiersOf(text).map((s) => resolve(root, path, s)) };
  });
}

/** Every file reachable from `start` through repository imports. */
export function reachableFrom(graph: SourceFile[], start: string): Set<string> {
  const byPath = new Map(graph.map((f) => [f.path, f]));
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length) {
    const path = stack.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    for (const next of byPath.get(path)?.imports ?? []) if (byPath.has(next)) stack.push(next);
  }
  return seen;
}

/** Import circles, each as the list of files around it (Tarjan's strongly connected components). */
export function importCycles(graph: SourceFile[]): string[][] {
  const byPath = new Map(graph.map((f) => [f.path, f]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of byPath.get(v)?.imports ?? []) {
      if (!byPath.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfImport = byPath.get(v)?.imports.includes(v);
      if (component.length > 1 || selfImport) cycles.push(component.sort());
    }
  };
  for (const f of graph) if (!index.has(f.path)) visit(f.path);
  return cycles;
}
