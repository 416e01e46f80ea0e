import { defineConfig } from 'vitest/config';

// Three tiers: unit (pure rules), integration (HTTP in-process against a real database, once per back end),
// e2e (journeys in Debian Chromium against the built app). scripts/test.mjs decides which run.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration-pglite',
          globalSetup: ['test/support/build-templates.ts'],
          include: ['test/integration/**/*.test.ts'],
          env: { COSELL_TEST_BACKEND: 'pglite' },
          // Files run one after another in a worker that keeps its modules, so the worker's one PGlite serves
          // them all, emptied between files (test/support/test-database.ts).
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration-postgres',
          // Every file's database is a copy of one migrated template (test/support/postgres-template.ts).
          globalSetup: ['test/support/build-templates.ts', 'test/support/postgres-template.ts'],
          include: ['test/integration/**/*.test.ts'],
          // The embedded database's own guarantees (locking, its thread) have nothing to test on a server.
          exclude: ['test/integration/embedded/**'],
          env: { COSELL_TEST_BACKEND: 'postgres' },
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // One Chromium and one demo database per run; each journey's server starts on a copy of it.
          globalSetup: ['test/e2e/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
