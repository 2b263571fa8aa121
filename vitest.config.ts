import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PDF and Chromium work is CPU-bound: two workers match the two-core target machine.
    maxWorkers: 2,
    pool: 'forks',
    // The app's autosave and the end-to-end harness answer within a second when the machine is idle;
    // under a full parallel run they can take longer, and a poll that gives up early proves nothing.
    expect: { poll: { timeout: 15_000 } },
  },
});
