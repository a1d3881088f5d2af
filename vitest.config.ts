import { defineConfig } from 'vitest/config';

// Two tiers: unit tests (pure domain rules, contracts, web helpers, the tree's import
// boundaries), and integration tests that drive the Fastify app through app.inject against a
// real database (SQLite by default, PostgreSQL with TEST_DIALECT=postgres).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'domain/**/*.test.ts',
            'i18n/**/*.test.ts',
            'contracts/**/*.test.ts',
            'web/**/*.test.ts',
            'test/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['server/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
