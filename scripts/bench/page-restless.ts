/**
 * A restless page: a live news page (about 100 KB of text, a mention in
 * about 30 words) that never stops changing, as live blogs, tickers and
 * infinite feeds do. Its own script runs five timers from the start:
 *
 * - ticker, every 100 ms: rewrites the ticker's text and measures its width;
 * - post, every 400 ms: puts a new post at the top of the live feed (at most
 *   300 posts; the oldest goes) and reads the feed's height;
 * - edit, every 250 ms: rewrites a random post's text;
 * - times, every 1 s: refreshes every post's "N s ago" label;
 * - more, every 1.5 s: appends 15 stories to the "more stories" list (at
 *   most 3,000; then the first 15 go) and reads the document's height, as
 *   infinite scrolling does.
 *
 * Layout reads make the page's own ticks pay for style and layout, where
 * highlights cost. Each tick's time is added to `window.__restless` ({ ms,
 * ticks }): the bench compares the mean tick with and without the extension.
 * The texts are generated here and shipped in the page as JSON; no web text.
 */
import type { FactIndex } from '../../lib/fact-index/schema';
import { blockWriter, esc, slug, Writer, type BenchPage } from './pages';
import { seededRandom } from './synthetic';

const STYLE = `
  body { margin: 0; font: 16px/1.5 Georgia, serif; color: #1d1f24; }
  .ticker { overflow: hidden; white-space: nowrap; background: #1d1f24; color: #fff; font: 600 14px system-ui, sans-serif; padding: 6px 16px; }
  main { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 28px; max-width: 1200px; margin: 0 auto; padding: 0 24px; }
  .feed article { border-left: 3px solid #b3261e; padding: 4px 0 4px 12px; margin: 10px 0; }
  .feed time { display: block; font: 700 12px system-ui, sans-serif; color: #b3261e; }
  aside { font: 14px/1.4 system-ui, sans-serif; }
  .more li { margin: 4px 0; }
`;

/** The page's script (a plain function, shipped as its source text). */
function restlessScript(): void {
  const data = JSON.parse(document.getElementById('bench-data')!.textContent!) as { posts: string[]; headlines: string[] };
  let seed = 7;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const work = { ms: 0, ticks: 0 };
  (window as unknown as { __restless: typeof work }).__restless = work;
  const every = (ms: number, tick: () => void) =>
    setInterval(() => {
      const start = performance.now();
      tick();
      work.ms += performance.now() - start;
      work.ticks++;
    }, ms);

  const feed = document.querySelector('.feed')!;
  const more = document.querySelector('.more')!;
  const tickerText = document.querySelector('.ticker span')!.firstChild as Text;
  const now = Date.now();
  document.querySelectorAll<HTMLElement>('.feed time').forEach((t, i) => (t.dataset.at = String(now - i * 45_000)));

  let k = 0;
  every(100, () => {
    k = (k + 1) % data.headlines.length;
    tickerText.data = `${data.headlines[k]} · ${data.headlines[(k + 1) % data.headlines.length]}`;
    void (tickerText.parentElement as HTMLElement).offsetWidth;
  });
  let post = 0;
  every(400, () => {
    const article = document.createElement('article');
    const time = document.createElement('time');
    time.dataset.at = String(Date.now());
    time.textContent = 'just now';
    const p = document.createElement('p');
    p.textContent = data.posts[post++ % data.posts.length];
    article.append(time, p);
    feed.prepend(article);
    if (feed.children.length > 300) feed.lastElementChild!.remove();
    void (feed as HTMLElement).offsetHeight;
  });
  every(250, () => {
    const paragraphs = feed.querySelectorAll('p');
    const p = paragraphs[Math.floor(rand() * paragraphs.length)];
    if (p?.firstChild) (p.firstChild as Text).data = data.posts[Math.floor(rand() * data.posts.length)];
  });
  every(1000, () => {
    const at = Date.now();
    for (const t of feed.querySelectorAll<HTMLElement>('time')) {
      const s = Math.round((at - Number(t.dataset.at)) / 1000);
      t.textContent = s < 5 ? 'just now' : s < 60 ? `${s} s ago` : `${Math.floor(s / 60)} min ago`;
    }
  });
  let story = 0;
  every(1500, () => {
    for (let i = 0; i < 15; i++) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `#more-${story}`;
      a.textContent = data.headlines[story++ % data.headlines.length];
      li.append(a, ` — ${data.posts[story % data.posts.length].slice(0, 90)}`);
      more.append(li);
    }
    while (more.children.length > 3000) more.firstElementChild!.remove();
    void document.documentElement.scrollHeight;
  });
}

export function generateRestlessPage(options: { file: string; textBytes: number; seed: number; index: FactIndex }): BenchPage {
  const w = new Writer(seededRandom(options.seed), options.index, 1 / 30, 0.2);
  const { blocks, block, bytes } = blockWriter();
  // Texts the script brings in later: plain text (it sets textContent).
  const posts = Array.from({ length: 400 }, () => w.paragraph(false, w.int(1, 3)));
  const headlines = Array.from({ length: 300 }, () => w.headline());

  const feed: string[] = [];
  const stories: string[] = [];
  const article: string[] = [];
  while (bytes() < options.textBytes) {
    if (feed.length < 60) feed.push(`<article>${block('time', `${feed.length * 45 + 5} s ago`)}${block('p', w.paragraph(true, w.int(1, 3)))}</article>`);
    else if (stories.length < 200) stories.push(block('li', `<a href="#${slug(headlines[stories.length % headlines.length].slice(0, 40))}">${esc(w.headline())}</a>`));
    else article.push(block('p', w.paragraph(true)));
  }
  const json = JSON.stringify({ posts, headlines }).replace(/</g, '\\u003c');
  const html =
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Live: the talks</title><style>${STYLE}</style></head><body>\n` +
    `<div class="ticker"><span>${esc(headlines[0])}</span></div>\n` +
    `<main><div>${block('h1', `Live: ${esc(w.headline())}`)}<section class="feed">${feed.join('')}</section>${article.join('')}</div>\n` +
    `<aside><h3>More stories</h3><ol class="more">${stories.join('')}</ol></aside></main>\n` +
    `<script type="application/json" id="bench-data">${json}</script>\n` +
    // The shim: the bench's TypeScript runner wraps inner functions in a `__name` helper the page lacks.
    `<script>globalThis.__name = globalThis.__name || ((f) => f); (${restlessScript.toString()})();</script>\n` +
    '</body></html>\n';
  return { file: options.file, html, blocks, textBytes: bytes(), planted: w.planted };
}
