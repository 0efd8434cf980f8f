import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  // Each test launches its own Chromium with the extension: 2 at once fits 2 cores.
  workers: 2,
  fullyParallel: true,
  timeout: 30_000,
  // Generous: CI machines have 2 cores shared by two Chromium instances.
  expect: { timeout: 8_000 },
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
});
