import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests. Pure code (engine, background logic) runs in node; component and other DOM tests run
// in happy-dom (jsdom 30/31 does not start on Node 20, see STACK.md). fake-indexeddb stands in for
// IndexedDB so the Dexie store can be tested without a browser.
const shared = {
  setupFiles: ['fake-indexeddb/auto'],
  testTimeout: 15_000,
};

export default defineConfig({
  plugins: [WxtVitest()],
  // Preact's automatic JSX runtime, as in tsconfig.json (the preset-vite plugin is not needed to test).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          ...shared,
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/components/**', 'tests/unit/**/*.dom.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: 'dom',
          include: ['tests/unit/**/*.test.tsx', 'tests/unit/components/**/*.test.ts', 'tests/unit/**/*.dom.test.ts'],
          environment: 'happy-dom',
        },
      },
    ],
  },
});
