/**
 * axe-core over the open card, which is drawn in an extension frame the
 * page can't see into. axe runs inside that frame, in an isolated world of
 * the test's own (DevTools protocol, on the frame's own session: it is out of
 * process), over the card's dialog — same rules, same computed styles, the
 * document the reader sees.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { cardFrames } from './card-probe';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export async function cardA11yViolations(page: Page): Promise<string[]> {
  for (const frame of cardFrames(page)) {
    const hasCard = await frame.evaluate('!!document.querySelector(\'[role="dialog"]\')').catch(() => false);
    if (!hasCard) continue;
    const session = await page.context().newCDPSession(frame);
    try {
      const { frameTree } = await session.send('Page.getFrameTree');
      const { executionContextId } = await session.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'card-axe' });
      const load = await session.send('Runtime.evaluate', { expression: await readFile(AXE, 'utf8'), contextId: executionContextId });
      if (load.exceptionDetails) throw new Error(`axe did not load: ${load.exceptionDetails.text}`);
      const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
        expression: `(async () => {
          const dialog = document.querySelector('[role="dialog"]');
          const results = await axe.run(dialog);
          if (!results.passes.some((r) => r.nodes.length)) throw new Error('axe checked nothing inside the card');
          return results.violations.map((v) => v.id + ': ' + v.help);
        })()`,
        contextId: executionContextId,
        returnByValue: true,
        awaitPromise: true,
      });
      if (exceptionDetails) throw new Error(`axe failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value as string[];
    } finally {
      await session.detach().catch(() => {});
    }
  }
  throw new Error('no card frame with a card on the page');
}
