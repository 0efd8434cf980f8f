import { defineConfig } from '@playwright/test';

// The add-on in real Firefox (ESR), driven over WebDriver BiDi: see tests/firefox/fixtures.ts.
export default defineConfig({
  testDir: 'tests/firefox',
  // Each test launches its own Firefox with the add-on: 2 at once fits 2 cores.
  workers: 2,
  fullyParallel: true,
  // Each test includes a Firefox launch: ~5 s on 2 idle cores, but 20–40 s
  // when the machine is heavily shared (tests then took 40–66 s in all).
  timeout: 90_000,
  expect: { timeout: 8_000 },
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/firefox',
});
