/**
 * The frame's side of the handshake: take exactly one MessagePort, posted by
 * the parent window with this frame's key, and stop listening. A page can
 * post to this window too (and can't read the key, which is in this frame's
 * cross-origin address): a message from another window, without the key,
 * with a wrong key or without exactly one port is ignored, and the wait
 * goes on, so a page posting first cannot shut the real handshake out.
 */
import { FRAME_KEY_PATTERN, handshakeKey } from '@/lib/messages/card-frame';

export function acceptPort(win: Window, key: string, onPort: (port: MessagePort) => void): void {
  if (!FRAME_KEY_PATTERN.test(key)) return; // no key, no channel: this frame stays blank
  const onMessage = (event: MessageEvent) => {
    if (event.source !== win.parent || event.ports.length !== 1 || handshakeKey(event.data) !== key) return;
    win.removeEventListener('message', onMessage);
    onPort(event.ports[0]);
  };
  win.addEventListener('message', onMessage);
}
