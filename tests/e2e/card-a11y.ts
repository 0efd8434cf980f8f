/**
 * axe-core over the open card, though the card sits in a closed shadow root
 * axe can't see from the page. axe runs in an isolated world of the test's
 * own (DevTools protocol), where the host is given a `shadowRoot` getter
 * returning its closed root: only that world sees it, the page's own
 * `host.shadowRoot` stays null, and axe walks the card as it would an open
 * root — same rules, same computed styles, same page.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { CARD_HOST } from './card-probe';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export async function cardA11yViolations(page: Page): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = await session.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: CARD_HOST });
    if (!nodeId) throw new Error('no card host on the page');
    const { node } = await session.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const closed = node.shadowRoots?.[0];
    if (!closed) throw new Error('the card host has no shadow root');
    const { frameTree } = await session.send('Page.getFrameTree');
    const { executionContextId } = await session.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'card-axe' });
    const load = await session.send('Runtime.evaluate', { expression: await readFile(AXE, 'utf8'), contextId: executionContextId });
    if (load.exceptionDetails) throw new Error(`axe did not load: ${load.exceptionDetails.text}`);
    const host = (await session.send('DOM.resolveNode', { backendNodeId: node.backendNodeId, executionContextId })).object.objectId!;
    const shadow = (await session.send('DOM.resolveNode', { backendNodeId: closed.backendNodeId, executionContextId })).object.objectId!;
    const { result, exceptionDetails } = await session.send('Runtime.callFunctionOn', {
      objectId: host,
      functionDeclaration: `async function (shadow) {
        Object.defineProperty(this, 'shadowRoot', { get: () => shadow, configurable: true });
        const results = await axe.run(this);
        // Nodes checked inside the shadow root have a target path of selectors, one per root.
        const inside = results.passes.flatMap((r) => r.nodes).filter((n) => Array.isArray(n.target[0])).length;
        if (!inside) throw new Error('axe checked nothing inside the card');
        return results.violations.map((v) => v.id + ': ' + v.help);
      }`,
      arguments: [{ objectId: shadow }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`axe failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as string[];
  } finally {
    await session.detach().catch(() => {});
  }
}
