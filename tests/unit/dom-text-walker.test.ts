// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { chunkCursor, collectChunks, OWN_UI_ATTRIBUTE, positionAt } from '@/dom/text-walker';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const texts = (root: Element) => collectChunks(root).map((c) => c.text);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the text walker', () => {
  it('gives one chunk per block, inline elements joined, in document order', () => {
    const root = page('<h1>Mark <b>Rutte</b></h1><p>met <a href="#">Zelenskiy</a> in Kyiv.</p><table><tr><td>A</td><td>B</td></tr></table>');
    expect(texts(root)).toEqual(['Mark Rutte', 'met Zelenskiy in Kyiv.', 'A', 'B']);
  });

  it('sends no text without a letter: the figures, dates and amounts of a table name nobody', () => {
    const root = page('<table><tr><td>17</td><td>2025-03-01</td><td>Call with Mark Rutte</td><td>1,204.50</td><td>   </td><td>Ω</td></tr></table>');
    expect(texts(root)).toEqual(['Call with Mark Rutte', 'Ω']);
  });

  it('skips fields, scripts, our own UI and editing hosts, but not contenteditable="false"', () => {
    const root = page(
      `<p>one</p><script>var x = "Rutte";</script><textarea>typed</textarea>` +
        `<div ${OWN_UI_ATTRIBUTE}="card">card text</div>` +
        `<div contenteditable>editor</div><div contenteditable="TRUE">shouting editor</div>` +
        `<div contenteditable="plaintext-only">plain editor</div>` +
        `<div contenteditable="false">not an editor</div><p title="x">two</p>`,
    );
    expect(texts(root)).toEqual(['one', 'not an editor', 'two']);
  });

  it('reads open shadow roots of custom elements and of the built-in elements that can host one', () => {
    const root = page('<p>light</p><div id="d"></div><news-byline id="c"></news-byline>');
    root.querySelector('#d')!.attachShadow({ mode: 'open' }).innerHTML = '<p>in a div</p>';
    root.querySelector('#c')!.attachShadow({ mode: 'open' }).innerHTML = '<span>in a custom element</span>';
    const seen: ShadowRoot[] = [];
    const chunks = chunkCursor(root, (r) => seen.push(r)).take(Infinity);
    expect(chunks.map((c) => c.text)).toEqual(['light', 'in a div', 'in a custom element']);
    expect(seen).toHaveLength(2);
  });

  it('maps chunk offsets back to text nodes, one-part chunks included', () => {
    const root = page('<p>Mark <b>Rutte</b> spoke</p><p>Kyiv</p>');
    const [multi, single] = collectChunks(root);
    expect(multi.parts).toHaveLength(3);
    expect(multi.starts).toEqual([0, 5, 10]);
    const start = positionAt(multi, 5);
    expect([(start.node as Text).data, start.offset]).toEqual(['Rutte', 0]);
    const end = positionAt(multi, 10, true);
    expect([(end.node as Text).data, end.offset]).toEqual(['Rutte', 5]);
    expect(single.starts).toEqual([0]);
    expect(positionAt(single, 2)).toEqual({ node: root.querySelectorAll('p')[1].firstChild, offset: 2 });
    // Every one-part chunk shares its `starts`; nothing may change it.
    expect(() => single.starts.push(1)).toThrow();
  });

  it('reads an element without element children in one go, and finds the text node behind an offset inside it', () => {
    const root = page('<table><tr><td id="cell"></td></tr></table><p>met <a id="link"></a> today</p>');
    const cell = root.querySelector('#cell')!;
    const link = root.querySelector('#link')!;
    // Split text, as a page's script leaves it, and a comment, which is not text.
    cell.append('Mark ', document.createComment('x'), 'Rutte');
    link.append('Volodymyr ', 'Zelenskiy');
    const [inCell, inParagraph] = collectChunks(root);
    expect(inCell).toMatchObject({ owner: cell, text: 'Mark Rutte', parts: [cell] });
    expect(inParagraph.text).toBe('met Volodymyr Zelenskiy today');
    expect(inParagraph.parts[1]).toBe(link);
    const at = (chunk: typeof inCell, offset: number, preferEnd = false) => {
      const p = positionAt(chunk, offset, preferEnd);
      return [(p.node as Text).data, p.offset];
    };
    expect(at(inCell, 0)).toEqual(['Mark ', 0]);
    expect(at(inCell, 5)).toEqual(['Rutte', 0]);
    expect(at(inCell, 5, true)).toEqual(['Mark ', 5]);
    expect(at(inCell, 10, true)).toEqual(['Rutte', 5]);
    expect(at(inParagraph, 14)).toEqual(['Zelenskiy', 0]);
    expect(at(inParagraph, 23, true)).toEqual(['Zelenskiy', 9]);
    // Text removed since the walk: the end of what is left, never a throw.
    link.lastChild!.remove();
    expect(at(inParagraph, 20, true)).toEqual(['Volodymyr ', 10]);
    link.textContent = '';
    expect(positionAt(inParagraph, 20, true)).toEqual({ node: link, offset: 0 });
  });

  it('stops at a deadline and resumes where it stopped', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<p>row ${i}</p>`).join('');
    const root = page(rows);
    const cursor = chunkCursor(root);
    const first = cursor.take(-1); // already past: stops at its first clock check
    expect(cursor.done).toBe(false);
    expect(first.length).toBeLessThan(3000);
    const rest = cursor.take(Infinity);
    expect(cursor.done).toBe(true);
    expect([...first, ...rest].map((c) => c.text)).toEqual(Array.from({ length: 3000 }, (_, i) => `row ${i}`));
  });
});
