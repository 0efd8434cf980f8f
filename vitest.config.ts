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
  },
});
