import { chromium, type BrowserContext } from '@playwright/test';
import { resolve } from 'node:path';
// @ts-expect-error plain ESM helper shared with the bootstrap script
import { findChromium } from '../find-chromium.mjs';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

/**
 * Chromium 156 starts its omnibox popup, a WebUI page with a renderer of its
 * own, even in headless mode, where there is no address bar: ~2 s of CPU at
 * every launch (5.3 s against 3.1 s in a launch's first 2.5 s here), and the
 * test suite launches a browser for every test.
 */
const OWN_DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];
/**
 * The features Playwright (1.65) disables at launch. Chromium keeps only the
 * last `--disable-features` it is given, so ours repeats them; an e2e smoke
 * test compares a browser launched here with a bare Playwright launch and
 * fails when Playwright's list has grown.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/** Flags for a quiet test browser, with or without the extension. */
export const QUIET_BROWSER_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  // The machine's network is closed: keep Chromium from dialling out.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OWN_DISABLED_FEATURES].join(',')}`,
];

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
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...QUIET_BROWSER_ARGS],
  });
}

export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}
