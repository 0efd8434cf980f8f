/**
 * One extension-origin frame (card-frame.html) and the private channel to
 * it. The frame's address carries a fresh random key in its fragment, which
 * a page can't read (the frame is cross-origin, its element in a closed
 * root). On the frame's load, one `MessagePort` goes to its window with the
 * key, addressed to the extension's origin, so a document the page put there
 * instead never receives it. From then on only the port is used: nothing
 * is posted to or read from a window, where page scripts listen and post too.
 *
 * A second load means the frame was navigated or reloaded — by the page, or
 * because the page moved our element — and the port's other end is gone:
 * the link reports itself lost, and the host makes a new frame with a new key.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { FRAME_HANDSHAKE, newFrameKey, parseFrameAction, type FrameAction, type ToFrame } from '@/lib/messages/card-frame';

/** How long a new frame may take to answer before it is given up (the next card makes another). */
const READY_TIMEOUT_MS = 10_000;

export interface FrameLink {
  iframe: HTMLIFrameElement;
  /** Resolves once the frame holds the port; rejects when it never will. */
  ready: Promise<void>;
  send(message: ToFrame): void;
  /** Removes the frame and closes the port. */
  destroy(): void;
}

export function openFrameLink(ctx: ContentScriptContext, options: {
  parent: Node;
  className: string;
  /** Says nothing of the library: the page can read it. */
  title: string;
  focusable: boolean;
  onAction: (action: Exclude<FrameAction, { type: 'ready' }>) => void;
  /** The frame was navigated away or reloaded: this link is dead. */
  onLost: () => void;
}): FrameLink {
  const key = newFrameKey();
  const src = `${browser.runtime.getURL('/card-frame.html')}#${key}`;
  // The frame document's origin. Not the frame address's: in Chromium that
  // carries the per-session id of `use_dynamic_url`, while the document it
  // loads has the extension's own origin, which a path not listed as
  // web-accessible gives.
  const origin = new URL(browser.runtime.getURL('/')).origin;
  const iframe = document.createElement('iframe');
  iframe.className = options.className;
  iframe.title = options.title;
  if (!options.focusable) iframe.tabIndex = -1;
  iframe.src = src;

  let port: MessagePort | undefined;
  let loads = 0;
  let alive = true;
  let settle!: { resolve: () => void; reject: (e: Error) => void };
  const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  ready.catch(() => {}); // a link given up before anyone waited on it
  const timer = ctx.setTimeout(() => fail('The card frame did not answer'), READY_TIMEOUT_MS);

  function fail(reason: string) {
    if (!alive) return;
    destroy();
    settle.reject(new Error(reason));
    options.onLost();
  }

  function destroy() {
    alive = false;
    clearTimeout(timer);
    port?.close();
    port = undefined;
    iframe.remove();
  }

  iframe.addEventListener('load', () => {
    if (!alive) return;
    if (++loads > 1) return fail('The card frame was navigated');
    const channel = new MessageChannel();
    port = channel.port1;
    port.onmessage = (event: MessageEvent) => {
      const action = parseFrameAction(event.data);
      if (!action || !alive) return;
      if (action.type === 'ready') {
        clearTimeout(timer);
        settle.resolve();
      } else {
        options.onAction(action);
      }
    };
    // Addressed to the extension's origin: if the page has put another
    // document in the frame, the browser drops the message.
    iframe.contentWindow?.postMessage({ type: FRAME_HANDSHAKE, key }, origin, [channel.port2]);
  });
  options.parent.appendChild(iframe);

  return {
    iframe,
    ready,
    send(message) {
      if (alive) port?.postMessage(message);
    },
    destroy,
  };
}
