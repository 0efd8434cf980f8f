// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup, type PopupLibrary } from '@/entrypoints/popup/Popup';
import { testLibrary, testPopupLibrary } from './helpers/library-api';

let library: PopupLibrary;
beforeEach(async () => {
  fakeBrowser.reset();
  library = testPopupLibrary(await testLibrary());
  // No content script in these tests: the page section says so and stays out of the way.
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const searchBox = () => screen.getByRole('combobox', { name: 'Search facts' }) as HTMLInputElement;
const type = (text: string) => fireEvent.input(searchBox(), { target: { value: text } });
const key = (name: string) => fireEvent.keyDown(searchBox(), { key: name });
const options = () => screen.queryAllByRole('option');

/** Searches for a typed query answer only when released, as a busy background does; returns their releases in order. */
function holdSearches(): (() => void)[] {
  const held: (() => void)[] = [];
  const search = library.search;
  library = { ...library, search: (query, limit) => (query ? new Promise<void>((release) => held.push(release)).then(() => search(query, limit)) : search(query, limit)) };
  return held;
}

async function openPopup() {
  render(<Popup library={library} />);
  await waitFor(() => expect(options().length).toBeGreaterThan(0)); // the browse list: the library answered
}

describe('popup search', () => {
  it('opens with the search box focused', async () => {
    await openPopup();
    expect(document.activeElement).toBe(searchBox());
  });

  it('lists every card, most facts first, before anything is typed', async () => {
    await openPopup();
    expect(screen.getByRole('listbox', { name: 'All cards' })).toBeTruthy();
    expect(options()).toHaveLength(28);
    expect(options()[0].textContent).toContain('Donald Trump');
  });

  it('shows results as you type, with the matched part in <mark>', async () => {
    await openPopup();
    type('Rute');
    await waitFor(() => expect(options()[0].textContent).toContain('Mark Rutte'));
    expect(screen.getByRole('listbox', { name: 'Results' })).toBeTruthy();
    const marks = [...options()[0].querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['Rutte']);
    expect(screen.getByRole('status').textContent).toMatch(/\d+ results?/);
  });

  it('says which alias or fact matched', async () => {
    await openPopup();
    type('kiev');
    await waitFor(() => expect(options()[0].textContent).toContain('Kyiv'));
    expect(options()[0].textContent).toContain('Also Kiev');
    expect(options()[0].querySelector('mark')?.textContent).toBe('Kiev');

    type('peace settlement');
    await waitFor(() => expect(options()[0].querySelector('mark')?.textContent).toBe('peace settlement'));
  });

  it('keeps typed text as text, never markup', async () => {
    await openPopup();
    type('<img src=x onerror=alert(1)>');
    await waitFor(() => expect(screen.getByText(/No cards match/)).toBeTruthy());
    expect(document.querySelector('img')).toBeNull();
  });

  it('moves with ↑/↓ and opens the chosen card with Enter', async () => {
    await openPopup();
    type('Zelensky');
    await waitFor(() => expect(options()[0].textContent).toContain('Volodymyr Zelenskiy'));
    expect(searchBox().getAttribute('aria-activedescendant')).toBeNull();

    key('ArrowDown');
    await waitFor(() => expect(options()[0].getAttribute('aria-selected')).toBe('true'));
    expect(searchBox().getAttribute('aria-activedescendant')).toBe(options()[0].id);
    key('ArrowDown');
    await waitFor(() => expect(options()[1].getAttribute('aria-selected')).toBe('true'));
    key('ArrowUp');
    await waitFor(() => expect(options()[0].getAttribute('aria-selected')).toBe('true'));

    key('Enter');
    const card = await screen.findByRole('dialog', { name: 'Volodymyr Zelenskiy' });
    await waitFor(() => expect(document.activeElement).toBe(card));
    // Facts link to their sentence in the article viewer, an extension page.
    const source = card.querySelector<HTMLAnchorElement>('a.fc-src');
    expect(source?.href).toMatch(/^chrome-extension:\/\/[^/]+\/article\.html\?article=builtin#s\d+$/);
  });

  it('Enter pressed before the results of what was typed opens the first of those, not of the list on screen', async () => {
    const held = holdSearches();
    await openPopup();
    expect(options()[0].textContent).toContain('Donald Trump');
    type('Rutte');
    key('Enter');
    await waitFor(() => expect(held).toHaveLength(1));
    // Still the browse list: no results yet, nothing opened, no "no results" said.
    expect(options()[0].textContent).toContain('Donald Trump');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
    held[0]();
    expect(await screen.findByRole('dialog', { name: 'Mark Rutte' })).toBeTruthy();
  });

  it('typing after an early Enter cancels it', async () => {
    const held = holdSearches();
    await openPopup();
    type('Rutte');
    key('Enter');
    type('Rutte Kallas');
    await waitFor(() => expect(held).toHaveLength(2));
    held.forEach((release) => release());
    await waitFor(() => expect(screen.getByRole('listbox', { name: 'Results' })).toBeTruthy());
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/results?/));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('goes back to the results, query kept, search box focused', async () => {
    await openPopup();
    type('nato');
    await waitFor(() => expect(options()[0].textContent).toContain('NATO'));
    key('Enter'); // nothing chosen: the first result
    await screen.findByRole('dialog', { name: 'NATO' });

    fireEvent.click(screen.getByRole('button', { name: /Back to results/ }));
    await waitFor(() => expect(document.activeElement).toBe(searchBox()));
    expect(searchBox().value).toBe('nato');
    expect(options()[0].textContent).toContain('NATO');
  });

  it('switches to a related card and back through the history', async () => {
    await openPopup();
    type('Rutte');
    await waitFor(() => expect(options()[0].textContent).toContain('Mark Rutte'));
    fireEvent.click(options()[0]);
    const rutte = await screen.findByRole('dialog', { name: 'Mark Rutte' });
    const chip = rutte.querySelector<HTMLButtonElement>('.fc-chip:not(.fc-chip-more)')!;
    const relatedName = chip.textContent!;
    fireEvent.click(chip);
    await screen.findByRole('dialog', { name: relatedName });

    fireEvent.click(screen.getByRole('button', { name: /Back to Mark Rutte/ }));
    await screen.findByRole('dialog', { name: 'Mark Rutte' });
    fireEvent.click(screen.getByRole('button', { name: /Back to results/ }));
    await waitFor(() => expect(searchBox().value).toBe('Rutte'));
  });

  it('clears the query on Escape', async () => {
    await openPopup();
    type('putin');
    await waitFor(() => expect(options()[0].textContent).toContain('Vladimir Putin'));
    key('Escape');
    await waitFor(() => expect(searchBox().value).toBe(''));
    await waitFor(() => expect(options()).toHaveLength(28));
  });

  it('opens the options page from the footer', async () => {
    const openOptions = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
    await openPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    expect(openOptions).toHaveBeenCalledOnce();
  });
});
