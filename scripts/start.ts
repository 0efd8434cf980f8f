// `npm start`: opens the demo page in Chromium with the built extension.
// Headed when a display is available (stays open until you close it);
// headless otherwise, then prints what the extension found and a screenshot path.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveFixtures } from './harness/serve-fixtures';
import { extensionIdOf, launchWithExtension } from './harness/launch-chromium';
import { readPageMentions } from './harness/page-mentions';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;
const server = await serveFixtures(resolve(import.meta.dirname, '../tests/fixtures'));
const context = await launchWithExtension({ headless: !headed });
const extensionId = await extensionIdOf(context);
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(server.url('pages/demo.html'));
console.log(`Fact Cards ${extensionId} on ${page.url()}`);

if (headed) {
  console.log('Chromium is open with the extension; close the window to finish.');
  await new Promise<void>((done) => context.on('close', () => done()));
} else {
    const { entities, mentions } = await readPageMentions(context, page);
  console.log(`Found ${mentions.length} mentions of ${entities.length} entities:`);
  for (const e of entities) console.log(`  ${String(e.count).padStart(3)}  ${e.name} (${e.kind}, ${e.entity})`);
  mkdirSync('artifacts', { recursive: true });
  const shot = resolve('artifacts/start-demo.png');
  await page.screenshot({ path: shot });
  console.log(`Screenshot: ${shot}`);
  await context.close();
}
await server.close();
