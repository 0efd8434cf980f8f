import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Fact Cards',
    description:
      'Underlines the people, places and terms of a source article on any page and shows a card of facts, each linked to its sentence.',
    // storage: settings and site rules; contextMenus: "Fact card for
    // “…”" on a selection. scripting + activeTab: saving the article of a tab
    // runs the extractor (capture.js) in that tab only when the user asks
    // (popup button, context menu); activeTab grants that one tab for that
    // one action, so no host permission is needed — the content script's
    // match pattern does not let the background inject scripts.
    permissions: ['storage', 'contextMenus', 'scripting', 'activeTab'],
    action: { default_title: 'Fact Cards' },
    // The card's host, loaded by the content script the first time a card
    // opens (entrypoints/card-ui), and the frame it draws the card in
    // (entrypoints/card-frame), which a page must be able to embed. In
    // Chromium their addresses carry a per-session id (use_dynamic_url), so
    // a page can't probe them to learn the extension is installed; Firefox's
    // moz-extension:// ids are random per install.
    web_accessible_resources:
      manifestVersion === 3
        ? [{ resources: ['card-ui.js', 'card-frame.html'], matches: ['<all_urls>'], use_dynamic_url: true }]
        : ['card-ui.js', 'card-frame.html'],
    commands: {
      'open-card': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: 'Open the fact card for the selection or the next name in view',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'fact-cards@fact-cards.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
