// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/entrypoints/popup/Popup';
import type { CaptureResult } from '@/lib/capture/capture-result';
import type { Library } from '@/lib/library/library';
import { articleText } from './helpers/articles';
import { testLibrary, testPopupLibrary } from './helpers/library-api';

const TAB = { id: 7, url: 'https://harbour-wire.example/coalition' };
const ARTICLE = { title: 'Coalition of Willing Drafts Plan', text: articleText('story-coalition'), url: TAB.url, source: 'Harbour Wire', published: '2025-09-02' };
const CAPTURED: CaptureResult = { ok: true, article: ARTICLE };

let library: Library;
beforeEach(async () => {
  fakeBrowser.reset();
  library = await testLibrary();
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([TAB as Browser.tabs.Tab]);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no content script'));
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const section = () => screen.getByRole('region', { name: 'This article' });

describe('popup: save this article', () => {
  it('reads the tab, previews title, source, date, names and roles, then saves through save-article', async () => {
    const captureTab = vi.fn(async () => CAPTURED);
    render(<Popup library={testPopupLibrary(library, { captureTab })} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save this article' }));
    const names = await screen.findByRole('list', { name: 'Names found' });
    expect(captureTab).toHaveBeenCalledWith(7);
    expect(within(section()).getByText('Coalition of Willing Drafts Plan')).toBeTruthy();
    expect(within(section()).getByText('Harbour Wire · 2 Sep 2025')).toBeTruthy();
    expect(within(names).getByText('Mark Rutte').closest('li')!.textContent).toBe('Mark Rutte · Person · NATO Secretary General');
    expect((await library.list()).articles).toHaveLength(1); // nothing saved by reading

    fireEvent.click(within(section()).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(within(section()).getByText(/^Saved \d+ \w+ \d{4} · \d+ names$/)).toBeTruthy());
    const saved = (await library.list()).articles.find((a) => !a.builtin)!;
    expect(saved).toMatchObject({ title: 'Coalition of Willing Drafts Plan', source: 'Harbour Wire', published: '2025-09-02', url: TAB.url });
  });

  it('shows a page already saved as saved, with no button', async () => {
    await library.save(ARTICLE);
    render(<Popup library={testPopupLibrary(library)} />);
    expect(await within(await screen.findByRole('region', { name: 'This article' })).findByText(/^Saved \d+ \w+ \d{4} · \d+ names$/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save this article' })).toBeNull();
  });

  it('says why a page has no article, and saves nothing', async () => {
    const captureTab = vi.fn(async (): Promise<CaptureResult> => ({ ok: false, error: "This page doesn't look like an article, so there is nothing to save." }));
    render(<Popup library={testPopupLibrary(library, { captureTab })} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save this article' }));
    expect(await within(section()).findByText("This page doesn't look like an article, so there is nothing to save.")).toBeTruthy();
    expect((await library.list()).articles).toHaveLength(1);
  });
});
