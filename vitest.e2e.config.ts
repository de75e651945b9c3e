import { defineConfig } from 'vitest/config';

/** Browser tests: the built app served on localhost, driven in Debian's Chromium. Run after `vite build`. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
