/**
 * The background: owns the article library (IndexedDB) and answers pages
 * and extension pages through validated messages; keeps the badge, the
 * keyboard command and the context menu.
 */
import { browser } from 'wxt/browser';
import { askTab } from '@/lib/messages/send';
import { createBadge } from './badge';
import { captureTab } from './capture-tab';
import { answer, handleMessage, type BackgroundHooks } from './messages';
import { legacyPackProblems, library } from './library-host';

const MENU_CARD = 'fact-card-for-selection';
const MENU_SAVE = 'save-article';

export default defineBackground(() => {
  // Context menus persist across service-worker restarts; create on install only.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_CARD, title: 'Fact card for “%s”', contexts: ['selection'] });
    browser.contextMenus.create({ id: MENU_SAVE, title: 'Save this article to Fact Cards', contexts: ['page'] });
  });

  const badge = createBadge();
  const hooks: BackgroundHooks = { library, legacyProblems: legacyPackProblems, onMentionCount: badge.set, captureTab };
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender, hooks));

  browser.contextMenus.onClicked.addListener(async (info, tab) => {
    if (tab?.id === undefined) return;
    if (info.menuItemId === MENU_CARD && info.selectionText) {
      askTab(tab.id, { type: 'open-card-for-text', text: info.selectionText.slice(0, 200) }, info.frameId ?? 0).catch(() => {});
    } else if (info.menuItemId === MENU_SAVE) {
      // The same path as the popup's button (the capture-tab message), saving at once.
      const reply = (await answer({ type: 'capture-tab', tabId: tab.id, save: true }, { id: browser.runtime.id }, hooks).catch(() => undefined)) as
        | { ok: true; title: string; entities: number }
        | { ok: false; error: string }
        | undefined;
      const text = !reply ? "Fact Cards couldn't save this page." : reply.ok ? `Saved “${reply.title}” · ${reply.entities} names` : reply.error;
      askTab(tab.id, { type: 'show-notice', text: text.slice(0, 300) }).catch(() => {});
    }
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'open-card') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) askTab(tab.id, { type: 'open-card' }).catch(() => {});
  });
});
