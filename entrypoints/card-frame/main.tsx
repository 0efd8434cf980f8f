/**
 * The card frame: an extension page the content script puts in a closed
 * shadow root on the page, drawing the fact card (or the on-page notice) in
 * a document of the extension's origin, which no page script can read.
 *
 * It takes exactly one MessagePort, posted by the content script with the
 * key in this page's address fragment, and then talks only over that port:
 * it never posts to its parent window, where page scripts listen, and it
 * checks everything that arrives (lib/messages/card-frame.ts) — a page can
 * post to this window too. What the reader does in the card goes back as
 * actions; the content script decides what they do.
 */
import { render } from 'preact';
import { FactCard } from '@/components/FactCard';
import { CARD_CSS } from '@/components/card-css';
import { parseToFrame, type FrameAction, type ShowCard, type ToFrame } from '@/lib/messages/card-frame';
import { sourcePath } from '@/lib/library/viewer-address';
import { acceptPort } from './accept-port';
import { FRAME_CSS } from './frame-css';

const key = location.hash.slice(1);
const root = document.getElementById('root')!;
const sheet = new CSSStyleSheet();
sheet.replaceSync(CARD_CSS + FRAME_CSS);
document.adoptedStyleSheets = [sheet];

let port: MessagePort | undefined;
/** The card on screen, if any. */
let current: ShowCard | undefined;
/** The last card or notice received: size reports name it. */
let seq = -1;

const send = (action: FrameAction) => port?.postMessage(action);

acceptPort(window, key, (accepted) => {
  port = accepted;
  port.onmessage = (e: MessageEvent) => {
    const message = parseToFrame(e.data);
    if (message) receive(message);
  };
  send({ type: 'ready' });
});

function setRoom(maxWidth: number, maxHeight?: number) {
  const style = document.documentElement.style;
  style.setProperty('--fc-frame-max-width', `${maxWidth}px`);
  if (maxHeight !== undefined) style.setProperty('--fc-max-height', `${maxHeight}px`);
}

/** The content's layout size (not its animated transform), to the host. */
function reportSize() {
  if (seq >= 0) send({ type: 'size', seq, width: root.offsetWidth, height: root.offsetHeight });
}
new ResizeObserver(reportSize).observe(root);

function drawCard(m: ShowCard) {
  render(
    <FactCard
      card={m.card}
      theme={m.theme}
      onOpenRelated={(id) => send({ type: 'related', id })}
      back={m.back && { name: m.back.name, onBack: () => send({ type: 'back' }) }}
      onPage={m.onPage && { ...m.onPage, onPrev: () => send({ type: 'step', delta: -1 }), onNext: () => send({ type: 'step', delta: 1 }) }}
      sourceHref={(article, sentence) => new URL(sourcePath(article, sentence), location.origin).href}
      onOpenSource={(article, sentence) => send({ type: 'open-source', article, sentence })}
      onClose={() => send({ type: 'close' })}
    />,
    root,
  );
}

function receive(message: ToFrame) {
  switch (message.type) {
    case 'card':
      current = message;
      seq = message.seq;
      setRoom(message.fit.maxWidth, message.fit.maxHeight);
      drawCard(message);
      return reportSize();
    case 'fit':
      return setRoom(message.maxWidth, message.maxHeight);
    case 'hide':
      current = undefined;
      return render(null, root);
    case 'focus':
      return (root.querySelector('[role="dialog"]') as HTMLElement | null)?.focus();
    case 'notice':
      seq = message.seq;
      setRoom(message.maxWidth);
      render(<div class="fc-notice" role="status">{message.text}</div>, root);
      return reportSize();
  }
}

// The reader's pointer over the card: told once on the way in and once on
// the way out (a mouse or pen; a tap is a click).
let pointerInside = false;
const pointerAt = (inside: boolean) => (event: PointerEvent) => {
  if (!event.isTrusted || event.pointerType === 'touch' || inside === pointerInside) return;
  pointerInside = inside;
  if (current) send({ type: 'pointer', inside });
};
document.addEventListener('pointermove', pointerAt(true), { passive: true });
document.documentElement.addEventListener('pointerenter', pointerAt(true));
document.documentElement.addEventListener('pointerleave', pointerAt(false));

// Keys pressed in the card stay in this document: the card handles them.
document.addEventListener('keydown', (event) => {
  if (!current || !event.isTrusted) return;
  if (event.key === 'Escape') {
    event.preventDefault();
    send({ type: 'close' });
  } else if ((event.key === 'ArrowRight' || event.key === 'ArrowLeft') && (current.onPage?.total ?? 0) > 1) {
    event.preventDefault();
    send({ type: 'step', delta: event.key === 'ArrowRight' ? 1 : -1 });
  }
});
