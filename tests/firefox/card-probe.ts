/**
 * Reads the fact card in Firefox, where it is drawn in an extension-origin
 * frame (card-frame.html) inside a closed shadow root: no page script (and
 * no puppeteer selector on the page) can enter either. WebDriver BiDi can: a
 * node serialised with `includeShadowTree: 'all'` carries its closed root as
 * a shared reference; in a sandbox of the test's own (not the page's realm,
 * not the content script's) that root gives the frame elements, whose
 * windows BiDi serialises as browsing contexts; and a sandbox in such a
 * context reads the card's document. Boxes are given in the page's
 * coordinates: the frame element's box plus the box inside the frame.
 */
import type { Page } from 'puppeteer-core';

interface Remote {
  type: string;
  value?: any;
  shadowRoot?: { sharedId?: string; value?: { mode?: string } } | null;
}
interface BidiResult {
  type: 'success' | 'exception';
  result?: Remote;
  exceptionDetails?: { text: string };
}

function bidi(page: Page): { send(method: string, params: object): Promise<{ result: BidiResult }>; context: string } {
  const connection = (page.browser() as any).connection;
  const context = (page.mainFrame() as any)._id as string;
  return { send: (method, params) => connection.send(method, params), context };
}

const SANDBOX = 'card-probe';

/** The host element, serialised with its closed root. */
async function host(page: Page): Promise<Remote | null> {
  const { send, context } = bidi(page);
  const { result } = await send('script.callFunction', {
    functionDeclaration: '() => document.querySelector("fact-cards-card")',
    awaitPromise: false,
    target: { context, sandbox: SANDBOX },
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  });
  return result.type === 'success' && result.result?.type === 'node' ? result.result : null;
}

/** The host's shadow-root mode as the browser reports it, or null without a host. */
export async function cardRootMode(page: Page): Promise<string | null> {
  return (await host(page))?.value?.shadowRoot?.value?.mode ?? null;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface CardFrame {
  /** The frame's browsing context. */
  context: string;
  /** Its element's place on the page. */
  x: number;
  y: number;
}

/** The extension frames in the host's closed root, with where they are on the page. */
async function cardFrames(page: Page): Promise<CardFrame[]> {
  const root = (await host(page))?.value?.shadowRoot?.sharedId;
  if (!root) return [];
  const { send, context } = bidi(page);
  const { result } = await send('script.callFunction', {
    functionDeclaration: `(root) => [...root.querySelectorAll('iframe')].map((f) => {
      const r = f.getBoundingClientRect();
      return [f.contentWindow, r.x, r.y];
    })`,
    arguments: [{ sharedId: root }],
    awaitPromise: false,
    target: { context, sandbox: SANDBOX },
    resultOwnership: 'none',
  });
  if (result.type !== 'success') return [];
  const frames: CardFrame[] = [];
  for (const entry of (result.result?.value ?? []) as Remote[]) {
    const [win, x, y] = entry.value as Remote[];
    if (win.type === 'window' && win.value?.context) frames.push({ context: win.value.context, x: x.value, y: y.value });
  }
  return frames;
}

/** The browsing contexts of the extension frames in the card's host. */
export const cardFrameContexts = async (page: Page): Promise<string[]> => (await cardFrames(page)).map((f) => f.context);

/** Runs `fn(document, arg)` in a frame's sandbox; results travel as JSON. */
async function run<A, R>(page: Page, frame: CardFrame, fn: (doc: Document, arg: A) => R, arg: A): Promise<R | undefined> {
  const { send } = bidi(page);
  const { result } = await send('script.callFunction', {
    functionDeclaration: `(arg) => JSON.stringify((${fn.toString()})(document, JSON.parse(arg)) ?? null)`,
    arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }],
    awaitPromise: false,
    target: { context: frame.context, sandbox: SANDBOX },
  }).catch(() => ({ result: { type: 'exception' } as BidiResult })); // a frame that is going away
  if (result.type !== 'success') return undefined;
  return JSON.parse(result.result!.value) as R;
}

/** Runs `fn` in each extension frame until one answers with something other than null. */
async function firstAnswer<A, R>(page: Page, fn: (doc: Document, arg: A) => R, arg: A): Promise<{ frame: CardFrame; value: R } | undefined> {
  for (const frame of await cardFrames(page)) {
    const value = await run(page, frame, fn, arg);
    if (value !== null && value !== undefined) return { frame, value };
  }
  return undefined;
}

/** Runs `fn(document, arg)` in the frame showing the card (the one not showing the notice); undefined without one. */
export async function inCard<A, R>(page: Page, fn: (doc: Document, arg: A) => R, arg?: A): Promise<R | undefined> {
  for (const frame of await cardFrames(page)) {
    if (await run(page, frame, (doc) => !!doc.querySelector('.fc-notice'), null)) continue;
    return run(page, frame, fn, arg as A);
  }
  return undefined;
}

/** Text of the open card (as rendered), or null while none is shown. */
export const cardText = async (page: Page): Promise<string | null> =>
  (await firstAnswer(page, (doc) => {
    const dialog = doc.querySelector('[role="dialog"]') as HTMLElement | null;
    return dialog && dialog.checkVisibility() ? dialog.innerText : null;
  }, null))?.value ?? null;

/** The box, in the page, of the first element matching `selector` in the card, or null. */
export async function cardBox(page: Page, selector = '[role="dialog"]'): Promise<Box | null> {
  const found = await firstAnswer(page, (doc, sel: string): Box | null => {
    const el = doc.querySelector(sel) as HTMLElement | null;
    if (!el || !el.checkVisibility()) return null;
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, selector);
  if (!found?.value) return null;
  const { value, frame } = found;
  return { ...value, x: value.x + frame.x, y: value.y + frame.y };
}

/** The on-page notice's text, '' when none shows. */
export const noticeText = async (page: Page): Promise<string> =>
  (await firstAnswer(page, (doc) => doc.querySelector('.fc-notice')?.textContent ?? null, null))?.value ?? '';

/** True when the card's dialog has focus: the page's focus is in the card's host, and the frame's on the dialog. */
export const cardDialogFocused = async (page: Page): Promise<boolean> => {
  if ((await page.evaluate(() => document.activeElement?.localName)) !== 'fact-cards-card') return false;
  return (await firstAnswer(page, (doc) => (doc.activeElement?.getAttribute('role') === 'dialog' ? true : null), null))?.value ?? false;
};
