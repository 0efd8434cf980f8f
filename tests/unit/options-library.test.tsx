// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '@/entrypoints/options/Options';
import { MAX_ARTICLE_CHARS } from '@/lib/facts/input';
import type { Library } from '@/lib/library/library';
import { build } from './helpers/articles';
import { testLibrary, testLibraryApi } from './helpers/library-api';

// A short article written for this test: a person with a role, places, an organisation.
const HARBOUR = `Gdynia Mayor Marta Kowalczyk said on Monday that the new ferry terminal would open in June. Kowalczyk told reporters the terminal had cost 40 million złoty.

The Baltic Ferry Company will run three crossings a day from Gdynia to Karlskrona.`;

let library: Library;
beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue([]);
  library = await testLibrary();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const saved = async () => (await library.list()).articles.filter((a) => !a.builtin);
const librarySection = () => screen.getByRole('region', { name: 'Your articles' });

async function openOptions() {
  render(<Options library={testLibraryApi(library)} />);
  await screen.findByRole('heading', { level: 2, name: 'Your articles' });
}

function fillArticle(title: string, text: string) {
  fireEvent.input(screen.getByLabelText('Title (required)'), { target: { value: title } });
  fireEvent.input(screen.getByLabelText('Article text'), { target: { value: text } });
}
const buildPreview = () => fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
const articleError = () => document.getElementById('article-error')!;

function chooseFile(label: string, name: string, content: string) {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([content], name)], configurable: true });
  fireEvent.change(input);
}

describe('options page: your articles', () => {
  it('lists the bundled article, switchable but not deletable', async () => {
    await openOptions();
    const items = within(librarySection()).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toContain('Reuters · 18 Aug 2025 · 28 names · comes with Fact Cards');
    expect(within(items[0]).queryByRole('button', { name: /Delete/ })).toBeNull();
    expect(within(items[0]).getByRole('checkbox', { name: /^Use/ })).toBeTruthy();
  });

  it('builds a preview of a short article: names with kind, role and fact count', async () => {
    await openOptions();
    fillArticle('Gdynia ferry terminal', HARBOUR);
    buildPreview();

    const table = await screen.findByRole('table', { name: /names found in “Gdynia ferry terminal”/ });
    const row = within(table).getByRole('row', { name: /Marta Kowalczyk/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Person', 'Gdynia Mayor', '2', expect.stringContaining('Show card')]);
    expect(within(table).getByRole('rowheader', { name: 'Gdynia' })).toBeTruthy();
    expect(within(table).getByRole('rowheader', { name: 'Baltic Ferry Company' })).toBeTruthy();

    fireEvent.click(within(row).getByRole('button', { name: 'Show card for Marta Kowalczyk' }));
    const card = await screen.findByRole('dialog', { name: 'Marta Kowalczyk' });
    expect(card.textContent).toContain('Gdynia Mayor');
    expect(card.textContent).toContain('the new ferry terminal would open in June');
    expect(await saved()).toEqual([]); // nothing saved by a preview
  });

  it('saves the previewed article, which then shows in the list, on', async () => {
    await openOptions();
    fillArticle('Gdynia ferry terminal', HARBOUR);
    fireEvent.input(screen.getByLabelText('Source (optional, e.g. the newspaper)'), { target: { value: 'Baltic Courier' } });
    fireEvent.input(screen.getByLabelText('Published (optional)'), { target: { value: '2025-06-02' } });
    buildPreview();
    fireEvent.click(await screen.findByRole('button', { name: 'Save article' }));
    await waitFor(async () => expect((await saved()).map((a) => a.id)).toEqual(['a-gdynia-ferry-terminal']));
    const toggle = (await screen.findByRole('checkbox', { name: 'Use “Gdynia ferry terminal”' })) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    expect(toggle.closest('li')!.textContent).toContain('Baltic Courier · 2 Jun 2025 · ');
    await waitFor(() => expect((screen.getByLabelText('Article text') as HTMLTextAreaElement).value).toBe(''));
  });

  it('refuses the same article twice with a clear message', async () => {
    await openOptions();
    fillArticle('First', HARBOUR);
    buildPreview();
    fireEvent.click(await screen.findByRole('button', { name: 'Save article' }));
    await screen.findByRole('checkbox', { name: 'Use “First”' });
    await waitFor(() => expect((screen.getByLabelText('Article text') as HTMLTextAreaElement).value).toBe(''));
    fillArticle('Second', HARBOUR);
    buildPreview();
    expect(await screen.findByText('This article is already in your library (“First”).')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save article' })).toBeNull();
    expect(await saved()).toHaveLength(1);
  });

  it('says what is wrong with empty, oversize and binary text, and saves nothing', async () => {
    await openOptions();
    fillArticle('', HARBOUR);
    buildPreview();
    await waitFor(() => expect(articleError().textContent).toBe('Give the article a title.'));

    fillArticle('Empty', '   \n ');
    buildPreview();
    await waitFor(() => expect(articleError().textContent).toMatch(/The article is empty/));

    fillArticle('Huge', 'Word '.repeat(MAX_ARTICLE_CHARS / 5 + 1));
    expect(screen.getByText(/200,005 \/ 200,000 characters — 5 over the limit/)).toBeTruthy();
    buildPreview();
    await waitFor(() => expect(articleError().textContent).toMatch(/the limit is 200,000/));

    fillArticle('Junk', '\u0000\u0001\u0002\uFFFD'.repeat(200));
    buildPreview();
    await waitFor(() => expect(articleError().textContent).toMatch(/does not look like article text/));

    expect(screen.queryByRole('table')).toBeNull();
    expect(await saved()).toEqual([]);
  });

  it('deletes an article with Undo', async () => {
    await library.save({ title: 'Harbour', text: HARBOUR });
    await openOptions();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete “Harbour”' }));
    await waitFor(async () => expect(await saved()).toEqual([]));
    expect(await screen.findByText('Deleted “Harbour”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await saved()).map((a) => a.title)).toEqual(['Harbour']));
    expect(await screen.findByRole('button', { name: 'Delete “Harbour”' })).toBeTruthy();
  });

  it('turns an article off, renames it, and finds it by title or source', async () => {
    await library.save({ title: 'Harbour', text: HARBOUR, source: 'Baltic Courier' });
    await openOptions();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Use “Harbour”' }));
    await waitFor(async () => expect((await saved())[0].enabled).toBe(false));

    fireEvent.click(screen.getByRole('button', { name: 'Rename “Harbour”' }));
    const input = screen.getByLabelText('New title for “Harbour”');
    fireEvent.input(input, { target: { value: 'Gdynia harbour' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(async () => expect((await saved())[0].title).toBe('Gdynia harbour'));
    expect(await screen.findByRole('heading', { level: 3, name: 'Gdynia harbour' })).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Find an article'), { target: { value: 'courier' } });
    expect(within(librarySection()).getAllByRole('listitem').map((li) => li.querySelector('h3')!.textContent)).toEqual(['Gdynia harbour']);
    expect(screen.getByText('1 of 2 articles')).toBeTruthy();
  });

  it('imports a library file, and refuses a damaged one whole', async () => {
    const other = await testLibrary();
    await other.save({ title: 'Harbour', text: HARBOUR });
    const file = await other.exportAll();
    await openOptions();

    const broken = JSON.parse(file);
    broken.articles[0].sentences[0][2] = 10 ** 9;
    chooseFile('Import a library or article file', 'broken.json', JSON.stringify(broken));
    await waitFor(() => expect(document.getElementById('import-library-error')!.textContent).toMatch(/“broken.json” was not imported; nothing was changed. article 1 \(“Harbour”\)/));
    expect(await saved()).toEqual([]);

    chooseFile('Import a library or article file', 'library.json', file);
    await waitFor(async () => expect((await saved()).map((a) => a.title)).toEqual(['Harbour']));
    chooseFile('Import a library or article file', 'again.json', file);
    expect(await screen.findByText(/Imported 0 articles from “again.json”. 1 already in your library was skipped./)).toBeTruthy();

    // A pack file from an earlier version is read too.
    const index = build(HARBOUR.replace('June', 'July'), { id: 'pack-old', title: 'Old pack' });
    chooseFile('Import a library or article file', 'old.factpack.json', JSON.stringify({ format: 'fact-cards-pack', version: 1, pack: { id: 'pack-old', index } }));
    await waitFor(async () => expect((await saved()).map((a) => a.title).sort()).toEqual(['Harbour', 'Old pack']));
  });
});
