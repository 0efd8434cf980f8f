/**
 * Launches Firefox with the built add-on (`.output/firefox-mv2`) installed as
 * a temporary add-on, driven by puppeteer-core over WebDriver BiDi.
 *
 * - The add-on's UUID is fixed (`extensions.webextensions.uuids`), so its
 *   pages live at a known origin: `moz-extension://<ADDON_UUID>`.
 * - `--remote-allow-system-access` lets BiDi open and script extension pages
 *   (popup.html, options.html); without it Firefox refuses the navigation.
 * - Firefox prints the add-on's uncaught errors on its own output
 *   (`JavaScript error: moz-extension://…`) once content console output is on;
 *   they are collected for the tests to fail on.
 * - Offline: Firefox's background network features are switched off, and
 *   whatever still asks for a non-local address goes to a proxy run here that
 *   refuses it and records the host.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
// @ts-expect-error plain ESM helper shared with the bootstrap script
import { findFirefox } from '../find-firefox.mjs';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
/** Any fixed UUID: Firefox otherwise picks a random one per profile. */
export const ADDON_UUID = '3f0c9d52-6a1e-4b7f-9c2d-8e5a4f1b7c30';
export const ADDON_ORIGIN = `moz-extension://${ADDON_UUID}`;

export interface FirefoxWithAddon {
  browser: Browser;
  /** The gecko id from the built manifest. */
  addonId: string;
  /** Lines Firefox printed for uncaught errors in the add-on's own scripts (background, content, pages). */
  addonErrors(): string[];
  /** Non-local hosts something in Firefox tried to reach (refused). */
  outsideRequests(): string[];
  /** Opens an extension page (`popup.html`, `options.html`) in a new tab, once its body has content. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Background features that would otherwise dial out from a fresh profile (puppeteer already turns off updates, safe browsing, telemetry upload and remote settings). */
const OFFLINE_PREFS: Record<string, unknown> = {
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.topsites.contile.enabled': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'captivedetect.canonicalURL': '',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.predictor.enabled': false,
  'network.prefetch-next': false,
  'network.trr.mode': 5,
  'extensions.blocklist.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'geo.provider.network.url': '',
  'media.gmp-manager.url': '',
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
};

/** A proxy that refuses everything and remembers where it was asked to go. */
async function refusingProxy(): Promise<{ port: number; hosts: string[]; server: Server }> {
  const hosts: string[] = [];
  const server = createServer((req, res) => {
    hosts.push(req.headers.host ?? req.url ?? '?');
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    hosts.push(req.url ?? '?');
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { port: (server.address() as AddressInfo).port, hosts, server };
}

function geckoId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(resolve(extensionDir, 'manifest.json'), 'utf8'));
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id: run \`npm run build:firefox\`.`);
  return id;
}

export async function launchFirefoxWithAddon(
  options: { headless?: boolean; extensionDir?: string; prefs?: Record<string, unknown> } = {},
): Promise<FirefoxWithAddon> {
  const executablePath: string | undefined = findFirefox();
  if (!executablePath) throw new Error('No Firefox found: run `node scripts/bootstrap.mjs --firefox` or set FIREFOX_PATH.');
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  const addonId = geckoId(extensionDir);
  const proxy = await refusingProxy();
  const closeProxy = () =>
    new Promise<void>((done) => {
      proxy.server.closeAllConnections();
      proxy.server.close(() => done());
    });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: options.headless ?? true,
    // Echo Firefox's own output only when asked: it is noisy.
    dumpio: process.env.FIREFOX_DUMPIO === '1',
    defaultViewport: { width: 1280, height: 900 },
    // Release builds ignore the Remote Settings server preference (puppeteer
    // points it at a dummy) unless this is set, and keep polling Mozilla's.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      ...OFFLINE_PREFS,
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: ADDON_UUID }),
      'devtools.console.stdout.content': true,
      // Manual proxy for everything but 127.0.0.1/localhost (never proxied by default).
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.share_proxy_settings': true,
      ...options.prefs,
    },
  }).catch(async (error: unknown) => {
    await closeProxy();
    throw error;
  });

  const errors: string[] = [];
  const ours = `moz-extension://${ADDON_UUID}/`;
  let pending = '';
  const onOutput = (chunk: Buffer) => {
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('JavaScript error: ') && line.includes(ours)) errors.push(line);
  };
  const child = browser.process();
  child?.stdout?.on('data', onOutput);
  child?.stderr?.on('data', onOutput);

  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    await closeProxy();
    throw error;
  }

  return {
    browser,
    addonId,
    addonErrors: () => [...errors],
    outsideRequests: () => [...proxy.hosts],
    async openExtensionPage(path) {
      const page = await browser.newPage();
      // BiDi loads the page, but puppeteer's wait for the navigation to settle
      // never ends for moz-extension:// pages: start it, then poll for the
      // content. Polling survives the realm being replaced mid-navigation,
      // which puppeteer's waitForFunction does not.
      page.goto(`${ADDON_ORIGIN}/${path.replace(/^\//, '')}`).catch(() => {});
      const deadline = Date.now() + 30_000;
      for (;;) {
        const ready = await page
          .evaluate((origin) => location.origin === origin && document.readyState === 'complete' && !!document.body?.firstElementChild, ADDON_ORIGIN)
          .catch(() => false);
        if (ready) return page;
        if (Date.now() > deadline) throw new Error(`${path} did not load`);
        await new Promise((done) => setTimeout(done, 50));
      }
    },
    async close() {
      await browser.close();
      await closeProxy();
    },
  };
}
