import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // CI asks for a JSON report too, to print one closing line for all its test runs.
    reporters: process.env.FLEETDESK_TEST_REPORT
      ? ['default', ['json', { outputFile: process.env.FLEETDESK_TEST_REPORT }]]
      : ['default'],
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // Each file gets its own database; two at a time fit two cores without starving PGlite.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
