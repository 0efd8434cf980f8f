/**
 * The build `npm run bench -- --profile` profiles: the extension's own WXT
 * config, unminified and with source maps, into .output/bench-profile, so a
 * CPU profile names functions as the source does and maps them to files.
 */
import { defineConfig } from 'wxt';
import base from '../../wxt.config';

export default defineConfig({
  ...base,
  outDir: '.output/bench-profile',
  vite: (env) => {
    const own = typeof base.vite === 'function' ? base.vite(env) : {};
    return { ...own, build: { ...(own as { build?: object }).build, minify: false, sourcemap: true } };
  },
});
