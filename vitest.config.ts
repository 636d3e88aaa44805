import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', { test: { name: 'tooling', root: '.', include: ['scripts/**/*.test.ts'] } }],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
