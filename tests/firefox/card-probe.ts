/**
 * Reads the fact card in Firefox, where it lives in a closed shadow root no
 * page script (and no puppeteer selector) can enter. WebDriver BiDi can: a
 * node serialised with `includeShadowTree: 'all'` carries its closed root
 * as a shared reference, which a later call in a sandbox of the test's own
 * (not the page's realm, not the content script's) receives as an argument.
 */
import type { Page } from 'puppeteer-core';

interface BidiResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: any; shadowRoot?: { sharedId?: string } | null };
  exceptionDetails?: { text: string };
}

function bidi(page: Page): { send(method: string, params: object): Promise<{ result: BidiResult }>; context: string } {
  const connection = (page.browser() as any).connection;
  const context = (page.mainFrame() as any)._id as string;
  return { send: (method, params) => connection.send(method, params), context };
}

const SANDBOX = 'card-probe';

/** The card host's closed root as a shared reference, or null while there is no host. */
async function cardRootRef(page: Page): Promise<string | null> {
  const { send, context } = bidi(page);
  const { result } = await send('script.callFunction', {
    functionDeclaration: '() => document.querySelector("fact-cards-card")',
    awaitPromise: false,
    target: { context, sandbox: SANDBOX },
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  });
  if (result.type !== 'success' || result.result?.type !== 'node') return null;
  return result.result.value?.shadowRoot?.sharedId ?? null;
}

/** The host's shadow-root mode as the browser reports it, or null without a host. */
export async function cardRootMode(page: Page): Promise<string | null> {
  const { send, context } = bidi(page);
  const { result } = await send('script.callFunction', {
    functionDeclaration: '() => document.querySelector("fact-cards-card")',
    awaitPromise: false,
    target: { context, sandbox: SANDBOX },
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  });
  return result.result?.value?.shadowRoot?.value?.mode ?? null;
}

/** Runs `fn(root, arg)` with the card's closed root; undefined when there is no card host. Results travel as JSON. */
export async function inCard<A, R>(page: Page, fn: (root: ShadowRoot, arg: A) => R, arg?: A): Promise<R | undefined> {
  const ref = await cardRootRef(page);
  if (!ref) return undefined;
  const { send, context } = bidi(page);
  const { result } = await send('script.callFunction', {
    functionDeclaration: `(root, arg) => JSON.stringify((${fn.toString()})(root, JSON.parse(arg)) ?? null)`,
    arguments: [{ sharedId: ref }, { type: 'string', value: JSON.stringify(arg ?? null) }],
    awaitPromise: false,
    target: { context, sandbox: SANDBOX },
  });
  if (result.type !== 'success') throw new Error(`in card: ${result.exceptionDetails?.text}`);
  return JSON.parse(result.result!.value) as R;
}

/** Text of the open card (as rendered), or null while none is shown. */
export const cardText = (page: Page): Promise<string | null> =>
  inCard(page, (root) => {
    const dialog = root.querySelector('[role="dialog"]') as HTMLElement | null;
    return dialog && dialog.checkVisibility() ? dialog.innerText : null;
  }).then((t) => t ?? null);

/** The box of the first element matching `selector` in the card, or null. */
export const cardBox = (page: Page, selector = '[role="dialog"]') =>
  inCard(page, (root, sel: string) => {
    const el = root.querySelector(sel) as HTMLElement | null;
    if (!el || !el.checkVisibility()) return null;
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, selector).then((b) => b ?? null);

/** The on-page notice's text, '' when none shows. */
export const noticeText = (page: Page): Promise<string> =>
  inCard(page, (root) => root.querySelector('.fc-notice')?.textContent ?? '').then((t) => t ?? '');

/** True when the card's dialog has focus. */
export const cardDialogFocused = (page: Page): Promise<boolean> =>
  inCard(page, (root) => root.activeElement?.getAttribute('role') === 'dialog').then((f) => f ?? false);
