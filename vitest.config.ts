import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PDF and Chromium work is CPU-bound: two workers match the two-core target machine.
    maxWorkers: 2,
    pool: 'forks',
  },
});
