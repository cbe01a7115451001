import { defineConfig } from 'vitest/config';

/**
 * Three kinds of tests (see tests/README.md): unit tests of src/lib and the
 * loader, build tests that run the real build on fixture data folders, and
 * browser tests in Chromium against the built sample site.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
          // Builds are heavy on a 2-core machine: one file at a time.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
