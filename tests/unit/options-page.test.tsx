// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '@/entrypoints/options/Options';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';
import type { LibraryApi } from '@/entrypoints/options/library-api';
import { testLibrary, testLibraryApi } from './helpers/library-api';

let library: LibraryApi;

beforeEach(async () => {
  fakeBrowser.reset();
  library = testLibraryApi(await testLibrary());
  vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue([{ name: 'open-card', shortcut: 'Alt+Shift+F', description: 'Open' }]);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const storedSettings = async () => (await fakeBrowser.storage.sync.get('settings')).settings as Settings | undefined;
const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;
const checkbox = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

async function openOptions(api = library) {
  render(<Options library={api} />);
  await screen.findByRole('heading', { level: 2, name: 'General' });
}

function chooseFile(label: string, name: string, content: string) {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  const file = new File([content], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('options page: settings', () => {
  it('shows the stored settings', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { ...DEFAULT_SETTINGS, enabled: false, highlightStyle: 'dotted', kinds: ['person', 'place'], hoverDelayMs: 800, fuzzy: 'off', theme: 'dark', firstOnly: true },
    });
    await openOptions();
    expect(checkbox('Show fact cards on web pages').checked).toBe(false);
    expect(radio('Dotted underline').checked).toBe(true);
    expect(checkbox('People').checked).toBe(true);
    expect(checkbox('Terms').checked).toBe(false);
    expect((screen.getByLabelText('Hover delay in milliseconds') as HTMLInputElement).value).toBe('800');
    expect(radio('Off').checked).toBe(true);
    expect(radio('Dark').checked).toBe(true);
    expect(radio('First mention on a page only').checked).toBe(true);
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect(screen.getByRole('heading', { level: 1, name: 'Fact Cards options' })).toBeTruthy();
  });

  it('keeps saved articles private by default, says what a page can learn in each mode, and saves the choice', async () => {
    await openOptions();
    const box = checkbox('Keep my saved articles private from pages');
    expect(box.checked).toBe(true);
    const hint = () => document.getElementById(box.getAttribute('aria-describedby')!)!.textContent!;
    expect(hint()).toMatch(/^Pages can see only which names of the bundled article are underlined/);
    fireEvent.click(box);
    await waitFor(async () => expect((await storedSettings())?.privateLibrary).toBe(false));
    await waitFor(() => expect(hint()).toMatch(/^Pages can read which names are underlined, so a page can tell which people, places and terms your saved articles are about/));
  });

  it('saves a new highlight style at once and says so', async () => {
    await openOptions();
    fireEvent.click(radio('Background'));
    await waitFor(async () => expect((await storedSettings())?.highlightStyle).toBe('background'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved: highlight style.'));
    expect(radio('Background').checked).toBe(true);
  });

  it('saves two quick changes without losing the first', async () => {
    await openOptions();
    fireEvent.click(checkbox('Terms'));
    fireEvent.click(checkbox('Places'));
    await waitFor(async () => expect((await storedSettings())?.kinds).toEqual(['person', 'organisation']));
  });

  it('paints the preview sentence with the content script’s painter', async () => {
    await openOptions();
    // happy-dom has no Highlight API, so the preview falls back to inline marks.
    const sample = screen.getByTestId('highlight-sample');
    await waitFor(() => expect([...sample.querySelectorAll('fact-cards-mark')].map((m) => m.textContent)).toEqual(['Ana Ruiz', 'Valencia']));
    expect(screen.getByText(/no CSS Highlight API/)).toBeTruthy();
  });

  it('refuses a hover delay out of range without saving', async () => {
    await openOptions();
    const ms = screen.getByLabelText('Hover delay in milliseconds');
    fireEvent.change(ms, { target: { value: '5000' } });
    expect(await screen.findByText('Enter a whole number of milliseconds from 0 to 2000.')).toBeTruthy();
    expect(await storedSettings()).toBeUndefined();
    fireEvent.change(ms, { target: { value: '650' } });
    await waitFor(async () => expect((await storedSettings())?.hoverDelayMs).toBe(650));
  });

  it('lists stored values it could not read, each setting falling back alone', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, theme: 'sepia', highlightStyle: 'dotted' } });
    const legacy = '1 fact pack saved by an earlier version could not be read; it is kept in the extension\'s storage, not used.';
    await openOptions(testLibraryApi(await testLibrary(), { legacyProblems: () => [legacy] }));
    const notice = screen.getByRole('region', { name: 'Some saved data could not be read' });
    expect(notice.textContent).toContain('theme: "sepia" is not valid; using the default ("auto")');
    expect(notice.textContent).toContain(legacy);
    expect(radio('Dotted underline').checked).toBe(true);
    expect(radio('Same as the system').checked).toBe(true);
  });

  it('shows the keyboard shortcut and where to change it', async () => {
    await openOptions();
    const section = screen.getByRole('region', { name: 'Keyboard shortcut' });
    await waitFor(() => expect(within(section).getByText('Alt+Shift+F').tagName).toBe('KBD'));
    expect(section.textContent).toContain('chrome://extensions/shortcuts');
  });
});

describe('options page: site lists', () => {
  it('explains a bad pattern and adds a good one, normalised', async () => {
    await openOptions();
    const input = screen.getByLabelText('Add a site to “Paused on these sites”');
    fireEvent.input(input, { target: { value: 'not a site' } });
    fireEvent.submit(input.closest('form')!);
    expect(await screen.findByText(/“not a site” is not a site/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');

    fireEvent.input(input, { target: { value: 'https://www.Example.com/news' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(async () => expect((await fakeBrowser.storage.sync.get('siteRules')).siteRules).toEqual({ paused: ['example.com'], onlyOn: [] }));
    expect(screen.getByRole('button', { name: 'Remove example.com from paused on these sites' })).toBeTruthy();
  });
});

describe('options page: settings file', () => {
  it('lists what is wrong with a broken file and changes nothing', async () => {
    const mine = { ...DEFAULT_SETTINGS, theme: 'light' as const };
    await fakeBrowser.storage.sync.set({ settings: mine });
    await openOptions();
    const broken = JSON.stringify({ format: 'fact-cards-settings', version: 1, settings: { theme: 'neon', hoverDelayMs: -5 }, siteRules: { paused: ['??'] } });
    chooseFile('Import settings from a file', 'broken.json', broken);

    const problems = await screen.findByText(/“broken.json” can’t be imported, so nothing was changed/);
    const items = within(problems.parentElement!).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      expect.stringMatching(/^hoverDelayMs: -5 is not valid/),
      expect.stringMatching(/^theme: "neon" is not valid/),
      expect.stringMatching(/^site rules: paused: "\?\?" is not a site pattern/),
    ]);
    expect(await storedSettings()).toEqual(mine);
    expect((await fakeBrowser.storage.sync.get('siteRules')).siteRules).toBeUndefined();
  });

  it('says a truncated file is not valid JSON', async () => {
    await openOptions();
    chooseFile('Import settings from a file', 'cut.json', '{"format":"fact-cards-settings","vers');
    expect(await screen.findByText(/^not valid JSON/)).toBeTruthy();
    expect(await storedSettings()).toBeUndefined();
  });

  it('imports a good file, and Undo puts the old settings back', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS } });
    await openOptions();
    const good = JSON.stringify({ format: 'fact-cards-settings', version: 1, settings: { ...DEFAULT_SETTINGS, badge: false }, siteRules: { paused: ['example.com'], onlyOn: [] } });
    chooseFile('Import settings from a file', 'good.json', good);
    await waitFor(async () => expect((await storedSettings())?.badge).toBe(false));
    await waitFor(() => expect(checkbox('Show the number of names found on the toolbar button').checked).toBe(false));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await storedSettings())?.badge).toBe(true));
    expect((await fakeBrowser.storage.sync.get('siteRules')).siteRules).toEqual({ paused: [], onlyOn: [] });
  });

  it('resets to defaults, with Undo', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, fuzzy: 'loose' } });
    await openOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Reset settings to defaults' }));
    await waitFor(async () => expect((await storedSettings())?.fuzzy).toBe('normal'));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await storedSettings())?.fuzzy).toBe('loose'));
  });
});
