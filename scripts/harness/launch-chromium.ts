import { chromium, type BrowserContext } from '@playwright/test';
import { resolve } from 'node:path';
// @ts-expect-error plain ESM helper shared with the bootstrap script
import { findChromium } from '../find-chromium.mjs';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

/**
 * Launches Chromium with the built extension (or a test copy of it,
 * `extensionDir`) loaded, in a throwaway profile, or in `userDataDir` to keep
 * what the extension stored across launches.
 */
export async function launchWithExtension(options: { headless?: boolean; extensionDir?: string; userDataDir?: string } = {}): Promise<BrowserContext> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const executablePath: string | undefined = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/bootstrap.mjs` or set CHROMIUM_PATH.');
  return chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-gpu',
      '--disable-quic',
      // The machine's network is closed: keep Chromium from dialling out.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}
