/**
 * The background: owns the article library (IndexedDB) and answers pages
 * and extension pages through validated messages; keeps the badge, the
 * keyboard command and the context menu.
 */
import { browser } from 'wxt/browser';
import { createBadge } from './badge';
import { handleMessage } from './messages';
import { legacyPackProblems, library } from './library-host';

const MENU_CARD = 'fact-card-for-selection';

export default defineBackground(() => {
  // Context menus persist across service-worker restarts; create on install only.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_CARD, title: 'Fact card for “%s”', contexts: ['selection'] });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_CARD || tab?.id === undefined || !info.selectionText) return;
    const text = info.selectionText.slice(0, 200);
    browser.tabs.sendMessage(tab.id, { type: 'open-card-for-text', text }, { frameId: info.frameId ?? 0 }).catch(() => {});
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'open-card') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) browser.tabs.sendMessage(tab.id, { type: 'open-card' }).catch(() => {});
  });

  const badge = createBadge();
  const hooks = { library, legacyProblems: legacyPackProblems, onMentionCount: badge.set };
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender, hooks));
});
