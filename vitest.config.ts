import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { describeFastCheckSeed, fastCheckSeed } from './scripts/fastCheckSeed.js';

/** Work done once per run before a project's files start (relative to the project's directory). */
const GLOBAL_SETUP: Record<string, string[]> = { '@opspilot/web': ['src/e2e/buildDashboard.ts'] };

/** One vitest project per workspace package, named after it, inheriting the settings below. */
const workspaces = ['packages', 'apps'].flatMap((parent) =>
  readdirSync(parent)
    .map((dir) => join(parent, dir))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => {
      const name = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name as string;
      return {
        extends: true as const,
        test: {
          name,
          root: dir,
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          // Scenario rounds run for many minutes of simulated cluster time: on demand (`npm run test:scenarios`).
          exclude: process.env.OPSPILOT_SCENARIOS === '1' ? [] : ['**/*.scenario.test.ts', '**/node_modules/**'],
          globalSetup: GLOBAL_SETUP[name] ?? [],
        },
      };
    }),
);

// One fast-check seed for the whole run (this file is evaluated several times per run, workers inherit the
// environment), printed so that a failing property can be replayed with FC_SEED; scripts/fastCheckSetup.ts applies it.
const fcSeed = fastCheckSeed(process.env);
if (fcSeed.source !== 'FC_SEED') {
  process.env.FC_SEED = String(fcSeed.seed);
  console.log(describeFastCheckSeed(fcSeed));
}

/**
 * Test files run at once. Most files wait on servers, Chromium, Prometheus or the simulated cluster rather than compute,
 * so a 2-core machine runs two at a time instead of vitest's default of one (cores − 1); `OPSPILOT_TEST_WORKERS` overrides.
 */
const workers = Number(process.env.OPSPILOT_TEST_WORKERS) || Math.max(2, availableParallelism() - 1);

export default defineConfig({
  test: {
    maxWorkers: workers,
    minWorkers: 1,
    setupFiles: [fileURLToPath(new URL('./scripts/fastCheckSetup.ts', import.meta.url))],
    projects: [
      ...workspaces,
      { extends: true, test: { name: 'tooling', root: '.', include: ['scripts/**/*.test.ts'] } },
    ],
    // Limits for a hung test, not speed goals (those live in bench/): generous, because a test that spawns a server
    // or the CLI, or loads the planner's module graph for the first time, takes many times longer on a loaded machine.
    // @actions/workflow-parser imports JSON without an import attribute: Node 20 loads it only through vite.
    server: { deps: { inline: [/@actions\/workflow-parser/] } },
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
