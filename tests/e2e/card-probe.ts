/**
 * Reads the fact card the way only the browser can: the card lives in a
 * closed shadow root, which no page script (and no Playwright locator) can
 * enter. Chromium's DevTools protocol can: `DOM.describeNode` with
 * `pierce: true` lists the host's closed root, `DOM.resolveNode` hands it to
 * an isolated world of the test's own (not the page's, so a page that
 * rewrites DOM prototypes can't fool it, and not the content script's), and
 * the accessibility tree gives roles and names as assistive technology gets
 * them. Clicks go through the real mouse at the element's box.
 */
import type { CDPSession, Page } from '@playwright/test';

export const CARD_HOST = 'fact-cards-card';
const DIALOG = '[role="dialog"]';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();
function cdp(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

/** The card host's closed root, as an object in a fresh isolated world; null when there is no host. */
async function cardRoot(page: Page): Promise<{ session: CDPSession; root: string; host: number } | null> {
  const session = await cdp(page);
  const { root } = await session.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: CARD_HOST });
  if (!nodeId) return null;
  const { node } = await session.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
  const shadow = node.shadowRoots?.[0];
  if (!shadow) return null;
  const { frameTree } = await session.send('Page.getFrameTree');
  const { executionContextId } = await session.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'card-probe' });
  const { object } = await session.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId, executionContextId });
  return { session, root: object.objectId!, host: node.backendNodeId };
}

/** The host's shadow-root mode as the browser reports it ('closed' for ours), or null without a host. */
export async function cardRootMode(page: Page): Promise<string | null> {
  const session = await cdp(page);
  const { root } = await session.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: CARD_HOST });
  if (!nodeId) return null;
  const { node } = await session.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
  return node.shadowRoots?.[0]?.shadowRootType ?? null;
}

/** Runs `fn` with the card's shadow root as `this`-free first argument; undefined when there is no card host. */
export async function inCard<A, R>(page: Page, fn: (root: ShadowRoot, arg: A) => R, arg?: A): Promise<R | undefined> {
  const found = await cardRoot(page);
  if (!found) return undefined;
  const { result, exceptionDetails } = await found.session.send('Runtime.callFunctionOn', {
    objectId: found.root,
    functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
    arguments: [{ value: arg }],
    returnByValue: true,
    awaitPromise: true,
  });
  if (exceptionDetails) throw new Error(`in card: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value as R;
}

/** Text of the open card (as rendered), or null while none is shown. */
export const cardText = (page: Page): Promise<string | null> =>
  inCard(page, (root, sel: string) => {
    const dialog = root.querySelector(sel) as HTMLElement | null;
    return dialog && dialog.checkVisibility() ? dialog.innerText : null;
  }, DIALOG).then((t) => t ?? null);

/** True while a card is shown. */
export const cardVisible = async (page: Page) => (await cardText(page)) !== null;

/** The box of the first element matching `selector` in the card (the dialog by default), or null. */
export const cardBox = (page: Page, selector = DIALOG): Promise<Box | null> =>
  inCard(page, (root, sel: string) => {
    const el = root.querySelector(sel);
    if (!el || !(el as HTMLElement).checkVisibility()) return null;
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, selector).then((b) => b ?? null);

/** Texts of every element matching `selector` in the card, in order. */
export const cardTexts = (page: Page, selector: string): Promise<string[]> =>
  inCard(page, (root, sel: string) => [...root.querySelectorAll(sel)].map((el) => (el as HTMLElement).innerText), selector).then((t) => t ?? []);

/** How many elements match `selector` inside the open card's dialog. */
export const cardCount = (page: Page, selector: string): Promise<number> =>
  inCard(page, (root, { dialog, sel }: { dialog: string; sel: string }) => root.querySelector(dialog)?.querySelectorAll(sel).length ?? 0, { dialog: DIALOG, sel: selector }).then((n) => n ?? 0);

/** The on-page notice's text ("Saved …"), '' when none shows. */
export const noticeText = (page: Page): Promise<string> =>
  inCard(page, (root) => root.querySelector('.fc-notice')?.textContent ?? '').then((t) => t ?? '');

/** What has focus inside the card: the focused element's role (or tag) and accessible label, or null when focus is elsewhere. */
export const cardFocus = (page: Page): Promise<{ role: string; label: string | null } | null> =>
  inCard(page, (root) => {
    const el = root.activeElement;
    if (!el) return null;
    return { role: el.getAttribute('role') ?? el.localName, label: el.getAttribute('aria-label') ?? el.getAttribute('aria-labelledby') };
  }).then((f) => f ?? null);

/** True when the card's dialog itself has focus. */
export const cardDialogFocused = async (page: Page) => (await cardFocus(page))?.role === 'dialog';

export interface CardControl {
  role: string;
  name: string;
  box: Box;
}

/**
 * The card's elements of a role with their accessible names, from the
 * browser's accessibility tree (what a screen reader is given), in order.
 */
export async function cardControls(page: Page, role: string): Promise<CardControl[]> {
  const found = await cardRoot(page);
  if (!found) return [];
  const { session } = found;
  const dialog = await session.send('Runtime.callFunctionOn', {
    objectId: found.root,
    functionDeclaration: `function (sel) { return this.querySelector(sel); }`,
    arguments: [{ value: DIALOG }],
  });
  if (!dialog.result.objectId) return [];
  const { node } = await session.send('DOM.describeNode', { objectId: dialog.result.objectId });
  // Accessibility.queryAXTree finds nothing under a closed root here; the full tree has it.
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
        const xs = [q[0], q[2], q[4], q[6]];
        const ys = [q[1], q[3], q[5], q[7]];
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
