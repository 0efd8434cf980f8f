#!/usr/bin/env node
// First step of `npm start` and `npm test`: make a fresh clone runnable.
// Installs dependencies when they are missing or older than the lock file,
// and finds (or, as root with apt, installs) a Chromium, and with
// `--firefox` a Firefox too (`npm test` runs the add-on in both).
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';
import { findFirefox } from './find-firefox.mjs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
const say = (msg) => console.log(`[bootstrap] ${msg}`);

function ensureDependencies() {
  const marker = 'node_modules/.package-lock.json';
  const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
  if (!stale) return;
  say('installing dependencies (npm ci)…');
  run('npm ci --no-audit --no-fund');
}

/**
 * A browser the tests drive: found on the machine, or installed from Debian's
 * archive when running as root with apt (Chromium ~35 s, Firefox ESR ~1 min).
 */
function ensureBrowser({ name, find, aptPackage, envVar }) {
  let path = find();
  if (path) return path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let hasApt = false;
  try { execSync('command -v apt-get', { stdio: 'ignore' }); hasApt = true; } catch {}
  if (isRoot && hasApt) {
    say(`no ${name} found; installing Debian's ${aptPackage} with apt-get…`);
    run(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${aptPackage} >/dev/null`);
    path = find();
  }
  if (!path) {
    console.error(
      `[bootstrap] No ${name} found. Install one (Debian/Ubuntu: \`sudo apt-get install ${aptPackage}\`)\n` +
        `            or point ${envVar} at a ${name} binary, then run this again.`,
    );
    process.exit(1);
  }
  return path;
}

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`[bootstrap] Node ${process.versions.node} is too old; Fact Cards needs Node 20 or newer.`);
  process.exit(1);
}
ensureDependencies();
say(`Chromium: ${ensureBrowser({ name: 'Chromium', find: findChromium, aptPackage: 'chromium', envVar: 'CHROMIUM_PATH' })}`);
if (process.argv.includes('--firefox')) {
  say(`Firefox: ${ensureBrowser({ name: 'Firefox', find: findFirefox, aptPackage: 'firefox-esr', envVar: 'FIREFOX_PATH' })}`);
}
