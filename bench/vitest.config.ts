import { defineConfig } from 'vitest/config';

// `npm run bench`: measurements side by side with the reference tools, printed as a table.
// Never part of `npm test`: timings are reported here, not asserted in tests.
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 30 * 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
