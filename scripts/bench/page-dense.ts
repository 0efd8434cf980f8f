/**
 * Dense news: a news site's front page of about 1 MB of text that names the
 * article's people, places and organisations about once in 15 words — the
 * density of real coverage of a story, four times that of the other
 * generated pages. Top stories with headlines, bylines, standfirsts, key
 * points and body text, a live blog, opinion quotes, "most read" and
 * related-link lists, navigation and a footer of links; names are links
 * about a quarter of the time, as news sites link them. Procedural text from
 * the word lists in pages.ts: no web text. Deterministic for a seed.
 */
import type { FactIndex } from '../../lib/fact-index/schema';
import { blockWriter, esc, slug, Writer, type BenchPage } from './pages';
import { seededRandom } from './synthetic';

const SECTIONS = ['World', 'Europe', 'Politics', 'Business', 'Markets', 'Climate', 'Science', 'Culture', 'Sport',
  'Opinion', 'Analysis', 'Video', 'Podcasts', 'Newsletters', 'Live', 'Weather'];
const AUTHORS = ['Alina Morrow', 'Tobias Klee', 'Nadia Brun', 'Oskar Lindqvist', 'Priya Dale', 'Marek Hollis',
  'Chiara Venn', 'Dana Whitlock', 'Ilse Marten', 'Ruben Oyelaran'];

const STYLE = `
  body { margin: 0; font: 16px/1.5 Georgia, serif; color: #121212; background: #fff; }
  header { border-bottom: 3px double #121212; padding: 8px 24px; position: sticky; top: 0; background: #fff; z-index: 2; }
  header nav a { margin-right: 12px; font: 600 13px system-ui, sans-serif; color: #121212; text-decoration: none; }
  .breaking { background: #b3261e; color: #fff; font: 600 14px system-ui, sans-serif; padding: 6px 24px; }
  .breaking a { color: #fff; }
  main { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 28px; max-width: 1200px; margin: 0 auto; padding: 0 24px; }
  .story { border-bottom: 1px solid #e2e2e2; padding: 14px 0; }
  .story h2 { font-size: 24px; line-height: 1.2; margin: 0 0 6px; }
  .story h2 a { color: inherit; text-decoration: none; }
  .meta { font: 12px system-ui, sans-serif; color: #666; margin: 0 0 6px; }
  .standfirst { font-size: 18px; color: #333; }
  .key-points { font: 14px/1.4 system-ui, sans-serif; padding-left: 18px; }
  .related a { margin-right: 10px; }
  .live { list-style: none; padding: 0; }
  .live li { border-left: 3px solid #b3261e; padding: 4px 0 4px 12px; margin: 12px 0; }
  .live time { font: 700 12px system-ui, sans-serif; color: #b3261e; }
  blockquote { font-size: 20px; font-style: italic; margin: 16px 0; }
  aside { font: 14px/1.4 system-ui, sans-serif; }
  aside h3 { border-top: 3px solid #121212; padding-top: 6px; }
  footer { columns: 4; font: 13px system-ui, sans-serif; padding: 24px; background: #f2f2f2; }
  footer a { display: block; color: #333; }
`;

/** A front page of about `textBytes` of text, one mention in about 15 words. */
export function generateDensePage(options: { file: string; textBytes: number; seed: number; index: FactIndex }): BenchPage {
  const w = new Writer(seededRandom(options.seed), options.index, 1 / 15, 0.25);
  const { blocks, block, bytes } = blockWriter();
  const link = (text: string) => `<a href="/${slug(text.slice(0, 40))}">${esc(text)}</a>`;
  const time = () => `${String(w.int(6, 23)).padStart(2, '0')}:${String(w.int(0, 59)).padStart(2, '0')}`;

  const out: string[] = [];
  out.push(`<header><nav>${SECTIONS.map((s) => `<a href="/${s.toLowerCase()}">${s}</a>`).join('')}</nav></header>`);
  out.push(block('div', `Breaking: ${link(w.headline())}`, ' class="breaking"'));
  out.push('<main><div class="stories" data-bench-host>');
  const mostRead: string[] = [];
  let story = 0;
  while (bytes() < options.textBytes) {
    story++;
    const kind = w.rand();
    if (kind < 0.7) {
      // A top story: headline, byline, standfirst, key points, body, related links.
      out.push('<article class="story">', block('h2', link(w.headline())));
      out.push(block('p', `By ${esc(w.pick(AUTHORS))} · ${time()} · ${esc(w.pick(SECTIONS))}`, ' class="meta"'));
      out.push(block('p', w.sentence(true), ' class="standfirst"'));
      if (w.rand() < 0.5) out.push(`<ul class="key-points">${Array.from({ length: w.int(2, 4) }, () => block('li', w.sentence(true))).join('')}</ul>`);
      for (let i = w.int(2, 6); i > 0; i--) out.push(block('p', w.paragraph(true, w.int(2, 5))));
      if (w.rand() < 0.3) out.push(block('blockquote', w.sentence(true)));
      out.push(block('p', `Related: ${Array.from({ length: w.int(2, 4) }, () => link(w.headline())).join(' ')}`, ' class="related"'));
      out.push('</article>');
    } else if (kind < 0.85) {
      // A live blog: timed entries, newest first.
      out.push('<section class="story">', block('h2', `Live: ${esc(w.headline())}`), '<ol class="live">');
      for (let i = w.int(5, 12); i > 0; i--) {
        out.push(`<li><time>${time()}</time>${block('h3', esc(w.headline()))}${block('p', w.paragraph(true, w.int(1, 3)))}</li>`);
      }
      out.push('</ol></section>');
    } else {
      // Analysis: headings and shorter paragraphs.
      out.push('<article class="story">', block('h2', `Analysis: ${link(w.headline())}`));
      for (let i = w.int(2, 4); i > 0; i--) {
        out.push(block('h3', esc(w.headline())));
        out.push(block('p', w.paragraph(true, w.int(1, 4))));
      }
      out.push('</article>');
    }
    if (mostRead.length < 30 && story % 3 === 0) mostRead.push(block('li', link(w.headline())));
  }
  out.push('</div><aside>');
  out.push(`<h3>Most read</h3><ol>${mostRead.join('')}</ol>`);
  out.push(`<h3>In pictures</h3>${Array.from({ length: 6 }, () => `<figure><div style="height:90px;background:#ddd"></div>${block('figcaption', w.sentence(true))}</figure>`).join('')}`);
  out.push('</aside></main>');
  out.push(`<footer>${Array.from({ length: 40 }, () => link(w.headline().split(' ').slice(0, 3).join(' '))).join('')}</footer>`);
  const html = `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Front page</title><style>${STYLE}</style></head><body>\n${out.join('\n')}\n</body></html>\n`;
  return { file: options.file, html, blocks, textBytes: bytes(), planted: w.planted };
}
