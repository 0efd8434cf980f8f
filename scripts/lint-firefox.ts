// Lints the Firefox build with Mozilla's addons-linter. Fails on any error,
// and on any warning that is not explained below: a new warning has to be
// fixed or argued for here, never ignored.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = '.output/firefox-mv2';

interface Message { code: string; file?: string; line?: number; column?: number; message: string }

/** The bundled code around a warning's position (chunk names change with every build, so explanations look at the code itself). */
function codeAt(m: Message): string {
  if (!m.file || !m.line) return '';
  try {
    const line = readFileSync(join(DIR, m.file), 'utf8').split('\n')[m.line - 1] ?? '';
    const at = m.column ?? 0;
    return line.slice(Math.max(0, at - 400), at + 100);
  } catch {
    return '';
  }
}

const EXPLAINED: { code: string; applies: (m: Message) => boolean; why: string }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // Preact's diff: `d==\`dangerouslySetInnerHTML\`?…(e.innerHTML=d.__html)`.
    applies: (m) => /dangerouslySetInnerHTML[\s\S]*innerHTML=\w+\.__html/.test(codeAt(m)),
    why: "Preact's renderer contains the `innerHTML` assignment behind `dangerouslySetInnerHTML`; Fact Cards never uses that prop (a unit test forbids it), so all text is rendered as text nodes.",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // Readability (capture.js): `…innerHTML=r,this._attempts.push(…` and `…getElementsByTagName(`noscript`)…n.innerHTML=t.innerHTML`.
    applies: (m) =>
      m.file === 'capture.js' &&
      (/\.innerHTML=\w+,this\._attempts\.push\(/.test(codeAt(m)) || /getElementsByTagName\(`noscript`\)[\s\S]*\.innerHTML=\w+\.innerHTML/.test(codeAt(m))),
    why: "Readability, in the article extractor, re-parses the page's own markup inside its private copy of the page (`document.cloneNode(true)`): restoring the copy between extraction attempts and unwrapping `<noscript>` images. The copy has no browsing context, so nothing in it runs or loads, and no extension text is ever assigned.",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // The content script's lazy card UI: `import(….runtime.getURL(`/card-ui.js`))`.
    applies: (m) => m.file === 'content-scripts/content.js' && /import\(\w+(\.default)?\.runtime\.getURL\(`\/card-ui\.js`\)\)/.test(codeAt(m) + ')'),
    why: "The content script imports the card UI the first time a card opens, from the add-on's own package (`runtime.getURL('/card-ui.js')`, a constant path): no remote code, and pages that never show a card never load it.",
  },
];
let raw: string;
try {
  raw = execFileSync('npx', ['addons-linter', '--self-hosted', '--output', 'json', DIR], { encoding: 'utf8' });
} catch (e) {
  // addons-linter exits non-zero when it finds errors; its JSON is still on stdout.
  raw = (e as { stdout?: string }).stdout ?? '';
}
const report = JSON.parse(raw) as { errors: Message[]; warnings: Message[]; notices: Message[] };
const explain = (w: Message) => EXPLAINED.find((x) => x.code === w.code && x.applies(w))?.why;
const unexplained = report.warnings.filter((w) => !explain(w));
const show = (m: Message) => `  ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} — ${m.message}`;

console.log(`addons-linter ${DIR}: ${report.errors.length} errors, ${report.warnings.length} warnings (${report.warnings.length - unexplained.length} explained), ${report.notices.length} notices`);
for (const w of report.warnings) {
  const why = explain(w);
  if (why) console.log(`${show(w)}\n    explained: ${why}`);
}
if (report.errors.length || unexplained.length) {
  console.error('Fix these (or explain a warning in scripts/lint-firefox.ts):');
  for (const m of [...report.errors, ...unexplained]) console.error(show(m));
  process.exit(1);
}
