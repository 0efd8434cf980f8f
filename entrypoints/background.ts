import { parseRequest } from '@/lib/messages';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender) => {
    // Only our own pages and content scripts can reach onMessage (no
    // externally_connectable), but the shape is still checked.
    if (sender.id !== browser.runtime.id) return undefined;
    const request = parseRequest(message);
    if (!request) return undefined;
    switch (request.type) {
      case 'ping':
        return Promise.resolve({ ok: true, version: browser.runtime.getManifest().version });
    }
  });
});
