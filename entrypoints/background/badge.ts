/**
 * The toolbar badge: how many distinct entities the tab's page names, unless
 * the reader switched the badge (or the extension) off. An MV2 build (Firefox)
 * has `browserAction` where MV3 has `action`.
 */
import { browser } from 'wxt/browser';
import { loadSettings, watchSettings, type Settings } from '@/lib/settings/settings';

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
  watchSettings(({ settings }) => {
    show = visible(settings);
    for (const tabId of counts.keys()) paint(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => counts.delete(tabId));
  return {
    set(tabId: number, count: number) {
      counts.set(tabId, count);
      paint(tabId);
    },
  };
}
