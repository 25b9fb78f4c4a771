import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium with the built extension (.output/chrome-mv3, built by
// `npm run test:e2e` first). One Chromium at a time: the machines have 2 cores, and parallel
// browsers make timings (panel time-to-first-content, frame times) meaningless.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
  },
});
