/**
 * Bundle sizes of the built extension, raw and gzip (zlib level 9, each file
 * on its own, as a browser fetches them). A page counts its HTML and every
 * script, module preload and stylesheet it loads, followed through the
 * chunks' static and dynamic imports; shared chunks count in each page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  name: string;
  files: string[];
  raw: number;
  gzip: number;
}

const HTML_REFS = /<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"[^>]*>/g;
const JS_IMPORTS = /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["'`]([^"'`]+\.(?:js|css))["'`]|\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g;

function isLocal(ref: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(ref) && !ref.startsWith('//');
}

/** The file and everything it loads, as paths relative to `root`. */
function closure(root: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(join(root, file))) return;
    seen.add(file);
    const text = readFileSync(join(root, file), 'utf8');
    const refs: string[] = [];
    if (file.endsWith('.html')) {
      for (const m of text.matchAll(HTML_REFS)) {
        if (/rel="(?!modulepreload|stylesheet)/.test(m[0]) && m[0].startsWith('<link')) continue;
        refs.push(m[1]);
      }
    } else if (file.endsWith('.js')) {
      for (const m of text.matchAll(JS_IMPORTS)) refs.push(m[1] ?? m[2]);
    }
    for (const ref of refs) {
      if (!isLocal(ref)) continue;
      const path = ref.startsWith('/') ? ref.slice(1) : posix.join(posix.dirname(file), ref);
      visit(posix.normalize(path.split(/[?#]/)[0]));
    }
  };
  visit(entry);
  return [...seen];
}

function measure(root: string, name: string, files: string[]): BundleSize {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(join(root, f));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { name, files, raw, gzip };
}

/** Content script, card UI, background, popup, options, article viewer and card frame, from the manifest where it names them. */
export function bundleSizes(root: string): BundleSize[] {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  const out: BundleSize[] = [];
  const contentFiles: string[] = (manifest.content_scripts ?? []).flatMap((cs: { js?: string[]; css?: string[] }) => [
    ...(cs.js ?? []),
    ...(cs.css ?? []),
  ]);
  if (contentFiles.length) {
    out.push(measure(root, 'content script', [...new Set(contentFiles.flatMap((f) => closure(root, f)))]));
  }
  // Chunks the content script loads on first use (the card UI), exposed to pages as web-accessible resources.
  const lazy: string[] = (manifest.web_accessible_resources ?? []).flatMap((w: { resources?: string[] } | string) =>
    (typeof w === 'string' ? [w] : (w.resources ?? [])).filter((f) => f.endsWith('.js')),
  );
  if (lazy.length) out.push(measure(root, 'card UI (on first card)', [...new Set(lazy.flatMap((f) => closure(root, f)))]));
  const pages: [string, string | undefined][] = [
    ['background', manifest.background?.service_worker ?? manifest.background?.scripts?.[0]],
    ['popup', manifest.action?.default_popup ?? manifest.browser_action?.default_popup],
    ['options', manifest.options_ui?.page ?? manifest.options_page],
    ['article viewer', existsSync(join(root, 'article.html')) ? 'article.html' : undefined],
    // The extension page the card is drawn in: loaded inside its frame from the extension's own package.
    ['card frame (on first card)', existsSync(join(root, 'card-frame.html')) ? 'card-frame.html' : undefined],
  ];
  for (const [name, entry] of pages) {
    if (entry) out.push(measure(root, name, closure(root, entry.replace(/^\//, ''))));
  }
  return out;
}

