import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    // two test files at a time on CI's two cores: most of the end-to-end tests wait on the
    // processes they start, so two files overlap well (vitest's default is one fewer than the cores)
    maxWorkers: 2,
    minWorkers: 1,
  },
});
