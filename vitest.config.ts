import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Only a guard against hangs: building articles with compromise takes
    // seconds on a busy 2-core machine, and no test asserts on time.
    testTimeout: 30_000,
    setupFiles: ['tests/unit/setup.ts'],
    // One worker, one module graph for all files: each file re-importing the
    // fact builder and the UI cost ~60 of the suite's ~90 s on 2 cores (now
    // ~30 s; a second worker importing it all again made it ~40 s). Files
    // share no state — each resets the fake browser and restores its mocks —
    // and the suite passes with its files in any order
    // (`--sequence.shuffle.files`).
    isolate: false,
    maxWorkers: 1,
  },
});
