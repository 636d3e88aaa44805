import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/** One vitest project per workspace package, named after it, inheriting the settings below. */
const workspaces = ['packages', 'apps'].flatMap((parent) =>
  readdirSync(parent)
    .map((dir) => join(parent, dir))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({
      extends: true as const,
      test: {
        name: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name as string,
        root: dir,
        include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
      },
    })),
);

export default defineConfig({
  test: {
    projects: [
      ...workspaces,
      { extends: true, test: { name: 'tooling', root: '.', include: ['scripts/**/*.test.ts'] } },
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
