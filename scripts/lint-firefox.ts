// Lints the Firefox build with Mozilla's addons-linter. Fails on any error,
// and on any warning that is not explained below: a new warning has to be
// fixed or argued for here, never ignored.
import { execFileSync } from 'node:child_process';

const DIR = '.output/firefox-mv2';

const EXPLAINED: { code: string; file: RegExp; why: string }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^chunks\/jsxRuntime-[\w-]+\.js$/,
    why: "Preact's renderer contains the `innerHTML` assignment behind `dangerouslySetInnerHTML`; Fact Cards never uses that prop, so all text is rendered as text nodes.",
  },
];

interface Message { code: string; file?: string; line?: number; message: string }
let raw: string;
try {
  raw = execFileSync('npx', ['addons-linter', '--self-hosted', '--output', 'json', DIR], { encoding: 'utf8' });
} catch (e) {
  // addons-linter exits non-zero when it finds errors; its JSON is still on stdout.
  raw = (e as { stdout?: string }).stdout ?? '';
}
const report = JSON.parse(raw) as { errors: Message[]; warnings: Message[]; notices: Message[] };
const unexplained = report.warnings.filter((w) => !EXPLAINED.some((x) => x.code === w.code && x.file.test(w.file ?? '')));
const show = (m: Message) => `  ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} — ${m.message}`;

console.log(`addons-linter ${DIR}: ${report.errors.length} errors, ${report.warnings.length} warnings (${report.warnings.length - unexplained.length} explained), ${report.notices.length} notices`);
for (const w of report.warnings) {
  const why = EXPLAINED.find((x) => x.code === w.code && x.file.test(w.file ?? ''))?.why;
  if (why) console.log(`${show(w)}\n    explained: ${why}`);
}
if (report.errors.length || unexplained.length) {
  console.error('Fix these (or explain a warning in scripts/lint-firefox.ts):');
  for (const m of [...report.errors, ...unexplained]) console.error(show(m));
  process.exit(1);
}
