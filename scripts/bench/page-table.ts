/**
 * A big table: a register of 25,000 rows (number, date, subject, amount) —
 * about 225,000 DOM nodes — where every sixth row's subject names one of the
 * article's people (about 4,200 names), as in a records page, a spreadsheet
 * export or a long sports or finance listing. The other rows are ordinary
 * words. One table with automatic layout and a sticky header.
 *
 * The page's script builds the table in one go before anything is painted
 * (as an application page renders its data), so its first contentful paint
 * shows the whole table: the page's own gaps after that are small, and what
 * the extension adds stands out. (Parsed as static HTML, Chromium paints the
 * table while it parses it, and the page's own layout passes take seconds on
 * a 2-core machine.) Deterministic for a seed; no web text.
 */
import type { FactIndex } from '../../lib/fact-index/schema';
import { ADJECTIVES, esc, NOUNS, VERBS, type BenchPage } from './pages';
import { seededRandom } from './synthetic';

const STYLE = `
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #1d1f24; }
  h1 { font-size: 20px; margin: 12px 16px; }
  p { margin: 0 16px 12px; }
  table { border-collapse: collapse; margin: 0 16px; }
  thead th { position: sticky; top: 0; background: #eef1f5; text-align: left; }
  td, th { border-bottom: 1px solid #e3e6ea; padding: 2px 8px; }
  td:last-child { text-align: right; font-variant-numeric: tabular-nums; }
`;

export function generateTablePage(options: { file: string; rows: number; seed: number; index: FactIndex }): BenchPage {
  const rand = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  // The people's names as pages write them: full names and plain Latin aliases.
  const people = options.index.entities
    .filter((e) => e.kind === 'person')
    .flatMap((e) => [e.name, e.name, ...e.aliases.filter((a) => !a.caution && /^[\p{Script=Latin}\s.'-]+$/u.test(a.text)).map((a) => a.text)]);
  if (people.length === 0) throw new Error('the bench index names no person: the table page needs people to name');

  const blocks: string[] = [];
  let bytes = 0;
  let planted = 0;
  const rows: string[] = [];
  const cell = (text: string) => {
    blocks.push(text);
    bytes += Buffer.byteLength(text) + 1;
    return `<td>${esc(text)}</td>`;
  };
  for (let i = 1; i <= options.rows; i++) {
    const date = `2025-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    let subject: string;
    if (i % 6 === 0) {
      planted++;
      subject = `${pick(['Letter from', 'Call with', 'Note on', 'Visit by', 'Statement of'])} ${pick(people)} on ${pick(NOUNS)}`;
    } else {
      subject = `${pick(ADJECTIVES)} ${pick(NOUNS)} ${pick(VERBS)} ${pick(NOUNS)}`;
      subject = subject[0].toUpperCase() + subject.slice(1);
    }
    rows.push(`<tr>${cell(String(i))}${cell(date)}${cell(subject)}${cell((rand() * 100_000).toFixed(2))}</tr>`);
  }
  const intro = 'Entries of the register by number, with the date, subject and amount of each.';
  blocks.unshift('Register of entries', intro);
  const content =
    `<h1>Register of entries</h1><p>${intro}</p>` +
    `<table><thead><tr><th>No.</th><th>Date</th><th>Subject</th><th>Amount</th></tr></thead><tbody data-bench-host>${rows.join('')}</tbody></table>`;
  const html =
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Register of entries</title><style>${STYLE}</style></head><body>\n` +
    '<main id="register"></main>\n' +
    `<script>document.getElementById('register').innerHTML = ${JSON.stringify(content).replace(/</g, '\\u003c')};</script>\n` +
    '</body></html>\n';
  return { file: options.file, html, blocks, textBytes: bytes, planted };
}
