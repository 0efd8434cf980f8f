// `npm run -s scan -- FILE...`: one JSON line per mention, with the same
// matcher and rules as the content script (default settings).
// start/end are UTF-16 offsets into the page text (see page-text.ts).
import { bundledMatcher } from './load-index';
import { readPageText, scanPageText } from './page-text';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (!files.length) {
  console.error('usage: npm run -s scan -- FILE.txt|FILE.html ...');
  process.exit(2);
}
// `npm run -s scan -- x | head` closes the pipe early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => process.exit(err.code === 'EPIPE' ? 0 : 1));
const { matcher, entities } = bundledMatcher();
let failed = false;
for (const file of files) {
  try {
    const page = await readPageText(file);
    for (const m of scanPageText(matcher, page)) {
      const e = entities.get(m.entity)!;
      process.stdout.write(
        JSON.stringify({ file, entity: m.entity, name: e.name, kind: e.kind, text: m.text, start: m.start, end: m.end, score: m.score }) + '\n',
      );
    }
  } catch (err) {
    console.error(`${file}: ${(err as Error).message}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
