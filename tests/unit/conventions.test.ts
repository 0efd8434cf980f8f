import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
