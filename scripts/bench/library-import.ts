/**
 * Loads a library file into the extension the way a reader does: the
 * `import-library` message from an extension page (the options page), to
 * the background that owns the library.
 */
import type { BrowserContext } from '@playwright/test';

export async function extensionId(context: BrowserContext): Promise<string> {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(sw.url()).host;
}

/** Imports `fileText` (a `fact-cards-library` file); throws unless every article was added. */
export async function importLibrary(context: BrowserContext, fileText: string, expected: number): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${await extensionId(context)}/options.html`);
    const reply = await page.evaluate(
      (text) => (globalThis as any).chrome.runtime.sendMessage({ type: 'import-library', text }),
      fileText,
    ) as { ok: true; added: number; skipped: number } | { ok: false; problems: string[] };
    if (!reply.ok) throw new Error(`import-library refused the generated library: ${reply.problems.slice(0, 3).join('; ')}`);
    if (reply.added !== expected) throw new Error(`import-library added ${reply.added} of ${expected} generated articles (${reply.skipped} skipped)`);
  } finally {
    await page.close();
  }
}
