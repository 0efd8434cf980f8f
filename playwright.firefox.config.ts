import { defineConfig } from '@playwright/test';

// The add-on in real Firefox (ESR), driven over WebDriver BiDi: see tests/firefox/fixtures.ts.
export default defineConfig({
  testDir: 'tests/firefox',
  // Each test launches its own Firefox with the add-on: 2 at once fits 2 cores.
  workers: 2,
  fullyParallel: true,
  // Launching Firefox with the add-on takes ~5 s on 2 idle cores, and three
  // times that when the machine is busy: each test includes one.
  timeout: 60_000,
  expect: { timeout: 8_000 },
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/firefox',
});
