/**
 * Reads the fact card the way only the browser can. The card is drawn in an
 * extension-origin frame (card-frame.html) inside a closed shadow root: no
 * page script can read it, and neither can a Playwright locator on the page.
 * The browser can: Chromium runs the frame out of process, Playwright lists
 * it among the page's frames, and the DevTools protocol opens a session on
 * it, whose accessibility tree gives roles and names as assistive technology
 * gets them. Boxes are given in the page's coordinates (the frame element's
 * box plus the box inside the frame), and clicks go through the real mouse.
 */
import type { CDPSession, Frame, Page } from '@playwright/test';

export const CARD_HOST = 'fact-cards-card';
const DIALOG = '[role="dialog"]';
const NOTICE = '.fc-notice';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const isCardFrame = (f: Frame) => /^chrome-extension:\/\/[a-z]+\/card-frame\.html/.test(f.url());

/** The extension frames on the page (the card's and the notice's, once made). */
export const cardFrames = (page: Page): Frame[] => page.frames().filter(isCardFrame);

/**
 * Runs `fn(document, arg)` in a frame. As an expression, so the DevTools
 * protocol evaluates it: the extension page's CSP forbids building functions
 * from strings, and rightly.
 */
const run = <A, R>(frame: Frame, fn: (doc: Document, arg: A) => R, arg: A): Promise<R> =>
  frame.evaluate(`(${fn.toString()})(document, ${JSON.stringify(arg ?? null)})`) as Promise<R>;

/** Runs `fn` in each extension frame until one answers with something other than null or undefined. */
async function firstAnswer<A, R>(page: Page, fn: (doc: Document, arg: A) => R, arg: A): Promise<{ frame: Frame; value: R } | undefined> {
  for (const frame of cardFrames(page)) {
    const value = await run(frame, fn, arg).catch(() => undefined); // a frame that is going away
    if (value !== null && value !== undefined) return { frame, value: value as R };
  }
  return undefined;
}

/** The frame that holds the card: the one not showing the notice. */
async function cardFrame(page: Page): Promise<Frame | undefined> {
  const frames = cardFrames(page);
  for (const frame of frames) {
    const notice = await frame.evaluate((sel) => !!document.querySelector(sel), NOTICE).catch(() => true);
    if (!notice) return frame;
  }
  return undefined;
}

/** The host's shadow-root mode as the browser reports it ('closed' for ours), or null without a host. */
export async function cardRootMode(page: Page): Promise<string | null> {
  const session = await pageSession(page);
  const { root } = await session.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: CARD_HOST });
  if (!nodeId) return null;
  const { node } = await session.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
  return node.shadowRoots?.[0]?.shadowRootType ?? null;
}

/** Runs `fn` with the card frame's document; undefined when there is no card frame. */
export async function inCard<A, R>(page: Page, fn: (doc: Document, arg: A) => R, arg?: A): Promise<R | undefined> {
  const frame = await cardFrame(page);
  if (!frame) return undefined;
  return run(frame, fn, arg as A);
}

/** Text of the open card (as rendered), or null while none is shown. */
export const cardText = async (page: Page): Promise<string | null> =>
  (await firstAnswer(page, (doc, sel: string) => {
    const dialog = doc.querySelector(sel) as HTMLElement | null;
    return dialog && dialog.checkVisibility() ? dialog.innerText : null;
  }, DIALOG))?.value ?? null;

/** True while a card is shown: its dialog is drawn, and the frame holding it is visible on the page. */
export const cardVisible = async (page: Page): Promise<boolean> => {
  const found = await firstAnswer(page, (doc, sel: string) => (doc.querySelector(sel) as HTMLElement | null)?.checkVisibility() || null, DIALOG);
  return !!found && !!(await frameOwner(page, found.frame))?.visible;
};

const pageSessions = new WeakMap<Page, Promise<CDPSession>>();
function pageSession(page: Page): Promise<CDPSession> {
  let s = pageSessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    pageSessions.set(page, s);
  }
  return s;
}

/** Runs `fn` in an isolated world of the test's own on the page (not the page's, whose built-ins may be replaced). */
async function inPageWorld(page: Page, functionDeclaration: string, backendNodeId?: number): Promise<any> {
  const session = await pageSession(page);
  const { frameTree } = await session.send('Page.getFrameTree');
  const { executionContextId } = await session.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'card-probe' });
  const target = backendNodeId === undefined
    ? (await session.send('Runtime.evaluate', { expression: 'document', contextId: executionContextId })).result
    : (await session.send('DOM.resolveNode', { backendNodeId, executionContextId })).object;
  const { result, exceptionDetails } = await session.send('Runtime.callFunctionOn', { objectId: target.objectId!, functionDeclaration, returnByValue: true });
  if (exceptionDetails) throw new Error(`in page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}

type DomNode = { nodeName: string; backendNodeId: number; attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[] };

/** The iframe elements in the host's closed root, read through the DevTools protocol, with their `src`. */
async function hostFrames(page: Page): Promise<{ backendNodeId: number; src: string }[]> {
  const session = await pageSession(page);
  const { root } = await session.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: CARD_HOST });
  if (!nodeId) return [];
  const { node } = await session.send('DOM.describeNode', { nodeId, depth: -1, pierce: true });
  const found: { backendNodeId: number; src: string }[] = [];
  const walk = (n: DomNode) => {
    const at = n.attributes?.indexOf('src') ?? -1;
    if (n.nodeName === 'IFRAME' && at >= 0 && at % 2 === 0) found.push({ backendNodeId: n.backendNodeId, src: n.attributes![at + 1] });
    for (const child of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(child);
  };
  walk(node as DomNode);
  return found;
}

/**
 * The keys (address fragments) of the extension frames the host holds. This
 * is the page's own truth: Playwright's list of frames can keep a removed
 * out-of-process frame for a while after its element is gone.
 */
export const hostFrameKeys = async (page: Page): Promise<string[]> =>
  (await hostFrames(page)).map((f) => new URL(f.src).hash);

/**
 * The frame's element in the host's closed root, found by the key in its
 * address (the element's `src` carries Chromium's per-session id, the
 * frame's URL the extension's own), with its box on the page and whether it
 * is visible.
 */
async function frameOwner(page: Page, frame: Frame): Promise<(Box & { visible: boolean }) | null> {
  const key = new URL(frame.url()).hash;
  if (!key) return null;
  const iframe = (await hostFrames(page)).find((f) => f.src.endsWith(key));
  if (!iframe) return null;
  return inPageWorld(page, `function () {
    const r = this.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, visible: this.checkVisibility({ visibilityProperty: true }) };
  }`, iframe.backendNodeId);
}

/** The box, in the page, of the frame element holding the open card; null while none is shown. */
export async function cardFrameBox(page: Page): Promise<Box | null> {
  const found = await firstAnswer(page, (doc, sel: string) => (doc.querySelector(sel) as HTMLElement | null)?.checkVisibility() || null, DIALOG);
  const owner = found && (await frameOwner(page, found.frame));
  return owner?.visible ? { x: owner.x, y: owner.y, width: owner.width, height: owner.height } : null;
}

/** Where the frame holding the card is on the page. */
async function frameOffset(page: Page, frame: Frame): Promise<{ x: number; y: number } | null> {
  const owner = await frameOwner(page, frame);
  return owner && { x: owner.x, y: owner.y };
}

/** The box, in the page, of the first element matching `selector` in the card (the dialog by default), or null. */
export async function cardBox(page: Page, selector = DIALOG): Promise<Box | null> {
  const found = await firstAnswer(page, (doc, sel: string): Box | null => {
    const el = doc.querySelector(sel) as HTMLElement | null;
    if (!el || !el.checkVisibility()) return null;
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, selector);
  if (!found?.value) return null;
  const { value } = found;
  const at = await frameOffset(page, found.frame);
  return at && { ...value, x: value.x + at.x, y: value.y + at.y };
}

/** Texts of every element matching `selector` in the card, in order. */
export const cardTexts = async (page: Page, selector: string): Promise<string[]> =>
  (await inCard(page, (doc, sel: string) => [...doc.querySelectorAll(sel)].map((el) => (el as HTMLElement).innerText), selector)) ?? [];

/** How many elements match `selector` inside the open card's dialog. */
export const cardCount = async (page: Page, selector: string): Promise<number> =>
  (await inCard(page, (doc, { dialog, sel }: { dialog: string; sel: string }) => doc.querySelector(dialog)?.querySelectorAll(sel).length ?? 0, { dialog: DIALOG, sel: selector })) ?? 0;

/** The on-page notice's text ("Saved …"), '' when none shows. */
export const noticeText = async (page: Page): Promise<string> =>
  (await firstAnswer(page, (doc, sel: string) => doc.querySelector(sel)?.textContent ?? null, NOTICE))?.value ?? '';

/** What has focus inside the card: the focused element's role (or tag) and accessible label, or null when focus is elsewhere. */
export const cardFocus = async (page: Page): Promise<{ role: string; label: string | null } | null> => {
  // The page's focus is in the card's host (its closed root holds the frame)…
  if ((await inPageWorld(page, 'function () { return this.activeElement?.localName ?? null; }')) !== CARD_HOST) return null;
  // …and, in the frame, on one of the card's elements. (`document.hasFocus()`
  // in an out-of-process frame may lag until the next key reaches it.)
  const found = await firstAnswer(page, (doc) => {
    const el = doc.activeElement;
    if (!el || el === doc.body) return null;
    return { role: el.getAttribute('role') ?? el.localName, label: el.getAttribute('aria-label') ?? el.getAttribute('aria-labelledby') };
  }, null);
  return found?.value ?? null;
};

/** True when the card's dialog itself has focus. */
export const cardDialogFocused = async (page: Page) => (await cardFocus(page))?.role === 'dialog';

export interface CardControl {
  role: string;
  name: string;
  box: Box;
}

const sessions = new WeakMap<Frame, Promise<CDPSession>>();
function cdp(page: Page, frame: Frame): Promise<CDPSession> {
  let s = sessions.get(frame);
  if (!s) {
    // The frame is out of process: it has a DevTools session of its own.
    s = page.context().newCDPSession(frame);
    sessions.set(frame, s);
  }
  return s;
}

/**
 * The card's elements of a role with their accessible names, from the
 * browser's accessibility tree (what a screen reader is given), in order.
 */
export async function cardControls(page: Page, role: string): Promise<CardControl[]> {
  const found = await firstAnswer(page, (doc, sel: string) => (doc.querySelector(sel) ? true : null), DIALOG);
  if (!found) return [];
  const { frame } = found;
  const at = await frameOffset(page, frame);
  if (!at) return [];
  const session = await cdp(page, frame);
  const { root } = await session.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: DIALOG });
  if (!nodeId) return [];
  const { node } = await session.send('DOM.describeNode', { nodeId });
  await session.send('Accessibility.enable');
  const { nodes } = await session.send('Accessibility.getFullAXTree', {});
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const top = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId);
  const out: CardControl[] = [];
  const visit = async (n: (typeof nodes)[number] | undefined) => {
    if (!n) return;
    if (!n.ignored && n.role?.value === role && n.backendDOMNodeId !== undefined) {
      const quads = await session.send('DOM.getContentQuads', { backendNodeId: n.backendDOMNodeId }).catch(() => undefined);
      const q = quads?.quads[0];
      if (q) {
        // Quads are in the frame's own viewport: shift them by the frame's place on the page.
        const xs = [q[0], q[2], q[4], q[6]].map((x) => x + at.x);
        const ys = [q[1], q[3], q[5], q[7]].map((y) => y + at.y);
        const box = { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
        out.push({ role, name: String(n.name?.value ?? ''), box });
      }
    }
    for (const child of n.childIds ?? []) await visit(byId.get(child));
  };
  await visit(top);
  return out;
}

/** The card's first control of `role` whose accessible name matches (a string: exactly). */
export async function cardControl(page: Page, role: string, name: string | RegExp): Promise<CardControl | undefined> {
  const all = await cardControls(page, role);
  return all.find((c) => (typeof name === 'string' ? c.name === name : name.test(c.name)));
}

/** Clicks, with the real mouse, the card's control of `role` named `name`; throws when there is none. */
export async function clickCardControl(page: Page, role: string, name: string | RegExp): Promise<void> {
  const c = await cardControl(page, role, name);
  if (!c) throw new Error(`no ${role} "${name}" in the card (has: ${(await cardControls(page, role)).map((x) => x.name).join(', ') || 'none'})`);
  await page.mouse.click(c.box.x + c.box.width / 2, c.box.y + c.box.height / 2);
}

/** Names of the card's headings, from the accessibility tree. */
export const cardHeadings = async (page: Page) => (await cardControls(page, 'heading')).map((c) => c.name);
