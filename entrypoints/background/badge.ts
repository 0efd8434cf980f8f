/**
 * The toolbar badge: how many distinct entities the tab's page names, unless
 * the reader switched the badge (or the extension) off. An MV2 build (Firefox)
 * has `browserAction` where MV3 has `action`.
 */
import { browser } from 'wxt/browser';
import { loadSettings, watchSettings, type Settings } from '@/lib/settings/settings';
import { askTab } from '@/lib/messages/send';

const action = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

export function createBadge() {
  const counts = new Map<number, number>();
  let show = true;
  const visible = (s: Settings) => s.badge && s.enabled;
  const paint = (tabId: number) => {
    const count = counts.get(tabId) ?? 0;
    action().setBadgeText({ tabId, text: show && count > 0 ? String(count) : '' }).catch(() => {});
  };
  action().setBadgeBackgroundColor({ color: '#1f4e8c' }).catch(() => {});
  void loadSettings().then(({ settings }) => {
    show = visible(settings);
  });
  // Tab badges outlive the background: a service worker woken by a settings
  // change has no counts, yet the tabs still show the old ones. So a change
  // repaints every tab, asking a page it has not heard from for its count.
  const repaintAll = async () => {
    const tabs = await browser.tabs.query({}).catch(() => []);
    for (const tab of tabs) {
      const tabId = tab.id;
      if (tabId === undefined) continue;
      if (counts.has(tabId) || !show) paint(tabId);
      else void askTab(tabId, { type: 'page-mentions' }).then(
        (reply) => {
          if (!counts.has(tabId)) counts.set(tabId, reply.active ? reply.entities.length : 0);
          paint(tabId);
        },
        () => {}, // no content script there (a browser page, or one loaded before install)
      );
    }
  };
  watchSettings(({ settings }) => {
    show = visible(settings);
    void repaintAll();
  });
  browser.tabs.onRemoved.addListener((tabId) => counts.delete(tabId));
  return {
    set(tabId: number, count: number) {
      counts.set(tabId, count);
      paint(tabId);
    },
  };
}
