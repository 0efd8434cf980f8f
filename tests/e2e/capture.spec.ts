/**
 * Saving the article of a tab: the built extractor (capture.js) runs in each
 * team-written page the way the background will run it — the service worker
 * calls `chrome.scripting.executeScript({ target: { tabId }, files:
 * ['/capture.js'] })` — and its result is checked against what the page says
 * and shows.
 *
 * The shipped extension gets the tab through `activeTab`, which Chromium grants
 * only on a user gesture (the toolbar button, the context menu), and no test
 * can make one. So these tests load a copy of the build whose manifest also
 * has `host_permissions` for the fixture server; the shipped manifest has none
 * (the first test shows that the content script's `<all_urls>` match does not
 * stand in for it).
 */
import { test as base, expect } from './fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, launchWithExtension } from '../../scripts/harness/launch-chromium';
import { openPopupOver, readPageMentions, tabIdOf } from '../../scripts/harness/page-mentions';
import { buildWithHostAccess } from '../../scripts/harness/build-with-host-access';
import { noticeText } from './card-probe';
import { buildFactIndex } from '../../lib/facts/build';
import { parseCuratedAliases } from '../../lib/facts/curated';
import { normaliseText } from '../../lib/match/normalise';
import { NOT_AN_ARTICLE } from '../../lib/capture/article-check';
import type { CaptureResult } from '../../lib/capture/types';

const curatedAliases = parseCuratedAliases(JSON.parse(readFileSync('data/aliases.json', 'utf8')));

/** The shipped build plus host access to the fixture server, for tests only. */
const test = base.extend<{}, { testBuild: string }>({
  testBuild: [
    async ({}, use) => {
      const build = buildWithHostAccess(EXTENSION_DIR);
      await use(build.dir);
      build.remove();
    },
    { scope: 'worker' },
  ],
  context: async ({ pageErrors, testBuild }, use) => {
    const context = await launchWithExtension({ extensionDir: testBuild });
    context.on('weberror', (e) => pageErrors.push(String(e.error())));
    await use(context);
    await context.close();
    expect(pageErrors, 'uncaught page errors').toEqual([]);
  },
});

/** Opens a fixture page and waits until the content script has finished with it (so the page is settled). */
async function openFixture(context: BrowserContext, page: Page, url: string): Promise<number> {
  await page.goto(url);
  await readPageMentions(context, page);
  return tabIdOf(context, page);
}

/** Runs capture.js in the tab as the background will, returning what executeScript hands back. */
async function runCapture(context: BrowserContext, tabId: number): Promise<unknown> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(async (tabId) => {
    const [injection] = await (globalThis as any).chrome.scripting.executeScript({ target: { tabId }, files: ['/capture.js'] });
    return injection.result;
  }, tabId);
}

/** Captures the page while watching it: every DOM mutation and every request made meanwhile. */
async function captureWatched(context: BrowserContext, page: Page, tabId: number) {
  const before = await page.evaluate(() => {
    const seen: string[] = [];
    (window as any).__captureMutations = seen;
    new MutationObserver((records) => seen.push(...records.map((r) => `${r.type} on ${r.target.nodeName}`))).observe(document, {
      subtree: true, childList: true, attributes: true, characterData: true,
    });
    return document.documentElement.outerHTML;
  });
  const requests: string[] = [];
  const onRequest = (r: { url(): string }) => requests.push(r.url());
  context.on('request', onRequest);
  const result = (await runCapture(context, tabId)) as CaptureResult;
  const after = await page.evaluate(async () => {
    // Mutation records are delivered after the task that made them.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return { html: document.documentElement.outerHTML, mutations: (window as any).__captureMutations as string[] };
  });
  context.off('request', onRequest);
  return { result, before, after, requests };
}

interface ArticleExpectation {
  page: string;
  title: string;
  source: string | ((origin: string) => string);
  byline: string;
  published: string;
  lang: string;
  /** The saved address, relative to the fixture server; the tab's own address when omitted. */
  url?: string;
  /** Sentences and lines of the article, in the order they must appear. */
  inOrder: string[];
  /** Lines that must stand alone between blank lines (headings, paragraphs split by <br>). */
  ownLines: string[];
  /** Text of the page's furniture that must not be in the saved text. */
  boilerplate: string[];
  /** Names that only the furniture (or the byline) mentions: never in the text, never an entity. */
  boilerplateNames: string[];
  /** Names the article is about: each must be an entity of the index built from the text. */
  entities: string[];
}

const ARTICLES: ArticleExpectation[] = [
  {
    page: 'news-site',
    title: 'Allies meet in Kyiv as Washington weighs security pledge',
    source: 'The Daily Ledger',
    byline: 'Olena Marchuk',
    published: '2025-08-19T06:45:00Z',
    lang: 'en-GB',
    url: 'capture/news-site.html?edition=uk',
    inOrder: [
      'Allies meet in Kyiv as Washington weighs security pledge',
      'European foreign ministers arrive in the Ukrainian capital as Donald Trump promises help with guarantees but offers few details',
      'Foreign ministers arrive at the Mariinskyi Palace in Kyiv on Tuesday. Photograph: Ledger staff',
      'Foreign ministers from eleven European countries arrived in Kyiv on Tuesday for talks with Volodymyr Zelenskiy',
      'Zelenskiy described the pledge as a major step forward',
      'The Nato secretary general, Mark Rutte, who attended the Washington meeting, said membership of the alliance was not on the table for now.',
      '“We are not asking for a favour,” Zelenskiy told the visiting ministers.',
      'Ukrainian officials repeated that no territory would be handed over without a national referendum',
    ],
    ownLines: ['A pledge with few details', 'Territory and a referendum'],
    boilerplate: [
      'We and our 214 partners use cookies', 'Accept all', 'Skip to main content', 'Our columnists this week', 'Trending',
      'Macron visits Warsaw for defence talks', 'Read more:', 'Ledger Live', 'Start every weekday', 'Sign up', 'Email address',
      'Topics:', 'Share on social media', 'Most read', 'Comments (2)', 'A guarantee without soldiers behind it', '© 2025',
      'By Olena Marchuk', 'Tue 19 Aug 2025',
    ],
    boilerplateNames: [
      'Annika Strand', 'Harriet Vale', 'Desmond Okafor', 'Ines Albrecht', 'Meloni', 'Sánchez', 'Orbán', 'Macron', 'Tusk', 'Warsaw',
      'Katarzyna Nowak', 'Piet de Groot', 'Henrik Solberg', 'Brigitte Lenz', 'Tomasz Wróbel', 'Starmer', 'Edinburgh', 'Margit Halvorsen',
      'Olena Marchuk',
    ],
    entities: ['Volodymyr Zelenskiy', 'Donald Trump', 'Mark Rutte', 'Yuri Ushakov', 'Vladimir Putin', 'Kyiv', 'Nato'],
  },
  {
    page: 'blog-post',
    title: 'Why the ceasefire question still divides Europe',
    // No og:site_name or JSON-LD publisher: the host, made readable.
    source: (origin) => new URL(origin).hostname,
    byline: 'Tom Reed',
    published: '2025-08-20T22:12:00Z',
    lang: 'en-US',
    // Its canonical link points to another site, so the tab's address is kept.
    inOrder: [
      'Why the ceasefire question still divides Europe',
      'I have spent the last week talking to diplomats, soldiers and one very tired interpreter',
      'Friedrich Merz said as much in front of the cameras.',
      'A ceasefire first: the guns stop, then talks on borders and guarantees begin.',
      'A comprehensive deal: talks continue under fire until everything is settled at once.',
      'Mark Rutte has hinted at protection modelled on NATO’s Article 5',
      'A ceasefire without guarantees is a pause.',
      'from a deputy minister to the woman who runs the kiosk outside my building.',
    ],
    ownLines: ['What a ceasefire would freeze', 'Where the guarantees come in', 'Something in between: a partial truce covering power stations while the rest is negotiated.'],
    boilerplate: [
      'Dispatches and essays', 'Notes from the Dnipro', 'Posted on', 'Posted in', 'Tagged', 'Previous post', 'thoughts on', 'says:',
      'Leave a Reply', 'Recent Posts', 'Blogroll', 'Proudly powered', 'The three options are the clearest summary', 'I am less sure about the partial truce',
    ],
    boilerplateNames: ['Tom Reed', 'Ivanna Sadova', 'Petra Lindqvist', 'Jonas Berg', 'Ruth Abernathy', 'Lviv', 'Odesa', 'Dnipro'],
    entities: ['Donald Trump', 'Friedrich Merz', 'Volodymyr Zelenskiy', 'Mark Rutte', 'Kyiv'],
  },
  {
    page: 'live-blog',
    title: 'Kyiv talks live: Zelenskiy says guarantees must be on paper within 10 days',
    source: 'Eastwire',
    byline: 'Sara Lindholm, Daniel Brandt',
    published: '2025-08-19T11:30:00Z',
    lang: 'en-US',
    // Newest entry first, as the page shows them, each with its time and heading.
    inOrder: [
      'Kyiv talks live: Zelenskiy says guarantees must be on paper within 10 days',
      '16:40 GMT', 'Rutte: membership “not on the table”', 'NATO Secretary General Mark Rutte told reporters',
      'He said allies would work “quickly and quietly” on the details',
      '15:55 GMT', 'Kremlin aide Yuri Ushakov said President Vladimir Putin and President Trump had discussed raising the level of negotiators.',
      '14:20 GMT', 'German Chancellor Friedrich Merz said a meeting between the Russian and Ukrainian presidents could take place in Hungary',
      '13:05 GMT', 'He also confirmed plans to buy around $90 billion of American weapons',
      '12:10 GMT', 'President Donald Trump said the United States would help with Ukraine’s security',
      '11:30 GMT', 'Good morning. European leaders are gathering in Washington',
    ],
    ownLines: ['16:40 GMT', 'Kremlin noncommittal on a three-way summit', '11:30 GMT', 'Welcome to our live coverage'],
    boilerplate: ['Breaking:', 'Key events', 'Share on X', 'Advertisement', 'Load more updates', 'More from Eastwire', 'edited by', 'By Sara Lindholm', 'All rights reserved'],
    boilerplateNames: ['Erdoğan', 'Lagarde', 'Aurelia Air', 'Corinne Vasseur', 'Sara Lindholm', 'Daniel Brandt', 'Lisbon', 'Istanbul'],
    entities: ['Mark Rutte', 'Yuri Ushakov', 'Vladimir Putin', 'Donald Trump', 'Friedrich Merz', 'Volodymyr Zelenskiy', 'NATO'],
  },
  {
    page: 'jsonld-only',
    title: 'What a NATO-style guarantee could mean for Ukraine',
    source: 'Eastern Desk Media',
    byline: 'Anna Kowalczyk, Mykola Hrytsenko',
    published: '2025-08-21T03:00:00Z',
    lang: 'en',
    inOrder: [
      'What a NATO-style guarantee could mean for Ukraine',
      'When Donald Trump promised Ukraine “a lot of help” with its security',
      'What exactly did Washington promise?',
      'Volodymyr Zelenskiy called it a major step forward',
      'American officials have not said whether that help would include troops',
      'Article 5 is the clause of the North Atlantic Treaty',
      'NATO Secretary General Mark Rutte has said guarantees “akin to Article 5” could be offered',
      'Membership needs the agreement of every ally',
      'Yuri Ushakov, an aide to Vladimir Putin',
      'Zelenskiy’s ten-day deadline is the first test.',
    ],
    // Two paragraphs of one <div>, split by <br><br>.
    ownLines: ['What is Article 5, and why does everyone keep mentioning it?', 'What happens next?', 'American officials have not said whether that help would include troops, aircraft or intelligence, or only weapons sold to Ukraine on credit.'],
    boilerplate: ['independent reporting from Central and Eastern Europe', 'Explainers', 'Eastern Desk is funded by its readers', 'Could you join him?', 'Also on Eastern Desk', 'Publisher:', '21.08.2025'],
    boilerplateNames: ['Lukas Brenner', 'Graz', 'Viktor Sandor', 'Ruta Vaitkute', 'Vilnius', 'Anna Kowalczyk', 'Mykola Hrytsenko', 'Baltic'],
    entities: ['Donald Trump', 'Volodymyr Zelenskiy', 'Mark Rutte', 'Yuri Ushakov', 'Vladimir Putin', 'NATO', 'Article 5'],
  },
];

const folded = (s: string) => normaliseText(s).lower.trim();

/** Every name and alias of every entity, folded as the matcher folds them. */
function entityNames(text: string, article: { title: string; source?: string; published?: string }): string[] {
  const index = buildFactIndex(text, { id: 'captured', title: article.title, source: article.source, date: article.published, curatedAliases });
  return index.entities.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)]).map(folded);
}

test('the shipped build cannot inject capture.js with only the content script’s <all_urls> match', async ({ server }) => {
  // The default context: the build exactly as shipped.
  const context = await launchWithExtension();
  try {
    const page = await context.newPage();
    const tabId = await openFixture(context, page, server.url('capture/news-site.html'));
    await expect(runCapture(context, tabId)).rejects.toThrow('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');
  } finally {
    await context.close();
  }
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.permissions).toEqual(expect.arrayContaining(['scripting', 'activeTab']));
  expect(manifest.host_permissions).toBeUndefined();
  // Loaded only on request: not part of the per-page content script, not reachable by pages.
  expect(manifest.content_scripts.flatMap((c: { js: string[] }) => c.js)).not.toContain('capture.js');
  expect(manifest.web_accessible_resources.flatMap((w: { resources: string[] }) => w.resources)).not.toContain('capture.js');
});

for (const x of ARTICLES) {
  test(`captures the ${x.page} page: its article text and metadata, nothing of its furniture, the page untouched`, async ({ context, page, server }) => {
    // Two fact indexes are built in the test process (the article's and the whole page's, as a control).
    test.slow();
    const address = server.url(`capture/${x.page}.html`);
    const tabId = await openFixture(context, page, address);
    const { result, before, after, requests } = await captureWatched(context, page, tabId);

    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    const { article } = result;
    // The result crossed executeScript as plain data: nothing but strings.
    expect(Object.values(article).every((v) => typeof v === 'string')).toBe(true);
    expect(article.title).toBe(x.title);
    expect(article.source).toBe(typeof x.source === 'function' ? x.source(server.origin) : x.source);
    expect(article.byline).toBe(x.byline);
    expect(article.published).toBe(x.published);
    expect(article.lang).toBe(x.lang);
    expect(article.url).toBe(x.url ? server.url(x.url) : address);

    // Plain text: blank lines between blocks, no markup, no run of three newlines.
    expect(article.text.startsWith(`${x.title}\n\n`)).toBe(true);
    expect(article.text).not.toMatch(/<\/?[a-z][^>]*>|\n{3}/i);
    let from = 0;
    for (const line of x.inOrder) {
      const at = article.text.indexOf(line, from);
      expect(at, `"${line}" after offset ${from}`).toBeGreaterThanOrEqual(0);
      from = at + line.length;
    }
    for (const line of x.ownLines) expect(article.text).toContain(`\n\n${line}\n\n`);
    for (const line of x.boilerplate) expect(article.text, line).not.toContain(line);
    for (const name of x.boilerplateNames) expect(folded(article.text), name).not.toContain(folded(name));

    // The fact builder reads the text into entities of the article, and of the article only.
    const names = entityNames(article.text, article);
    for (const name of x.entities) expect(names, name).toContain(folded(name));
    for (const name of x.boilerplateNames) {
      expect(names.filter((n) => n.includes(folded(name))), name).toEqual([]);
    }
    // Control: indexing the whole page's text instead makes entities of the furniture's names.
    const pageNames = entityNames(await page.evaluate(() => document.body.innerText), article);
    const leaked = x.boilerplateNames.filter((name) => pageNames.some((n) => n.includes(folded(name))));
    expect(leaked.length).toBeGreaterThan(0);

    // The page is read, never written, and nothing was fetched on its behalf (the copy's lazy images stay unloaded).
    expect(after.mutations).toEqual([]);
    expect(after.html).toBe(before);
    expect(requests).toEqual([]);
  });
}

test('captures the other team-written pages: the headline once, the byline and the header and credit lines out of the text', async ({ context, page, server }) => {
  // Pages written for the matcher: bylines as plain "By …" paragraphs or in a byline element, kickers and date lines
  // above headlines, copyright and wire credit lines below the text.
  const pages = [
    { path: 'pages/demo.html', title: 'After the White House summit, Kyiv waits for the fine print', byline: 'Helen Marsh in Washington and Ola Brandt in Berlin' },
    { path: 'devset/broadsheet.html', title: 'Leaders return from Washington with more questions than answers', byline: 'Harriet Quill, Diplomatic Editor' },
    { path: 'devset/opinion-column.html', title: 'A promise is not a plan', byline: 'Martin Okafor, columnist' },
    { path: 'devset/de-presseschau.html', title: 'Presseschau: Was Kommentatoren zum Gipfel im Weißen Haus schreiben', lang: 'de' },
    { path: 'devset/wire-report.html', title: 'U.S. begins drafting security framework for Ukraine, officials say' },
  ];
  for (const p of pages) {
    const result = (await runCapture(context, await openFixture(context, page, server.url(p.path)))) as CaptureResult;
    expect(result.ok, `${p.path}: ${JSON.stringify(result)}`).toBe(true);
    if (!result.ok) continue;
    expect(result.article.title, p.path).toBe(p.title);
    expect(result.article.text.split(p.title).length - 1, `${p.path}: headline once`).toBe(1);
    // No kicker, date line, copyright or wire credits: their names would become entities.
    expect(result.article.text, p.path).not.toMatch(/©|All rights reserved|Editing by|\d{4} · |min read|^(?:News|Opinion|Nachrichten)\b/m);
    if (p.byline) {
      expect(result.article.byline, p.path).toBe(p.byline);
      expect(result.article.text, p.path).not.toContain(p.byline);
    }
    if (p.lang) expect(result.article.lang).toBe(p.lang);
  }
});

for (const name of ['sign-in', 'search-results', 'link-list']) {
  test(`says the ${name} page is not an article, and leaves it untouched`, async ({ context, page, server }) => {
    const tabId = await openFixture(context, page, server.url(`capture/${name}.html`));
    const { result, before, after } = await captureWatched(context, page, tabId);
    expect(result).toEqual({ ok: false, error: NOT_AN_ARTICLE });
    expect(after.mutations).toEqual([]);
    expect(after.html).toBe(before);
  });
}

/** popup.html in a tab, reading `page`'s tab as the toolbar popup would (the page's tab active behind it). */

const send = (extensionPage: Page, message: object): Promise<any> =>
  extensionPage.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message);

test('Save this article in the popup: a preview of what was found, then saved to the library; the popup then shows it saved', async ({ context, page, server }) => {
  test.slow(); // extracts and builds in the background
  await openFixture(context, page, server.url('capture/news-site.html'));
  const popup = await openPopupOver(context, page);
  const section = popup.getByRole('region', { name: 'This article' });
  await section.getByRole('button', { name: 'Save this article' }).click();
  const names = section.getByRole('list', { name: 'Names found' });
  await expect(names).toBeVisible();
  const expected = ARTICLES.find((a) => a.page === 'news-site')!;
  await expect(section).toContainText(expected.title);
  await expect(names).toContainText('Mark Rutte');
  // The boilerplate's names never become entities of the article.
  const found = await names.getByRole('listitem').allTextContents();
  for (const name of expected.boilerplateNames) expect(found.filter((line) => line.includes(name)), name).toEqual([]);
  await section.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(section).toContainText(/Saved \d+ \w+ \d{4} · \d+ names/);

  const list = await send(popup, { type: 'library-list' });
  const saved = list.articles.find((a: { builtin: boolean }) => !a.builtin);
  expect(saved).toMatchObject({ title: expected.title, source: 'The Daily Ledger', published: '2025-08-19', url: server.url(expected.url!) });

  // Opened again over the same page, the popup says it is saved.
  const again = await openPopupOver(context, page);
  await expect(again.getByRole('region', { name: 'This article' })).toContainText(/Saved \d+ \w+ \d{4} · \d+ names/);
  await expect(again.getByRole('button', { name: 'Save this article' })).toHaveCount(0);
});

test('the context-menu path (capture-tab, saving at once) agrees with the popup’s preview, refuses the same article twice, and the page shows a notice', async ({ context, page, server }) => {
  test.slow();
  const tabId = await openFixture(context, page, server.url('capture/jsonld-only.html'));
  const popup = await openPopupOver(context, page);
  const preview = await send(popup, { type: 'capture-tab', tabId, save: false });
  expect(preview.ok).toBe(true);
  const saved = await send(popup, { type: 'capture-tab', tabId });
  expect(saved).toMatchObject({ ok: true, title: preview.preview.title, entities: preview.preview.entities.length });
  expect(await send(popup, { type: 'capture-tab', tabId })).toEqual({ ok: false, error: expect.stringMatching(/already in your library/) });
  const found = await send(popup, { type: 'saved-for-url', url: server.url('capture/jsonld-only.html') });
  expect(found).toMatchObject({ id: saved.packId, title: saved.title, entities: saved.entities });

  // What the context menu then shows on the page.
  const worker = context.serviceWorkers()[0];
  await worker.evaluate(({ tabId, text }) => (globalThis as any).chrome.tabs.sendMessage(tabId, { type: 'show-notice', text }), { tabId, text: `Saved “${saved.title}” · ${saved.entities} names` });
  await expect.poll(() => noticeText(page)).toBe(`Saved “${saved.title}” · ${saved.entities} names`);
});

test('capture-tab refuses a page with no article in a sentence, and saves nothing', async ({ context, page, server }) => {
  const tabId = await openFixture(context, page, server.url('capture/sign-in.html'));
  const popup = await openPopupOver(context, page);
  expect(await send(popup, { type: 'capture-tab', tabId })).toEqual({ ok: false, error: NOT_AN_ARTICLE });
  expect((await send(popup, { type: 'library-list' })).articles).toHaveLength(1);
  await popup.getByRole('region', { name: 'This article' }).getByRole('button', { name: 'Save this article' }).click();
  await expect(popup.getByRole('region', { name: 'This article' })).toContainText(NOT_AN_ARTICLE);
});
