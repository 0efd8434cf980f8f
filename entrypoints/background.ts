import { parseRequest } from '@/lib/messages';
import { sourcePath } from '@/lib/cards';
import { loadSettings, watchSettings } from '@/lib/settings';

const MENU_ID = 'fact-card-for-selection';

export default defineBackground(() => {
  // Context menus persist across service-worker restarts; create on install only.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: 'Fact card for “%s”', contexts: ['selection'] });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined || !info.selectionText) return;
    const text = info.selectionText.slice(0, 200);
    browser.tabs.sendMessage(tab.id, { type: 'open-card-for-text', text }, { frameId: info.frameId ?? 0 }).catch(() => {});
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'open-card') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) browser.tabs.sendMessage(tab.id, { type: 'open-card' }).catch(() => {});
  });

  // Badge: distinct entities found in each tab, unless switched off.
  // Firefox's MV2 build has browserAction, not action.
  const action = browser.action ?? browser.browserAction;
  const counts = new Map<number, number>();
  let showBadge = true;
  const paintBadge = (tabId: number) => {
    const count = counts.get(tabId) ?? 0;
    action.setBadgeText({ tabId, text: showBadge && count > 0 ? String(count) : '' }).catch(() => {});
  };
  action.setBadgeBackgroundColor({ color: '#1f4e8c' }).catch(() => {});
  void loadSettings().then(({ settings }) => {
    showBadge = settings.badge;
  });
  watchSettings(({ settings }) => {
    showBadge = settings.badge && settings.enabled;
    for (const tabId of counts.keys()) paintBadge(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => counts.delete(tabId));

  browser.runtime.onMessage.addListener((message, sender) => {
    // Only our own pages and content scripts can reach onMessage (there is no
    // externally_connectable), but the shape is still checked.
    if (sender.id !== browser.runtime.id) return undefined;
    const request = parseRequest(message);
    switch (request?.type) {
      case 'ping':
        return Promise.resolve({ ok: true, version: browser.runtime.getManifest().version });
      case 'mentions-changed':
        if (sender.tab?.id !== undefined && sender.frameId === 0) {
          counts.set(sender.tab.id, request.count);
          paintBadge(sender.tab.id);
        }
        return undefined;
      case 'open-source':
        return browser.tabs
          .create({ url: browser.runtime.getURL(sourcePath(request.article, request.sentence) as '/article.html'), index: sender.tab ? sender.tab.index + 1 : undefined })
          .then(() => true);
      default:
        return undefined;
    }
  });
});
