import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  // Each test launches its own Chromium with the extension: 2 at once fits 2 cores.
  workers: 2,
  fullyParallel: true,
  // Guards against hangs, not budgets (no test asserts how long anything
  // took): a 2-core machine running two Chromiums and a build can be slow.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
});
