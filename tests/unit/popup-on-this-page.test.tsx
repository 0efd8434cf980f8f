// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageMentionsReply } from '@/lib/messages/protocol';
import { CANT_READ, NOTHING_FOUND } from '@/entrypoints/popup/OnThisPage';
import { Popup, type PopupLibrary } from '@/entrypoints/popup/Popup';
import { nextMentionIndex } from '@/entrypoints/popup/page-mentions';
import { testLibrary, testPopupLibrary } from './helpers/library-api';

const TAB_ID = 42;

const reply = (entities: PageMentionsReply['entities'], scanning = false): PageMentionsReply => ({
  url: 'https://news.example/story',
  scanning,
  active: true,
  entities,
  mentions: entities.flatMap((e) => Array.from({ length: e.count }, () => ({ entity: e.entity, text: e.name }))),
});
const RUTTE = { entity: 'mark-rutte', name: 'Mark Rutte', kind: 'person', count: 3 } as const;
const NATO = { entity: 'nato', name: 'NATO', kind: 'organisation', count: 1 } as const;

let sendMessage: ReturnType<typeof vi.fn>;
let library: PopupLibrary;

beforeEach(async () => {
  fakeBrowser.reset();
  library = testPopupLibrary(await testLibrary());
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: TAB_ID } as Browser.tabs.Tab]);
  sendMessage = vi.fn();
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(sendMessage as never);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const section = () => screen.getByRole('region', { name: 'On this page' });
const pageMentionCalls = () => sendMessage.mock.calls.filter(([, m]) => m.type === 'page-mentions');

describe('popup: on this page', () => {
  it('asks the active tab and lists the entities with their counts', async () => {
    sendMessage.mockResolvedValue(reply([RUTTE, NATO]));
    render(<Popup library={library} />);
    const rutte = await screen.findByRole('button', { name: /^Mark Rutte Person , 3 mentions/ });
    expect(rutte.textContent).toContain('3');
    expect(screen.getByRole('button', { name: /^NATO Organisation , 1 mention:/ })).toBeTruthy();
    expect(sendMessage).toHaveBeenCalledWith(TAB_ID, { type: 'page-mentions' }, { frameId: 0 });
    expect(section().querySelector('[role=status]')?.textContent).toBe('');
  });

  it('shows Scanning… while the content script scans, polling until it is done', async () => {
    sendMessage
      .mockResolvedValueOnce(reply([], true))
      .mockResolvedValueOnce(reply([NATO], true))
      .mockResolvedValue(reply([NATO, RUTTE]));
    render(<Popup library={library} />);
    await waitFor(() => expect(section().textContent).toContain('Scanning…'));
    expect(section().getAttribute('aria-busy')).toBe('true');
    await screen.findByRole('button', { name: /^Mark Rutte Person , 3 mentions/ }, { timeout: 2000 });
    expect(section().textContent).not.toContain('Scanning…');
    expect(pageMentionCalls()).toHaveLength(3);
    // Done scanning: no more polls.
    await new Promise((r) => setTimeout(r, 400));
    expect(pageMentionCalls()).toHaveLength(3);
  });

  it('says so when the page mentions nothing from the packs', async () => {
    sendMessage.mockResolvedValue(reply([]));
    render(<Popup library={library} />);
    await waitFor(() => expect(section().textContent).toContain(NOTHING_FOUND));
  });

  it("says it can't read the page when no content script answers", async () => {
    sendMessage.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    render(<Popup library={library} />);
    await waitFor(() => expect(section().textContent).toContain(CANT_READ));
  });

  it("treats a malformed reply like a page it can't read", async () => {
    sendMessage.mockResolvedValue({ nonsense: true });
    render(<Popup library={library} />);
    await waitFor(() => expect(section().textContent).toContain(CANT_READ));
  });

  it('reveals the first mention, then the next ones, wrapping', async () => {
    sendMessage.mockResolvedValue(reply([RUTTE]));
    render(<Popup library={library} />);
    const rutte = await screen.findByRole('button', { name: /^Mark Rutte Person/ });
    for (let i = 0; i < 4; i++) fireEvent.click(rutte);
    const reveals = sendMessage.mock.calls.filter(([, m]) => m.type === 'reveal-mention');
    expect(reveals).toEqual([0, 1, 2, 0].map((index) => [TAB_ID, { type: 'reveal-mention', entity: 'mark-rutte', index }, { frameId: 0 }]));
  });

  it("opens an entity's card, with its place among the page's mentions", async () => {
    sendMessage.mockResolvedValue(reply([RUTTE]));
    render(<Popup library={library} />);
    await screen.findByRole('option', { name: /Donald Trump/ });
    fireEvent.click(await screen.findByRole('button', { name: 'Open the card for Mark Rutte' }));
    const card = await screen.findByRole('dialog', { name: 'Mark Rutte' });
    expect(card.textContent).toContain('1 of 3 on this page');
    fireEvent.click(screen.getByRole('button', { name: 'Next mention on this page' }));
    await waitFor(() => expect(card.textContent).toContain('1 of 3 on this page'));
    fireEvent.click(screen.getByRole('button', { name: 'Next mention on this page' }));
    await waitFor(() => expect(card.textContent).toContain('2 of 3 on this page'));
    const reveals = sendMessage.mock.calls.filter(([, m]) => m.type === 'reveal-mention').map(([, m]) => m.index);
    expect(reveals).toEqual([0, 1]);
  });
});

describe('page-mentions helpers', () => {
  it('steps through mentions and wraps both ways', () => {
    expect(nextMentionIndex(undefined, 3)).toBe(0);
    expect(nextMentionIndex(2, 3)).toBe(0);
    expect(nextMentionIndex(undefined, 3, -1)).toBe(2);
    expect(nextMentionIndex(0, 3, -1)).toBe(2);
  });

});
