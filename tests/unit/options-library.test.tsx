// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '@/entrypoints/options/Options';
import { buildFactIndex } from '@/lib/facts/build';
import { MAX_ARTICLE_CHARS } from '@/lib/facts/input';
import { packFileOf, type StoredPack } from '@/lib/pack-store';

// A short article written for this test: a person with a role, places, an organisation.
const HARBOUR = `Gdynia Mayor Marta Kowalczyk said on Monday that the new ferry terminal would open in June. Kowalczyk told reporters the terminal had cost 40 million złoty.

The Baltic Ferry Company will run three crossings a day from Gdynia to Karlskrona.`;

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue([]);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const storedPacks = async () => ((await fakeBrowser.storage.local.get('packs')).packs ?? []) as StoredPack[];
const packsSection = () => screen.getByRole('region', { name: 'Fact packs' });

async function openOptions() {
  render(<Options />);
  await screen.findByRole('heading', { level: 2, name: 'Fact packs' });
}

function fillPack(title: string, text: string) {
  fireEvent.input(screen.getByLabelText('Title (required)'), { target: { value: title } });
  fireEvent.input(screen.getByLabelText('Article text'), { target: { value: text } });
}
const buildPreview = () => fireEvent.click(screen.getByRole('button', { name: 'Build preview' }));
const packError = () => document.getElementById('pack-error')!;

function chooseFile(label: string, name: string, content: string) {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([content], name)], configurable: true });
  fireEvent.change(input);
}

describe('options page: fact packs', () => {
  it('lists the built-in pack, always on, with no delete', async () => {
    await openOptions();
    const items = within(packsSection()).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toContain('built in, always on');
    expect(within(items[0]).queryByRole('button')).toBeNull();
  });

  it('builds a preview of a short article: entities with kind, role and fact count', async () => {
    await openOptions();
    fillPack('Gdynia ferry terminal', HARBOUR);
    buildPreview();

    const table = await screen.findByRole('table', { name: /entities found in “Gdynia ferry terminal”/ });
    const row = within(table).getByRole('row', { name: /Marta Kowalczyk/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Person', 'Gdynia Mayor', '2', expect.stringContaining('Show card')]);
    expect(within(table).getByRole('rowheader', { name: 'Gdynia' })).toBeTruthy();
    expect(within(table).getByRole('rowheader', { name: 'Baltic Ferry Company' })).toBeTruthy();

    fireEvent.click(within(row).getByRole('button', { name: 'Show card for Marta Kowalczyk' }));
    const card = await screen.findByRole('dialog', { name: 'Marta Kowalczyk' });
    expect(card.textContent).toContain('Gdynia Mayor');
    expect(card.textContent).toContain('the new ferry terminal would open in June');
    expect(await storedPacks()).toEqual([]); // nothing saved by a preview
  });

  it('saves the previewed pack, which then shows in the list, on', async () => {
    await openOptions();
    fillPack('Gdynia ferry terminal', HARBOUR);
    buildPreview();
    fireEvent.click(await screen.findByRole('button', { name: 'Save pack' }));
    await waitFor(async () => expect((await storedPacks()).map((p) => p.id)).toEqual(['pack-gdynia-ferry-terminal']));
    const toggle = (await screen.findByRole('checkbox', { name: 'Use “Gdynia ferry terminal”' })) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    await waitFor(() => expect((screen.getByLabelText('Article text') as HTMLTextAreaElement).value).toBe(''));
  });

  it('refuses the same article twice with a clear message', async () => {
    await openOptions();
    for (const title of ['First', 'Second']) {
      fillPack(title, HARBOUR);
      buildPreview();
      fireEvent.click(await screen.findByRole('button', { name: 'Save pack' }));
      if (title === 'First') {
        await screen.findByRole('checkbox', { name: 'Use “First”' });
        await waitFor(() => expect((screen.getByLabelText('Article text') as HTMLTextAreaElement).value).toBe(''));
      }
    }
    await waitFor(() => expect(packError().textContent).toBe('This article is already a pack (“First”).'));
    expect(await storedPacks()).toHaveLength(1);
  });

  it('says what is wrong with empty, oversize and binary text, and saves nothing', async () => {
    await openOptions();
    fillPack('', HARBOUR);
    buildPreview();
    await waitFor(() => expect(packError().textContent).toBe('Give the pack a title.'));

    fillPack('Empty', '   \n ');
    buildPreview();
    await waitFor(() => expect(packError().textContent).toMatch(/The article is empty/));

    fillPack('Huge', 'Word '.repeat(MAX_ARTICLE_CHARS / 5 + 1));
    expect(screen.getByText(/200,005 \/ 200,000 characters — 5 over the limit/)).toBeTruthy();
    buildPreview();
    await waitFor(() => expect(packError().textContent).toMatch(/the limit is 200,000/));

    fillPack('Junk', '\u0000\u0001\u0002\uFFFD'.repeat(200));
    buildPreview();
    await waitFor(() => expect(packError().textContent).toMatch(/does not look like article text/));

    expect(screen.queryByRole('table')).toBeNull();
    expect(await storedPacks()).toEqual([]);
  });

  it('deletes a pack with Undo', async () => {
    const index = buildFactIndex(HARBOUR, { id: 'pack-harbour', title: 'Harbour' });
    await fakeBrowser.storage.local.set({ packs: [{ id: 'pack-harbour', enabled: true, addedAt: '2025-01-01T00:00:00.000Z', index }] });
    await openOptions();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete “Harbour”' }));
    await waitFor(async () => expect(await storedPacks()).toEqual([]));
    expect(await screen.findByText('Deleted “Harbour”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await storedPacks()).map((p) => p.id)).toEqual(['pack-harbour']));
    expect(await screen.findByRole('button', { name: 'Delete “Harbour”' })).toBeTruthy();
  });

  it('turns a pack off and renames it', async () => {
    const index = buildFactIndex(HARBOUR, { id: 'pack-harbour', title: 'Harbour' });
    await fakeBrowser.storage.local.set({ packs: [{ id: 'pack-harbour', enabled: true, addedAt: '', index }] });
    await openOptions();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Use “Harbour”' }));
    await waitFor(async () => expect((await storedPacks())[0].enabled).toBe(false));

    fireEvent.click(screen.getByRole('button', { name: 'Rename “Harbour”' }));
    const input = screen.getByLabelText('New title for “Harbour”');
    fireEvent.input(input, { target: { value: 'Gdynia harbour' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(async () => expect((await storedPacks())[0].index.article.title).toBe('Gdynia harbour'));
    expect(await screen.findByRole('heading', { level: 3, name: 'Gdynia harbour' })).toBeTruthy();
  });

  it('imports a pack file, and refuses one that fails the schema', async () => {
    await openOptions();
    const index = buildFactIndex(HARBOUR, { id: 'pack-harbour', title: 'Harbour' });
    const broken = JSON.stringify({ format: 'fact-cards-pack', version: 1, pack: { id: 'x', index: { ...index, entities: 7 } } });
    chooseFile('Import a pack file', 'broken.json', broken);
    await waitFor(() => expect(document.getElementById('import-pack-error')!.textContent).toMatch(/“broken.json” was not imported; nothing was changed. The pack inside the file is not valid/));
    expect(await storedPacks()).toEqual([]);

    const file = JSON.stringify(packFileOf({ id: 'pack-harbour', enabled: true, addedAt: '', index }));
    chooseFile('Import a pack file', 'harbour.json', file);
    await waitFor(async () => expect((await storedPacks()).map((p) => p.id)).toEqual(['pack-harbour']));
    chooseFile('Import a pack file', 'again.json', file);
    await waitFor(() => expect(document.getElementById('import-pack-error')!.textContent).toMatch(/already a pack/));
    expect(await storedPacks()).toHaveLength(1);
  });
});
